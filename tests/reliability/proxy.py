"""A loopback HTTP proxy between the CLI and the sandbox that sees every request and counts body bytes.

It forwards one exchange at a time per connection and can *hold* at a chosen point: after the
server answered a given operation (its answer never reaches the client), or once a number of upload
bytes went through. The test then kills the client there: a kill inside Initiate, inside Complete,
inside a credential refresh, mid-parts. Nothing here knows the sandbox beyond the HTTP it sees.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import parse_qsl, urlsplit

from vodstudio.sandbox.oss import operation_name

UPLOAD_OPS = ("UploadPart", "PutObject")


def operation_of(method: str, target: str, head: bytes = b"") -> str:
    """The VOD action (ACS3 sends it as the ``x-acs-action`` header, V1 as a query parameter) or the
    OSS operation of a request."""
    parts = urlsplit(target)
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "x-acs-action":
            return value.strip()
    if parts.path in ("", "/") and "Action" in params:
        return params["Action"]
    return operation_name(method, params)


@dataclass
class HoldPoint:
    """Where to stop forwarding: after ``operation`` was answered, or after ``upload_bytes`` went up."""

    operation: str = ""
    upload_bytes: int = 0
    hit: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


class KillProxy:
    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.hold: HoldPoint | None = None
        self.seen: list[str] = []
        self.upload_bytes = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self, hold: HoldPoint | None = None) -> None:
        with self._lock:
            if self.hold is not None:
                self.hold.release.set()
            self.hold, self.seen, self.upload_bytes = hold, [], 0

    def close(self) -> None:
        self._closed.set()
        self.reset()
        with contextlib.suppress(OSError):
            self.listener.close()
        self.drop_all()

    def drop_all(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.close()

    # ---- plumbing ------------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self.upstream)
        with self._lock:
            self._sockets += [client, upstream]
        reader: BinaryIO = client.makefile("rb")  # type: ignore[assignment]
        server: BinaryIO = upstream.makefile("rb")  # type: ignore[assignment]
        with contextlib.suppress(OSError, ValueError):
            while self._exchange(reader, client, server, upstream):
                pass
        for sock in (client, upstream):
            with contextlib.suppress(OSError):
                sock.close()

    def _exchange(
        self, reader: BinaryIO, client: socket.socket, server: BinaryIO, upstream: socket.socket
    ) -> bool:
        head, length, method, target = _read_head(reader)
        if not head:
            return False
        operation = operation_of(method, target, head)
        with self._lock:
            self.seen.append(operation)
        upstream.sendall(head)
        self._pipe_body(reader, upstream, length, counted=operation in UPLOAD_OPS)
        answer, answer_length, _status, _ = _read_head(server)
        body = server.read(answer_length) if method != "HEAD" and answer_length else b""
        hold = self.hold
        if hold is not None and hold.operation == operation:
            self._stop_here(hold)
        client.sendall(answer + body)
        return True

    def _pipe_body(self, reader: BinaryIO, upstream: socket.socket, length: int, *, counted: bool) -> None:
        left = length
        while left > 0:
            piece = reader.read(min(left, 64 * 1024))
            if not piece:
                raise ConnectionError("client went away mid-body")
            left -= len(piece)
            if counted:
                with self._lock:
                    self.upload_bytes += len(piece)
                    total = self.upload_bytes
                hold = self.hold
                if hold is not None and hold.upload_bytes and total >= hold.upload_bytes:
                    self._stop_here(hold)
            upstream.sendall(piece)

    def _stop_here(self, hold: HoldPoint) -> None:
        hold.hit.set()
        hold.release.wait()  # held until the test has killed the client
        raise ConnectionError("held")


def _read_head(reader: BinaryIO) -> tuple[bytes, int, str, str]:
    """(raw head, Content-Length, first word, second word) of a request or a response."""
    lines: list[bytes] = []
    while True:
        line = reader.readline(65537)
        if not line:
            return b"", 0, "", ""
        lines.append(line)
        if line in (b"\r\n", b"\n"):
            break
    first = lines[0].decode("latin-1").split()
    length = 0
    for line in lines[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return b"".join(lines), length, first[0] if first else "", first[1] if len(first) > 1 else ""
