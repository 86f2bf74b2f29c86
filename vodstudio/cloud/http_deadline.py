"""An overall deadline for httpx calls: every socket read or write gets at most the time that is left.

httpx's timeouts are per operation, so an answer that trickles a byte a second never times out. A
request hook stamps the deadline on the calling thread; the network streams of the client's pools
cap each read/write timeout at what is left of it and fail once it has passed (httpx reports a
timeout; ``expired()`` tells the caller that it was the overall deadline).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

_local = threading.local()


def expired() -> bool:
    """True when the last call on this thread ran out of its overall deadline."""
    until: float | None = getattr(_local, "until", None)
    return until is not None and time.monotonic() >= until


def _left(timeout: float | None) -> float | None:
    until: float | None = getattr(_local, "until", None)
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _left(timeout), local_address, socket_options)
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def arm_hook(seconds: float) -> Callable[[httpx.Request], None]:
    def arm(_request: httpx.Request) -> None:
        _local.until = time.monotonic() + seconds

    return arm


def install(transports: Iterable[object]) -> int:
    """Give every httpx pool transport deadline-aware streams; returns how many were changed.

    Reaches into ``HTTPTransport._pool._network_backend`` (httpx offers no public switch); the unit
    test ``test_http_factory`` fails if an upgrade moves it.
    """
    changed = 0
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(transport, httpx.HTTPTransport) and backend is not None:
            if not isinstance(backend, _Backend):
                pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
            changed += 1
    return changed
