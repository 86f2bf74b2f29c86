"""Typed results of the VOD CDN operations: refresh tasks, quotas, usage, logs, media refresh, domains."""

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


# ---- refresh and prefetch by media id (RefreshMediaPlayUrls, GetMediaRefreshJobs) ----------------
MEDIA_TASK_TYPES = ("Refresh", "Preload")
MEDIA_FORMATS = ("mp4", "m3u8", "mp3", "flv", "webm", "ts")
MEDIA_STREAM_TYPES = ("video", "audio")
MEDIA_RESULT_TYPES = ("Single", "Multiple")
SLICE_COUNT_DEFAULT = 5  # TS slices per M3U8 stream when SliceFlag is on and SliceCount is not given
SLICE_COUNT_MAX = 20


@dataclass(frozen=True)
class MediaRefreshOptions:
    """Which play streams of each media RefreshMediaPlayUrls purges or prefetches (empty: all of them).

    ``result_type`` ``Single`` (the service's default) takes the newest stream per definition and
    format, ``Multiple`` all of them; ``slice_flag`` also covers the first ``slice_count`` TS slices of
    every M3U8 stream (1-20, default 5).
    """

    task_type: str = "Refresh"
    formats: tuple[str, ...] = ()
    definitions: tuple[str, ...] = ()
    stream_types: tuple[str, ...] = ()
    result_type: str | None = None
    slice_flag: bool | None = None
    slice_count: int | None = None
    user_data: str | None = None

    @property
    def preload(self) -> bool:
        return self.task_type == "Preload"

    @property
    def slices(self) -> int:
        """TS slices touched per M3U8 stream: 0 unless ``slice_flag``."""
        return (self.slice_count or SLICE_COUNT_DEFAULT) if self.slice_flag else 0


@dataclass(frozen=True)
class MediaRefreshSubmission:
    """One RefreshMediaPlayUrls call: its job id and the ids it could not take."""

    job_id: str
    media_ids: list[str]
    non_exist_media_ids: list[str]
    forbidden_media_ids: list[str]
    request_id: str = ""

    @property
    def accepted_media_ids(self) -> list[str]:
        refused = set(self.non_exist_media_ids) | set(self.forbidden_media_ids)
        return [media_id for media_id in self.media_ids if media_id not in refused]


@dataclass(frozen=True)
class MediaRefreshJob:
    """One media of a refresh/prefetch job. ``status`` is the submission's: ``success`` or ``fail``.

    Each URL in ``success_play_urls`` got its own CDN task (``task_ids``, same order); how each one
    ends is DescribeVodRefreshTasks' to say.
    """

    job_id: str
    media_id: str
    task_type: str
    status: str
    success_play_urls: list[str]
    task_ids: list[str]
    filter_policy: str
    error_code: str
    error_message: str
    user_data: str
    created: dt.datetime | None
    modified: dt.datetime | None

    @property
    def succeeded(self) -> bool:
        return self.status.lower() == "success"

    @property
    def failed(self) -> bool:
        return self.status.lower() == "fail"

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> MediaRefreshJob:
        return cls(
            job_id=p.text(d, "MediaRefreshJobId"),
            media_id=p.text(d, "MediaId"),
            task_type=p.text(d, "TaskType"),
            status=p.text(d, "Status"),
            success_play_urls=p.comma_list(d, "SuccessPlayUrls"),
            task_ids=p.comma_list(d, "TaskIds"),
            filter_policy=p.text(d, "FilterPolicy"),
            error_code=p.text(d, "ErrorCode"),
            error_message=p.text(d, "ErrorMessage"),
            user_data=p.text(d, "UserData"),
            created=p.timestamp(d, "GmtCreate"),
            modified=p.timestamp(d, "GmtModified"),
        )


# ---- accelerated domains (DescribeVodUserDomains, DescribeVodDomainDetail) ----------------------
DOMAIN_STATUSES = ("online", "offline", "configuring", "configure_failed", "checking", "check_failed")
DOMAIN_SEARCH_TYPES = ("fuzzy_match", "pre_match", "suf_match", "full_match")


@dataclass(frozen=True)
class DomainSource:
    """An origin: ``type`` ``oss``, ``ipaddr`` or ``domain``."""

    content: str
    type: str
    port: int
    priority: str
    enabled: str = ""
    weight: str = ""

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> DomainSource:
        return cls(
            content=p.text(d, "Content"),
            type=p.text(d, "Type"),
            port=p.integer(d, "Port"),
            priority=p.text(d, "Priority"),
            enabled=p.text(d, "Enabled"),
            weight=p.text(d, "Weight"),
        )


@dataclass(frozen=True)
class VodDomain:
    """One accelerated domain of the account; ``status`` is one of ``DOMAIN_STATUSES``."""

    domain_name: str
    status: str
    cname: str
    description: str
    created: dt.datetime | None
    modified: dt.datetime | None
    ssl_protocol: str
    sources: list[DomainSource]
    sandbox: str = ""

    @property
    def online(self) -> bool:
        return self.status == "online"

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> VodDomain:
        return cls(
            domain_name=p.text(d, "DomainName"),
            status=p.text(d, "DomainStatus"),
            cname=p.text(d, "Cname"),
            description=p.text(d, "Description"),
            created=p.timestamp(d, "GmtCreated"),
            modified=p.timestamp(d, "GmtModified"),
            ssl_protocol=p.text(d, "SslProtocol"),
            sources=[DomainSource.from_json(s) for s in p.items(d, "Sources", "Source")],
            sandbox=p.text(d, "Sandbox"),
        )


@dataclass(frozen=True)
class VodDomainPage:
    total: int
    domains: list[VodDomain]
    page_number: int = 1
    page_size: int = 20


@dataclass(frozen=True)
class VodDomainDetail:
    """DescribeVodDomainDetail: the domain plus its HTTPS and scope settings."""

    domain: VodDomain
    scope: str
    cert_name: str
    ssl_pub: str
    weight: str

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> VodDomainDetail:
        # The detail spells the HTTPS switch SSLProtocol; the domain list says SslProtocol.
        listed = {**d, "SslProtocol": d.get("SSLProtocol", d.get("SslProtocol"))}
        return cls(
            domain=VodDomain.from_json(listed),
            scope=p.text(d, "Scope"),
            cert_name=p.text(d, "CertName"),
            ssl_pub=p.text(d, "SSLPub"),
            weight=p.text(d, "Weight"),
        )
