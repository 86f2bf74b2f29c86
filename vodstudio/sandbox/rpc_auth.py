"""The VOD gateway's authentication: RPC signature V1 (HMAC-SHA1) and ACS3-HMAC-SHA256 (V3).

Both recompute the signature with the client's own signers (``vodstudio.cloud.aliyun.signing`` and
``signing_v3``), as for Huawei; the official SDKs in tests/protocol keep both honest. Errors are the
gateway's own codes and messages. In strict mode (``reject_legacy_signatures``) HMAC-SHA1 is refused
with ``IncompleteSignature``, the code the gateway gives a signature method it does not accept.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import Message
from typing import NoReturn

from vodstudio.cloud.aliyun import signing, signing_v3
from vodstudio.sandbox.rpc import RpcContext, RpcError
from vodstudio.sandbox.state import SandboxState

API_VERSION = "2017-03-21"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")
# Every V3 request signs at least these; any other x-acs-* header it sends must be signed too.
_V3_REQUIRED = ("host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce")


def _incomplete() -> RpcError:
    return RpcError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")


def _missing(name: str) -> RpcError:
    return RpcError(
        400,
        "MissingParameter",
        f'The input parameter "{name}" that is mandatory for processing this request is not supplied.',
    )


@dataclass(frozen=True)
class WireRequest:
    """One RPC request as it arrived: ``query`` decoded, ``params`` = query merged with a form body."""

    method: str
    path: str
    headers: Message
    query: Sequence[tuple[str, str]]
    params: dict[str, str]
    body: bytes


def verify(state: SandboxState, request: WireRequest, request_id: str) -> RpcContext:
    """Route to V3 (an ``ACS3-HMAC-SHA256`` Authorization header) or V1 (everything in parameters)."""
    if request.headers.get("Authorization", "").startswith(signing_v3.ALGORITHM):
        return verify_v3(state, request, request_id)
    params = request.params
    if state.config.reject_legacy_signatures and ("Signature" in params or "SignatureMethod" in params):
        raise _incomplete()
    return verify_v1(state, request.method, params, request_id)


def _check_timestamp(state: SandboxState, stamp: str) -> None:
    if not _TIMESTAMP.match(stamp):
        raise RpcError(
            400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."
        )
    # Clients sign with their own (wall) clock; ``state.now()`` may be shifted by tests to reach a new
    # quota day or an expiry, which must not turn every signed call into InvalidTimeStamp.Expired.
    if abs(state.parse_iso(stamp) - state.wall()) > state.config.timestamp_tolerance:
        raise RpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")


def _check_nonce(state: SandboxState, nonce: str) -> None:
    if not state.remember_nonce(nonce):
        raise RpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")


def verify_v1(state: SandboxState, method: str, params: dict[str, str], request_id: str) -> RpcContext:
    """Check the common parameters and the HMAC-SHA1 signature (reference §1.4)."""
    probe = RpcContext(state, "", params, request_id, "", method)
    action = probe.require("Action")
    if probe.require("Version") != API_VERSION:
        raise RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.")
    key_id = probe.require("AccessKeyId")
    given = probe.require("Signature")
    if params.get("SignatureMethod", "") != "HMAC-SHA1" or params.get("SignatureVersion", "") != "1.0":
        raise _incomplete()
    stamp = probe.require("Timestamp")
    nonce = probe.require("SignatureNonce")
    secret = secret_for(state, key_id, params.get("SecurityToken", ""))
    _check_timestamp(state, stamp)
    expected = signing.string_to_sign(method, params)
    if not hmac.compare_digest(signing.sign(secret, expected), given):
        raise RpcError(
            400,
            "SignatureDoesNotMatch",
            f"Specified signature is not matched with our calculation. server string to sign is:{expected}",
        )
    _check_nonce(state, nonce)
    return RpcContext(state, action, params, request_id, key_id, method)


def _header(headers: Message, name: str) -> str:
    return str(headers.get(name, "") or "").strip()


def _signed_headers(headers: Message, given: Sequence[str]) -> tuple[str, ...]:
    """The signed names as the client listed them; every required and every sent x-acs-* included."""
    names = tuple(name.lower() for name in given)
    sent = {name.lower() for name in headers if name.lower().startswith("x-acs-")}
    if list(names) != sorted(names) or not {*_V3_REQUIRED, *sent} <= set(names):
        raise _incomplete()
    return names


def _header_values(headers: Message, names: Sequence[str]) -> Mapping[str, list[str]]:
    return {name: [str(v) for v in headers.get_all(name, [])] for name in names}


def verify_v3(state: SandboxState, request: WireRequest, request_id: str) -> RpcContext:
    """Check an ACS3-HMAC-SHA256 request: x-acs-* headers, the canonical request, nonce and date."""
    headers = request.headers
    parsed = signing_v3.parse_authorization(_header(headers, "Authorization"))
    if parsed is None:
        raise _incomplete()
    action = _header(headers, "x-acs-action") or _raise(_missing("Action"))
    version = _header(headers, "x-acs-version") or _raise(_missing("Version"))
    if version != API_VERSION:
        raise RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.")
    stamp = _header(headers, "x-acs-date") or _raise(_missing("x-acs-date"))
    nonce = _header(headers, "x-acs-signature-nonce") or _raise(_missing("SignatureNonce"))
    names = _signed_headers(headers, parsed.signed_headers)
    secret = secret_for(state, parsed.access_key_id, _header(headers, "x-acs-security-token"))
    _check_timestamp(state, stamp)
    canonical = signing_v3.canonical_request(
        request.method,
        request.path,
        request.query,
        _header_values(headers, names),
        names,
        hashlib.sha256(request.body).hexdigest(),
    )
    expected = signing_v3.string_to_sign(canonical)
    if not hmac.compare_digest(signing_v3.sign(secret, expected), parsed.signature):
        raise RpcError(
            400,
            "SignatureDoesNotMatch",
            f"Specified signature does not match our calculation. server string to sign is:{expected}",
        )
    _check_nonce(state, nonce)
    return RpcContext(state, action, request.params, request_id, parsed.access_key_id, request.method)


def _raise(error: RpcError) -> NoReturn:
    raise error


def secret_for(state: SandboxState, key_id: str, token: str) -> str:
    """The account's AccessKey only. Upload (STS) credentials are scoped to OSS, as in the real service:
    a valid one is refused with ``Forbidden.RAM``, after the token it needs has been checked."""
    if key_id == state.config.access_key_id:
        return state.config.access_key_secret
    if key_id.startswith("STS."):
        with state.db() as conn:
            row = conn.execute(
                "SELECT token, expires_at FROM sts_credentials WHERE access_key_id = ?", (key_id,)
            ).fetchone()
        if row is not None:
            if not token:
                raise RpcError(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.")
            if not hmac.compare_digest(token, str(row["token"])):
                raise RpcError(
                    400,
                    "InvalidSecurityToken.MismatchWithAccessKey",
                    "Specified SecurityToken mismatch with the AccessKey.",
                )
            if float(row["expires_at"]) <= state.now():
                raise RpcError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
            raise RpcError(
                403,
                "Forbidden.RAM",
                "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
            )
    raise RpcError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
