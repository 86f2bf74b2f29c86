"""Readable units: byte sizes (KB/MB/GB/TB, base 1024), bit rates (Kbps/Mbps/Gbps, base 1000), rate text."""

from __future__ import annotations

import math
import re

_BYTE_UNITS = ("B", "KB", "MB", "GB", "TB", "PB")
_BIT_UNITS = ("bps", "Kbps", "Mbps", "Gbps", "Tbps")


def _scaled(value: float, base: int, units: tuple[str, ...], digits: int) -> str:
    if not math.isfinite(value):
        return "–"
    sign = "-" if value < 0 else ""
    value = abs(value)
    index = 0
    while value >= base and index < len(units) - 1:
        value /= base
        index += 1
    if index == 0:
        return f"{sign}{value:.0f} {units[0]}"
    # Rounding can carry to the base (1023.96 KB → "1024.0 KB"): step up instead.
    if round(value, digits) >= base and index < len(units) - 1:
        value /= base
        index += 1
    return f"{sign}{value:.{digits}f} {units[index]}"


def format_bytes(count: float, digits: int = 1) -> str:
    """``1536`` → ``"1.5 KB"``; ``0`` → ``"0 B"``."""
    return _scaled(float(count), 1024, _BYTE_UNITS, digits)


def format_bits_per_second(rate: float, digits: int = 1) -> str:
    """``2_500_000`` → ``"2.5 Mbps"`` (network rates are decimal)."""
    return _scaled(float(rate), 1000, _BIT_UNITS, digits)


def format_duration(seconds: float) -> str:
    """``3725.4`` → ``"1:02:05"``; under an hour ``"m:ss"``."""
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)?\s*(?:/s)?\s*$", re.IGNORECASE)
_RATE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_rate(text: str) -> int:
    """``500K``, ``2M``, ``1.5MiB``, ``800KB/s``, ``1048576`` -> bytes/s (binary units, like curl)."""
    match = _RATE.match(text)
    if not match:
        raise ValueError(f"not a rate: {text!r} (examples: 500K, 2M, 1.5MiB)")
    number, unit = float(match.group(1)), match.group(2).lower()
    return int(number * _RATE_UNITS[unit])


def format_rate(bps: int) -> str:
    """The shortest text ``parse_rate`` reads back exactly: ``2097152`` -> ``"2M"``, ``1536`` -> ``"1.5K"``"""
    for suffix in ("T", "G", "M", "K"):
        unit = _RATE_UNITS[suffix.lower()]
        if bps < unit:
            continue
        for digits in (0, 1, 2):
            text = f"{bps / unit:.{digits}f}"
            if parse_rate(text + suffix) == bps:
                return text + suffix
    return str(bps)
