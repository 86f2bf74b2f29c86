"""Adaptive parallelism: find the number of connections (and the part size) that fills the link.

One TCP connection carries about its window per round trip, so on a 150 ms link one connection may
move 1 MB/s of a 50 MB/s line; on a LAN one or two fill it. No fixed number is right for both, so the
engine measures and climbs. The rule:

1. **Measure.** After each change the controller waits ``SETTLE_S`` (new connections start their
   parts), then counts the bytes the link took (``delivered.PartCounter``: acknowledged bytes, not
   bytes buffered) for ``PERIOD_S``. A period counts only while every connection of the budget was
   busy most of the time: at the end of a file, when parts run out, nothing is learnt.
2. **Ramp while throughput grows.** Start at the number remembered for this network, account and
   OSS host (else ``START``). After each period: if throughput grew by at least ``GROW`` (10 %) over
   the previous level, step up: ×2 while it grew by 40 % or more, else ×1.5 (at least +1).
3. **Stop when it stops growing.** A step that gained less than ``KEEP`` (3 %) is undone (more
   connections only cost memory and server slots); one that gained 3–10 % is kept. Then hold.
4. **Back off on trouble.** Two retried failures, or one throttling answer, in a period: ×0.75
   (at least 1) and hold: the server or the line is saying "too many".
5. **Respect the user.** Never above the user's maximum (``Limits.parallel_parts``); no ramp once the
   user's bandwidth limit is reached (more connections cannot beat the limiter).
6. **Follow change.** While holding, probe one step up every ``PROBE_EVERY`` periods (~30 s); links
   change (Wi-Fi, a VPN, the evening rush) and the probe finds out cheaply.

The part size follows from the per-connection rate learnt: about four seconds of one connection's
traffic per part (4–64 MiB, ``planner.preferred_part_size``), and small enough that a file has at
least two parts per connection. What was learnt is remembered per network (``store/link_memory``),
so the next upload over the same line starts where this one ended. Thread-safe; Qt-free.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from vodstudio.store.link_memory import Learnt
from vodstudio.transfer.planner import MiB, preferred_part_size

START = 4
SETTLE_S = 0.5
PERIOD_S = 1.5
GROW = 0.10
FAST_GROW = 0.40
KEEP = 0.03
BACKOFF = 0.75
PROBE_EVERY = 15  # periods: a probe about every 30 s
BUSY_SHARE = 0.8  # a period counts when the budget was full in this share of its ticks


@dataclass
class _Period:
    began: float
    delivered: int
    ticks: int = 0
    busy: int = 0
    started: bool = False
    errors: int = 0
    throttled: int = 0


class AdaptiveParallelism:
    """The engine's connection count; ``tick`` is called a few times a second with the totals."""

    def __init__(self, maximum: int, start: int = START) -> None:
        self._lock = threading.Lock()
        self.maximum = max(1, maximum)
        self.target = max(1, min(start, self.maximum))
        self.holding = False
        self.history: list[tuple[int, float]] = []  # (connections, bytes/s) of each judged period
        self._previous: tuple[int, float] | None = None  # the level below the current one
        self._period: _Period | None = None
        self._held = 0
        self._errors = 0
        self._throttled = 0
        self.best_bps = 0.0

    def set_maximum(self, maximum: int) -> None:
        with self._lock:
            self.maximum = max(1, maximum)
            self.target = min(self.target, self.maximum)

    def adopt(self, learnt: Learnt) -> None:
        """Start from a remembered route (only before anything was measured here)."""
        with self._lock:
            if not self.history:
                self.target = max(1, min(learnt.connections, self.maximum))
                self.best_bps = max(self.best_bps, learnt.per_conn_bps * self.target)

    def record_error(self, *, throttled: bool) -> None:
        with self._lock:
            self._errors += 1
            self._throttled += int(throttled)

    def learnt(self) -> Learnt | None:
        with self._lock:
            if not self.history:
                return None
            return Learnt(self.target, self.best_bps / max(self.target, 1))

    def part_size(self, file_size: int) -> int | None:
        """The part size for a new file, or None while nothing is known (the planner's default)."""
        known = self.learnt()
        if known is None or known.per_conn_bps <= 0:
            return None
        size = preferred_part_size(known.per_conn_bps)
        spread = file_size // max(2 * known.connections, 1)  # two parts per connection at least
        return max(MiB, min(size, spread // MiB * MiB))

    def tick(self, now: float, delivered: int, *, busy: bool, rate_cap_bps: float = 0.0) -> int:
        """Feed the clock, the total bytes delivered so far and whether every connection is busy."""
        with self._lock:
            period = self._period
            if period is None:
                self._period = _Period(now + SETTLE_S, delivered)
                return self.target
            if not period.started:
                if now >= period.began:  # settled: measure from this tick on
                    period.began, period.delivered, period.started = now, delivered, True
                self._errors = self._throttled = 0
                return self.target
            period.ticks += 1
            period.busy += int(busy)
            if now - period.began < PERIOD_S:
                return self.target
            period.errors, period.throttled = self._errors, self._throttled
            self._errors = self._throttled = 0
            rate = (delivered - period.delivered) / (now - period.began)
            self._judge(period, rate, rate_cap_bps)
            self._period = _Period(now + SETTLE_S, delivered)
            return self.target

    def _judge(self, period: _Period, rate: float, rate_cap_bps: float) -> None:
        if period.throttled or period.errors >= 2:
            self.target = max(1, math.floor(self.target * BACKOFF))
            self._hold()
            return
        if period.busy < BUSY_SHARE * period.ticks:
            return  # not enough work to fill the connections: this period says nothing
        self.history.append((self.target, rate))
        self.best_bps = max(self.best_bps, rate)
        if self.holding:
            self._held += 1
            if self._held >= PROBE_EVERY and self.target < self.maximum:
                self._step_up(rate, FAST_GROW / 2)  # a gentle probe: one ×1.5 step
            return
        if self._previous is not None:
            level, before = self._previous
            if rate < before * (1 + KEEP):
                self.target = level  # the step bought nothing: undo it
                self._hold()
                return
            if rate < before * (1 + GROW):
                self._hold()  # small gain: keep it, climb no further
                return
        gain = rate / self._previous[1] - 1 if self._previous and self._previous[1] > 0 else 1.0
        capped = rate_cap_bps > 0 and rate >= 0.9 * rate_cap_bps
        if self.target >= self.maximum or capped:
            self._hold()
            return
        self._step_up(rate, gain)

    def _step_up(self, rate: float, gain: float) -> None:
        factor = 2.0 if gain >= FAST_GROW else 1.5
        self._previous = (self.target, rate)
        self.target = min(self.maximum, max(self.target + 1, math.ceil(self.target * factor)))
        self.holding = False
        self._held = 0

    def _hold(self) -> None:
        self.holding = True
        self._held = 0
        self._previous = None
