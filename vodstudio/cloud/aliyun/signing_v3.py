"""ACS3-HMAC-SHA256 ("V3 request structure and signature"), as alibabacloud-tea-openapi sends it.

One set of functions for both sides: the client signs with them and the sandbox recomputes with them
from what arrived on the wire. The official SDK (tests/protocol) and the docs' worked example
(tests/unit) keep them honest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from vodstudio.cloud.aliyun.signing import API_VERSION, TIMESTAMP_FORMAT, new_nonce, percent_encode, utcnow

ALGORITHM = "ACS3-HMAC-SHA256"
EMPTY_BODY_SHA256 = hashlib.sha256(b"").hexdigest()


def canonical_query(pairs: Iterable[tuple[str, str]]) -> str:
    """Decoded name/value pairs, each RFC 3986-encoded (space is ``%20``), sorted, ``name=value``."""
    encoded = sorted((percent_encode(name), percent_encode(value)) for name, value in pairs)
    return "&".join(f"{name}={value}" for name, value in encoded)


def canonical_headers(headers: Mapping[str, str | Sequence[str]], names: Iterable[str]) -> str:
    """``name:value\\n`` for each signed header, lower-case names in order, values trimmed.

    A header sent more than once is signed as its sorted values joined by commas (tea-openapi).
    """
    lowered: dict[str, list[str]] = {}
    for name, value in headers.items():
        values = [value] if isinstance(value, str) else list(value)
        lowered.setdefault(name.lower(), []).extend(v.strip() for v in values)
    return "".join(f"{name}:{','.join(sorted(lowered.get(name, [])))}\n" for name in names)


def canonical_request(
    method: str,
    path: str,
    query: Iterable[tuple[str, str]],
    headers: Mapping[str, str | Sequence[str]],
    signed_headers: Sequence[str],
    payload_sha256: str,
) -> str:
    return "\n".join(
        [
            method.upper(),
            path or "/",
            canonical_query(query),
            canonical_headers(headers, signed_headers),
            ";".join(signed_headers),
            payload_sha256,
        ]
    )


def string_to_sign(canonical: str) -> str:
    return f"{ALGORITHM}\n{hashlib.sha256(canonical.encode('utf-8')).hexdigest()}"


def sign(secret: str, text: str) -> str:
    return hmac.new(secret.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()


def authorization(access_key_id: str, signed_headers: Sequence[str], signature: str) -> str:
    names = ";".join(signed_headers)
    return f"{ALGORITHM} Credential={access_key_id},SignedHeaders={names},Signature={signature}"


@dataclass(frozen=True)
class ParsedAuthorization:
    access_key_id: str
    signed_headers: tuple[str, ...]
    signature: str


def parse_authorization(header: str) -> ParsedAuthorization | None:
    """The three parts of an ``ACS3-HMAC-SHA256`` Authorization header; None when it is not one."""
    scheme, _, rest = header.strip().partition(" ")
    if scheme != ALGORITHM:
        return None
    fields: dict[str, str] = {}
    for item in rest.split(","):
        key, sep, value = item.strip().partition("=")
        if sep:
            fields[key] = value
    key_id, names, signature = (fields.get(k, "") for k in ("Credential", "SignedHeaders", "Signature"))
    if not (key_id and names and signature):
        return None
    return ParsedAuthorization(key_id, tuple(names.split(";")), signature)


@dataclass(frozen=True)
class SignedCall:
    """What goes on the wire: the encoded query string and every header (``Authorization`` included)."""

    query: str
    headers: dict[str, str]


def sign_rpc(
    method: str,
    host: str,
    action: str,
    params: Mapping[str, str],
    *,
    access_key_id: str,
    access_key_secret: str,
    security_token: str | None = None,
    version: str = API_VERSION,
    clock: Callable[[], dt.datetime] = utcnow,
    nonce: Callable[[], str] = new_nonce,
) -> SignedCall:
    """An RPC call the way tea-openapi sends it: business params in the query, an empty body,
    ``Action``/``Version`` only as ``x-acs-*`` headers, every header we send signed."""
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": clock().astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT),
        "x-acs-signature-nonce": nonce(),
        "x-acs-content-sha256": EMPTY_BODY_SHA256,
    }
    if security_token:
        headers["x-acs-accesskey-id"] = access_key_id
        headers["x-acs-security-token"] = security_token
    names = sorted(headers)
    pairs = list(params.items())
    canonical = canonical_request(method, "/", pairs, headers, names, EMPTY_BODY_SHA256)
    signature = sign(access_key_secret, string_to_sign(canonical))
    headers["Authorization"] = authorization(access_key_id, names, signature)
    return SignedCall(canonical_query(pairs), headers)
