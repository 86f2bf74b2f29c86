"""Short display strings for the queue: sizes, rates and remaining time."""

from __future__ import annotations

import math

_UNITS = ("B", "KB", "MB", "GB", "TB")


def human_size(count: float) -> str:
    """``1536`` → ``"1.5 KB"`` (base 1024, like file managers)."""
    value = float(count)
    index = 0
    while value >= 1024 and index < len(_UNITS) - 1:
        value /= 1024
        index += 1
    return f"{value:.0f} {_UNITS[index]}" if index == 0 else f"{value:.1f} {_UNITS[index]}"


def human_rate(bytes_per_second: float) -> str:
    if not math.isfinite(bytes_per_second) or bytes_per_second <= 0:
        return ""
    return f"{human_size(bytes_per_second)}/s"


def human_eta(seconds: float | None) -> str:
    if seconds is None or not math.isfinite(seconds) or seconds < 0:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
