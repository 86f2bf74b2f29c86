"""Event coalescing: progress at most a few times a second per job, with smoothed speed and ETA."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from vodstudio.core.jobs import JobProgress, JobStateChanged, TransferEvent
from vodstudio.transfer.smoothing import RateSmoother

log = logging.getLogger("vodstudio.transfer.events")

Sink = Callable[[TransferEvent], None]

MIN_INTERVAL_S = 0.25  # ≤ 4 progress events per second per job


@dataclass
class _Track:
    total: int
    done: int = 0
    last_emit: float = 0.0
    smoother: RateSmoother = field(default_factory=RateSmoother)


class EventHub:
    """Thread-safe front of the user's sink. State changes always go through, progress is coalesced.

    ``sink`` is called from worker threads; ``ui/bridge.py`` turns the events into Qt signals.
    """

    def __init__(self, sink: Sink, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._sink = sink
        self._clock = clock
        self._lock = threading.Lock()
        self._tracks: dict[int, _Track] = {}
        self._delivered = 0  # bytes sent by every job (net of retries): adaptive parallelism reads it

    def emit(self, event: TransferEvent) -> None:
        try:
            self._sink(event)
        except Exception:  # a broken sink must not kill an upload
            log.exception("event sink failed")

    def start(self, job_id: int, total: int, done: int = 0) -> None:
        with self._lock:
            track = _Track(total=total, done=done)
            track.smoother.restart(self._clock(), done)
            self._tracks[job_id] = track

    def set_done(self, job_id: int, done: int, *, force: bool = False) -> None:
        """Absolute bytes done (e.g. after a resume recounted the parts)."""
        self._progress(job_id, absolute=done, force=force)

    def add(self, job_id: int, amount: int) -> None:
        with self._lock:
            self._delivered += amount
        self._progress(job_id, delta=amount)

    def delivered(self) -> int:
        with self._lock:
            return self._delivered

    def _progress(
        self, job_id: int, *, delta: int = 0, absolute: int | None = None, force: bool = False
    ) -> None:
        now = self._clock()
        with self._lock:
            track = self._tracks.get(job_id)
            if track is None:
                return
            track.done = absolute if absolute is not None else track.done + delta
            track.done = max(0, min(track.done, track.total)) if track.total else max(track.done, 0)
            if absolute is not None:
                # A recount (parts the server already had, after a resume) is not bytes sent now:
                # speed starts again from here instead of reporting the jump as a burst.
                track.smoother.restart(now, track.done)
            if not force and now - track.last_emit < MIN_INTERVAL_S:
                return
            event = self._snapshot(job_id, track, now)
        self.emit(event)

    def _snapshot(self, job_id: int, track: _Track, now: float) -> JobProgress:
        track.last_emit = now
        track.smoother.sample(now, track.done)
        speed = track.smoother.speed()
        eta = track.smoother.eta(now, track.total - track.done, speed)
        return JobProgress(job_id, track.done, track.total, speed, eta)

    def flush(self, job_id: int) -> None:
        now = self._clock()
        with self._lock:
            track = self._tracks.get(job_id)
            if track is None:
                return
            event = self._snapshot(job_id, track, now)
        self.emit(event)

    def done_bytes(self, job_id: int) -> int:
        with self._lock:
            track = self._tracks.get(job_id)
            return track.done if track else 0

    def state(self, event: JobStateChanged, *, final: bool = False) -> None:
        """A state change: the latest progress first, so a listener never sees stale bytes after it."""
        self.flush(event.job_id)
        self.emit(event)
        if final:
            with self._lock:
                self._tracks.pop(event.job_id, None)
