"""The VOD RPC front door: parameters, authentication (rpc_auth: V1 or V3), faults, then the action."""

from __future__ import annotations

import importlib
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

from vodstudio.sandbox import lifecycle, rpc_auth, wire_faults
from vodstudio.sandbox.httputil import read_body, send_bytes, send_json, split_target
from vodstudio.sandbox.rpc import ACTION_MODULES, ACTIONS, RpcError
from vodstudio.sandbox.state import SandboxState

log = logging.getLogger(__name__)

HOST_ID = "vod.cn-shanghai.aliyuncs.com"
# Every page of "CDN for ApsaraVideo VOD" (refresh and prefetch, domains, monitoring, logs) documents
# Throttling as 503; the rest of the gateway answers 400.
_CDN_ACTIONS = frozenset(
    {
        "RefreshVodObjectCaches",
        "PreloadVodObjectCaches",
        "DescribeVodRefreshTasks",
        "DescribeVodRefreshQuota",
        "DescribeVodDomainTrafficData",
        "DescribeVodDomainBpsData",
        "DescribeVodDomainLog",
        "DescribeVodUserDomains",
        "DescribeVodDomainDetail",
        "RefreshMediaPlayUrls",
        "GetMediaRefreshJobs",
    }
)

_loaded = False
_burst_lock = threading.Lock()


def load_actions() -> None:
    """Import every action module once; a teammate's module that does not exist yet is skipped."""
    global _loaded
    if _loaded:
        return
    for name in ACTION_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            log.warning("sandbox action module %s is missing; its actions answer InvalidApi.NotFound", name)
    _loaded = True


# ---- request handling -----------------------------------------------------------------------------
def read_params(handler: BaseHTTPRequestHandler) -> tuple[list[tuple[str, str]], dict[str, str], bytes]:
    """The query pairs, those merged with an ``x-www-form-urlencoded`` body (body wins), the raw body."""
    _, query = split_target(handler)
    params = dict(query)
    body = read_body(handler, limit=8 * 1024 * 1024)
    ctype = handler.headers.get("Content-Type", "")
    if body and "x-www-form-urlencoded" in ctype:
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return query, params, body


def handle(state: SandboxState, handler: BaseHTTPRequestHandler) -> None:
    request_id = state.new_request_id()
    params: dict[str, str] = {}
    try:
        query, params, body = read_params(handler)
        path = urlsplit(handler.path).path
        wire = rpc_auth.WireRequest(handler.command, path, handler.headers, query, params, body)
        ctx = rpc_auth.verify(state, wire, request_id)
        inject_faults(state, ctx.action)
        wire_faults.before_answer(state, handler, ctx.action)
        with state.db() as conn:
            lifecycle.advance(state, conn)
        load_actions()
        target = ACTIONS.get(ctx.action)
        if target is None:
            raise RpcError(
                404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method."
            )
        payload = {"RequestId": request_id, **target(ctx)}
        if not wire_faults.hostile_rpc(state, handler, ctx.action, payload):
            answer(handler, 200, payload, params, ctx.action)
    except RpcError as err:
        answer(handler, err.http_status, error_body(err, request_id), params, params.get("Action", "Error"))
    except ValueError as exc:
        log.debug("bad RPC request: %s", exc)
        bad = RpcError(400, "InvalidParameter", "The request body or parameters are malformed.")
        answer(handler, 400, error_body(bad, request_id), params, "Error")


def error_body(err: RpcError, request_id: str) -> dict[str, str]:
    return {
        "RequestId": request_id,
        "HostId": HOST_ID,
        "Code": err.code,
        "Message": err.message,
        "Recommend": f"https://api.aliyun.com/troubleshoot?q={err.code}&product=Vod&requestId={request_id}",
    }


def inject_faults(state: SandboxState, action: str) -> None:
    faults = state.faults
    delay = faults.rate(faults.latency_ms, action)
    if delay > 0:
        time.sleep(delay / 1000.0)
    throttled = False
    with _burst_lock:  # the countdown stays exact under concurrent calls
        if faults.throttle_burst > 0:
            faults.throttle_burst -= 1
            throttled = True
    if throttled:
        status = 503 if action in _CDN_ACTIONS else 400
        raise RpcError(status, "Throttling", "Request was denied due to request throttling.")
    if state.random.random() < faults.rate(faults.error_rate, action):
        if state.random.random() < 0.5:
            raise RpcError(
                503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."
            )
        raise RpcError(500, "InternalError", "The request processing has failed due to some unknown error.")


def answer(
    handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any], params: dict[str, str], action: str
) -> None:
    """JSON unless the caller asked for XML (the API's historical default when Format is absent)."""
    if params.get("Format", "JSON").upper() == "XML":
        root = f"{action}Response" if status == 200 else "Error"
        xml = f'<?xml version="1.0" encoding="UTF-8"?><{root}>{to_xml(payload)}</{root}>'
        send_bytes(handler, status, xml.encode("utf-8"), "text/xml;charset=utf-8")
        return
    send_json(handler, status, payload)


def to_xml(value: Any, tag: str = "") -> str:
    """Minimal JSON→XML in the gateway's style: dict keys become elements, lists repeat their tag."""
    if isinstance(value, dict):
        inner = "".join(to_xml(v, k) for k, v in value.items())
        return f"<{tag}>{inner}</{tag}>" if tag else inner
    if isinstance(value, list):
        return "".join(to_xml(item, tag) for item in value)
    text = "true" if value is True else "false" if value is False else escape(str(value))
    return f"<{tag}>{text}</{tag}>"
