"""The bandwidth schedule applied live: a thread sets the engine's limit at each hour the schedule changes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from vodstudio.core.jobs import Limits
from vodstudio.core.schedule import BandwidthSchedule
from vodstudio.services.settings import SettingsService

log = logging.getLogger(__name__)

# A suspended laptop or a changed clock: look again at least this often.
MAX_SLEEP_S = 300.0
_SLACK_S = 0.05  # wake just after the boundary, not a hair before it


class LimitTarget(Protocol):
    """What the applier drives (the upload engine)."""

    @property
    def limits(self) -> Limits: ...

    def set_limits(self, limits: Limits) -> None: ...


class ScheduleApplier:
    """Keeps ``engine``'s bandwidth at the schedule's limit for the local time ``clock()`` says.

    Wakes at the next cell boundary, on every settings change (the schedule or the base limit) and on
    ``poke()``; other limits (files, connections) are left as the engine has them.
    """

    def __init__(
        self,
        engine: LimitTarget,
        settings: SettingsService,
        clock: Callable[[], datetime] = datetime.now,
        *,
        max_sleep: float = MAX_SLEEP_S,
    ) -> None:
        self._engine = engine
        self._settings = settings
        self._clock = clock
        self._max_sleep = max_sleep
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._parsed: tuple[str, BandwidthSchedule] = ("", BandwidthSchedule())
        self.applied: int | None = None  # the limit set last (bytes/s, 0 = unlimited)

    def start(self) -> ScheduleApplier:
        """Apply the limit for now at once, then follow the schedule on a daemon thread."""
        if self._thread is None:
            self.step()
            self._unsubscribe = self._settings.subscribe(lambda _new: self._wake.set())
            self._thread = threading.Thread(target=self._run, name="vod-schedule", daemon=True)
            self._thread.start()
        return self

    def poke(self) -> None:
        """Apply again soon (someone set the engine's limits by hand)."""
        self._wake.set()

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _schedule(self, text: str) -> BandwidthSchedule:
        if self._parsed[0] != text:  # settings hold the canonical text: parsing once per change is enough
            self._parsed = (text, BandwidthSchedule.parse(text))
        return self._parsed[1]

    def _now(self) -> tuple[BandwidthSchedule, int, datetime]:
        """(the saved schedule, the base limit, the local time) as ``step`` and ``in_effect`` see them."""
        current = self._settings.current
        return self._schedule(current.bandwidth_schedule), current.bandwidth_limit, self._clock()

    def step(self) -> float | None:
        """Set the limit for now; returns the seconds until the schedule changes next (None: never)."""
        schedule, base, now = self._now()
        limit = schedule.limit_at(now, base)
        limits = self._engine.limits
        if limits.bandwidth_bps != limit:
            log.info("bandwidth schedule: %s bytes/s from %s", limit or "unlimited", now.isoformat("T"))
            self._engine.set_limits(replace(limits, bandwidth_bps=limit))
        self.applied = limit
        upcoming = schedule.next_change_after(now)
        return None if upcoming is None else max((upcoming - now).total_seconds(), 0.0)

    def in_effect(self) -> tuple[int | None, datetime | None]:
        """(the schedule's own limit for this hour, None where the base limit applies; the time that
        changes next, None if never), for showing which limit holds now."""
        schedule, _base, now = self._now()
        return schedule.cell(now.weekday(), now.hour), schedule.next_change_after(now)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # before the step: a change made during it wakes the next wait
            try:
                left = self.step()
            except Exception:  # a bad clock or engine hiccup must not end the schedule for good
                log.exception("applying the bandwidth schedule failed")
                left = None
            wait = self._max_sleep if left is None else min(left + _SLACK_S, self._max_sleep)
            self._wake.wait(wait)
