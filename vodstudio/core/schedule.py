"""A weekly bandwidth schedule: 7 x 24 cells of limits, its text form, and when the limit changes next.

A cell holds bytes per second (0 = unlimited) or None (the base limit the user set in Preferences or
the queue's Limit box). The text form is what the CLI and the settings file hold::

    mon-fri 09-18 2M; sat,sun 10-12 500K; daily 00-06 unlimited

Rules apply in order (a later one wins where they overlap); unlisted cells keep the base limit.
Hours are local and end-exclusive (``09-18`` is 09:00 to 18:00; ``22-06`` wraps to the same days'
morning); ``default`` puts cells back to the base limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from vodstudio.core.units import format_rate, parse_rate

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday(): Monday = 0
HOURS = 24
_ALL_DAYS = ("daily", "all", "every")
_UNLIMITED = ("unlimited", "off", "none", "0")
_DEFAULT = ("default", "base")

Cell = int | None  # bytes/s, 0 = unlimited; None = the base limit
Grid = tuple[tuple[Cell, ...], ...]


def _days(token: str) -> list[int]:
    if token in _ALL_DAYS:
        return list(range(7))
    days: list[int] = []
    for item in token.split(","):
        first, _, last = item.partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise ValueError(f"not a day or day range: {item!r} (mon..sun, mon-fri, daily)")
        start, end = DAYS.index(first), DAYS.index(last or first)
        days += [d % 7 for d in range(start, end + 1 if end >= start else end + 8)]
    return days


def _hour(text: str, item: str, *, end: bool) -> int:
    if not text.isdigit() or not (0 <= int(text) <= (HOURS if end else HOURS - 1)):
        raise ValueError(f"not an hour range: {item!r} (00-23, e.g. 09-18 or 22-06)")
    return int(text)


def _hours(token: str) -> list[int]:
    hours: list[int] = []
    for item in token.split(","):
        first, dash, last = item.partition("-")
        start = _hour(first, item, end=False)
        stop = _hour(last, item, end=True) if dash else start + 1
        if stop == start:
            raise ValueError(f"an empty hour range: {item!r}")
        hours += list(range(start, stop)) if stop > start else [*range(start, HOURS), *range(stop)]
    return hours


def _limit(token: str) -> Cell:
    if token in _UNLIMITED:
        return 0
    if token in _DEFAULT:
        return None
    try:
        value = parse_rate(token)
    except ValueError:
        raise ValueError(f"not a limit: {token!r} (e.g. 2M, 500K, unlimited, default)") from None
    return value


def _format_limit(cell: int) -> str:
    return "unlimited" if cell == 0 else format_rate(cell)


def _spans(indices: Sequence[int], names: Sequence[str] | None = None) -> str:
    """``[0, 1, 2, 5]`` -> ``"00-03,05"`` (hours) or ``"mon-wed,sat"`` (days, end inclusive)."""
    parts: list[str] = []
    start = prev = indices[0]
    for index in [*indices[1:], -2]:
        if index == prev + 1:
            prev = index
            continue
        if names is not None:
            parts.append(names[start] if start == prev else f"{names[start]}-{names[prev]}")
        else:
            parts.append(f"{start:02d}" if start == prev else f"{start:02d}-{prev + 1:02d}")
        start = prev = index
    return ",".join(parts)


@dataclass(frozen=True)
class BandwidthSchedule:
    """Seven rows (Monday first) of 24 hourly cells; ``BandwidthSchedule()`` follows the base limit."""

    cells: Grid = tuple((None,) * HOURS for _ in DAYS)

    def __post_init__(self) -> None:
        if len(self.cells) != len(DAYS) or any(len(row) != HOURS for row in self.cells):
            raise ValueError("a schedule has 7 days of 24 hours")

    @classmethod
    def parse(cls, text: str) -> BandwidthSchedule:
        """Read the text form; ``ValueError`` names the token it cannot read."""
        grid: list[list[Cell]] = [[None] * HOURS for _ in DAYS]
        for rule in text.replace("\n", ";").split(";"):
            tokens = rule.lower().split()
            if not tokens:
                continue
            if tokens[0][0].isdigit() and len(tokens) == 2:
                tokens.insert(0, "daily")  # "09-18 2M": every day
            if len(tokens) == 2:
                tokens.insert(1, "00-24")  # "sat,sun unlimited": all day
            if len(tokens) != 3:
                raise ValueError(f"not a rule: {rule.strip()!r} (DAYS HOURS LIMIT, e.g. mon-fri 09-18 2M)")
            days, hours, limit = _days(tokens[0]), _hours(tokens[1]), _limit(tokens[2])
            for day in days:
                for hour in hours:
                    grid[day][hour] = limit
        return cls(tuple(tuple(row) for row in grid))

    def format(self) -> str:
        """The text form, grouped by limit and then by days sharing the same hours; ``""`` when empty."""
        rules: list[str] = []
        limits = sorted({cell for row in self.cells for cell in row if cell is not None})
        for limit in limits:
            by_hours: dict[tuple[int, ...], list[int]] = {}
            for day, row in enumerate(self.cells):
                hours = tuple(h for h, cell in enumerate(row) if cell == limit)
                if hours:
                    by_hours.setdefault(hours, []).append(day)
            for hours, days in by_hours.items():
                day_text = "daily" if len(days) == 7 else _spans(days, DAYS)
                hour_text = "" if len(hours) == HOURS else f" {_spans(hours)}"
                rules.append(f"{day_text}{hour_text} {_format_limit(limit)}")
        return "; ".join(rules)

    @property
    def is_empty(self) -> bool:
        return all(cell is None for row in self.cells for cell in row)

    def cell(self, day: int, hour: int) -> Cell:
        return self.cells[day][hour]

    def with_cells(self, where: Iterable[tuple[int, int]], value: Cell) -> BandwidthSchedule:
        """A copy with the (day, hour) cells in ``where`` set to ``value``."""
        grid = [list(row) for row in self.cells]
        for day, hour in where:
            grid[day][hour] = value
        return BandwidthSchedule(tuple(tuple(row) for row in grid))

    def limit_at(self, when: datetime, base: int) -> int:
        """Bytes/s allowed at local time ``when`` (0 = unlimited); ``base`` fills the default cells."""
        cell = self.cells[when.weekday()][when.hour]
        return base if cell is None else cell

    def next_change_after(self, when: datetime) -> datetime | None:
        """The start of the next hour whose cell differs from the one at ``when`` (None: never)."""
        now = self.cells[when.weekday()][when.hour]
        hour = when.replace(minute=0, second=0, microsecond=0)
        for step in range(1, len(DAYS) * HOURS + 1):
            later = hour + timedelta(hours=step)
            if self.cells[later.weekday()][later.hour] != now:
                return later
        return None
