"""The durable queue: batch adds, paging, ordering, checkpoints, crash recovery, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vodstudio.core.jobs import Checkpoint, JobKind, JobState, PartRecord
from vodstudio.store.db import open_db
from vodstudio.store.queue_db import NewJob, QueueDb


def _jobs(n: int, account: str = "a") -> list[NewJob]:
    return [NewJob(JobKind.VIDEO, account, f"/v/{i}.mp4", size=100 + i, tags=("x", "标签")) for i in range(n)]


def test_batch_add_and_page(tmp_path: Path) -> None:
    q = QueueDb(tmp_path / "q.sqlite3")
    ids = q.add(_jobs(2500))
    assert len(ids) == 2500 and ids == sorted(ids) and len(set(ids)) == 2500
    assert q.count() == 2500
    page = q.page(1000, 3)
    assert [j.path for j in page] == ["/v/1000.mp4", "/v/1001.mp4", "/v/1002.mp4"]
    assert page[0].tags == ("x", "标签") and page[0].uuid
    assert q.totals().count(JobState.QUEUED) == 2500
    assert q.totals().bytes_total == sum(100 + i for i in range(2500))
    q.close()


def test_priority_and_move(tmp_path: Path) -> None:
    q = QueueDb(tmp_path / "q.sqlite3")
    a, b, c = q.add(_jobs(3))
    q.move(c, a)
    assert q.ids_in_order() == [c, a, b]
    q.move(c, None)
    assert q.ids_in_order() == [a, b, c]
    q.update(b, priority=5)
    assert q.ids_in_order() == [b, a, c]
    assert [j.id for j in q.next_runnable(2)] == [b, a]
    assert [j.id for j in q.next_runnable(5, exclude=[b])] == [a, c]
    q.close()


def test_state_changes_and_recovery(tmp_path: Path) -> None:
    path = tmp_path / "q.sqlite3"
    q = QueueDb(path)
    a, b, c = q.add(_jobs(3))
    q.update(a, state=JobState.UPLOADING, media_id="vid-1")
    q.update(b, state=JobState.DONE)
    assert q.set_state([a, b, c], JobState.PAUSED, only_from=[JobState.QUEUED]) == [c]
    q.close()
    q = QueueDb(path)  # a new process after a crash
    assert q.recover_interrupted() == [a]
    job = q.job(a)
    assert job is not None and job.state is JobState.QUEUED and job.media_id == "vid-1"
    q.close()


def test_checkpoint_parts_round_trip(tmp_path: Path) -> None:
    q = QueueDb(tmp_path / "q.sqlite3")
    (a,) = q.add(_jobs(1))
    assert q.checkpoint(a) is None
    q.save_checkpoint(Checkpoint(a, "http://127.0.0.1:1", "bkt", "sv/k.mp4", "up1", 1 << 20, 5 << 20, 7))
    big_crc = (1 << 64) - 5
    q.record_part(a, PartRecord(2, 1 << 20, "E2", big_crc), bytes_done=1 << 20)
    q.record_part(a, PartRecord(1, 1 << 20, "E1", 1), bytes_done=2 << 20)
    cp = q.checkpoint(a)
    assert cp is not None and cp.upload_id == "up1" and cp.file_size == 5 << 20
    assert [p.part_number for p in cp.parts] == [1, 2] and cp.parts[1].crc64 == big_crc
    job = q.job(a)
    assert job is not None and job.bytes_done == 2 << 20
    q.forget_parts(a, [1])
    cp = q.checkpoint(a)
    assert cp is not None and [p.part_number for p in cp.parts] == [2]
    q.delete([a])
    assert q.checkpoint(a) is None  # cascades
    q.close()


def test_migration_backs_up_existing_db(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    conn = open_db(path, ["CREATE TABLE t (a INTEGER);"])
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    conn = open_db(path, ["CREATE TABLE t (a INTEGER);", "ALTER TABLE t ADD COLUMN b TEXT;"])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    backup = tmp_path / "x.sqlite3.v1.bak"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT a FROM t").fetchall() == [(1,)]
    old.close()
