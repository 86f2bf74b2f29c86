"""Huawei's CDN quota as a local count: the service has no quota API, so we count what we submit.

The day is the Beijing (UTC+8, Asia/Shanghai) calendar day. Huawei documents "1,000 per tenant per day"
without a time zone; its China regions, its console and its billing run on Beijing time, and using the
same boundary as Alibaba's quota reset keeps one rule for the deferred queue (the sandbox does the same).
The count only sees this profile's submissions: other tools using the tenant are invisible, which is
why ``CdnQuota.known`` is False for Huawei.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from vodstudio.cdn.store import utc_now
from vodstudio.core.cdn import CdnTaskKind, QuotaLine, shanghai_day
from vodstudio.store.db import Database


class UsageCounter:
    """Today's submissions per task kind for one account."""

    def __init__(
        self,
        db: Database,
        account: str,
        *,
        provider: str = "huawei",
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._db = db
        self.account = account
        self.provider = provider
        self._clock = clock

    def today(self) -> str:
        return shanghai_day(self._clock())

    def used(self, kind: CdnTaskKind) -> int:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT used FROM usage WHERE account = ? AND provider = ? AND kind = ? AND day = ?",
                (self.account, self.provider, kind.value, self.today()),
            ).fetchone()
        return int(row[0]) if row else 0

    def add(self, kind: CdnTaskKind, count: int) -> None:
        self._set(kind, count, "used + excluded.used")

    def mark_exhausted(self, kind: CdnTaskKind, limit: int) -> None:
        """The service said the day's quota is gone: believe it over our count."""
        self._set(kind, limit, "MAX(used, excluded.used)")

    def line(self, kind: CdnTaskKind, limit: int) -> QuotaLine:
        return QuotaLine(remaining=max(0, limit - self.used(kind)), limit=limit)

    def _set(self, kind: CdnTaskKind, count: int, update: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO usage (account, provider, kind, day, used) VALUES (?, ?, ?, ?, ?) "
                f"ON CONFLICT (account, provider, kind, day) DO UPDATE SET used = {update}",
                (self.account, self.provider, kind.value, self.today(), count),
            )
