"""Typed results of the VOD CDN operations: refresh tasks, quotas, usage series, domain logs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from vodstudio.cloud.aliyun import parse as p


@dataclass(frozen=True)
class RefreshTask:
    task_id: str
    object_path: str
    object_type: str
    status: str
    process: str
    creation_time: dt.datetime | None
    description: str

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> RefreshTask:
        return cls(
            task_id=p.text(d, "TaskId"),
            object_path=p.text(d, "ObjectPath"),
            object_type=p.text(d, "ObjectType"),
            status=p.text(d, "Status"),
            process=p.text(d, "Process"),
            creation_time=p.timestamp(d, "CreationTime"),
            description=p.text(d, "Description"),
        )


@dataclass(frozen=True)
class RefreshTaskPage:
    total: int
    tasks: list[RefreshTask]
    page_number: int = 1
    page_size: int = 0


@dataclass(frozen=True)
class RefreshQuota:
    url_quota: int
    url_remain: int
    dir_quota: int
    dir_remain: int
    preload_quota: int
    preload_remain: int
    block_quota: int
    block_remain: int


@dataclass(frozen=True)
class UsagePoint:
    timestamp: dt.datetime
    value: float


@dataclass(frozen=True)
class UsageSeries:
    """Traffic (bytes per interval) or bandwidth (bit/s) over time for one domain (or all)."""

    domain: str
    interval_s: int
    points: list[UsagePoint]
    total: float


@dataclass(frozen=True)
class DomainLog:
    name: str
    path: str
    size: int
    start_time: dt.datetime | None
    end_time: dt.datetime | None


@dataclass(frozen=True)
class DomainLogPage:
    total: int
    logs: list[DomainLog]
