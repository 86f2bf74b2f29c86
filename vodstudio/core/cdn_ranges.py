"""CDN usage query ranges: presets, the 90-day window and the interval the API accepts for a span."""

from __future__ import annotations

import datetime as dt
import enum

MAX_DAYS_BACK = 90
_DAY = 86400


class RangePreset(enum.StrEnum):
    LAST_HOUR = "1h"
    LAST_DAY = "24h"
    LAST_WEEK = "7d"
    LAST_MONTH = "30d"
    CUSTOM = "custom"


_PRESET_SPANS = {
    RangePreset.LAST_HOUR: dt.timedelta(hours=1),
    RangePreset.LAST_DAY: dt.timedelta(days=1),
    RangePreset.LAST_WEEK: dt.timedelta(days=7),
    RangePreset.LAST_MONTH: dt.timedelta(days=30),
}


def interval_for(start: dt.datetime, end: dt.datetime) -> int:
    """The finest interval the API allows: span < 3 days → 300 s, 3–31 days → 3600 s, ≥ 31 days → 86400 s."""
    span = (end - start).total_seconds()
    if span <= 0:
        raise ValueError("the end of a range must be after its start")
    if span < 3 * _DAY:
        return 300
    if span < 31 * _DAY:
        return 3600
    return 86400


def preset_range(preset: RangePreset, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The ``(start, end)`` a preset means at ``now`` (end = now, to the second)."""
    if preset is RangePreset.CUSTOM:
        raise ValueError("a custom range has no preset span")
    end = now.replace(microsecond=0)
    return end - _PRESET_SPANS[preset], end


def clamp_range(start: dt.datetime, end: dt.datetime, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Keep a range inside what the API serves: not in the future, not older than 90 days."""
    oldest = now - dt.timedelta(days=MAX_DAYS_BACK)
    start = max(start, oldest)
    end = min(end, now)
    if end <= start:
        raise ValueError("the range lies outside the last 90 days")
    return start, end


def query_window(
    preset: RangePreset,
    now: dt.datetime,
    custom: tuple[dt.datetime, dt.datetime] | None = None,
) -> tuple[dt.datetime, dt.datetime, int]:
    """Start, end and interval for a preset (or a custom range), clamped to the API's window."""
    if preset is RangePreset.CUSTOM:
        if custom is None:
            raise ValueError("a custom range needs its start and end")
        start, end = custom
    else:
        start, end = preset_range(preset, now)
    start, end = clamp_range(start, end, now)
    return start, end, interval_for(start, end)
