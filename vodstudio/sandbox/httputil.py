"""Small response/request helpers over ``BaseHTTPRequestHandler`` shared by every sandbox surface."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler
from io import BufferedIOBase
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from vodstudio.sandbox.segments import ByteSource

CHUNK = 1024 * 1024


class DropConnection(Exception):
    """Raised by fault injection to close the socket without a complete answer."""


def split_target(handler: BaseHTTPRequestHandler) -> tuple[str, list[tuple[str, str]]]:
    """The percent-decoded path and the decoded query pairs (blank values kept: ``?uploads``)."""
    parts = urlsplit(handler.path)
    return unquote(parts.path), parse_qsl(parts.query, keep_blank_values=True)


def content_length(handler: BaseHTTPRequestHandler) -> int:
    raw = handler.headers.get("Content-Length")
    if raw is None:
        return 0
    try:
        return max(0, int(raw))
    except ValueError:
        return 0


def read_body(handler: BaseHTTPRequestHandler, limit: int = 64 * 1024 * 1024) -> bytes:
    """Read a (small) request body fully. Chunked bodies are supported for clients that stream."""
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        return b"".join(iter_chunked(handler))
    length = content_length(handler)
    if length > limit:
        raise ValueError("request body too large")
    return handler.rfile.read(length) if length else b""


def iter_chunked(handler: BaseHTTPRequestHandler) -> Any:
    """Yield the pieces of a ``Transfer-Encoding: chunked`` body."""
    while True:
        line = handler.rfile.readline(65537)
        size = int(line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            while handler.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                pass
            return
        yield handler.rfile.read(size)
        handler.rfile.readline(3)


def iter_body(
    handler: BaseHTTPRequestHandler, chunk: int = CHUNK, before_read: Callable[[int], None] | None = None
) -> Any:
    """Yield the request body in pieces (Content-Length or chunked) without holding it in memory.

    ``before_read(n)`` is called before each read of ``n`` bytes (the link emulator paces there).
    """
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        for piece in iter_chunked(handler):
            if before_read is not None:
                before_read(len(piece))
            yield piece
        return
    remaining = content_length(handler)
    while remaining > 0:
        want = min(chunk, remaining)
        if before_read is not None:
            before_read(want)
        piece = handler.rfile.read(want)
        if not piece:
            raise DropConnection("client closed the connection mid-body")
        remaining -= len(piece)
        yield piece


def send_bytes(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: Mapping[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if handler.command != "HEAD" and body:
        handler.wfile.write(body)


def send_json(
    handler: BaseHTTPRequestHandler, status: int, payload: Any, headers: Mapping[str, str] | None = None
) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    send_bytes(handler, status, body, "application/json;charset=utf-8", headers)


def send_xml(
    handler: BaseHTTPRequestHandler, status: int, xml: bytes, headers: Mapping[str, str] | None = None
) -> None:
    send_bytes(handler, status, xml, "application/xml", headers)


def send_empty(
    handler: BaseHTTPRequestHandler, status: int, headers: Mapping[str, str] | None = None
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Length", "0")
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | bool | None:
    """Parse a single ``Range: bytes=a-b``. None: whole file; False: unsatisfiable; else (start, end)."""
    if not header:
        return None
    match = _RANGE.match(header.strip())
    if not match or (match.group(1) == "" and match.group(2) == ""):
        return None  # malformed or multi-range: serve the whole entity, as OSS does
    first, last = match.group(1), match.group(2)
    if first == "":
        length = int(last)
        if length == 0:
            return False
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return False
    return start, end


def send_file(
    handler: BaseHTTPRequestHandler,
    path: Path,
    *,
    size: int,
    content_type: str,
    range_header: str | None = None,
    headers: Mapping[str, str] | None = None,
    rate_limit: float = 0.0,
) -> tuple[int, int]:
    """Send a file (or one byte range of it). Returns (HTTP status, body bytes sent)."""
    with path.open("rb") as source:
        return send_object(
            handler,
            source,
            size=size,
            content_type=content_type,
            range_header=range_header,
            headers=headers,
            rate_limit=rate_limit,
        )


def send_object(
    handler: BaseHTTPRequestHandler,
    source: ByteSource,
    *,
    size: int,
    content_type: str,
    range_header: str | None = None,
    headers: Mapping[str, str] | None = None,
    rate_limit: float = 0.0,
) -> tuple[int, int]:
    """Send ``size`` bytes of a seekable source (a file, a segmented object) or one byte range of them.

    Returns (HTTP status, body bytes sent).
    """
    span = parse_range(range_header, size)
    if span is False:
        send_empty(handler, 416, {"Content-Range": f"bytes */{size}"})
        return 416, 0
    start, end = (0, size - 1) if span is None else span  # type: ignore[misc]
    status = 200 if span is None else 206
    length = max(0, end - start + 1) if size else 0
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(length))
    handler.send_header("Accept-Ranges", "bytes")
    if status == 206:
        handler.send_header("Content-Range", f"bytes {start}-{end}/{size}")
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    if handler.command == "HEAD" or length == 0:
        return status, 0
    source.seek(start)
    return status, _copy(source, handler.wfile, length, rate_limit)


def _copy(source: ByteSource, sink: BufferedIOBase, length: int, rate_limit: float) -> int:
    """Copy ``length`` bytes in 1 MiB pieces, paced to ``rate_limit`` bytes/s when it is set."""
    sent = 0
    began = time.monotonic()
    while sent < length:
        piece = source.read(min(CHUNK, length - sent))
        if not piece:
            break
        sink.write(piece)
        sent += len(piece)
        if rate_limit > 0:
            ahead = sent / rate_limit - (time.monotonic() - began)
            if ahead > 0:
                time.sleep(ahead)
    return sent
