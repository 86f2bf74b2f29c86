"""Hostile servers on demand: redirects, answers that never start or trickle, junk instead of the protocol.

Each knob of ``FaultConfig`` maps an operation name (a VOD Action or an OSS operation, ``*`` for all)
to its setting, so a test can break exactly one call: ``redirect`` (a URL), ``stall_s`` (seconds of
silence, then the connection drops), ``trickle_s`` (seconds between single bytes of the answer,
headers included), ``hostile`` (``html``, ``xml``, ``huge``, ``wrong-types``, ``truncated``, ``empty``).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any, BinaryIO

from vodstudio.sandbox.httputil import DropConnection, iter_body, send_bytes
from vodstudio.sandbox.state import SandboxState

HUGE_BYTES = 24 * 1024 * 1024
_HTML = (
    b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
    b"</center><hr><center>captive-portal</center></body></html>"
)


class Answered(Exception):
    """A fault already answered the request: routing stops, the connection closes."""


def _pick(table: dict[str, Any], operation: str) -> Any:
    return table.get(operation, table.get("*"))


class _Trickle:
    """Writes one byte per interval: every read on the client side gets a byte just in time."""

    def __init__(self, raw: BinaryIO, interval: float, stop: threading.Event) -> None:
        self.raw = raw
        self.interval = interval
        self.stop = stop

    def write(self, data: bytes) -> int:
        for i in range(len(data)):
            if self.stop.wait(self.interval):
                raise DropConnection("sandbox stopping")
            self.raw.write(data[i : i + 1])
            self.raw.flush()
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


def before_answer(state: SandboxState, handler: BaseHTTPRequestHandler, operation: str) -> None:
    """Apply the wire faults chosen for ``operation`` (called once the request is authenticated)."""
    faults = state.faults
    location = _pick(faults.redirect, operation)
    if location:
        handler.close_connection = True  # a request body may be left unread
        send_bytes(
            handler,
            int(faults.redirect_status),
            b"",
            "text/html",
            {"Location": str(location), "Connection": "close"},
        )
        raise Answered(f"redirected {operation}")
    stall = _pick(faults.stall_s, operation)
    if stall:
        state.stopping.wait(float(stall))
        raise DropConnection(f"{operation}: the answer never started")
    trickle = _pick(faults.trickle_s, operation)
    if trickle:
        handler.close_connection = True
        handler.wfile = _Trickle(handler.wfile, float(trickle), state.stopping)  # type: ignore[arg-type,assignment]


def _flip(value: Any) -> Any:
    """The same shape with every type wrong: what a confused gateway or a new API version might send."""
    if isinstance(value, dict):
        return {k: (v if k == "RequestId" else _flip(v)) for k, v in value.items()}
    if isinstance(value, list):
        return {"item": value}
    if isinstance(value, bool | int | float):
        return str(value) + "x"
    if isinstance(value, str):
        return [value]
    return 0


def hostile_rpc(state: SandboxState, handler: BaseHTTPRequestHandler, action: str, payload: Any) -> bool:
    """Answer an RPC action with junk instead of ``payload``; False when no junk is chosen."""
    kind = _pick(state.faults.hostile, action)
    if not kind:
        return False
    json_type = "application/json;charset=utf-8"
    if kind == "html":
        send_bytes(handler, 200, _HTML, "text/html")
    elif kind == "xml":
        send_bytes(handler, 200, b"<?xml version='1.0'?><Response><Ok>yes</Ok></Response>", "text/xml")
    elif kind == "huge":
        filler = {"RequestId": "HUGE", "Padding": "x" * HUGE_BYTES}
        send_bytes(handler, 200, json.dumps(filler).encode(), json_type)
    elif kind == "wrong-types":
        send_bytes(handler, 200, json.dumps(_flip(payload)).encode(), json_type)
    elif kind == "empty":
        send_bytes(handler, 200, b"", json_type)
    elif kind == "truncated":
        body = json.dumps(payload).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", json_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body[: len(body) // 2])
        raise DropConnection("fault injection: answer cut off")
    else:
        raise ValueError(f"unknown hostile answer {kind!r}")
    return True


def hostile_oss(state: SandboxState, handler: BaseHTTPRequestHandler, operation: str) -> bool:
    """Answer an OSS operation with a 200 that is not its XML (a portal page, garbage, nothing)."""
    kind = _pick(state.faults.hostile, operation)
    if not kind:
        return False
    body = {"html": _HTML, "xml": b"<Nope><Not>this</Not></Nope>", "empty": b""}.get(str(kind), b"\x00junk")
    for _piece in iter_body(handler):  # read what was sent: junk, but still well-formed HTTP
        pass
    send_bytes(handler, 200, body, "text/html" if kind == "html" else "application/xml")
    return True
