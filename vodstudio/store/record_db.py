"""The upload record's columns of the jobs table: batch ids, bytes sent, retries, CRC-64, paged rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence

from vodstudio.core.record import RecordRow
from vodstudio.store.db import Database

PAGE = 1000
_ROW_SQL = (
    "SELECT id, batch_id, account, kind, path, title, size, media_id, state, started_at, finished_at,"
    " bytes_sent, retries, crc64, error_code, error_message, request_id FROM jobs"
)


def _row(r: sqlite3.Row) -> RecordRow:
    return RecordRow(
        job_id=int(r["id"]),
        batch_id=str(r["batch_id"]),
        account=str(r["account"]),
        kind=str(r["kind"]),
        path=str(r["path"]),
        title=str(r["title"]),
        size=int(r["size"]),
        media_id=str(r["media_id"]),
        state=str(r["state"]),
        started_at=float(r["started_at"]),
        finished_at=float(r["finished_at"]),
        bytes_sent=int(r["bytes_sent"]),
        retries=int(r["retries"]),
        crc64=str(r["crc64"]),
        error_code=str(r["error_code"]),
        error_message=str(r["error_message"]),
        request_id=str(r["request_id"]),
    )


class RecordTable:
    """Shares the queue's connection (``QueueDb.database``); every write is its own transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def tag_batch(self, job_ids: Sequence[int], batch_id: str) -> None:
        """Mark jobs just queued by one add as one batch."""
        with self._db.write() as conn:
            conn.executemany("UPDATE jobs SET batch_id = ? WHERE id = ?", [(batch_id, i) for i in job_ids])

    def add_counts(self, job_id: int, sent: int, retries: int) -> None:
        """Add what the transfer layer counted since the last call (bytes over the wire, retries)."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE jobs SET bytes_sent = bytes_sent + ?, retries = retries + ? WHERE id = ?",
                (sent, retries, job_id),
            )

    def set_crc(self, job_id: int, crc: int) -> None:
        with self._db.write() as conn:
            conn.execute("UPDATE jobs SET crc64 = ? WHERE id = ?", (f"{crc:016x}", job_id))

    def batches(self) -> list[tuple[str, int, float]]:
        """(batch id, jobs, first queued at), newest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT batch_id, COUNT(*), MIN(created_at) FROM jobs WHERE batch_id != ''"
                " GROUP BY batch_id ORDER BY MIN(created_at) DESC"
            ).fetchall()
        return [(str(r[0]), int(r[1]), float(r[2])) for r in rows]

    def accounts(self, *, batch_id: str | None = None, job_ids: Sequence[int] | None = None) -> list[str]:
        """The account names the matching jobs belong to, sorted."""
        chunks = [None] if job_ids is None else [job_ids[i : i + PAGE] for i in range(0, len(job_ids), PAGE)]
        names: set[str] = set()
        for chunk in chunks:
            where, args = _where(batch_id, chunk, 0)
            with self._db.read() as conn:
                names.update(
                    str(r[0]) for r in conn.execute(f"SELECT DISTINCT account FROM jobs {where}", args)
                )
        return sorted(names)

    def rows(
        self, *, batch_id: str | None = None, job_ids: Sequence[int] | None = None, page: int = PAGE
    ) -> Iterator[RecordRow]:
        """Every matching job in id order, read ``page`` rows at a time (a read lock is never held
        across a yield, so 100,000 jobs stream without blocking the engine's writes)."""
        if job_ids is not None:
            wanted = sorted(set(job_ids))
            for start in range(0, len(wanted), page):
                yield from self._page(None, wanted[start : start + page], 0, page)
            return
        after = 0
        while True:
            found = self._page(batch_id, None, after, page)
            yield from found
            if len(found) < page:
                return
            after = found[-1].job_id

    def _page(
        self, batch_id: str | None, job_ids: Sequence[int] | None, after: int, limit: int
    ) -> list[RecordRow]:
        where, args = _where(batch_id, job_ids, after)
        with self._db.read() as conn:
            rows = conn.execute(f"{_ROW_SQL} {where} ORDER BY id LIMIT ?", [*args, limit]).fetchall()
        return [_row(r) for r in rows]


def _where(batch_id: str | None, job_ids: Sequence[int] | None, after: int) -> tuple[str, list[object]]:
    clauses: list[str] = ["id > ?"]
    args: list[object] = [after]
    if batch_id is not None:
        clauses.append("batch_id = ?")
        args.append(batch_id)
    if job_ids is not None:
        clauses.append(f"id IN ({','.join('?' * len(job_ids)) or 'NULL'})")
        args += list(job_ids)
    return "WHERE " + " AND ".join(clauses), args
