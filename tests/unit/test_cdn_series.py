"""CDN series: the API's interval rules, bucketing of real bytes, and the deterministic baseline."""

from __future__ import annotations

import datetime as dt

import pytest

from vodstudio.sandbox import cdn_series

DAY = 86400


@pytest.mark.parametrize(
    ("span", "requested", "expected"),
    [
        (3600, "", 300),
        (3600, "300", 300),
        (3600, "3600", 3600),
        (3600, "86400", 86400),
        (3600, "60", 300),
        (3600, "abc", 300),
        (3 * DAY - 1, "3600", 3600),
        (3 * DAY, "", 3600),
        (3 * DAY, "300", 3600),
        (10 * DAY, "86400", 86400),
        (31 * DAY - 1, "3600", 3600),
        (31 * DAY, "3600", 86400),
        (31 * DAY, "", 86400),
        (89 * DAY, "300", 86400),
    ],
)
def test_interval_rules(span: int, requested: str, expected: int) -> None:
    assert cdn_series.choose_interval(span, requested) == expected


def test_daily_buckets_start_at_beijing_midnight() -> None:
    noon = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC).timestamp()
    start = cdn_series.align(noon, 86400)
    assert dt.datetime.fromtimestamp(start, tz=dt.UTC).strftime("%H:%M") == "16:00"
    assert start <= noon < start + 86400
    assert cdn_series.align(noon + 61, 300) == noon
    assert cdn_series.align(noon + 3599, 3600) == noon


def test_bucketing_counts_each_row_once_in_its_bucket() -> None:
    base = 1_700_000_100  # a multiple of 300
    starts = cdn_series.bucket_starts(base + 10, base + 900, 300)
    assert starts == [base, base + 300, base + 600]
    rows = [(base, 5), (base + 299.9, 7), (base + 300, 11), (base + 899, 13)]
    rows += [(base + 900, 99), (base - 1, 99)]  # outside the buckets
    assert cdn_series.bucket_bytes(rows, starts, 300) == [12, 11, 13]


def test_baseline_is_deterministic_and_positive() -> None:
    first = cdn_series.baseline_slot("vod.example.com", 1_700_000_100)
    assert first == cdn_series.baseline_slot("vod.example.com", 1_700_000_100)
    assert first > 0
    assert first != cdn_series.baseline_slot("other.example.com", 1_700_000_100)


def test_baseline_follows_a_daily_curve() -> None:
    """Evening (21:00 Beijing = 13:00Z) carries much more than early morning (09:00 Beijing = 01:00Z)."""
    day = dt.datetime(2024, 5, 1, tzinfo=dt.UTC).timestamp()
    evening = cdn_series.baseline_bucket("d", int(day + 13 * 3600), 3600, now=day + 2 * DAY)
    morning = cdn_series.baseline_bucket("d", int(day + 1 * 3600), 3600, now=day + 2 * DAY)
    assert evening > 2 * morning


def test_hour_bucket_equals_its_five_minute_slots() -> None:
    start = 1_700_002_800  # a multiple of 3600
    hourly = cdn_series.baseline_bucket("d", start, 3600, now=start + DAY)
    fine = sum(cdn_series.baseline_bucket("d", start + i * 300, 300, now=start + DAY) for i in range(12))
    assert hourly == fine


def test_no_baseline_in_the_future() -> None:
    start = 1_700_002_800
    assert cdn_series.baseline_bucket("d", start, 3600, now=start - 1) == 0
    partial = cdn_series.baseline_bucket("d", start, 3600, now=start + 650)
    assert partial == sum(cdn_series.baseline_slot("d", start + i * 300) for i in range(3))


def test_series_adds_real_bytes_to_the_baseline() -> None:
    start = 1_700_002_800
    now = start + 7200
    plain = cdn_series.series("d", [], start, start + 3600, 300, now)
    served = cdn_series.series("d", [(start + 400, 1000)], start, start + 3600, 300, now)
    assert len(plain) == 12
    assert served[1].traffic - plain[1].traffic == 1000
    others = [i for i in range(12) if i != 1]
    assert [served[i].traffic for i in others] == [plain[i].traffic for i in others]
    assert served[1].bps(300) == served[1].traffic * 8 / 300


@pytest.mark.parametrize(("value", "text"), [(0, "0"), (12.0, "12"), (1.5, "1.5"), (2.345, "2.35")])
def test_numbers_are_strings(value: float, text: str) -> None:
    assert cdn_series.format_number(value) == text
