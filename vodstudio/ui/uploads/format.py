"""Short display strings for the queue: sizes, rates and remaining time (in the user's locale)."""

from __future__ import annotations

from vodstudio.core.units import format_duration
from vodstudio.ui.localized import rate_text, size_text


def human_size(count: float) -> str:
    """``1536`` → ``"1.5 KB"`` (base 1024, like file managers; the locale's decimal sign)."""
    return size_text(count)


def human_rate(bytes_per_second: float) -> str:
    return rate_text(bytes_per_second)


def human_eta(seconds: float | None) -> str:
    if seconds is None or seconds < 0:
        return ""
    return format_duration(seconds) if seconds == seconds and seconds != float("inf") else ""
