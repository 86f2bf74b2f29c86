"""Local trouble: files deleted, renamed oddly, looping links, a profile others could read."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import engine_on
from tests.reliability.helpers import (
    assert_uploaded_once,
    job_rows,
    media_file,
    open_uploads,
    private_modes,
    run_cli,
    small_parts_profile,
    use_sandbox_credentials,
)
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.transfer import planner
from vodstudio.transfer.planner import part_ranges


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 256 * 1024)
    monkeypatch.setattr(planner, "DEFAULT_PART", 128 * 1024)


@pytest.mark.usefixtures("small_parts")
def test_file_deleted_mid_upload_is_reported_as_gone_at_once(sandbox: Any, tmp_path: Path) -> None:
    path = tmp_path / "vanishing.mp4"
    media_file(path, 2 * 1024 * 1024)
    with engine_on(sandbox, tmp_path, Limits(1, 1, 256 * 1024)) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        deadline = time.monotonic() + 20
        while not (queue.checkpoint(job_id) and queue.checkpoint(job_id).parts):  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.02)
        path.unlink()
        assert engine.wait_idle(60)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.FAILED
        assert (job.error_code, "gone" in job.error_message) == ("file.missing", True), job.error_message


def test_odd_names_and_symlink_loops_are_skipped_and_the_rest_uploaded(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    good = media_file(folder / "good.mp4", 3000)
    bad_name = os.fsdecode(bytes(folder) + b"/latin1-\xe9t\xe9.mp4")
    Path(bad_name).write_bytes(b"x" * 100)
    (folder / "loop.mp4").symlink_to(folder / "loop.mp4")
    loop = tmp_path / "cli-loop.mp4"
    loop.symlink_to(loop)
    single = media_file(tmp_path / "single.mp4", 2000, seed=2)
    common = use_sandbox_credentials(sandbox, monkeypatch)
    status, events, err = run_cli(
        ["upload", str(folder), str(loop), str(tmp_path / "single.mp4"), *common], capsys
    )
    assert status == 1, err  # three entries could not be sent: said, and the exit status says so
    assert "name.not-utf8" in err and err.count("file.symlink-loop") == 2, err
    done = [e for e in events if e.get("state") == "done"]
    assert len(done) == 2, err
    assert_uploaded_once(sandbox, folder / "good.mp4", good)
    assert_uploaded_once(sandbox, tmp_path / "single.mp4", single)
    assert [r["state"] for r in job_rows(profile_home)] == ["done", "done"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_profile_is_private_also_when_it_existed_before(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    small_parts_profile(profile_home)
    for folder in ("data", "logs", "cache"):
        (profile_home / folder).mkdir(exist_ok=True)
        (profile_home / folder).chmod(0o755)
    (profile_home / "data" / "settings.json").chmod(0o644)
    (profile_home / "logs" / "vodstudio.log").write_text("old line\n")
    (profile_home / "logs" / "vodstudio.log").chmod(0o644)
    data = media_file(tmp_path / "clip.mp4", 600 * 1024)
    old_umask = os.umask(0o022)
    try:
        from vodstudio.store.logs import setup_logging
        from vodstudio.store.paths import ProfilePaths

        setup_logging(ProfilePaths.default().ensure())
        status, _events, err = run_cli(["upload", str(tmp_path / "clip.mp4"), *use_sandbox_credentials(
            sandbox, monkeypatch)], capsys)  # fmt: skip
    finally:
        os.umask(old_umask)
        _drop_log_handlers()
    assert status == 0, err
    assert_uploaded_once(sandbox, tmp_path / "clip.mp4", data)
    assert private_modes(profile_home) == []


def _drop_log_handlers() -> None:
    import logging

    logger = logging.getLogger("vodstudio")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(logging.NOTSET)


def _wait_for_parts(queue: Any, job_id: int, count: int = 1) -> None:
    """Until ``count`` parts, part 1 among them, are on the server."""
    deadline = time.monotonic() + 20
    while True:
        numbers = [p.part_number for p in getattr(queue.checkpoint(job_id), "parts", ())]
        if len(numbers) >= count and 1 in numbers:
            return
        assert time.monotonic() < deadline, "no part was recorded"
        time.sleep(0.02)


def _edit_in_place(path: Path, offset: int, size: int) -> None:
    """New bytes, same size, modification time put back (as ``touch -r`` or some editors do)."""
    before = path.stat()
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(os.urandom(size))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.usefixtures("small_parts")
def test_file_changed_mid_upload_leaves_no_open_upload_also_after_a_retry(
    sandbox: Any, tmp_path: Path
) -> None:
    path = tmp_path / "growing.mp4"
    media_file(path, 2 * 1024 * 1024)
    # 256 KiB/s: the 16 parts take ~8 s, so the rewrite lands mid-upload even on a loaded CI box (at
    # 512 KiB/s one CI run finished the whole upload before this thread got to rewrite the file).
    with engine_on(sandbox, tmp_path, Limits(1, 2, 256 * 1024)) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        _wait_for_parts(queue, job_id)
        data = media_file(path, 2 * 1024 * 1024, seed=9)  # rewritten: new bytes, new mtime
        cp = queue.checkpoint(job_id)
        assert cp is not None
        total = len(list(part_ranges(cp.file_size, cp.part_size)))
        assert len(cp.parts) < total, f"all {total} parts were sent before the rewrite: nothing tested"
        engine.set_limits(Limits(1, 2, 0))  # the rest (and the retry) at full speed
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and (job.state, job.error_code) == (JobState.FAILED, "file.changed")
        assert open_uploads(sandbox) == []
        engine.retry([job_id])
        assert engine.wait_idle(60)
        assert (queue.job(job_id) or job).state is JobState.DONE
    assert_uploaded_once(sandbox, path, data)


@pytest.mark.usefixtures("small_parts")
@pytest.mark.parametrize("when", ["mid-upload", "between-runs"])
def test_in_place_edit_keeping_size_and_mtime_fails_loudly(sandbox: Any, tmp_path: Path, when: str) -> None:
    path = tmp_path / "edited.mp4"
    media_file(path, 2 * 1024 * 1024)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 512 * 1024)) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        _wait_for_parts(queue, job_id, 2)
        if when == "between-runs":
            engine.pause([job_id])
            assert engine.wait_idle(30)
        _edit_in_place(path, 20_000, 60_000)  # inside part 1, which is already on the server
        if when == "between-runs":
            engine.resume([job_id])
        assert engine.wait_idle(60)
        job = queue.job(job_id)
        assert job is not None and (job.state, job.error_code) == (JobState.FAILED, "file.changed")
        assert "in place" in job.error_message
    assert open_uploads(sandbox) == []
    with sandbox.state.db() as conn:  # no object completed from a mix of two versions
        assert conn.execute("SELECT COUNT(*) FROM objects").fetchone()[0] == 0
