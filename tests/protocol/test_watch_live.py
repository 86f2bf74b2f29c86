"""Watch folders against the live sandbox: a file still being written is queued once, after its last write."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import assert_uploaded_once, media_file, videos_for
from vodstudio.core.jobs import JobMetadata
from vodstudio.core.presets import UploadPreset
from vodstudio.core.watch import WatchFolder
from vodstudio.services import Services, build_services
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.services.watcher import WatchEvent, WatchOutcome
from vodstudio.store.paths import ProfilePaths


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _wait_for(events: list[WatchEvent], count: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while len(events) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(events) >= count, events


def _settled(svc: Services, folder: WatchFolder, clock: FakeClock) -> list[WatchEvent]:
    """One pass to see the files, the settle time on the fake clock, one pass to hand them over."""
    engine = svc.uploads.engine(lambda _e: None)
    try:
        watcher = svc.watch.watcher(engine, [folder], lambda _e: None, clock=clock)
        events = watcher.poll()
        clock.now += folder.settle + 0.1
        events += watcher.poll()
        engine.start()
        assert engine.wait_idle(60)
        return events
    finally:
        engine.close()


@pytest.mark.slow
def test_a_growing_file_is_queued_once_after_its_last_write(
    sandbox: Any, stored: Services, tmp_path: Path
) -> None:
    stored.presets.save(UploadPreset("Rec", title_pattern="rec {stem}", tags=("watched",)))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    folder = WatchFolder(str(inbox), preset="Rec", account=ALIYUN_NAME, settle=3.0)
    events: list[WatchEvent] = []
    engine = stored.uploads.engine(lambda _e: None)
    engine.start()
    watcher = stored.watch.watcher(engine, [folder], events.append, interval=0.25).start()
    target = inbox / "stream.mp4"
    rng = random.Random(7)
    data = b""
    try:
        with target.open("wb") as out:
            for _ in range(20):  # 20 appends 0.5 s apart: ~10 s of a recording in progress
                chunk = rng.randbytes(40_000)
                out.write(chunk)
                out.flush()
                data += chunk
                time.sleep(0.5)
                assert events == [] and stored.uploads.totals().total == 0, "queued before the last write"
        _wait_for(events, 1)
        assert engine.wait_idle(60)
    finally:
        watcher.stop()
        engine.close()
    assert [(e.path, e.outcome) for e in events] == [(str(target), WatchOutcome.QUEUED)]
    assert stored.uploads.totals().total == 1
    assert_uploaded_once(sandbox, target, data)  # byte-identical to the final file
    job = stored.uploads.job(events[0].job_ids[0])
    assert job is not None and job.title == "rec stream" and job.tags == ("watched",)


def test_a_restart_and_a_rename_do_not_queue_again_an_edit_does(sandbox: Any, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "day 1").mkdir(parents=True)
    clip = inbox / "clip.mp4"
    data = media_file(clip, 90_000, seed=3)
    media_file(inbox / "clip.mp4.part", 1000, seed=4)  # excluded by default
    (inbox / "empty.mov").write_bytes(b"")  # never ready
    folder = WatchFolder(str(inbox), account=ALIYUN_NAME, recursive=True, settle=2.0)
    before = build_services(ProfilePaths.default())
    try:
        before.sandbox.ensure_accounts(sandbox.info)
        first = _settled(before, folder, FakeClock())
    finally:
        before.close()
    assert [(e.path, e.outcome) for e in first] == [(str(clip), WatchOutcome.QUEUED)]
    assert_uploaded_once(sandbox, clip, data)

    again = build_services(ProfilePaths.default())  # a restart: a new process on the same profile
    try:
        assert _settled(again, folder, FakeClock()) == []
        moved = inbox / "day 1" / "renamed.mp4"
        clip.rename(moved)
        renamed = _settled(again, folder, FakeClock())
        assert [(e.path, e.outcome, e.detail) for e in renamed] == [
            (str(moved), WatchOutcome.KNOWN, str(clip))
        ]
        assert again.uploads.totals().total == 1
        with moved.open("ab") as out:
            out.write(b"one more second")  # edited: new content, a new upload
        edited = _settled(again, folder, FakeClock())
        assert [(e.path, e.outcome) for e in edited] == [(str(moved), WatchOutcome.QUEUED)]
        assert again.uploads.totals().total == 2
    finally:
        again.close()


def test_content_the_account_already_has_is_skipped_and_a_held_file_waits(
    sandbox: Any, stored: Services, tmp_path: Path
) -> None:
    source = tmp_path / "earlier.mp4"
    media_file(source, 70_000, seed=5)
    engine = stored.uploads.engine(lambda _e: None)
    try:
        check = stored.duplicates.check(ALIYUN_NAME, [source])
        stored.duplicates.queue(engine, ALIYUN_NAME, check, JobMetadata())
        engine.start()
        assert engine.wait_idle(60)
    finally:
        engine.close()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(source, inbox / "copy.mp4")
    held = {str(inbox / "copy.mp4")}
    clock = FakeClock()
    folder = WatchFolder(str(inbox), account=ALIYUN_NAME, settle=1.0)
    engine = stored.uploads.engine(lambda _e: None)
    try:
        watcher = stored.watch.watcher(
            engine, [folder], lambda _e: None, clock=clock, probe=held.__contains__
        )
        for _ in range(3):  # a writer holds it: never handed over, however long it sits still
            assert watcher.poll() == [] and watcher.pending == 1
            clock.now += 5
        held.clear()  # released, and still unchanged since the last look: handed over now
        events = watcher.poll()
    finally:
        engine.close()
    assert [(e.outcome, e.detail) for e in events] == [(WatchOutcome.KNOWN, "duplicate.uploaded")]
    assert len(videos_for(sandbox, "earlier.mp4")) == 1 and videos_for(sandbox, "copy.mp4") == []
    assert stored.uploads.totals().total == 1


def test_cli_watch_once_uploads_what_settled_and_a_second_run_sends_nothing(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vodstudio.cli import main

    inbox = tmp_path / "render out"
    (inbox / "deep").mkdir(parents=True)
    top = media_file(inbox / "Final Cut.MOV", 50_000, seed=8)
    deep = media_file(inbox / "deep" / "b-roll.mp4", 60_000, seed=9)
    (inbox / "notes.txt").write_text("not media", "utf-8")
    argv = ["watch", str(inbox), "--once", "--settle", "1", "--recursive", "--account", ALIYUN_NAME]
    assert main([*argv, "--preset", "missing"]) == 1
    assert "no preset named 'missing'" in capsys.readouterr().err
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert (
        f"  queued   {inbox / 'Final Cut.MOV'}" in err
        and f"  queued   {inbox / 'deep' / 'b-roll.mp4'}" in err
    )
    assert "notes.txt" not in err and "2 done, 0 failed" in err
    assert_uploaded_once(sandbox, inbox / "Final Cut.MOV", top)
    assert_uploaded_once(sandbox, inbox / "deep" / "b-roll.mp4", deep)
    assert main(argv) == 0  # nothing new: nothing queued, nothing said about the old files
    err = capsys.readouterr().err
    assert "queued" not in err and "0 done, 0 failed" in err


def test_cli_saved_folders_list_add_remove(
    stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vodstudio.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stored.presets.save(UploadPreset("Rec"))
    argv = ["watch", "add", str(inbox), "--preset", "Rec", "--settle", "4", "--account", ALIYUN_NAME]
    assert main(argv) == 0
    assert main(["watch", "add", str(tmp_path / "nowhere"), "--account", ALIYUN_NAME]) == 1
    assert "is not a folder" in capsys.readouterr().err
    assert main(["watch", "list"]) == 0
    out = capsys.readouterr().out
    assert out == f"{inbox}\tpreset=Rec  account={ALIYUN_NAME}  settle=4s\n"
    assert stored.watch.folders() == [WatchFolder(str(inbox), "Rec", ALIYUN_NAME, settle=4.0)]
    assert main(["watch", "remove", str(inbox)]) == 0
    assert main(["watch", "remove", str(inbox)]) == 1
    assert main(["watch"]) == 2 and "none saved" in capsys.readouterr().err
