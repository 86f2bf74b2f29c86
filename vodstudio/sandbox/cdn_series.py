"""CDN traffic/bandwidth series: the API's interval rules, bucketing, and a deterministic baseline."""

from __future__ import annotations

import functools
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

DAY = 86400
SLOT = 300  # the finest granularity; the synthetic baseline is defined per 5-minute slot
SHANGHAI_OFFSET = 8 * 3600  # daily points start at Beijing midnight (16:00Z), as the real service does
VALID_INTERVALS = (300, 3600, 86400)


def choose_interval(span: float, requested: str) -> int:
    """The interval the service uses for ``span`` seconds; an invalid or missing choice → the default.

    < 3 days: 300 (default), 3600, 86400; 3 to < 31 days: 3600 (default), 86400; ≥ 31 days: 86400.
    """
    if span < 3 * DAY:
        allowed: tuple[int, ...] = VALID_INTERVALS
    elif span < 31 * DAY:
        allowed = (3600, 86400)
    else:
        allowed = (86400,)
    try:
        value = int(requested)
    except ValueError:
        return allowed[0]
    return value if value in allowed else allowed[0]


def align(ts: float, interval: int) -> int:
    """The start of the bucket holding ``ts``; daily buckets are Shanghai calendar days."""
    shift = SHANGHAI_OFFSET if interval >= DAY else 0
    return int((ts + shift) // interval * interval - shift)


def bucket_starts(start: float, end: float, interval: int) -> list[int]:
    """Starts of every bucket that overlaps [start, end)."""
    first = align(start, interval)
    return list(range(first, math.ceil(end), interval)) if end > first else []


def bucket_bytes(rows: Iterable[tuple[float, int]], starts: list[int], interval: int) -> list[int]:
    """Sum (timestamp, bytes) rows into the buckets beginning at ``starts`` (others are ignored)."""
    totals = [0] * len(starts)
    if not starts:
        return totals
    first = starts[0]
    for ts, size in rows:
        index = int((ts - first) // interval)
        if 0 <= index < len(starts):
            totals[index] += int(size)
    return totals


def _unit(domain: str, slot: int) -> float:
    """A stable pseudo-random number in [0, 1) for one domain and 5-minute slot."""
    digest = hashlib.blake2b(f"{domain}|{slot}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


@functools.lru_cache(maxsize=1 << 16)  # a 90-day chart is 26k slots; charts are asked for repeatedly
def baseline_slot(domain: str, slot_start: int) -> int:
    """Synthetic bytes served in one 5-minute slot: a daily curve peaking at 21:00 Shanghai time.

    The level depends on the domain only, the shape on the time of day, and a ±15 % wobble on a
    hash of (domain, slot): the same question always gets the same answer, across calls and restarts.
    """
    level = 20_000_000 + int(_unit(domain, -1) * 40_000_000)  # 20–60 MB per 5 minutes on average
    hour = ((slot_start + SHANGHAI_OFFSET) % DAY) / 3600
    shape = 1.0 + 0.7 * math.cos(2 * math.pi * (hour - 21) / 24)
    wobble = 0.85 + 0.3 * _unit(domain, slot_start // SLOT)
    return int(level * shape * wobble)


def baseline_bucket(domain: str, bucket_start: int, interval: int, now: float) -> int:
    """Baseline bytes for one bucket: the sum of its 5-minute slots that have begun by ``now``."""
    stop = min(bucket_start + interval, int(now) + 1)
    first = bucket_start - bucket_start % SLOT
    return sum(baseline_slot(domain, slot) for slot in range(first, stop, SLOT) if slot <= now)


@dataclass(frozen=True)
class SeriesPoint:
    """One point: the bucket start (UNIX seconds) and the bytes served in it."""

    start: int
    traffic: int

    def bps(self, interval: int) -> float:
        """Average bandwidth over the bucket in bit/s."""
        return self.traffic * 8 / interval


def series(
    domain: str,
    rows: Iterable[tuple[float, int]],
    start: float,
    end: float,
    interval: int,
    now: float,
    *,
    synthetic: bool = True,
) -> list[SeriesPoint]:
    """Real bytes per bucket plus (optionally) the baseline, for buckets overlapping [start, end)."""
    starts = bucket_starts(start, end, interval)
    real = bucket_bytes(rows, starts, interval)
    points = []
    for bucket, served in zip(starts, real, strict=True):
        extra = baseline_bucket(domain, bucket, interval, now) if synthetic else 0
        points.append(SeriesPoint(bucket, served + extra))
    return points


def format_number(value: float) -> str:
    """Numbers as the SDK models carry them: strings, integers without a fractional part."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
