"""Split a CDN batch at today's quota, persist the rest, and submit it once the quota has reset.

Deferred items wait in ``cdn.sqlite3`` (table ``pending``) keyed by account and provider, oldest first.
``submit_due`` asks the desk for today's quota and sends what fits: for Alibaba the server's quota
resets at midnight Beijing time; for Huawei the local ``UsageCounter`` starts a new Beijing day.
Every submitted item is kept in ``history`` with its task id (Huawei status is polled by task id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from vodstudio.cdn.desk import CdnDesk
from vodstudio.cdn.store import utc_now
from vodstudio.core.cdn import CdnTask, CdnTaskKind, SubmitResult, TaskRef, shanghai_day
from vodstudio.store.db import Database


@dataclass(frozen=True)
class PendingItem:
    id: int
    provider: str
    kind: CdnTaskKind
    item: str
    created_at: dt.datetime
    shanghai_day: str


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    provider: str
    kind: CdnTaskKind
    item: str
    task_id: str
    submitted_at: dt.datetime


class DeferredQueue:
    """One account's deferred CDN items and submit history. Thread-safe through ``Database``."""

    def __init__(self, db: Database, account: str, *, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._db = db
        self.account = account
        self._clock = clock

    # ---- submitting ----------------------------------------------------------------------------
    def submit(self, desk: CdnDesk, kind: CdnTaskKind, items: Iterable[str]) -> SubmitResult:
        """Send what today's quota allows now; persist the rest for ``submit_due``."""
        desk.check(kind)
        batch = list(dict.fromkeys(i.strip() for i in items if i.strip()))
        if not batch:
            return SubmitResult()
        room = desk.quota().remaining(kind)
        now_part, later = batch[:room], batch[room:]
        result = desk.submit(kind, now_part) if now_part else SubmitResult()
        deferred = [*result.deferred, *later]
        self._record(desk, kind, result.submitted)
        self._defer(desk, kind, deferred)
        return SubmitResult(result.submitted, deferred, result.failed, result.error)

    def submit_due(self, desk: CdnDesk) -> SubmitResult:
        """Submit pending items (oldest first) as far as today's quota goes."""
        waiting = self.pending(provider=desk.provider.value)
        if not waiting:
            return SubmitResult()
        quota = desk.quota()
        total = SubmitResult()
        for kind in CdnTaskKind:
            rows = [p for p in waiting if p.kind is kind][: quota.remaining(kind)]
            if not rows or not desk.supports(kind):
                continue
            result = desk.submit(kind, [p.item for p in rows])
            self._record(desk, kind, result.submitted)
            done = set(result.deferred)
            # Items rejected for another reason are dropped from the queue (reported, not retried forever).
            self._drop([p.id for p in rows if p.item not in done])
            total = _merge(total, result)
        return total

    # ---- reading -------------------------------------------------------------------------------
    def pending(self, provider: str | None = None) -> list[PendingItem]:
        sql = "SELECT * FROM pending WHERE account = ?"
        args: list[str] = [self.account]
        if provider:
            sql += " AND provider = ?"
            args.append(provider)
        with self._db.read() as conn:
            rows = conn.execute(sql + " ORDER BY id", args).fetchall()
        return [
            PendingItem(
                r["id"],
                r["provider"],
                CdnTaskKind(r["kind"]),
                r["item"],
                dt.datetime.fromisoformat(r["created_at"]),
                r["shanghai_day"],
            )
            for r in rows
        ]

    def history(self, provider: str | None = None, limit: int = 500) -> list[HistoryEntry]:
        """Submitted items, newest first."""
        sql = "SELECT * FROM history WHERE account = ?"
        args: list[str | int] = [self.account]
        if provider:
            sql += " AND provider = ?"
            args.append(provider)
        with self._db.read() as conn:
            rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", [*args, limit]).fetchall()
        return [
            HistoryEntry(
                r["id"],
                r["provider"],
                CdnTaskKind(r["kind"]),
                r["item"],
                r["task_id"],
                dt.datetime.fromisoformat(r["submitted_at"]),
            )
            for r in rows
        ]

    def task_refs(self, provider: str | None = None, limit: int = 50) -> list[TaskRef]:
        """The most recent distinct task ids we submitted, newest first."""
        refs: dict[str, TaskRef] = {}
        for entry in self.history(provider, limit=limit * 10):
            refs.setdefault(entry.task_id, TaskRef(entry.task_id, entry.kind, entry.item))
            if len(refs) >= limit:
                break
        return list(refs.values())

    def statuses(self, desk: CdnDesk, limit: int = 50) -> list[CdnTask]:
        """Status of our recent tasks (what the GUI's history and `vodstudio cdn status` show)."""
        refs = self.task_refs(desk.provider.value, limit)
        return desk.tasks(refs) if refs else []

    def drop_pending(self, ids: Sequence[int]) -> int:
        """Forget deferred items the user no longer wants; returns how many went."""
        return self._drop(ids)

    # ---- storage -------------------------------------------------------------------------------
    def _record(self, desk: CdnDesk, kind: CdnTaskKind, submitted: Sequence[tuple[str, str]]) -> None:
        if not submitted:
            return
        now = self._clock()
        rows = [
            (self.account, desk.provider.value, kind.value, item, task_id, now.isoformat(), shanghai_day(now))
            for item, task_id in submitted
        ]
        with self._db.write() as conn:
            conn.executemany(
                "INSERT INTO history (account, provider, kind, item, task_id, submitted_at, shanghai_day) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _defer(self, desk: CdnDesk, kind: CdnTaskKind, items: Sequence[str]) -> None:
        if not items:
            return
        now = self._clock()
        rows = [
            (self.account, desk.provider.value, kind.value, item, now.isoformat(), shanghai_day(now))
            for item in items
        ]
        with self._db.write() as conn:
            conn.executemany(
                "INSERT INTO pending (account, provider, kind, item, created_at, shanghai_day) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def _drop(self, ids: Sequence[int]) -> int:
        if not ids:
            return 0
        with self._db.write() as conn:
            cur = conn.executemany(
                "DELETE FROM pending WHERE id = ? AND account = ?", [(i, self.account) for i in ids]
            )
            return cur.rowcount


def _merge(a: SubmitResult, b: SubmitResult) -> SubmitResult:
    return SubmitResult(
        [*a.submitted, *b.submitted], [*a.deferred, *b.deferred], [*a.failed, *b.failed], a.error or b.error
    )
