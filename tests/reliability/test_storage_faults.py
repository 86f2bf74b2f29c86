"""The profile's own disk in trouble: full mid-upload or at queue time, read-only, a damaged database."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import (
    PART,
    assert_uploaded_once,
    job_rows,
    media_file,
    run_cli,
    small_parts_profile,
    use_sandbox_credentials,
)
from vodstudio.store.queue_db import QueueDb


def fill_up(queue: QueueDb) -> None:
    """Make the queue's disk full for this connection: no page may be added, and none is free.

    ``max_page_count`` holds for this connection only, so the next process has room again: the
    freed space of the scenario.
    """
    with queue._db.read() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        conn.execute("CREATE TABLE IF NOT EXISTS filler (x BLOB)")
        with contextlib.suppress(sqlite3.OperationalError):
            for _ in range(10_000):
                conn.execute("INSERT INTO filler VALUES (randomblob(500))")
        assert "full" in str(_try_insert(conn))


def _try_insert(conn: sqlite3.Connection) -> Exception | None:
    try:
        conn.execute("INSERT INTO filler VALUES (randomblob(500))")
    except sqlite3.OperationalError as exc:
        return exc
    return None


def test_disk_full_mid_upload_fails_clearly_then_resumes_byte_identical(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    small_parts_profile(profile_home)
    path = tmp_path / "big.mp4"
    data = media_file(path, 20 * PART)
    real = QueueDb.record_part
    recorded = [0]

    def record_then_fill(self: QueueDb, *args: Any, **kw: Any) -> None:
        real(self, *args, **kw)
        recorded[0] += 1
        if recorded[0] == 4:
            fill_up(self)

    monkeypatch.setattr(QueueDb, "record_part", record_then_fill)
    common = use_sandbox_credentials(sandbox, monkeypatch)
    status, events, err = run_cli(["upload", str(path), *common], capsys)
    assert status != 0
    assert "disk" in err and "full" in err and "Traceback" not in err, err
    failed = [e for e in events if e.get("state") == "failed"]
    assert failed and failed[-1]["error_code"] == "storage.full"
    monkeypatch.setattr(QueueDb, "record_part", real)  # space freed
    status, events, err = run_cli(["queue", "resume", *common], capsys)
    assert status == 0, err
    assert job_rows(profile_home)[0]["state"] == "done"
    assert_uploaded_once(sandbox, path, data)


def test_disk_full_when_queueing_is_a_clear_error(
    sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = QueueDb.__init__

    def open_full(self: QueueDb, path: Path) -> None:
        real(self, path)
        fill_up(self)

    monkeypatch.setattr(QueueDb, "__init__", open_full)
    media_file(tmp_path / "a.mp4", 1000)
    status, _events, err = run_cli(["upload", str(tmp_path / "a.mp4"), *use_sandbox_credentials(
        sandbox, monkeypatch)], capsys)  # fmt: skip
    assert status == 1 and "full" in err and "Traceback" not in err, err


@pytest.mark.parametrize("damage", ["overwritten", "truncated"])
def test_damaged_database_is_kept_aside_and_a_fresh_one_started(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:
    common = use_sandbox_credentials(sandbox, monkeypatch)
    for i in range(40):
        media_file(tmp_path / f"clip{i}.mp4", 100, seed=i)
    status, _events, err = run_cli(["upload", str(tmp_path), *common], capsys)
    assert status == 0, err
    db = profile_home / "data" / "vodstudio.sqlite3"
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    original = db.read_bytes()
    broken = (
        b"this is not a database, someone wrote over it" * 100 if damage == "overwritten" else original[:6000]
    )
    db.write_bytes(broken)
    status, _events, err = run_cli(["queue", "list"], capsys)
    assert status == 0 and "damaged" in err and "Traceback" not in err, err
    kept = [
        p
        for p in db.parent.iterdir()
        if p.name.startswith("vodstudio.sqlite3.damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and kept[0].read_bytes() == broken and str(kept[0]) in err
    status, _events, err = run_cli(["queue", "list"], capsys)  # no crash loop, no second notice
    assert status == 0 and "damaged" not in err, err


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """A read-only profile even for root (tests run as root in CI): ``chattr +i``."""
    done: list[Path] = []
    try:
        for path in paths:
            if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
                pytest.skip("chattr +i is not available here")
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_read_only_profile_lists_the_queue_and_refuses_changes_clearly(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    common = use_sandbox_credentials(sandbox, monkeypatch)
    media_file(tmp_path / "one.mp4", 1000)
    status, _events, err = run_cli(["upload", str(tmp_path / "one.mp4"), *common], capsys)
    assert status == 0, err
    data = profile_home / "data"
    sqlite3.connect(data / "vodstudio.sqlite3").execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    files = sorted(p for p in data.iterdir() if p.is_file())
    with immutable(*files, data):
        status, _events, err = run_cli(["queue", "list"], capsys)
        assert status == 0 and "read-only" in err and "1 jobs: 1 done" in err and "Traceback" not in err, err
        media_file(tmp_path / "two.mp4", 1000, seed=2)
        status, _events, err = run_cli(["upload", str(tmp_path / "two.mp4"), *common], capsys)
        assert status == 1 and "read-only" in err and "Traceback" not in err, err
    assert_uploaded_once(sandbox, tmp_path / "one.mp4", (tmp_path / "one.mp4").read_bytes())
