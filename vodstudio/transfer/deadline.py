"""Overall deadlines for one HTTP exchange: a watchdog that cuts a connection whose answer never ends.

Per-read timeouts restart with every byte, so an answer that trickles one byte a second never times
out. A ``RequestGuard`` is armed when the request has been sent (for uploads: when the body's last
byte left) and, once the deadline passes, shuts the connection's socket down: the blocked read
returns at once and the caller sees ``fired``. Pure Python: the oss2 glue is in ``oss_wire``.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

_local = threading.local()


class RequestGuard:
    """One exchange's deadline on the current thread; ``connection`` is attached by the HTTP layer."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self.connection: Any = None
        self.response: Any = None  # closed at the end of the scope: oss2 leaves some bodies unread
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def arm(self) -> None:
        """Start the clock (idempotent): from now on the answer must be complete within ``seconds``."""
        with self._lock:
            if self._timer is not None or self.fired:
                return
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sock = getattr(self.connection, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed is fine
                sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def finish(self) -> None:
        """The exchange is over: stop the clock and give the connection back (or close it)."""
        self.cancel()
        response, self.response = self.response, None
        if response is not None:
            with contextlib.suppress(Exception):  # closing a half-read answer may raise; it is done
                response.close()


def current() -> RequestGuard | None:
    guard: RequestGuard | None = getattr(_local, "guard", None)
    return guard


def start(seconds: float) -> RequestGuard:
    """A new guard for the request about to be sent on this thread (the previous one is over)."""
    previous = current()
    if previous is not None:
        previous.cancel()
    guard = RequestGuard(seconds)
    _local.guard = guard
    started: list[RequestGuard] | None = getattr(_local, "scope", None)
    if started is not None:
        started.append(guard)
    return guard


def body_sent() -> None:
    """Called by a streamed request body after its last byte: the answer's clock starts."""
    guard = current()
    if guard is not None:
        guard.arm()


@contextlib.contextmanager
def scope() -> Iterator[list[RequestGuard]]:
    """Around one call that may send several requests: yields the guards started inside; all are
    cancelled at the end (a response body read after the request returned is still covered)."""
    started: list[RequestGuard] = []
    _local.scope = started
    try:
        yield started
    finally:
        _local.scope = None
        _local.guard = None
        for guard in started:
            guard.finish()
