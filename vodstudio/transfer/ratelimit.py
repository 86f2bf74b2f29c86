"""A thread-safe token bucket shared by every part of every upload; the rate can change while running."""

from __future__ import annotations

import threading
import time

from vodstudio.core.errors import CancelledError


class TokenBucket:
    """Bytes per second across all callers; ``rate_bps <= 0`` means unlimited.

    Burst is a quarter second of traffic (at least 64 KiB) so short pauses do not turn into spikes.
    Waiting callers wake up on ``set_rate`` so a change takes effect at once.
    """

    def __init__(self, rate_bps: float = 0.0) -> None:
        self._cond = threading.Condition()
        self._rate = 0.0
        self._tokens = 0.0
        self._burst = 0.0
        self._stamp = time.monotonic()
        self.set_rate(rate_bps)
        self._tokens = self._burst  # start full: the first burst goes out at once

    @property
    def rate(self) -> float:
        return self._rate

    def set_rate(self, rate_bps: float) -> None:
        with self._cond:
            self._refill()
            self._rate = max(float(rate_bps), 0.0)
            self._burst = max(self._rate / 4, 64 * 1024.0)
            self._tokens = min(self._tokens, self._burst)
            self._cond.notify_all()

    def _refill(self) -> None:
        now = time.monotonic()
        if self._rate > 0:
            self._tokens = min(self._burst, self._tokens + (now - self._stamp) * self._rate)
        self._stamp = now

    def acquire(self, amount: int, cancel: threading.Event | None = None) -> None:
        """Block until ``amount`` bytes may be sent; raises ``CancelledError`` if ``cancel`` is set."""
        remaining = float(amount)
        with self._cond:
            while remaining > 0:
                if cancel is not None and cancel.is_set():
                    raise CancelledError("transfer stopped")
                if self._rate <= 0:
                    return
                self._refill()
                # Take whole chunks only; nibbling fractions would spin while holding the lock.
                chunk = min(remaining, self._burst)
                if self._tokens >= chunk:
                    self._tokens -= chunk
                    remaining -= chunk
                    continue
                wait = (chunk - self._tokens) / self._rate
                self._cond.wait(timeout=min(wait, 0.25))
