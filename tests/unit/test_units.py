"""Readable byte sizes, bit rates and durations."""

from __future__ import annotations

import pytest

from vodstudio.core.units import format_bits_per_second, format_bytes, format_duration


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (0, "0 B"),
        (1023, "1023 B"),
        (1536, "1.5 KB"),
        (1048575, "1.0 MB"),  # 1023.999 KB rounds up to the next unit, not "1024.0 KB"
        (5 * 1024**3, "5.0 GB"),
        (3 * 1024**4, "3.0 TB"),
        (-2048, "-2.0 KB"),
    ],
)
def test_format_bytes(count: int, text: str) -> None:
    assert format_bytes(count) == text


@pytest.mark.parametrize(
    ("rate", "text"),
    [(999, "999 bps"), (2_500_000, "2.5 Mbps"), (1.2e9, "1.2 Gbps"), (64_000, "64.0 Kbps")],
)
def test_format_bits_per_second(rate: float, text: str) -> None:
    assert format_bits_per_second(rate) == text


def test_non_finite_values_show_a_dash() -> None:
    assert format_bytes(float("nan")) == "–"
    assert format_duration(float("inf")) == "–"


def test_format_duration() -> None:
    assert format_duration(65.4) == "1:05"
    assert format_duration(3725) == "1:02:05"
    assert format_duration(-1) == "–"
