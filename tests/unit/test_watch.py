"""Watch folders without sockets or Qt: settling with a fake clock, patterns, the memory across restarts."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from vodstudio.core.errors import ConfigError, ServiceError, ServiceFacts, VodStudioError
from vodstudio.core.jobs import AddResult
from vodstudio.core.watch import Stability, StabilityTracker, WatchFolder, split_patterns
from vodstudio.services.watcher import Watcher, WatchOutcome, writer_holds
from vodstudio.store.watch import Handled, WatchFolderStore, WatchMemory


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_growing_file_is_never_ready_a_stable_one_is() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(settle=3.0, clock=clock)
    size = 0
    for step in range(20):  # appended every second, observed every half second
        if step % 2 == 0:
            size += 100
        assert tracker.observe("a.mp4", size, 1_000 + size) is Stability.GROWING
        clock.now += 0.5
    assert tracker.observe("a.mp4", size, 1_000 + size) is Stability.GROWING  # last write 1 s ago
    clock.now += 1.9
    assert tracker.observe("a.mp4", size, 1_000 + size) is Stability.GROWING
    clock.now += 0.2
    assert tracker.observe("a.mp4", size, 1_000 + size) is Stability.READY


def test_a_touched_file_starts_again_and_a_held_one_can_be_restarted() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(settle=2.0, clock=clock)
    tracker.observe("a.mp4", 10, 1)
    clock.now += 5
    assert tracker.observe("a.mp4", 10, 2) is Stability.GROWING  # same size, new mtime
    clock.now += 2
    assert tracker.observe("a.mp4", 10, 2) is Stability.READY
    tracker.restart("a.mp4")  # a writer still holds it
    assert tracker.observe("a.mp4", 10, 2) is Stability.GROWING


def test_an_empty_file_is_never_ready() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(settle=1.0, clock=clock)
    tracker.observe("new.mp4", 0, 5)
    clock.now += 60
    assert tracker.observe("new.mp4", 0, 5) is Stability.EMPTY


def test_gone_files_are_forgotten() -> None:
    clock = FakeClock()
    tracker = StabilityTracker(settle=1.0, clock=clock)
    tracker.observe("a.mp4", 5, 5)
    clock.now += 2
    tracker.keep_only([])
    assert tracker.observe("a.mp4", 5, 5) is Stability.GROWING


def test_include_and_exclude_are_case_insensitive_globs() -> None:
    folder = WatchFolder("/rec", recursive=True)
    assert folder.wants("Take 1.MP4") and folder.wants("sub/clip.mkv") and folder.wants("song.flac")
    assert not folder.wants("notes.txt") and not folder.wants("still.png")
    assert not folder.wants("clip.mp4.part") and not folder.wants("render.TMP")
    assert not folder.wants("~$draft.mp4") and not folder.wants(".hidden.mp4")
    assert not folder.wants(".cache/clip.mp4")
    assert not folder.descends(".git") and folder.descends("day 1")
    assert not WatchFolder("/rec").descends("day 1")  # not recursive
    custom = WatchFolder("/rec", include=("*.mov", "final/*.mp4"), exclude=("*draft*",))
    assert custom.wants("A.MOV") and custom.wants("final/cut.mp4") and not custom.wants("cut.mp4")
    assert not custom.wants("DRAFT 2.mov")
    assert split_patterns(" *.mp4; *.mov,*.mkv ;") == ("*.mp4", "*.mov", "*.mkv")


def test_settle_has_a_floor_and_a_folder_round_trips(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        WatchFolder("/rec", settle=0.5)
    assert caught.value.code == "watch.settle"
    store = WatchFolderStore(tmp_path / "watch.json")
    assert store.load() == []
    folder = WatchFolder("/rec", preset="Weekly", account="main", recursive=True, settle=3.0, enabled=False)
    store.save([folder, WatchFolder("/other")])
    assert store.load() == [folder, WatchFolder("/other")]
    (tmp_path / "watch.json").write_text('{"folders": [{"path": "/ok"}, {"nopath": 1}, 3]}', "utf-8")
    assert store.load() == [WatchFolder("/ok")]  # the bad entries are left out


def test_the_memory_knows_content_across_renames_and_restarts(tmp_path: Path) -> None:
    memory = WatchMemory(tmp_path / "watch.db")
    memory.note(Handled("main", "10:abc", "/rec/a.mp4", "queued", 7), 10, 111)
    memory.close()
    memory = WatchMemory(tmp_path / "watch.db")  # a restart
    assert memory.unchanged("main", "/rec/a.mp4", 10, 111)
    assert not memory.unchanged("main", "/rec/a.mp4", 10, 112)  # touched: read it again
    known = memory.by_content("main", "10:abc")
    assert known is not None and (known.outcome, known.job_id) == ("queued", 7)
    assert memory.by_content("other", "10:abc") is None  # another account has not got it
    memory.note(Handled("main", "10:abc", "/rec/sub/b.mp4", "queued"), 10, 111)  # moved and renamed
    assert memory.unchanged("main", "/rec/sub/b.mp4", 10, 111)
    again = memory.by_content("main", "10:abc")
    assert again is not None and (again.path, again.job_id) == ("/rec/sub/b.mp4", 7)  # first job kept
    memory.close()


class FakeIntake:
    """Stands in for the upload path: job ids counting up, or an error to raise."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.error: VodStudioError | None = None

    def __call__(self, _folder: WatchFolder, path: Path) -> AddResult:
        if self.error is not None:
            raise self.error
        self.calls.append(path.name)
        return AddResult((len(self.calls),))


