"""CDN usage ranges: interval rule, presets and the 90-day window."""

from __future__ import annotations

import datetime as dt

import pytest

from vodstudio.core.cdn_ranges import RangePreset, clamp_range, interval_for, preset_range, query_window

NOW = dt.datetime(2024, 6, 1, 12, 0, 0, 500, tzinfo=dt.UTC)
T0 = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("span", "interval"),
    [
        (dt.timedelta(hours=1), 300),
        (dt.timedelta(days=3) - dt.timedelta(seconds=1), 300),
        (dt.timedelta(days=3), 3600),
        (dt.timedelta(days=30), 3600),
        (dt.timedelta(days=31) - dt.timedelta(seconds=1), 3600),
        (dt.timedelta(days=31), 86400),
        (dt.timedelta(days=90), 86400),
    ],
)
def test_interval_follows_the_api_rule(span: dt.timedelta, interval: int) -> None:
    assert interval_for(T0, T0 + span) == interval


def test_interval_rejects_empty_span() -> None:
    with pytest.raises(ValueError):
        interval_for(T0, T0)


def test_presets_end_now_without_microseconds() -> None:
    start, end = preset_range(RangePreset.LAST_WEEK, NOW)
    assert end == NOW.replace(microsecond=0)
    assert end - start == dt.timedelta(days=7)
    with pytest.raises(ValueError):
        preset_range(RangePreset.CUSTOM, NOW)


def test_clamp_keeps_ninety_days_and_drops_the_future() -> None:
    start, end = clamp_range(NOW - dt.timedelta(days=200), NOW + dt.timedelta(days=1), NOW)
    assert start == NOW - dt.timedelta(days=90)
    assert end == NOW
    with pytest.raises(ValueError):
        clamp_range(NOW - dt.timedelta(days=200), NOW - dt.timedelta(days=100), NOW)


def test_query_window_for_presets_and_custom() -> None:
    assert query_window(RangePreset.LAST_HOUR, NOW)[2] == 300
    assert query_window(RangePreset.LAST_MONTH, NOW)[2] == 3600
    start, end, interval = query_window(RangePreset.CUSTOM, NOW, (NOW - dt.timedelta(days=120), NOW))
    assert (end - start, interval) == (dt.timedelta(days=90), 86400)
    with pytest.raises(ValueError):
        query_window(RangePreset.CUSTOM, NOW)
