"""The durable upload queue: jobs, their multipart checkpoints and the parts the server acknowledged."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from vodstudio.core.jobs import Checkpoint, JobKind, JobState, PartRecord, QueueTotals, UploadJob
from vodstudio.store.db import Database

MIGRATIONS: list[str] = [
    """
    CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        account TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL DEFAULT 0,
        mtime_ns INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        cate_id INTEGER,
        template_group_id TEXT NOT NULL DEFAULT '',
        workflow_id TEXT NOT NULL DEFAULT '',
        cover_path TEXT NOT NULL DEFAULT '',
        user_data TEXT NOT NULL DEFAULT '',
        business_type TEXT NOT NULL DEFAULT '',
        media_id TEXT NOT NULL DEFAULT '',
        media_url TEXT NOT NULL DEFAULT '',
        cover_url TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'queued',
        bytes_done INTEGER NOT NULL DEFAULT 0,
        error_code TEXT NOT NULL DEFAULT '',
        error_message TEXT NOT NULL DEFAULT '',
        request_id TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 0,
        position REAL NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at REAL NOT NULL DEFAULT 0,
        updated_at REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX jobs_order ON jobs (priority DESC, position, id);
    CREATE INDEX jobs_state_order ON jobs (state, priority DESC, position, id);
    CREATE TABLE checkpoints (
        job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        endpoint TEXT NOT NULL,
        bucket TEXT NOT NULL,
        object_key TEXT NOT NULL,
        upload_id TEXT NOT NULL DEFAULT '',
        part_size INTEGER NOT NULL DEFAULT 0,
        file_size INTEGER NOT NULL DEFAULT 0,
        mtime_ns INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE parts (
        job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        part_number INTEGER NOT NULL,
        size INTEGER NOT NULL,
        etag TEXT NOT NULL,
        crc64 TEXT NOT NULL,  -- unsigned 64-bit does not fit SQLite's signed INTEGER
        PRIMARY KEY (job_id, part_number)
    );
    """,
    # MAX(position) on every batch of an add: without this index, adding 100,000 files scans 5M rows.
    "CREATE INDEX jobs_position ON jobs (position);",
    # Issue 13 B (store/plays_db.py): content fingerprints per account, the server state of done
    # uploads until they play, and the upload route chosen per network. The triggers record a done
    # job's fingerprint and start following its video whichever face (GUI, CLI) ran the engine.
    """
    CREATE TABLE job_fingerprints (
        job_id INTEGER PRIMARY KEY,  -- no FK: the row outlives a cleared job until it is recorded
        account TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        replaces_media_id TEXT NOT NULL DEFAULT '',
        replace_state TEXT NOT NULL DEFAULT ''  -- '' | pending | done | failed
    );
    CREATE INDEX job_fingerprints_fp ON job_fingerprints (account, fingerprint);
    CREATE TABLE fingerprints (
        account TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        media_id TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        recorded_at REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (account, fingerprint)
    );
    CREATE TRIGGER fingerprint_on_done AFTER UPDATE OF state ON jobs
    WHEN NEW.state = 'done' AND NEW.media_id != ''
    BEGIN
        INSERT OR REPLACE INTO fingerprints (account, fingerprint, media_id, path, recorded_at)
        SELECT NEW.account, fingerprint, NEW.media_id, NEW.path, NEW.updated_at
        FROM job_fingerprints WHERE job_id = NEW.id;
    END;
    CREATE TABLE playback (
        job_id INTEGER PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
        account TEXT NOT NULL,
        media_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'waiting',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_check_at REAL NOT NULL DEFAULT 0,
        updated_at REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX playback_due ON playback (state, next_check_at);
    CREATE TRIGGER playback_on_done AFTER UPDATE OF state ON jobs
    WHEN NEW.state = 'done' AND NEW.media_id != '' AND NEW.kind = 'video'
    BEGIN
        INSERT OR REPLACE INTO playback (job_id, account, media_id, updated_at)
        VALUES (NEW.id, NEW.account, NEW.media_id, NEW.updated_at);
    END;
    CREATE TABLE upload_routes (
        account TEXT NOT NULL,
        network TEXT NOT NULL,  -- '' holds the account's mode (off | on | auto)
        route TEXT NOT NULL,
        normal_bps REAL NOT NULL DEFAULT 0,
        accelerated_bps REAL NOT NULL DEFAULT 0,
        measured_at REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (account, network)
    );
    """,
    # Issue 13 (store/record_db.py): the upload record. One batch id per add; bytes actually sent
    # (re-sends included) and retried requests, counted by the transfer layer; the object's verified
    # CRC-64 (16 hex digits). The triggers stamp the first start and the end whichever face ran it.
    """
    ALTER TABLE jobs ADD COLUMN batch_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN started_at REAL NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN finished_at REAL NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN bytes_sent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN crc64 TEXT NOT NULL DEFAULT '';
    CREATE INDEX jobs_batch ON jobs (batch_id, id);
    CREATE TRIGGER record_started AFTER UPDATE OF state ON jobs
    WHEN NEW.state IN ('preparing', 'uploading') AND NEW.started_at = 0
    BEGIN
        UPDATE jobs SET started_at = NEW.updated_at WHERE id = NEW.id;
    END;
    CREATE TRIGGER record_finished AFTER UPDATE OF state ON jobs
    WHEN NEW.state IS NOT OLD.state
    BEGIN
        UPDATE jobs SET finished_at = CASE WHEN NEW.state IN ('done', 'failed', 'cancelled')
            THEN NEW.updated_at ELSE 0 END WHERE id = NEW.id;
    END;
    """,
    # Issue 13, presets: where the video is stored, its application, and whether its play URLs are
    # prefetched on the CDN once it plays (prefetch_state: '' | submitted | deferred | failed:<code>).
    """
    ALTER TABLE jobs ADD COLUMN storage_location TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN app_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE jobs ADD COLUMN prefetch_cdn INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE jobs ADD COLUMN prefetch_state TEXT NOT NULL DEFAULT '';
    """,
]

BATCH = 1000
_JOB_FIELDS = {f.name for f in fields(UploadJob)}
_UPDATABLE = _JOB_FIELDS - {"id", "uuid", "created_at", "kind", "account"} | {"cover_url", "prefetch_state"}


@dataclass(frozen=True)
class NewJob:
    """A job about to be queued."""

    kind: JobKind
    account: str
    path: str
    size: int = 0
    mtime_ns: int = 0
    title: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    cate_id: int | None = None
    template_group_id: str = ""
    workflow_id: str = ""
    cover_path: str = ""
    user_data: str = ""
    business_type: str = ""
    priority: int = 0
    storage_location: str = ""
    app_id: str = ""
    prefetch_cdn: bool = False
    state: JobState = JobState.QUEUED
    error_code: str = ""
    error_message: str = ""


def _row_to_job(row: sqlite3.Row) -> UploadJob:
    data = {key: row[key] for key in row.keys() if key in _JOB_FIELDS}  # noqa: SIM118 - Row is not a dict
    data["kind"] = JobKind(data["kind"])
    data["state"] = JobState(data["state"])
    data["tags"] = tuple(json.loads(data["tags"] or "[]"))
    data["prefetch_cdn"] = bool(data.get("prefetch_cdn", 0))
    return UploadJob(**data)


def _state_clause(states: Iterable[JobState] | None) -> tuple[str, list[Any]]:
    if states is None:
        return "", []
    wanted = [s.value for s in states]
    return f"WHERE state IN ({','.join('?' * len(wanted))})", wanted


class QueueDb:
    """Thread-safe access to the queue. Every write is its own committed transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = Database(path, MIGRATIONS)
        self.database = self._db  # the tables of store/plays_db.py share this connection
        self.notice = self._db.notice  # what the user must hear once (a damaged file set aside, ...)

    def close(self) -> None:
        self._db.close()

    # ---- adding -------------------------------------------------------------------------------
    def add(self, jobs: Sequence[NewJob]) -> list[int]:
        """Queue ``jobs`` in order at the end; batched so 100,000 files take seconds, not minutes."""
        ids: list[int] = []
        for start in range(0, len(jobs), BATCH):
            ids += self._add_batch(jobs[start : start + BATCH])
        return ids

    def _add_batch(self, jobs: Sequence[NewJob]) -> list[int]:
        now = time.time()
        tags_json: dict[tuple[str, ...], str] = {}  # one add shares its metadata: encode once
        for j in jobs:
            if j.tags not in tags_json:
                tags_json[j.tags] = json.dumps(list(j.tags), ensure_ascii=False)
        with self._db.write() as conn:
            first = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM jobs").fetchone()[0]) + 1
            base = float(conn.execute("SELECT COALESCE(MAX(position), 0) FROM jobs").fetchone()[0])
            rows = [
                (
                    first + i, os.urandom(16).hex(), j.kind.value, j.account, j.path, j.size, j.mtime_ns,
                    j.title, j.description, tags_json[j.tags], j.cate_id,
                    j.template_group_id, j.workflow_id, j.cover_path, j.user_data, j.business_type,
                    j.state.value, j.error_code, j.error_message, j.priority, base + i + 1, now, now,
                    j.storage_location, j.app_id, int(j.prefetch_cdn),
                )
                for i, j in enumerate(jobs)
            ]  # fmt: skip
            conn.executemany(
                "INSERT INTO jobs (id, uuid, kind, account, path, size, mtime_ns, title, description, tags,"
                " cate_id, template_group_id, workflow_id, cover_path, user_data, business_type, state,"
                " error_code, error_message, priority, position, created_at, updated_at,"
                " storage_location, app_id, prefetch_cdn)"
                " VALUES (" + ",".join("?" * 26) + ")",
                rows,
            )
        return [first + i for i in range(len(jobs))]

    # ---- reading (paged, for a virtual table) ------------------------------------------------
    def job(self, job_id: int) -> UploadJob | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _row_to_job(row) if row else None

    def cover_url(self, job_id: int) -> str:
        with self._db.read() as conn:
            row = conn.execute("SELECT cover_url FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return str(row[0]) if row else ""

    def prefetch_state(self, job_id: int) -> str:
        with self._db.read() as conn:
            row = conn.execute("SELECT prefetch_state FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return str(row[0]) if row else ""

    def count(self, states: Iterable[JobState] | None = None) -> int:
        where, args = _state_clause(states)
        with self._db.read() as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM jobs {where}", args).fetchone()[0])

    def page(self, offset: int, limit: int, states: Iterable[JobState] | None = None) -> list[UploadJob]:
        """Rows ``offset`` to ``offset + limit`` in queue order.

        OFFSET walks every skipped row: selecting only ``id`` lets SQLite skip them inside the order
        index, and only the page's rows are then read whole (at row 999,800 of a million: 73 -> 25 ms).
        """
        where, args = _state_clause(states)
        order = "ORDER BY priority DESC, position, id"
        ids = f"SELECT id FROM jobs {where} {order} LIMIT ? OFFSET ?"
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT * FROM jobs WHERE id IN ({ids}) {order}",
                [*args, limit, offset],
            ).fetchall()
        return [_row_to_job(r) for r in rows]

    def ids_in_order(self, states: Iterable[JobState] | None = None, *, limit: int = -1) -> list[int]:
        where, args = _state_clause(states)
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT id FROM jobs {where} ORDER BY priority DESC, position, id LIMIT ?", [*args, limit]
            ).fetchall()
        return [int(r[0]) for r in rows]

    def next_runnable(self, limit: int, exclude: Iterable[int] = ()) -> list[UploadJob]:
        """The next queued (or interrupted cancelling) jobs in priority/position order."""
        skip = list(exclude)
        marks = ",".join("?" * len(skip)) or "-1"  # NOT IN (NULL) would match nothing
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT * FROM jobs WHERE state IN ('queued', 'cancelling') AND id NOT IN ({marks})"
                " ORDER BY priority DESC, position, id LIMIT ?",
                [*skip, limit],
            ).fetchall()
        return [_row_to_job(r) for r in rows]

    def totals(self) -> QueueTotals:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT state, COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(bytes_done), 0)"
                " FROM jobs GROUP BY state"
            ).fetchall()
        by_state = {JobState(r[0]): int(r[1]) for r in rows}
        return QueueTotals(
            total=sum(by_state.values()),
            by_state=by_state,
            bytes_total=sum(int(r[2]) for r in rows),
            bytes_done=sum(int(r[3]) for r in rows),
        )

    # ---- updating ----------------------------------------------------------------------------
    def update(self, job_id: int, **values: Any) -> None:
        unknown = set(values) - _UPDATABLE
        if unknown:
            raise KeyError(f"not updatable: {sorted(unknown)}")
        for key in ("state", "kind"):
            if key in values:
                values[key] = JobState(values[key]).value if key == "state" else values[key]
        if "tags" in values:
            values["tags"] = json.dumps(list(values["tags"]), ensure_ascii=False)
        values["updated_at"] = time.time()
        assignments = ", ".join(f"{k} = ?" for k in values)
        with self._db.write() as conn:
            conn.execute(f"UPDATE jobs SET {assignments} WHERE id = ?", [*values.values(), job_id])

    def set_state(
        self,
        job_ids: Iterable[int],
        state: JobState,
        *,
        only_from: Iterable[JobState] | None = None,
        clear_error: bool = False,
    ) -> list[int]:
        """Move jobs to ``state`` (only those currently in ``only_from``); returns the ids that moved."""
        ids = list(job_ids)
        moved: list[int] = []
        extra = ", error_code = '', error_message = '', request_id = ''" if clear_error else ""
        with self._db.write() as conn:
            for start in range(0, len(ids), BATCH):
                chunk = ids[start : start + BATCH]
                where, args = _state_clause(only_from)
                cond = f"{where} AND" if where else "WHERE"
                sql = f"SELECT id FROM jobs {cond} id IN ({','.join('?' * len(chunk))})"
                found = [int(r[0]) for r in conn.execute(sql, [*args, *chunk])]
                conn.executemany(
                    f"UPDATE jobs SET state = ?, updated_at = ?{extra} WHERE id = ?",
                    [(state.value, time.time(), i) for i in found],
                )
                moved += found
        return moved

    def recover_interrupted(self) -> list[int]:
        """After a crash: jobs that were running go back to the queue (their checkpoints stay), and so
        do jobs that failed only because the profile's disk was full or read-only."""
        active = [JobState.PREPARING, JobState.UPLOADING, JobState.VERIFYING]
        ids = self.ids_in_order(active)
        with self._db.read() as conn:
            rows = conn.execute("SELECT id FROM jobs WHERE state = 'failed' AND error_code LIKE 'storage.%'")
            ids += [int(r[0]) for r in rows]
        return self.set_state(ids, JobState.QUEUED, only_from=[*active, JobState.FAILED], clear_error=True)

    def move(self, job_id: int, before_job_id: int | None) -> None:
        """Place ``job_id`` just before ``before_job_id`` (taking its priority), or last if None."""
        with self._db.write() as conn:
            if before_job_id is None:
                top = conn.execute("SELECT COALESCE(MAX(position), 0) FROM jobs").fetchone()[0]
                conn.execute("UPDATE jobs SET position = ? WHERE id = ?", (float(top) + 1, job_id))
                return
            target = conn.execute(
                "SELECT priority, position FROM jobs WHERE id = ?", (before_job_id,)
            ).fetchone()
            if target is None:
                return
            prev = conn.execute(
                "SELECT MAX(position) FROM jobs WHERE priority = ? AND position < ? AND id != ?",
                (target[0], target[1], job_id),
            ).fetchone()[0]
            low = float(prev) if prev is not None else float(target[1]) - 1.0
            conn.execute(
                "UPDATE jobs SET priority = ?, position = ? WHERE id = ?",
                (target[0], (low + float(target[1])) / 2, job_id),
            )

    def delete(self, job_ids: Iterable[int]) -> None:
        ids = list(job_ids)
        with self._db.write() as conn:
            conn.executemany("DELETE FROM jobs WHERE id = ?", [(i,) for i in ids])

    # ---- checkpoints and parts ------------------------------------------------------------------
    def save_checkpoint(self, cp: Checkpoint) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO checkpoints (job_id, endpoint, bucket, object_key, upload_id,"
                " part_size, file_size, mtime_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (cp.job_id, cp.endpoint, cp.bucket, cp.object_key, cp.upload_id, cp.part_size,
                 cp.file_size, cp.mtime_ns),
            )  # fmt: skip

    def checkpoint(self, job_id: int) -> Checkpoint | None:
        with self._db.read() as conn:
            row = conn.execute("SELECT * FROM checkpoints WHERE job_id = ?", (job_id,)).fetchone()
            if row is None:
                return None
            parts = conn.execute(
                "SELECT part_number, size, etag, crc64 FROM parts WHERE job_id = ? ORDER BY part_number",
                (job_id,),
            ).fetchall()
        return Checkpoint(
            job_id=job_id,
            endpoint=row["endpoint"],
            bucket=row["bucket"],
            object_key=row["object_key"],
            upload_id=row["upload_id"],
            part_size=int(row["part_size"]),
            file_size=int(row["file_size"]),
            mtime_ns=int(row["mtime_ns"]),
            parts=tuple(PartRecord(int(p[0]), int(p[1]), str(p[2]), int(p[3])) for p in parts),
        )

    def record_part(self, job_id: int, part: PartRecord, bytes_done: int) -> None:
        """Durably note an acknowledged part (only now does it count as done)."""
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO parts (job_id, part_number, size, etag, crc64)"
                " VALUES (?, ?, ?, ?, ?)",
                (job_id, part.part_number, part.size, part.etag, str(part.crc64)),
            )
            conn.execute(
                "UPDATE jobs SET bytes_done = ?, updated_at = ? WHERE id = ?",
                (bytes_done, time.time(), job_id),
            )

    def forget_parts(self, job_id: int, part_numbers: Iterable[int] | None = None) -> None:
        with self._db.write() as conn:
            if part_numbers is None:
                conn.execute("DELETE FROM parts WHERE job_id = ?", (job_id,))
            else:
                conn.executemany(
                    "DELETE FROM parts WHERE job_id = ? AND part_number = ?",
                    [(job_id, n) for n in part_numbers],
                )

    def clear_checkpoint(self, job_id: int) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM parts WHERE job_id = ?", (job_id,))
            conn.execute("DELETE FROM checkpoints WHERE job_id = ?", (job_id,))
