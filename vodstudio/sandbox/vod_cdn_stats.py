"""VOD CDN statistics actions: DescribeVodDomainTrafficData / BpsData and DescribeVodDomainLog."""

from __future__ import annotations

from typing import Any

from vodstudio.sandbox import cdn_logs, cdn_series
from vodstudio.sandbox.rpc import RpcContext, RpcError, action
from vodstudio.sandbox.state import SandboxState
from vodstudio.sandbox.vod_cdn import check_domain, end_mismatch, start_not_supported

DAY = 86400.0
DATA_WINDOW = 90 * DAY  # how far back traffic data can be queried
LOG_SPAN = 366 * DAY  # DescribeVodDomainLog: a span of at most one year


def _time_range(
    ctx: RpcContext, *, default_span: float, max_span: float, history: float
) -> tuple[float, float]:
    """StartTime/EndTime as the CDN APIs check them; neither given → the last ``default_span``."""
    state = ctx.state
    now = state.now()
    start_raw, end_raw = ctx.get("StartTime"), ctx.get("EndTime")
    try:
        start = state.parse_iso(start_raw) if start_raw else None
    except ValueError:
        raise RpcError(400, "InvalidStartTime.Malformed", "Specified StartTime is malformed.") from None
    try:
        end = state.parse_iso(end_raw) if end_raw else None
    except ValueError:
        raise RpcError(400, "InvalidEndTime.Malformed", "Specified EndTime is malformed.") from None
    # One bound alone: the other defaults to now, or to a default span before the given end.
    end = now if end is None else end
    start = end - default_span if start is None else start
    if end <= start:
        raise end_mismatch()
    if end - start > max_span:
        raise RpcError(400, "InvalidTime.ValueNotSupported", "The specified time span exceeds the limit.")
    if start < now - history:
        raise start_not_supported()
    return start, end


def _domains(ctx: RpcContext) -> str:
    """Every named domain must be ours; none named means all domains merged (the sandbox has one)."""
    names = [name.strip() for name in ctx.get("DomainName").split(",") if name.strip()]
    if len(names) > 500:
        raise ctx.invalid("DomainName")
    for name in names:
        check_domain(ctx.state, name)
    return ",".join(names)


def _points(ctx: RpcContext) -> tuple[str, float, float, int, list[cdn_series.SeriesPoint]]:
    state = ctx.state
    domain = _domains(ctx)
    start, end = _time_range(ctx, default_span=DAY, max_span=DATA_WINDOW, history=DATA_WINDOW)
    interval = cdn_series.choose_interval(end - start, ctx.get("Interval"))
    first = cdn_series.align(start, interval)
    with state.db() as conn:
        rows = conn.execute(
            "SELECT ts, bytes_sent FROM cdn_access_log WHERE ts >= ? AND ts < ?", (first, end + interval)
        ).fetchall()
    points = cdn_series.series(
        state.cdn_domain, [(row[0], row[1]) for row in rows], start, end, interval, state.now()
    )
    return domain, start, end, interval, points


def _module(state: SandboxState, point_start: int, value: str) -> dict[str, str]:
    return {
        "TimeStamp": state.iso(point_start),
        "Value": value,
        "DomesticValue": value,
        "OverseasValue": "0",
        "HttpsValue": "0",
        "HttpsDomesticValue": "0",
        "HttpsOverseasValue": "0",
    }


@action("DescribeVodDomainTrafficData")
def describe_domain_traffic(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    domain, start, end, interval, points = _points(ctx)
    fmt = cdn_series.format_number
    return {
        "DomainName": domain,
        "StartTime": state.iso(start),
        "EndTime": state.iso(end),
        "DataInterval": str(interval),
        "TotalTraffic": fmt(sum(point.traffic for point in points)),
        "TrafficDataPerInterval": {
            "DataModule": [_module(state, point.start, fmt(point.traffic)) for point in points]
        },
    }


@action("DescribeVodDomainBpsData")
def describe_domain_bps(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    domain, start, end, interval, points = _points(ctx)
    fmt = cdn_series.format_number
    return {
        "DomainName": domain,
        "StartTime": state.iso(start),
        "EndTime": state.iso(end),
        "DataInterval": str(interval),
        "IspNameEn": ctx.get("IspNameEn"),
        "LocationNameEn": ctx.get("LocationNameEn"),
        "BpsDataPerInterval": {
            "DataModule": [_module(state, point.start, fmt(point.bps(interval))) for point in points]
        },
    }


@action("DescribeVodDomainLog")
def describe_domain_log(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    domain = ctx.require("DomainName").strip()
    check_domain(state, domain)
    start, end = _time_range(ctx, default_span=DAY, max_span=LOG_SPAN, history=LOG_SPAN)
    page_number = ctx.get_int("PageNumber", 1, low=1)
    page_size = ctx.get_int("PageSize", 300, low=1, high=1000)
    files = cdn_logs.ensure_logs(state, start, end)
    first = (page_number - 1) * page_size
    details = [
        {
            "LogName": item.name,
            "LogPath": cdn_logs.log_path(state, item.name),
            "LogSize": item.size,
            "StartTime": state.iso(item.start),
            "EndTime": state.iso(item.end),
        }
        for item in files[first : first + page_size]
    ]
    return {
        "DomainLogDetails": {
            "DomainLogDetail": [
                {
                    "DomainName": domain,
                    "LogCount": len(details),
                    "PageInfos": {"PageNumber": page_number, "PageSize": page_size, "Total": len(files)},
                    "LogInfos": {"LogInfoDetail": details},
                }
            ]
        }
    }
