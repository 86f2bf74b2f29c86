"""Huawei Cloud VOD CDN endpoints of the sandbox: AK/SK gateway checks, refresh, preheating, asset list.

Decisions where the real service is not documented (the client maps them through ``classify``):
a project id in the path other than the sandbox's → 403 ``VOD.10053`` (illegal field ``project_id``);
over the 1,000-per-tenant daily limit → 400 ``VOD.10185`` "The number of ... exceeds the daily limit".
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import re
import sqlite3
import time
import uuid
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from vodstudio.cloud.huawei import signing
from vodstudio.sandbox import quota
from vodstudio.sandbox.httputil import read_body, send_json
from vodstudio.sandbox.huawei_assets import ensure_seeded, holds, list_assets, play_urls
from vodstudio.sandbox.state import SandboxState

__all__ = ["ensure_seeded", "handle"]

MAX_ITEMS = 10
MAX_URL_LENGTH = 10240
_ROUTES = {
    ("v1", "refresh"): "refresh",
    ("v1.0", "preheating"): "preheating",
    ("v1.0", "list"): "list",
}
_PATH = re.compile(r"^/(v1|v1\.0)/([^/]+)/asset/(refresh|preheating|list)/?$")
_AUTH = re.compile(
    r"^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$"
)
_NO_API = "The API does not exist or has not been published in the environment"


class HuaweiError(Exception):
    """An error answer: HTTP status plus the ``error_code`` / ``error_msg`` body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def illegal(field: str, status: int = 400) -> HuaweiError:
    return HuaweiError(status, "VOD.10053", f"The request parameter is illegal, illegal field: {{{field}}}.")


def _gateway(detail: str) -> HuaweiError:
    return HuaweiError(401, "APIGW.0301", f"Incorrect IAM authentication information: {detail}")


def handle(state: SandboxState, handler: BaseHTTPRequestHandler) -> None:
    """Answer one request on ``/v1/...`` or ``/v1.0/...``; every answer carries ``X-Request-Id``."""
    request_id = uuid.uuid4().hex
    headers = {"X-Request-Id": request_id}
    try:
        status, payload = _dispatch(state, handler)
    except HuaweiError as exc:
        status = exc.status
        payload = {"error_code": exc.code, "error_msg": exc.message}
        if exc.code.startswith("APIGW"):
            payload["request_id"] = request_id
    send_json(handler, status, payload, headers)


