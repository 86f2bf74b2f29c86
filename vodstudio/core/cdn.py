"""Provider-neutral CDN domain types: task kinds, task status, quota and submit results."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from vodstudio.core.errors import VodStudioError

# Both providers count daily CDN quotas by the calendar day in Beijing time (UTC+8).
SHANGHAI = ZoneInfo("Asia/Shanghai")

# A Huawei item naming a media asset rather than a URL: ``asset:<asset_id>``.
ASSET_PREFIX = "asset:"


class CdnTaskKind(enum.StrEnum):
    REFRESH_URL = "refresh_url"
    REFRESH_DIR = "refresh_dir"
    PREFETCH = "prefetch"


class CdnTaskStatus(enum.StrEnum):
    PENDING = "pending"  # accepted, not started (Alibaba "Pending")
    RUNNING = "running"  # Alibaba "Refreshing", Huawei "processing"
    SUCCEEDED = "succeeded"  # Alibaba "Complete", Huawei "succeed"
    FAILED = "failed"
    UNKNOWN = "unknown"  # a status string this version does not know

    @property
    def finished(self) -> bool:
        return self in (CdnTaskStatus.SUCCEEDED, CdnTaskStatus.FAILED)


@dataclass(frozen=True)
class TaskRef:
    """A task id we recorded when submitting, with what it was for (Huawei queries differ by kind)."""

    task_id: str
    kind: CdnTaskKind | None = None
    item: str = ""


@dataclass(frozen=True)
class CdnTask:
    """One item of one CDN task as the service reports it."""

    task_id: str
    kind: CdnTaskKind | None
    item: str  # URL, directory, or ``asset:<id>``
    status: CdnTaskStatus
    progress: int | None = None  # percent, when the service says (Alibaba "Process")
    created_at: dt.datetime | None = None
    description: str = ""  # the service's failure reason, if any


@dataclass(frozen=True)
class QuotaLine:
    remaining: int
    limit: int

    @property
    def used(self) -> int:
        return max(0, self.limit - self.remaining)


@dataclass(frozen=True)
class CdnQuota:
    """Today's quota per task kind.

    ``known`` is False when the numbers are our own count (Huawei has no quota API): other tools using
    the same tenant are invisible to it, so the UI should say "estimated".
    """

    lines: Mapping[CdnTaskKind, QuotaLine]
    known: bool = True

    def remaining(self, kind: CdnTaskKind) -> int:
        line = self.lines.get(kind)
        return line.remaining if line else 0

    def limit(self, kind: CdnTaskKind) -> int:
        line = self.lines.get(kind)
        return line.limit if line else 0


@dataclass(frozen=True)
class SubmitResult:
    """What a submit did: ``(item, task_id)`` pairs sent now, and the items left for later.

    ``failed`` items were rejected by an error other than the quota (``error``, the first such one),
    after part of the batch had already gone through; with nothing sent, the error is raised instead.
    """

    submitted: list[tuple[str, str]] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    error: VodStudioError | None = None

    @property
    def task_ids(self) -> list[str]:
        return list(dict.fromkeys(task_id for _, task_id in self.submitted))


def shanghai_day(moment: dt.datetime) -> str:
    """The quota day (``YYYY-MM-DD`` in Beijing time) of an aware datetime."""
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d")


def next_reset(moment: dt.datetime) -> dt.datetime:
    """When the quota day containing ``moment`` ends: the next midnight in Beijing time (aware, UTC)."""
    local = moment.astimezone(SHANGHAI)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), tzinfo=SHANGHAI)
    return midnight.astimezone(dt.UTC)


def is_asset_item(item: str) -> bool:
    return item.startswith(ASSET_PREFIX)


def asset_id_of(item: str) -> str:
    return item[len(ASSET_PREFIX) :]
