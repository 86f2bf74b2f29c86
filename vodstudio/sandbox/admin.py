"""Loopback-only control API under ``/_sandbox/``: state, faults, config, the emulated link, the clock."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler
from typing import Any

from vodstudio.sandbox.httputil import read_body, send_json, split_target
from vodstudio.sandbox.link import spec_from_json
from vodstudio.sandbox.state import SandboxState


def handle(state: SandboxState, handler: BaseHTTPRequestHandler) -> None:
    path, _ = split_target(handler)
    body = read_body(handler, limit=1024 * 1024)
    if not ipaddress.ip_address(handler.client_address[0]).is_loopback:
        send_json(handler, 403, {"error": "the control API only answers loopback clients"})
        return
    route = (handler.command, path.rstrip("/"))
    try:
        if route == ("GET", "/_sandbox/state"):
            send_json(handler, 200, snapshot(state))
            return
        if route == ("GET", "/_sandbox/link"):
            send_json(handler, 200, state.link.stats())
            return
        changes = _json_object(body)
        if route[1] == "/_sandbox/routes":  # the two upload routes: knobs and counted writes
            from vodstudio.sandbox import routes

            if handler.command == "POST":
                routes.book(state).configure(changes)
            send_json(handler, 200, routes.book(state).snapshot())
            return
        if route == ("POST", "/_sandbox/faults"):
            state.update_faults(changes)
        elif route == ("POST", "/_sandbox/config"):
            state.update_config(changes)
        elif route == ("POST", "/_sandbox/link"):
            reset = bool(changes.pop("reset_stats", False))
            state.link.set(spec_from_json(changes))
            if reset:
                state.link.reset_stats()
        elif route == ("POST", "/_sandbox/clock"):
            state.clock_offset += float(changes.get("advance", 0))
            state.skew = float(changes.get("skew", state.skew))
        else:
            send_json(handler, 404, {"error": f"no such control route {handler.command} {path}"})
            return
    except (ValueError, TypeError) as exc:
        send_json(handler, 400, {"error": str(exc)})
        return
    send_json(handler, 200, snapshot(state))


def _json_object(body: bytes) -> dict[str, Any]:
    value = json.loads(body or b"{}")
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value


def snapshot(state: SandboxState) -> dict[str, Any]:
    config = state.config.public_dict()
    for secret in ("access_key_secret", "huawei_sk"):
        config.pop(secret, None)  # the control API never echoes keys
    return {
        "config": config,
        "faults": asdict(state.faults),
        "clock_offset": state.clock_offset,
        "skew": state.skew,
        "now": state.now(),
        "vod_endpoint": state.vod_endpoint,
        "cdn_domain": state.cdn_domain,
        "link": state.link.stats(),
    }
