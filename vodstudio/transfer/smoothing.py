"""Speed and ETA that a person can read: a windowed rate and an ETA that glides instead of jumping.

Progress arrives in uneven steps (a poll of the socket, a part's answer, a retry taking bytes back),
so a rate from the last two samples swung between 0.05 and 40 MB/s on a steady 4 MB/s link. The
speed here is bytes over the last ``window_s`` seconds (one sample older than the window is kept, so
the span really covers it). The ETA is ``left / speed`` fed through a first-order filter that also
counts down by itself: between updates it falls one second per second, and a new estimate pulls it
only ``dt / tau`` of the way, so one odd sample moves it a little, a real change within a few seconds.
Qt-free: the engine's ``EventHub`` uses it, and the CLI and the GUI show what it says.
"""

from __future__ import annotations

from collections import deque

WINDOW_S = 5.0
MIN_SPAN_S = 1.0  # below this a rate says more about the sampling than about the link
ETA_TAU_S = 4.0


class RateSmoother:
    """Windowed bytes/s and a filtered ETA for one job (not thread-safe: the hub holds its lock)."""

    def __init__(self, window_s: float = WINDOW_S, eta_tau_s: float = ETA_TAU_S) -> None:
        self.window_s = window_s
        self.eta_tau_s = eta_tau_s
        self._samples: deque[tuple[float, int]] = deque()
        self._eta: float | None = None
        self._eta_at = 0.0

    def restart(self, now: float, done: int) -> None:
        """Forget the history (a resume recounted the parts: that jump is not speed)."""
        self._samples.clear()
        self._samples.append((now, done))
        self._eta = None

    def sample(self, now: float, done: int) -> None:
        self._samples.append((now, done))
        while len(self._samples) > 2 and self._samples[1][0] <= now - self.window_s:
            self._samples.popleft()

    def speed(self) -> float:
        if len(self._samples) < 2:
            return 0.0
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        span = t1 - t0
        return max(0.0, (b1 - b0) / span) if span >= MIN_SPAN_S else 0.0

    def eta(self, now: float, left: int, speed: float) -> float | None:
        """Seconds left; None until there is a speed to go by."""
        if left <= 0:
            self._eta = 0.0
            return 0.0
        if speed <= 0:
            return None if self._eta is None else max(self._eta - (now - self._eta_at), 0.0)
        raw = left / speed
        if self._eta is None:
            estimate = raw
        else:
            elapsed = max(now - self._eta_at, 0.0)
            predicted = max(self._eta - elapsed, 0.0)
            estimate = predicted + (raw - predicted) * min(1.0, elapsed / self.eta_tau_s)
        self._eta, self._eta_at = estimate, now
        return estimate
