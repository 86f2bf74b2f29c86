"""CDN operations (Shanghai only): refresh, preload, task and quota queries, usage series, domain logs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.cdn_models import (
    DomainLog,
    DomainLogPage,
    RefreshQuota,
    RefreshTask,
    RefreshTaskPage,
    UsagePoint,
    UsageSeries,
)

# Per-request counts: Alibaba CDN's own limits (≤1,000 URLs or ≤100 directories; ≤100 preloads).
REFRESH_FILES_PER_CALL = 1000
REFRESH_DIRS_PER_CALL = 100
PRELOAD_PER_CALL = 100
OBJECT_TYPES = ("File", "Directory", "Regex", "IgnoreParams")
TASK_TYPES = ("file", "directory", "preload", "regex", "ignoreParams")
TASK_STATUSES = ("Complete", "Refreshing", "Failed", "Pending")
INTERVALS = (300, 3600, 86400)


def _clean_paths(paths: Sequence[str] | str) -> list[str]:
    items = paths.splitlines() if isinstance(paths, str) else list(paths)
    cleaned = lim.unique(path.strip() for path in items)
    if not cleaned:
        raise lim.local_error("MissingObjectPath", "At least one object path is required.")
    return cleaned


def _task_ids(value: str) -> list[str]:
    return [task.strip() for task in value.split(",") if task.strip()]


def _check_range(start: dt.datetime | None, end: dt.datetime | None) -> None:
    if start is not None and end is not None and end <= start:
        raise lim.local_error("InvalidEndTime.Mismatch", "EndTime must be later than StartTime.")


class CdnOps(RpcCaller):
    def refresh_vod_object_caches(
        self, paths: Sequence[str] | str, *, object_type: str = "File", force: bool | None = None
    ) -> list[str]:
        """Purge URLs (``File``) or directories (``Directory``, paths ending in ``/``); returns task ids."""
        lim.check_choice("ObjectType", object_type, OBJECT_TYPES)
        cleaned = _clean_paths(paths)
        if object_type == "Directory" and any(not path.split("?", 1)[0].endswith("/") for path in cleaned):
            raise lim.local_error("InvalidObjectPath.Malformed", "A directory path must end with '/'.")
        size = REFRESH_DIRS_PER_CALL if object_type == "Directory" else REFRESH_FILES_PER_CALL
        task_ids: list[str] = []
        for chunk in lim.chunks(cleaned, size):
            params = {"ObjectPath": "\n".join(chunk), "ObjectType": object_type, "Force": force}
            body = self.call("RefreshVodObjectCaches", params, cdn=True)
            task_ids += _task_ids(p.require_text(body, "RefreshTaskId"))
        return task_ids

    def preload_vod_object_caches(
        self, paths: Sequence[str] | str, *, area: str | None = None, l2_preload: bool | None = None
    ) -> list[str]:
        """Prefetch URLs onto the CDN (no directories); returns task ids."""
        lim.check_choice("Area", area, ("domestic", "overseas"))
        cleaned = _clean_paths(paths)
        if any(path.split("?", 1)[0].endswith("/") for path in cleaned):
            raise lim.local_error("InvalidObjectPath.Malformed", "Directories cannot be prefetched.")
        task_ids: list[str] = []
        for chunk in lim.chunks(cleaned, PRELOAD_PER_CALL):
            params = {"ObjectPath": "\n".join(chunk), "Area": area, "L2Preload": l2_preload}
            body = self.call("PreloadVodObjectCaches", params, cdn=True)
            task_ids += _task_ids(p.require_text(body, "PreloadTaskId"))
        return task_ids

    def describe_vod_refresh_tasks(
        self,
        *,
        task_id: str | None = None,
        object_path: str | None = None,
        object_type: str | None = None,
        domain_name: str | None = None,
        status: str | None = None,
        page_number: int = 1,
        page_size: int = 50,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
    ) -> RefreshTaskPage:
        """Tasks of the last 3 days. ``object_type`` is required with ``domain_name`` or ``status``."""
        lim.check_choice("ObjectType", object_type, TASK_TYPES)
        lim.check_choice("Status", status, TASK_STATUSES)
        if (domain_name or status) and not object_type:
            raise lim.local_error("MissingObjectType", "ObjectType is required with DomainName or Status.")
        if not 1 <= page_size <= 50 or page_number < 1:
            raise lim.local_error("InvalidParameter", "PageSize must be 1..50 and PageNumber ≥ 1.")
        _check_range(start_time, end_time)
        params: dict[str, Any] = {
            "TaskId": task_id,
            "ObjectPath": object_path,
            "ObjectType": object_type,
            "DomainName": domain_name,
            "Status": status,
            "PageNumber": page_number,
            "PageSize": page_size,
            "StartTime": start_time,
            "EndTime": end_time,
        }
        body = self.call("DescribeVodRefreshTasks", params, cdn=True)
        tasks = [RefreshTask.from_json(d) for d in p.items(body, "Tasks", "Task")]
        return RefreshTaskPage(
            total=p.integer(body, "TotalCount"),
            tasks=tasks,
            page_number=p.integer(body, "PageNumber", page_number),
            page_size=p.integer(body, "PageSize", page_size),
        )

    def describe_vod_refresh_quota(self) -> RefreshQuota:
        body = self.call("DescribeVodRefreshQuota", {}, cdn=True)
        return RefreshQuota(
            url_quota=p.integer(body, "UrlQuota"),
            url_remain=p.integer(body, "UrlRemain"),
            dir_quota=p.integer(body, "DirQuota"),
            dir_remain=p.integer(body, "DirRemain"),
            preload_quota=p.integer(body, "PreloadQuota"),
            preload_remain=p.integer(body, "PreloadRemain"),
            block_quota=p.integer(body, "BlockQuota"),
            # The service spells this one in lower camel case; accept both.
            block_remain=p.integer(body, "blockRemain", p.integer(body, "BlockRemain")),
        )

    def _usage(
        self,
        action: str,
        series_key: str,
        domain_name: str | Sequence[str] | None,
        start_time: dt.datetime | None,
        end_time: dt.datetime | None,
        interval: int | None,
    ) -> UsageSeries:
        lim.check_choice("Interval", str(interval) if interval else None, [str(i) for i in INTERVALS])
        _check_range(start_time, end_time)
        domains = (
            domain_name if domain_name is None or isinstance(domain_name, str) else ",".join(domain_name)
        )
        params = {"DomainName": domains, "StartTime": start_time, "EndTime": end_time, "Interval": interval}
        body = self.call(action, params, cdn=True)
        points = []
        for d in p.items(body, series_key, "DataModule"):
            when = p.timestamp(d, "TimeStamp")
            if when is not None:
                points.append(UsagePoint(timestamp=when, value=p.number(d, "Value")))
        return UsageSeries(
            domain=p.text(body, "DomainName", domains or ""),
            interval_s=p.integer(body, "DataInterval", interval or 300),
            points=points,
            total=p.number(body, "TotalTraffic", sum(point.value for point in points))
            if series_key.startswith("Traffic")
            else max((point.value for point in points), default=0.0),
        )

    def describe_vod_domain_traffic_data(
        self,
        domain_name: str | Sequence[str] | None = None,
        *,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
        interval: int | None = None,
    ) -> UsageSeries:
        """Bytes per interval; ``total`` is TotalTraffic (bytes)."""
        return self._usage(
            "DescribeVodDomainTrafficData",
            "TrafficDataPerInterval",
            domain_name,
            start_time,
            end_time,
            interval,
        )

    def describe_vod_domain_bps_data(
        self,
        domain_name: str | Sequence[str] | None = None,
        *,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
        interval: int | None = None,
    ) -> UsageSeries:
        """Bandwidth in bit/s per interval; ``total`` is the peak."""
        return self._usage(
            "DescribeVodDomainBpsData", "BpsDataPerInterval", domain_name, start_time, end_time, interval
        )

    def describe_vod_domain_log(
        self,
        domain_name: str,
        *,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
        page_number: int = 1,
        page_size: int = 300,
    ) -> DomainLogPage:
        if not domain_name or "," in domain_name:
            raise lim.local_error("InvalidDomainName", "Exactly one domain name is required.")
        if not 1 <= page_size <= 1000 or page_number < 1:
            raise lim.local_error("InvalidParameter", "PageSize must be 1..1000 and PageNumber ≥ 1.")
        _check_range(start_time, end_time)
        params = {
            "DomainName": domain_name,
            "StartTime": start_time,
            "EndTime": end_time,
            "PageNumber": page_number,
            "PageSize": page_size,
        }
        body = self.call("DescribeVodDomainLog", params, cdn=True)
        details = p.items(body, "DomainLogDetails", "DomainLogDetail")
        if not details:
            return DomainLogPage(total=0, logs=[])
        detail = details[0]
        logs = [
            DomainLog(
                name=p.text(d, "LogName"),
                path=p.text(d, "LogPath"),
                size=p.integer(d, "LogSize"),
                start_time=p.timestamp(d, "StartTime"),
                end_time=p.timestamp(d, "EndTime"),
            )
            for d in p.items(detail, "LogInfos", "LogInfoDetail")
        ]
        total = p.integer(p.obj(detail, "PageInfos"), "Total", p.integer(detail, "LogCount", len(logs)))
        return DomainLogPage(total=total, logs=logs)
