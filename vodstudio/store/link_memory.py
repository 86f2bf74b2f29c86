"""What adaptive parallelism learnt per network, account and OSS host, kept in the profile (links.json).

The key names the route, never a secret: the account's display name, the OSS host and the local
address the system uses to reach it (which changes with the network: home Wi-Fi, office, a VPN).
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from vodstudio.store.atomic import read_json, write_json

MAX_ROUTES = 200  # oldest forgotten beyond this


@dataclass(frozen=True)
class Learnt:
    """What a route taught: the connections that filled it and what one connection carried."""

    connections: int
    per_conn_bps: float


def local_address_for(host: str, port: int = 443) -> str:
    """The local IP the system would use to reach ``host`` (a UDP connect sends nothing)."""
    with contextlib.suppress(OSError, UnicodeError):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((host, port))
            return str(probe.getsockname()[0])
    return "unknown"


def route_key(account: str, endpoint: str) -> str:
    parts = urlsplit(endpoint if "//" in endpoint else f"http://{endpoint}")
    host = parts.hostname or endpoint
    return f"{account}|{host}|{local_address_for(host, parts.port or 443)}"


class LinkMemory:
    """A small JSON map from route key to what was learnt; safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._routes: dict[str, dict[str, float]] | None = None

    def _load(self) -> dict[str, dict[str, float]]:
        if self._routes is None:
            raw = read_json(self.path)
            self._routes = {}
            if isinstance(raw, dict):
                for key, value in raw.items():
                    if isinstance(value, dict) and isinstance(value.get("connections"), int):
                        self._routes[str(key)] = value
        return self._routes

    def get(self, key: str) -> Learnt | None:
        with self._lock:
            return self._entry(key)

    def put(self, key: str, learnt: Learnt) -> None:
        with self._lock:
            routes = self._load()
            if self._entry(key) == learnt:
                return
            routes[key] = {
                "connections": learnt.connections,
                "per_conn_bps": round(learnt.per_conn_bps),
                "updated": time.time(),
            }
            if len(routes) > MAX_ROUTES:
                oldest = sorted(routes, key=lambda k: routes[k].get("updated", 0))[: len(routes) - MAX_ROUTES]
                for stale in oldest:
                    routes.pop(stale)
            with contextlib.suppress(OSError):  # a full disk costs the memory, not the upload
                write_json(self.path, routes)

    def _entry(self, key: str) -> Learnt | None:
        entry = self._load().get(key)
        if entry is None:
            return None
        return Learnt(int(entry["connections"]), float(entry.get("per_conn_bps", 0.0)))
