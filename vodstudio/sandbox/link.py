"""Link emulation for OSS: a round trip added per exchange, a rate per connection, a total all share.

A creator's upload over a 30–200 ms link is bounded twice: one TCP connection carries about its
window per round trip (``per-conn``), and the line itself carries ``total`` for all connections.
Loopback has neither, so parallelism and progress cannot be judged there. The sandbox paces the
reading of every OSS request body through two token buckets (the connection's own, then the shared
one) and sleeps half the round trip when a request arrives and half before its answer leaves.

The socket's receive buffer is kept small while a link is set, so what the client has written but
the "link" has not yet carried waits in the client's own send buffer, as it would on a real link,
instead of vanishing into megabytes of loopback buffering.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vodstudio.sandbox.httputil import content_length, iter_body

# Bytes of a unit; decimal units are what link speeds are sold in, binary ones are accepted too.
_UNITS = {
    "": 1.0,
    "b": 1.0,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
    "kib": 1024.0,
    "mib": 1024.0**2,
    "gib": 1024.0**3,
    "kbit": 1e3 / 8,
    "mbit": 1e6 / 8,
    "gbit": 1e9 / 8,
}
_RATE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*(?:/s|ps)?\s*$", re.IGNORECASE)
_DURATION = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(ms|s)?\s*$", re.IGNORECASE)
READ_PIECE = 64 * 1024  # paced reads: small enough that one connection's rate is smooth
RECEIVE_BUFFER = 128 * 1024  # the server-side window while a link is emulated
BURST_S = 0.02  # a bucket lets this much time's worth of bytes through at once


def parse_rate(text: str) -> float:
    """``2MB/s``, ``500KiB/s``, ``80Mbit/s``, ``1e6`` (bytes/s) -> bytes per second."""
    match = _RATE.match(text)
    unit = match.group(2).lower() if match else ""
    if unit.endswith("bps") and len(unit) > 3:  # Mbps is megabits, as link speeds are quoted
        unit = unit[:-3] + "bit"
    if match is None or unit not in _UNITS:
        raise ValueError(f"not a rate: {text!r} (try 2MB/s, 500KiB/s or 80Mbit/s)")
    return float(match.group(1)) * _UNITS[unit]


def parse_duration(text: str) -> float:
    """``80ms``, ``0.08s`` or a bare number of milliseconds -> seconds."""
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"not a duration: {text!r} (try 80ms)")
    value = float(match.group(1))
    return value if (match.group(2) or "ms").lower() == "s" else value / 1000.0


@dataclass(frozen=True)
class LinkSpec:
    """The emulated link; zero means "not limited" for each of the three."""

    rtt_s: float = 0.0
    per_conn_bps: float = 0.0
    total_bps: float = 0.0

    @property
    def active(self) -> bool:
        return self.rtt_s > 0 or self.per_conn_bps > 0 or self.total_bps > 0

    def describe(self) -> str:
        parts = [f"rtt={self.rtt_s * 1000:g}ms"] if self.rtt_s else []
        if self.per_conn_bps:
            parts.append(f"per-conn={self.per_conn_bps / 1e6:g}MB/s")
        if self.total_bps:
            parts.append(f"total={self.total_bps / 1e6:g}MB/s")
        return ",".join(parts) or "off"

    def as_dict(self) -> dict[str, Any]:
        return {
            "rtt_ms": self.rtt_s * 1000,
            "per_conn_bps": self.per_conn_bps,
            "total_bps": self.total_bps,
            "text": self.describe(),
        }


def parse_link(text: str) -> LinkSpec:
    """``rtt=80ms,per-conn=2MB/s,total=40MB/s`` (any subset, any order; ``off`` clears)."""
    if text.strip().lower() in ("", "off", "none"):
        return LinkSpec()
    values: dict[str, float] = {}
    for item in text.split(","):
        name, sep, value = item.partition("=")
        key = name.strip().lower().replace("_", "-")
        if not sep or key not in ("rtt", "per-conn", "total"):
            raise ValueError(f"unknown link setting {item.strip()!r} (rtt=, per-conn=, total=)")
        values[key] = parse_duration(value) if key == "rtt" else parse_rate(value)
    return LinkSpec(values.get("rtt", 0.0), values.get("per-conn", 0.0), values.get("total", 0.0))


def spec_from_json(body: dict[str, Any]) -> LinkSpec:
    """The admin API's form: ``{"link": "rtt=80ms,..."}`` or ``{"rtt_ms", "per_conn_bps", "total_bps"}``."""
    if "link" in body:
        return parse_link(str(body["link"]))
    unknown = set(body) - {"rtt_ms", "per_conn_bps", "total_bps"}
    if unknown:
        raise ValueError(f"unknown link setting(s) {sorted(unknown)}")
    spec = LinkSpec(
        float(body.get("rtt_ms", 0)) / 1000,
        float(body.get("per_conn_bps", 0)),
        float(body.get("total_bps", 0)),
    )
    if min(spec.rtt_s, spec.per_conn_bps, spec.total_bps) < 0:
        raise ValueError("link settings cannot be negative")
    return spec


