"""Progress as the link carries it: bytes written to a socket minus those still waiting in its send queue.

A part's bytes leave our process long before they cross a slow link: the kernel's send buffer takes
megabytes at once (Linux autotunes it up to 4 MiB per connection), so counting at ``write`` ran up to
25 MB ahead of the link with six connections and made speed and ETA swing. Here each in-flight part
asks its socket how much is still unacknowledged (``SIOCOUTQ`` on Linux, ``SO_NWRITE`` on macOS) and
counts only the rest; one poller thread per engine keeps that true while a part's tail drains, and the
part's answer counts whatever remains. Where the system cannot tell (Windows), the send buffer's size
is held back until the answer instead.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any

from vodstudio.transfer import deadline

POLL_S = 0.2
_SO_NWRITE = 0x1024  # macOS: bytes in the send buffer not yet acknowledged


def unsent_bytes(sock: socket.socket) -> int | None:
    """Bytes written to ``sock`` that the peer has not acknowledged yet, or None where unknowable."""
    platform: str = sys.platform  # a plain str: mypy would judge the other branches unreachable
    try:
        if platform.startswith("linux"):
            import fcntl
            import struct
            import termios

            raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")  # == SIOCOUTQ
            return int(struct.unpack("i", raw)[0])
        if platform == "darwin":
            return int(sock.getsockopt(socket.SOL_SOCKET, _SO_NWRITE))
    except (OSError, ValueError):
        return None
    return None


def _held_back(sock: socket.socket) -> int:
    with contextlib.suppress(OSError):
        return int(sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF))
    return 0


class PartCounter:
    """One attempt at one part: reports deltas of the bytes the link has taken to ``report``."""

    def __init__(self, report: Callable[[int], None]) -> None:
        self._report = report
        self._lock = threading.Lock()
        self._written = 0  # bytes surely in the socket (the chunks before the one being sent)
        self._pending = 0  # the chunk being sent now: not in the socket's count yet
        self._reported = 0
        self._sock: socket.socket | None = None

    def written(self, amount: int) -> None:
        """``amount`` more bytes are about to be handed to the socket (what came before is in it)."""
        if self._sock is None:
            guard = deadline.current()
            sock: Any = getattr(getattr(guard, "connection", None), "sock", None)
            self._sock = sock if isinstance(sock, socket.socket) else None
        with self._lock:
            self._written += self._pending
            self._pending = amount
        self.poll()

    def poll(self) -> None:
        sock = self._sock
        with self._lock:
            written = self._written
        if written == 0:
            return
        if sock is None:
            taken = 0  # no socket seen (a proxy layer hid it): count at the answer only
        else:
            unsent = unsent_bytes(sock)
            taken = written - (min(written, _held_back(sock)) if unsent is None else min(unsent, written))
        self._advance(taken)

    def answered(self) -> None:
        """The server answered: every byte written was taken."""
        with self._lock:
            written = self._written + self._pending
        self._advance(written)

    def undo(self) -> None:
        """The attempt failed: take back what was reported (the retry counts again from zero)."""
        with self._lock:
            reported, self._reported, self._written, self._pending = self._reported, 0, 0, 0
            self._sock = None
        if reported:
            self._report(-reported)

    def _advance(self, taken: int) -> None:
        with self._lock:
            delta = taken - self._reported
            if delta <= 0:
                return  # never backwards: the queue only shrinks
            self._reported = taken
        self._report(delta)


class DeliveredMeter:
    """The poller of an engine's in-flight parts; its thread runs only while some part is in flight."""

    def __init__(self, interval: float = POLL_S) -> None:
        self._interval = interval
        self._lock = threading.Lock()
        self._parts: set[PartCounter] = set()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()

    def track(self, part: PartCounter) -> None:
        with self._lock:
            self._parts.add(part)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="vod-delivered", daemon=True)
                self._thread.start()

    def untrack(self, part: PartCounter) -> None:
        with self._lock:
            self._parts.discard(part)
            if not self._parts:
                self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait(self._interval)
            self._wake.clear()
            with self._lock:
                parts = list(self._parts)
                if not parts:
                    self._thread = None
                    return
            for part in parts:
                part.poll()
