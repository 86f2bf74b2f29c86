"""Two upload routes: the normal OSS endpoint and an "accelerated" listener, each with a delay knob.

Requests that ask for acceleration (``UserData.AccelerateConfig``) get the accelerated listener's URL
in their UploadAddress, as the real service answers with its acceleration domain. Every OSS write is
counted per route, so tests can assert which listener took the parts. Link emulation lives elsewhere;
this is only a per-route delay and rate, enough for the route probe to have a faster route.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import parse_qs

from vodstudio.sandbox.state import SandboxState

NORMAL = "normal"
ACCELERATED = "accelerated"


@dataclass
class RouteKnob:
    delay_ms: float = 0.0  # added before answering each OSS write on this route
    rate_bps: float = 0.0  # bytes/s of a write's body on this route (0 = unlimited)


@dataclass
class RouteBook:
    accelerated_endpoint: str = ""
    knobs: dict[str, RouteKnob] = field(
        default_factory=lambda: {NORMAL: RouteKnob(), ACCELERATED: RouteKnob()}
    )
    writes: Counter[str] = field(default_factory=Counter)  # "normal:UploadPart" -> count
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "accelerated_endpoint": self.accelerated_endpoint,
                "knobs": {name: asdict(k) for name, k in self.knobs.items()},
                "writes": dict(self.writes),
            }

    def configure(self, changes: dict[str, Any]) -> None:
        with self.lock:
            if changes.get("reset_counts"):
                self.writes.clear()
            for name in (NORMAL, ACCELERATED):
                if name in changes:
                    values = changes[name]
                    if not isinstance(values, dict) or set(values) - {"delay_ms", "rate_bps"}:
                        raise ValueError(f"{name}: expected {{'delay_ms': ms, 'rate_bps': n}}")
                    knob = self.knobs[name]
                    knob.delay_ms = float(values.get("delay_ms", knob.delay_ms))
                    knob.rate_bps = float(values.get("rate_bps", knob.rate_bps))

    def count(self, route: str, operation: str) -> int:
        with self.lock:
            return self.writes[f"{route}:{operation}"]


_BOOKS: weakref.WeakKeyDictionary[SandboxState, RouteBook] = weakref.WeakKeyDictionary()
_BOOKS_LOCK = threading.Lock()


def book(state: SandboxState) -> RouteBook:
    with _BOOKS_LOCK:
        found = _BOOKS.get(state)
        if found is None:
            found = _BOOKS[state] = RouteBook()
        return found


def wants_acceleration(user_data: str) -> bool:
    try:
        parsed = json.loads(user_data) if user_data else {}
    except json.JSONDecodeError:
        return False
    config = parsed.get("AccelerateConfig") if isinstance(parsed, dict) else None
    return isinstance(config, dict) and str(config.get("Type", "")).lower() == "oss"


def endpoint_for(state: SandboxState, user_data: str) -> str:
    """The UploadAddress endpoint: the accelerated listener when asked for and running."""
    accelerated = book(state).accelerated_endpoint
    return accelerated if accelerated and wants_acceleration(user_data) else state.vod_endpoint


def _operation(method: str, query: str) -> str:
    args = parse_qs(query, keep_blank_values=True)
    if method == "PUT" and "partNumber" in args:
        return "UploadPart"
    if method == "POST" and "uploads" in args:
        return "InitiateMultipartUpload"
    if method == "POST" and "uploadId" in args:
        return "CompleteMultipartUpload"
    return "PutObject" if method == "PUT" else ""


def on_oss_request(state: SandboxState, route: str, method: str, query: str, body_length: int) -> None:
    """Count a write on ``route`` and hold it as that route's knob says (before the body is read)."""
    operation = _operation(method, query)
    if not operation:
        return
    entry = book(state)
    with entry.lock:
        entry.writes[f"{route}:{operation}"] += 1
        knob = RouteKnob(**asdict(entry.knobs[route]))
    pause = knob.delay_ms / 1000.0
    if knob.rate_bps > 0 and body_length > 0:
        pause += body_length / knob.rate_bps
    if pause > 0:
        state.stopping.wait(pause)  # a stopping sandbox does not keep its threads asleep