class Pacer:
    """A token bucket as virtual scheduling (GCRA): callers reserve bytes and sleep outside the lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._due = 0.0  # when the bytes reserved so far have all "left"

    def reserve(self, amount: int, rate: float) -> float:
        """Seconds to wait before ``amount`` bytes may go at ``rate`` bytes/s (0: unlimited)."""
        if rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            self._due = max(self._due, now) + amount / rate
            return max(0.0, self._due - now - BURST_S)


class ConnectionLink:
    """One TCP connection's share of the link: its bucket and what it carried."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.pacer = Pacer()
        self.bytes = 0


class LinkEmulator:
    """The link every OSS connection of a sandbox goes through; its spec changes while running."""

    def __init__(self, spec: LinkSpec | None = None) -> None:
        self._lock = threading.Lock()
        self._spec = spec or LinkSpec()
        self._shared = Pacer()
        self._connections = 0
        self._open: set[int] = set()
        self.bytes = 0  # body bytes carried while a link was set
        self.exchanges = 0  # OSS exchanges that got the round trip added
        self.waited_s = 0.0  # seconds readers spent waiting for a bucket
        self.peak_connections = 0  # most connections carrying a body at once

    @property
    def spec(self) -> LinkSpec:
        return self._spec

    def set(self, spec: LinkSpec) -> None:
        with self._lock:
            self._spec = spec

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                **self._spec.as_dict(),
                "bytes": self.bytes,
                "exchanges": self.exchanges,
                "connections": self._connections,
                "peak_connections": self.peak_connections,
                "waited_s": round(self.waited_s, 3),
            }

    def reset_stats(self) -> None:
        with self._lock:
            self.bytes = self.exchanges = self.peak_connections = 0
            self.waited_s = 0.0

    def connection(self, handler: Any) -> ConnectionLink:
        """The connection's link state (made on its first OSS request; the handler lives as long as it)."""
        link: ConnectionLink | None = getattr(handler, "vod_link", None)
        if link is None:
            with self._lock:
                self._connections += 1
                link = ConnectionLink(self._connections)
            handler.vod_link = link
            if self._spec.active:
                with contextlib.suppress(OSError):
                    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        return link

    def half_trip(self) -> None:
        """Half the round trip: a request reaching the server, or its answer reaching the client."""
        rtt = self._spec.rtt_s
        if rtt > 0:
            time.sleep(rtt / 2)

    def count_exchange(self) -> None:
        if self._spec.active:
            with self._lock:
                self.exchanges += 1

    def pace(self, link: ConnectionLink, amount: int) -> None:
        """Wait until the connection and the shared line may carry ``amount`` more bytes."""
        spec = self._spec
        if not spec.active:
            return
        wait = link.pacer.reserve(amount, spec.per_conn_bps)
        if wait > 0:
            time.sleep(wait)
        shared = self._shared.reserve(amount, spec.total_bps)
        if shared > 0:
            time.sleep(shared)
        link.bytes += amount
        with self._lock:
            self.bytes += amount
            self.waited_s += wait + shared

    def body_started(self, link: ConnectionLink) -> None:
        with self._lock:
            self._open.add(link.number)
            self.peak_connections = max(self.peak_connections, len(self._open))

    def body_ended(self, link: ConnectionLink) -> None:
        with self._lock:
            self._open.discard(link.number)


# ---- the OSS handler's side (``call`` is an ``oss.OssCall``; typed loosely to avoid an import cycle) ----
def enter(call: Any) -> None:
    """The request's half of the round trip; body-less exchanges pay the answer's half at once."""
    emulator: LinkEmulator = call.state.link
    if not emulator.spec.active:
        return
    call.link = emulator.connection(call.handler)
    emulator.count_exchange()
    emulator.half_trip()
    call.trip_owed = True
    if call.operation not in ("UploadPart", "PutObject") or content_length(call.handler) == 0:
        call.owe_answer_trip()


def paced_body(call: Any, link: ConnectionLink) -> Iterator[bytes]:
    """The body read at the link's pace; its end is where the answer's half trip begins."""
    emulator: LinkEmulator = call.state.link
    emulator.body_started(link)
    try:
        yield from iter_body(call.handler, READ_PIECE, lambda n: emulator.pace(link, n))
    finally:
        emulator.body_ended(link)
    call.owe_answer_trip()
