"""The VOD RPC front door: parameters, signature V1, timestamps, nonces, faults, then the action."""

from __future__ import annotations

import hmac
import importlib
import logging
import re
import threading
import time
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl
from xml.sax.saxutils import escape

# Signature V1 (reference §1.4): one signer for client and sandbox, as for Huawei; the official SDKs
# in tests/protocol keep both honest.
from vodstudio.cloud.aliyun.signing import sign, string_to_sign
from vodstudio.sandbox import lifecycle
from vodstudio.sandbox.httputil import read_body, send_bytes, send_json, split_target
from vodstudio.sandbox.rpc import ACTION_MODULES, ACTIONS, RpcContext, RpcError
from vodstudio.sandbox.state import SandboxState

log = logging.getLogger(__name__)

HOST_ID = "vod.cn-shanghai.aliyuncs.com"
API_VERSION = "2017-03-21"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")
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
def read_params(handler: BaseHTTPRequestHandler) -> dict[str, str]:
    """Query parameters merged with an ``application/x-www-form-urlencoded`` body (body wins)."""
    _, query = split_target(handler)
    params = dict(query)
    body = read_body(handler, limit=8 * 1024 * 1024)
    ctype = handler.headers.get("Content-Type", "")
    if body and "x-www-form-urlencoded" in ctype:
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return params


def handle(state: SandboxState, handler: BaseHTTPRequestHandler) -> None:
    request_id = state.new_request_id()
    params: dict[str, str] = {}
    try:
        params = read_params(handler)
        ctx = verify(state, handler.command, params, request_id)
        inject_faults(state, ctx.action)
        with state.db() as conn:
            lifecycle.advance(state, conn)
        load_actions()
        target = ACTIONS.get(ctx.action)
        if target is None:
            raise RpcError(
                404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method."
            )
        payload = {"RequestId": request_id, **target(ctx)}
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


def verify(state: SandboxState, method: str, params: dict[str, str], request_id: str) -> RpcContext:
    """Check the common parameters and the signature; raise the gateway's own errors."""
    probe = RpcContext(state, "", params, request_id, "", method)
    action = probe.require("Action")
    version = probe.require("Version")
    if version != API_VERSION:
        raise RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.")
    key_id = probe.require("AccessKeyId")
    signature = probe.require("Signature")
    if params.get("SignatureMethod", "") != "HMAC-SHA1" or params.get("SignatureVersion", "") != "1.0":
        raise RpcError(
            400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."
        )
    stamp = probe.require("Timestamp")
    nonce = probe.require("SignatureNonce")
    secret = _secret_for(state, key_id)
    if not _TIMESTAMP.match(stamp):
        raise RpcError(
            400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."
        )
    # Clients sign with their own (wall) clock; ``state.now()`` may be shifted by tests to reach a new
    # quota day or an expiry, which must not turn every signed call into InvalidTimeStamp.Expired.
    if abs(state.parse_iso(stamp) - time.time()) > state.config.timestamp_tolerance:
        raise RpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
    expected = string_to_sign(method, params)
    if not hmac.compare_digest(sign(secret, expected), signature):
        raise RpcError(
            400,
            "SignatureDoesNotMatch",
            f"Specified signature is not matched with our calculation. server string to sign is:{expected}",
        )
    if not state.remember_nonce(nonce):
        raise RpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
    return RpcContext(state, action, params, request_id, key_id, method)


def _secret_for(state: SandboxState, key_id: str) -> str:
    """The account's AccessKey only. Upload (STS) credentials are scoped to OSS, as in the real service."""
    if key_id == state.config.access_key_id:
        return state.config.access_key_secret
    if key_id.startswith("STS."):
        with state.db() as conn:
            known = conn.execute(
                "SELECT 1 FROM sts_credentials WHERE access_key_id = ?", (key_id,)
            ).fetchone()
        if known is not None:
            raise RpcError(
                403,
                "Forbidden.RAM",
                "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
            )
    raise RpcError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")


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