def _dispatch(state: SandboxState, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
    target = urlsplit(handler.path)
    match = _PATH.match(target.path)
    route = _ROUTES.get((match.group(1), match.group(3))) if match else None
    body = read_body(handler, limit=1024 * 1024)
    if match is None or route is None:
        raise HuaweiError(404, "APIGW.0101", _NO_API)
    pairs = parse_qsl(target.query, keep_blank_values=True)
    verify_signature(state, handler, target.path, pairs, body)
    if match.group(2) != state.config.huawei_project_id:
        raise illegal("project_id", status=403)
    query: dict[str, list[str]] = {}
    for key, value in pairs:
        query.setdefault(key, []).append(value)
    method = handler.command
    if route == "list" and method == "GET":
        return 200, _list(state, query)
    if method == "POST":
        return 202, _create(state, route, _json(body))
    if method == "GET":
        return 200, _results(state, route, query.get("task_id", [""])[0])
    raise HuaweiError(
        405, "APIGW.0101", "The API does not exist or has not been published in the environment"
    )


def verify_signature(
    state: SandboxState,
    handler: BaseHTTPRequestHandler,
    path: str,
    pairs: list[tuple[str, str]],
    body: bytes,
) -> None:
    """Recompute SDK-HMAC-SHA256 over the client's own SignedHeaders list, as the API gateway does."""
    match = _AUTH.match(handler.headers.get("Authorization", "").strip())
    if match is None:
        raise _gateway("verify aksk signature fail, authorization header is missing or malformed")
    access, signed, signature = match.groups()
    if access != state.config.huawei_ak:
        raise _gateway(f"Get secretKey failed,ak:{access[:3]}***,err:ak not exist")
    names = signed.lower().split(";")
    sdk_date = handler.headers.get("X-Sdk-Date", "")
    if "host" not in names or "x-sdk-date" not in names:
        raise _gateway("verify aksk signature fail, host and x-sdk-date must be signed")
    try:
        when = dt.datetime.strptime(sdk_date, signing.DATE_FORMAT).replace(tzinfo=dt.UTC).timestamp()
    except ValueError:
        raise _gateway("verify aksk signature fail, x-sdk-date is malformed") from None
    # Wall time, not the sandbox clock: tests jump ``clock_offset`` to a new quota day while clients
    # keep signing with their real clocks, exactly as they would against the real gateway.
    if abs(time.time() - when) > state.config.timestamp_tolerance:
        raise _gateway("verify aksk signature fail, the request has expired (x-sdk-date)")
    headers = {name: handler.headers.get(name, "") for name in names}
    canonical = signing.canonical_request(handler.command, path, pairs, headers, names, body)
    expected = signing.sign(state.config.huawei_sk, signing.string_to_sign(sdk_date, canonical))
    if not hmac.compare_digest(expected, signature.lower()):
        raise _gateway("verify aksk signature fail, signature does not match")


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise illegal("body") from None
    if not isinstance(value, dict):
        raise illegal("body")
    return value


def _string_list(body: dict[str, Any], name: str) -> list[str]:
    value = body.get(name) or []
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise illegal(name)
    if len(value) > MAX_ITEMS or any(len(item) > MAX_URL_LENGTH for item in value):
        raise illegal(name)
    return value


def _create(state: SandboxState, route: str, body: dict[str, Any]) -> dict[str, Any]:
    urls = _string_list(body, "urls")
    if route == "refresh":
        asset_ids = _string_list(body, "asset_id_list")
    else:
        single = body.get("asset_id") or ""
        if not isinstance(single, str):
            raise illegal("asset_id")
        asset_ids = [single] if single else []
    if not urls and not asset_ids:
        raise illegal("urls")
    kind = "refresh" if route == "refresh" else "preheat"
    with state.db() as conn:
        known = play_urls(state, conn, asset_ids)
        missing = [asset_id for asset_id in asset_ids if asset_id not in known]
        if missing:
            raise HuaweiError(400, "VOD.10062", "Media asset or resource does not exist, please check.")
        items = list(dict.fromkeys([*urls, *(known[asset_id] for asset_id in asset_ids)]))
        if not quota.consume(state, conn, "huawei", kind, len(items), quota.limit_of("huawei", kind)):
            what = "refresh" if kind == "refresh" else "preheating"
            message = f"The number of CDN {what} tasks submitted today exceeds the daily limit of 1000."
            raise HuaweiError(400, "VOD.10185", message)
        task_id = uuid.uuid4().hex
        _insert(state, conn, task_id, route, items)
    return {"task_id": task_id}


def _insert(state: SandboxState, conn: sqlite3.Connection, task_id: str, route: str, urls: list[str]) -> None:
    now = state.now()
    for url in urls:
        final = "succeed" if holds(state, conn, url) else "failed"
        conn.execute(
            "INSERT OR REPLACE INTO huawei_tasks (task_id, kind, url, final_status, created_at, complete_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (task_id, route, url, final, now, now + state.config.huawei_task_delay),
        )


def _results(state: SandboxState, route: str, task_id: str) -> dict[str, Any]:
    if not task_id:
        raise illegal("task_id")
    with state.db() as conn:
        rows = conn.execute(
            "SELECT url, final_status, complete_at FROM huawei_tasks WHERE task_id = ? AND kind = ? "
            "ORDER BY rowid",
            (task_id, route),
        ).fetchall()
    if not rows:
        raise HuaweiError(400, "VOD.10062", "Media asset or resource does not exist, please check.")
    now = state.now()
    results = [
        {"url": row["url"], "status": row["final_status"] if now >= row["complete_at"] else "processing"}
        for row in rows
    ]
    return {f"{route}_results": results}


def _int_param(query: dict[str, list[str]], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name, [""])[0]
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise illegal(name) from None
    if not low <= value <= high:
        raise illegal(name)
    return value


def _list(state: SandboxState, query: dict[str, list[str]]) -> dict[str, Any]:
    page = _int_param(query, "page", 0, 0, 20000)
    size = _int_param(query, "size", 10, 1, 100)
    if (page + 1) * size > 20000:
        raise illegal("page")
    if len(query.get("asset_id", [])) > MAX_ITEMS:
        raise illegal("asset_id")
    if len(query.get("media_type", [])) > 20:
        raise illegal("media_type")
    for name in ("start_time", "end_time"):
        value = query.get(name, [""])[0]
        if value and not (len(value) == 14 and value.isdigit()):
            raise illegal(name)
    with state.db() as conn:
        return list_assets(state, conn, query, page, size)
