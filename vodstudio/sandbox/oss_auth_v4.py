"""OSS signature V4 (OSS4-HMAC-SHA256): header-signed and presigned requests, and the sandbox's V4 URLs.

The canonical request follows alibabacloud-oss-v2's ``signer/v4.py`` and oss2's ``ProviderAuthV4``:
the URI is always ``/bucket/key``, every query parameter is signed (``uploads`` as a bare name),
signed headers are ``x-oss-*``, ``content-type``, ``content-md5`` plus the listed additional ones, and
the payload is ``UNSIGNED-PAYLOAD``. The region is the sandbox's own: a client that derived another
one from its endpoint gets ``SignatureDoesNotMatch``, as it would from the real bucket.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import time
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import quote, urlencode

from vodstudio.sandbox.oss_error import OssError
from vodstudio.sandbox.state import REGION, SandboxState

ALGORITHM = "OSS4-HMAC-SHA256"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
MAX_EXPIRES = 7 * 24 * 3600  # a V4 URL lives at most seven days
_DEFAULT_SIGNED = ("content-type", "content-md5")

type Lookup[P] = Callable[[str, str], tuple[str, P]]  # (key id, token) -> (secret, principal)


def _encode(text: str, *, keep_slash: bool) -> str:
    # quote() keeps A-Z a-z 0-9 - _ . ~ : exactly the V4 unreserved set of both SDKs.
    return quote(text, safe="/" if keep_slash else "")


def _signed(name: str, additional: Sequence[str]) -> bool:
    return name.startswith("x-oss-") or name in _DEFAULT_SIGNED or name in additional


def canonical_request(
    method: str,
    bucket: str,
    key: str,
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
    additional: Sequence[str],
    payload: str,
) -> str:
    """``headers`` has lower-case names; ``query`` is decoded (the wire form is re-encoded here)."""
    uri = _encode(f"/{bucket}/{key}" if bucket else "/", keep_slash=True)
    pairs = sorted((_encode(k, keep_slash=False), _encode(v, keep_slash=False)) for k, v in query)
    canon_query = "&".join(f"{k}={v}" if v else k for k, v in pairs)
    signed = sorted((n, v.strip()) for n, v in headers.items() if _signed(n, additional))
    canon_headers = "".join(f"{n}:{v}\n" for n, v in signed)
    return "\n".join([method.upper(), uri, canon_query, canon_headers, ";".join(additional), payload])


def scope(date: str, region: str) -> str:
    return f"{date}/{region}/oss/aliyun_v4_request"


def string_to_sign(stamp: str, region: str, canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{ALGORITHM}\n{stamp}\n{scope(stamp[:8], region)}\n{digest}"


def signature(secret: str, stamp: str, region: str, text: str) -> str:
    key = ("aliyun_v4" + secret).encode("utf-8")
    for part in (stamp[:8], region, "oss", "aliyun_v4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def _invalid(message: str, ec: str = "0002-00000012") -> OssError:
    return OssError(400, "InvalidArgument", message, ec)


def _parse_stamp(stamp: str) -> float:
    try:
        return float(calendar.timegm(time.strptime(stamp, DATE_FORMAT)))
    except ValueError:
        raise _invalid(
            f"Invalid date {stamp!r}: expected ISO 8601 basic format, e.g. 20231203T121212Z."
        ) from None


def _credential_key_id(credential: str) -> str:
    parts = credential.split("/")
    if len(parts) != 5 or parts[3] != "oss" or parts[4] != "aliyun_v4_request" or not parts[0]:
        raise _invalid("The credential in the V4 signature is malformed.")
    return parts[0]


def _parse_authorization(header: str) -> tuple[str, list[str], str]:
    fields: dict[str, str] = {}
    for item in header[len(ALGORITHM) :].split(","):
        name, sep, value = item.strip().partition("=")
        if sep:
            fields[name] = value.strip()
    credential, given = fields.get("Credential", ""), fields.get("Signature", "")
    if not credential or not given:
        raise _invalid("Authorization header is invalid.")
    additional = [h.lower() for h in fields.get("AdditionalHeaders", "").split(";") if h]
    return credential, additional, given


def _check(
    secret: str,
    stamp: str,
    canonical: str,
    given: str,
    key_id: str,
) -> None:
    text = string_to_sign(stamp, REGION, canonical)
    if not hmac.compare_digest(signature(secret, stamp, REGION, text), given):
        raise OssError(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. "
            "Check your key and signing method.",
            "0002-00000201",
            CanonicalRequest=canonical,
            StringToSign=text,
            OSSAccessKeyId=key_id,
        )


def verify_header[P](
    state: SandboxState,
    method: str,
    headers: Mapping[str, str],
    bucket: str,
    key: str,
    query: Sequence[tuple[str, str]],
    lookup: Lookup[P],
) -> P:
    """``Authorization: OSS4-HMAC-SHA256 Credential=..., [AdditionalHeaders=...,] Signature=...``."""
    credential, additional, given = _parse_authorization(headers.get("authorization", ""))
    key_id = _credential_key_id(credential)
    stamp = headers.get("x-oss-date", "")
    if not stamp:
        raise OssError(
            403, "AccessDenied", "The x-oss-date header is required by a V4 signature.", "0002-00000503"
        )
    # Clients sign with their wall clock; the sandbox clock may be shifted by tests (see rpc_auth).
    if abs(_parse_stamp(stamp) - time.time()) > state.config.timestamp_tolerance:
        raise OssError(
            403,
            "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.",
            "0002-00000504",
        )
    if headers.get("x-oss-content-sha256", "") != UNSIGNED_PAYLOAD:
        raise _invalid("x-oss-content-sha256 must be UNSIGNED-PAYLOAD.")
    secret, principal = lookup(key_id, headers.get("x-oss-security-token", ""))
    canonical = canonical_request(method, bucket, key, query, headers, sorted(additional), UNSIGNED_PAYLOAD)
    _check(secret, stamp, canonical, given, key_id)
    return principal


def verify_query[P](
    state: SandboxState,
    method: str,
    headers: Mapping[str, str],
    bucket: str,
    key: str,
    query: Sequence[tuple[str, str]],
    lookup: Lookup[P],
) -> P:
    """A presigned V4 URL: ``x-oss-signature-version``, credential, date, expires, signature."""
    params = dict(query)
    if params.get("x-oss-signature-version") != ALGORITHM:
        raise _invalid("The signature version is invalid.", "0002-00000066")
    given = params.get("x-oss-signature", "")
    if not given:
        raise _invalid("The x-oss-signature parameter is missing.", "0002-00000219")
    key_id = _credential_key_id(params.get("x-oss-credential", ""))
    stamp = params.get("x-oss-date", "")
    expires = params.get("x-oss-expires", "")
    if not expires.isdigit() or not 0 < int(expires) <= MAX_EXPIRES:
        raise _invalid("x-oss-expires must be a number of seconds between 1 and 604800.")
    if _parse_stamp(stamp) + int(expires) < state.now():
        raise OssError(403, "AccessDenied", "Request has expired.", "0002-00000069")
    secret, principal = lookup(key_id, params.get("x-oss-security-token", ""))
    additional = sorted(h.lower() for h in params.get("x-oss-additional-headers", "").split(";") if h)
    signed_query = [(k, v) for k, v in query if k != "x-oss-signature"]
    canonical = canonical_request(method, bucket, key, signed_query, headers, additional, UNSIGNED_PAYLOAD)
    _check(secret, stamp, canonical, given, key_id)
    return principal


def presign_url(state: SandboxState, bucket: str, key: str, expires_at: float) -> str:
    """A V4 presigned GET URL for an object, signed with the account key (GetMezzanineInfo, PlayInfo)."""
    now = state.now()
    stamp = time.strftime(DATE_FORMAT, time.gmtime(now))
    expires = min(max(int(expires_at - now), 1), MAX_EXPIRES)
    cfg = state.config
    params = [
        ("x-oss-credential", f"{cfg.access_key_id}/{scope(stamp[:8], REGION)}"),
        ("x-oss-date", stamp),
        ("x-oss-expires", str(expires)),
        ("x-oss-signature-version", ALGORITHM),
    ]
    canonical = canonical_request("GET", bucket, key, params, {}, [], UNSIGNED_PAYLOAD)
    sig = signature(cfg.access_key_secret, stamp, REGION, string_to_sign(stamp, REGION, canonical))
    query = urlencode([*params, ("x-oss-signature", sig)], quote_via=quote)
    return f"{state.vod_endpoint}/{bucket}/{quote(key, safe='/')}?{query}"
