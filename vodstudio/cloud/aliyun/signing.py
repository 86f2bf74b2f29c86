"""Alibaba Cloud RPC signature V1 (HMAC-SHA1), exactly as the SDKs and the reference (§1.4) compute it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import uuid
from collections.abc import Callable, Mapping
from urllib.parse import quote

API_VERSION = "2017-03-21"
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def percent_encode(value: str) -> str:
    """RFC 3986 over UTF-8: only ``A-Z a-z 0-9 - _ . ~`` stay; space is ``%20``, ``*`` is ``%2A``."""
    return quote(value, safe="~")


def canonical_query(params: Mapping[str, str]) -> str:
    """Sorted by raw parameter name (as aliyun-python-sdk-core does), ``Signature`` excluded."""
    items = sorted((key, value) for key, value in params.items() if key != "Signature")
    return "&".join(f"{percent_encode(key)}={percent_encode(value)}" for key, value in items)


def string_to_sign(method: str, params: Mapping[str, str]) -> str:
    return f"{method.upper()}&{percent_encode('/')}&{percent_encode(canonical_query(params))}"


def sign(secret: str, sts: str) -> str:
    digest = hmac.new(f"{secret}&".encode(), sts.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def format_timestamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime(TIMESTAMP_FORMAT)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_nonce() -> str:
    return uuid.uuid4().hex


def signed_params(
    method: str,
    action: str,
    params: Mapping[str, str],
    *,
    access_key_id: str,
    access_key_secret: str,
    region: str,
    security_token: str | None = None,
    version: str = API_VERSION,
    clock: Callable[[], dt.datetime] = utcnow,
    nonce: Callable[[], str] = new_nonce,
) -> dict[str, str]:
    """Business ``params`` plus every common parameter and the ``Signature``, ready for the query string."""
    full: dict[str, str] = {
        "Action": action,
        "Version": version,
        "Format": "JSON",
        "AccessKeyId": access_key_id,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": nonce(),
        "Timestamp": format_timestamp(clock()),
        "RegionId": region,
    }
    if security_token:
        full["SecurityToken"] = security_token
    full.update(params)
    full["Signature"] = sign(access_key_secret, string_to_sign(method, full))
    return full
