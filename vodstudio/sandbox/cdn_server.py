"""The sandbox CDN domain: serves stored objects with ranges, records every request, serves logs."""

from __future__ import annotations

import logging
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any, BinaryIO, ClassVar
from urllib.parse import urlsplit

from vodstudio.sandbox import cdn_logs, oss_store
from vodstudio.sandbox.httputil import read_body, send_bytes, send_file, send_object, split_target
from vodstudio.sandbox.state import SandboxState

log = logging.getLogger(__name__)

_NOT_FOUND = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>NoSuchKey</Code>\n'
    "  <Message>The specified key does not exist.</Message>\n  <RequestId>{rid}</RequestId>\n"
    "  <HostId>{host}</HostId>\n  <Key>{key}</Key>\n</Error>\n"
)
_NOT_ALLOWED = (
    "<html><head><title>405 Not Allowed</title></head><body><center><h1>405 Not Allowed</h1></center>"
    "<hr><center>Tengine</center></body></html>"
)
_FORBIDDEN = (
    "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center>"
    "<hr><center>Tengine</center></body></html>"
)


class _HoldingWriter:
    """Wraps ``wfile`` for one request: counts body bytes and holds back the last write.

    The access-log row must be in the database before the client has the whole answer (a client that
    reads the log right after its download must find the row), so the final piece is released only
    after the row is written.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0  # body bytes (those written after the headers), held piece included
        self.in_body = False
        self._held = b""

    def write(self, data: bytes) -> int:
        if self._held:
            self.raw.write(self._held)
        self._held = bytes(data)
        if self.in_body:
            self.count += len(data)
        return len(data)

    def flush(self) -> None:
        """Held bytes stay held: ``release()`` sends them."""

    def release(self) -> int:
        """Send the held piece; returns how many body bytes did not reach the socket (0 on success)."""
        held, self._held = self._held, b""
        if not held:
            return 0
        try:
            self.raw.write(held)
            self.raw.flush()
        except OSError:
            return len(held) if self.in_body else 0
        return 0


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CdnRequestHandler(BaseHTTPRequestHandler):
    """Keep-alive CDN handler; ``make_handler`` binds it to one sandbox state."""

    protocol_version = "HTTP/1.1"
    server_version = "Tengine"
    sys_version = ""
    timeout = 120
    state: ClassVar[SandboxState]
    counter: _HoldingWriter | None = None

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def end_headers(self) -> None:
        super().end_headers()
        if self.counter is not None:
            self.counter.in_body = True

    def _handle(self) -> None:
        raw = self.wfile
        self.counter = _HoldingWriter(raw)  # type: ignore[arg-type]
        self.wfile = self.counter  # type: ignore[assignment]
        status = 500
        try:
            status = self._answer()
        except (ConnectionError, TimeoutError):
            self.close_connection = True
            status = 499  # nginx's "client closed request"
        except Exception:
            log.exception("CDN handler failed: %s %s", self.command, self.path)
            self.close_connection = True
        finally:
            counter, self.counter = self.counter, None
            self.wfile = raw
            row = _record(self.state, self, status, counter.count) if status != 0 else None
            lost = counter.release()
            if lost and row is not None:  # the last piece never left: the log says what was sent
                _correct(self.state, row, counter.count - lost)

    def _answer(self) -> int:
        """Answer the request; the status to log, or 0 for requests that are not traffic."""
        path, query = split_target(self)
        if self.command not in ("GET", "HEAD"):
            read_body(self)
            send_bytes(self, 405, _NOT_ALLOWED.encode(), "text/html", {"Allow": "GET, HEAD"})
            return 405
        if path.startswith(cdn_logs.LOG_URL_PREFIX):
            _serve_log(self.state, self, path, dict(query))
            return 0
        return _serve_object(self.state, self, path.lstrip("/"))

    def do_GET(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()


def make_handler(state: SandboxState) -> type[BaseHTTPRequestHandler]:
    """A handler class bound to ``state`` for the CDN port's ``ThreadingHTTPServer``."""
    return type("BoundCdnRequestHandler", (CdnRequestHandler,), {"state": state})


def _serve_object(state: SandboxState, handler: BaseHTTPRequestHandler, key: str) -> int:
    with state.db() as conn:
        row = oss_store.find_object(conn, state.config.bucket, key)
        reader = None if row is None else oss_store.open_object(state, conn, row)
    request_id = state.new_request_id().replace("-", "")[:24]
    if row is None or reader is None or not key:
        body = _NOT_FOUND.format(rid=request_id, host=state.cdn_domain, key=_xml_escape(key))
        send_bytes(handler, 404, body.encode(), "application/xml", {"X-Oss-Request-Id": request_id})
        return 404
    headers = {
        "ETag": f'"{row["etag"]}"',
        "Last-Modified": formatdate(row["created_at"], usegmt=True),
        "Cache-Control": "max-age=2592000",
        "X-Cache": "MISS TCP_MISS dirn:-2:-2",
        "X-Oss-Request-Id": request_id,
    }
    with reader:
        status, _sent = send_object(
            handler,
            reader,
            size=reader.size,
            content_type=row["content_type"],
            range_header=handler.headers.get("Range"),
            headers=headers,
        )
    return status


def _serve_log(
    state: SandboxState, handler: BaseHTTPRequestHandler, path: str, query: dict[str, str]
) -> None:
    ok = cdn_logs.check_signature(state, path, query.get("Expires", ""), query.get("Signature", ""))
    target = cdn_logs.file_for(state, path[len(cdn_logs.LOG_URL_PREFIX) :]) if ok else None
    if target is None:
        status = 403 if not ok else 404
        send_bytes(handler, status, _FORBIDDEN.encode(), "text/html")
        return
    size = target.stat().st_size
    send_file(handler, target, size=size, content_type="application/gzip", range_header=None)


def _record(state: SandboxState, handler: BaseHTTPRequestHandler, status: int, sent: int) -> int:
    """One row in ``cdn_access_log`` per request: the source of logs and of real traffic."""
    raw_path = urlsplit(handler.path)
    target = raw_path.path + (f"?{raw_path.query}" if raw_path.query else "")
    with state.db() as conn:
        cursor = conn.execute(
            "INSERT INTO cdn_access_log (ts, client_ip, method, path, status, bytes_sent, referer, "
            "user_agent, range_hdr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                state.now(),
                handler.client_address[0],
                handler.command,
                target,
                status,
                sent,
                handler.headers.get("Referer", "-") or "-",
                handler.headers.get("User-Agent", "-") or "-",
                handler.headers.get("Range", "-") or "-",
            ),
        )
        return int(cursor.lastrowid or 0)


def _correct(state: SandboxState, row: int, sent: int) -> None:
    with state.db() as conn:
        conn.execute("UPDATE cdn_access_log SET bytes_sent = ? WHERE rowid = ?", (sent, row))