class TickingClock(FakeClock):
    """Every look at the clock is a quarter of a second later (no test waits for real time)."""

    def __call__(self) -> float:
        self.now += 0.25
        return self.now


def _watcher(tmp_path: Path, intake: FakeIntake, clock: FakeClock, **kw: Any) -> Watcher:
    folder = WatchFolder(str(tmp_path / "in"), account="main", settle=2.0, **kw)
    return Watcher([folder], intake, WatchMemory(tmp_path / "watch.db"), lambda _e: None, clock=clock)


def test_the_watcher_hands_a_settled_file_over_once_and_retries_a_refusal(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    clip = tmp_path / "in" / "a.mp4"
    clip.write_bytes(b"x" * 100)
    clock, intake = FakeClock(), FakeIntake()
    watcher = _watcher(tmp_path, intake, clock)
    intake.error = ServiceError(ServiceFacts("aliyun", "Forbidden.RAM", "no permission", "req-1", 403))
    assert watcher.poll() == [] and watcher.pending == 1
    clock.now += 2
    failed = watcher.poll()
    assert [(e.outcome, e.detail) for e in failed] == [(WatchOutcome.FAILED, "Forbidden.RAM")]
    assert watcher.pending == 0 and intake.calls == []
    intake.error = None
    clock.now += 10  # not before the retry time
    assert watcher.poll() == []
    clock.now += 30  # still unchanged since it settled: handed over at once
    queued = watcher.poll()
    assert [(e.outcome, e.job_ids) for e in queued] == [(WatchOutcome.QUEUED, (1,))]
    clock.now += 60
    assert watcher.poll() == [] and intake.calls == ["a.mp4"]


def test_settle_waits_for_every_file_and_stop_ends_the_thread(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "one.mp4").write_bytes(b"1" * 10)
    (tmp_path / "in" / "sub" / "two.mov").write_bytes(b"2" * 10)
    (tmp_path / "in" / "sub" / "skip.tmp").write_bytes(b"3" * 10)
    intake = FakeIntake()
    watcher = _watcher(tmp_path, intake, TickingClock(), recursive=True)
    events = watcher.settle(timeout=1000)
    assert sorted(e.path.rsplit("/", 1)[-1] for e in events) == ["one.mp4", "two.mov"]
    assert watcher.pending == 0
    watcher.interval = 3600.0
    watcher.start()
    watcher.stop()  # does not sit out the hour-long interval
    assert not [t for t in threading.enumerate() if t.name == "vodstudio-watch"]


def test_a_writer_is_seen_on_windows_and_invisible_on_posix(tmp_path: Path) -> None:
    clip = tmp_path / "rec.mp4"
    with clip.open("wb") as out:
        out.write(b"x" * 10)
        out.flush()
        assert writer_holds(str(clip)) is (os.name == "nt")  # POSIX: the settle time is the test
    assert writer_holds(str(clip)) is False
    assert writer_holds(str(tmp_path / "gone.mp4")) is False
