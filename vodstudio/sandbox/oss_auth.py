"""OSS authentication: V1 here (header and presigned), V4 in oss_auth_v4; STS credentials and their scope.

In strict mode (``reject_legacy_signatures``) every V1 request is refused with the answer OSS gives
accounts created after 2025-03 and buckets created after 2025-09 (403, EC ``0002-00000080``).
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import hmac
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from vodstudio.sandbox import oss_auth_v4
from vodstudio.sandbox.oss_error import OssError
from vodstudio.sandbox.state import SandboxState

__all__ = ["OssError", "Principal", "authenticate", "presign_url", "signature", "string_to_sign"]

# The signed subresources (oss2.auth.ProviderAuth._subresource_key_set, the ones that matter here).
SUBRESOURCES = frozenset(
    {
        "acl", "uploads", "uploadId", "partNumber", "security-token", "response-content-type",
        "response-content-language", "response-cache-control", "response-content-encoding",
        "response-expires", "response-content-disposition", "x-oss-process", "append", "position",
        "symlink", "tagging", "versionId", "versions", "restore", "objectMeta", "x-oss-traffic-limit",
        "callback", "callback-var", "x-oss-request-payer",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Principal:
    """Who signed: the account key (everything) or an upload credential (one key or prefix)."""

    access_key_id: str
    bucket: str = ""
    key_prefix: str = ""  # empty with bucket empty = the account key

    def may_write(self, bucket: str, key: str) -> bool:
        if not self.bucket:
            return True
        return bucket == self.bucket and (
            key == self.key_prefix or key.startswith(self.key_prefix.rstrip("/") + "/")
        )


def string_to_sign(
    method: str, headers: Mapping[str, str], date: str, bucket: str, key: str, query: list[tuple[str, str]]
) -> str:
    lowered = {name.lower(): value for name, value in headers.items()}
    oss_headers = sorted((n, v.strip()) for n, v in lowered.items() if n.startswith("x-oss-"))
    canon_headers = "".join(f"{n}:{v}\n" for n, v in oss_headers)
    subs = sorted((k, v) for k, v in query if k in SUBRESOURCES)
    resource = f"/{bucket}/{key}" if bucket else "/"
    if subs:
        resource += "?" + "&".join(f"{k}={v}" if v else k for k, v in subs)
    return "\n".join(
        [
            method,
            lowered.get("content-md5", ""),
            lowered.get("content-type", ""),
            date,
            canon_headers + resource,
        ]
    )


def signature(secret: str, text: str) -> str:
    return base64.b64encode(hmac.new(secret.encode(), text.encode(), hashlib.sha1).digest()).decode()


def authenticate(
    state: SandboxState,
    method: str,
    headers: Mapping[str, str],
    bucket: str,
    key: str,
    query: list[tuple[str, str]],
) -> Principal:
    """Verify a header-signed or presigned request (V1 or V4); raise the OSS error a real server would send.

    ``headers`` has lower-case names.
    """
    params = dict(query)
    auth = headers.get("authorization", "")

    def lookup(key_id: str, token: str) -> tuple[str, Principal]:
        return _lookup(state, key_id, token)

    if auth.startswith(oss_auth_v4.ALGORITHM):
        return oss_auth_v4.verify_header(state, method, headers, bucket, key, query, lookup)
    if "x-oss-signature-version" in params:
        return oss_auth_v4.verify_query(state, method, headers, bucket, key, query, lookup)
    presigned = "OSSAccessKeyId" in params and "Signature" in params
    if auth.startswith("OSS ") or presigned:
        if state.config.reject_legacy_signatures:
            raise OssError(403, "AccessDenied", "OSS no longer supports V1 signatures.", "0002-00000080")
        return _authenticate_v1(state, method, headers, bucket, key, query, presigned=presigned)
    if auth:
        raise OssError(400, "InvalidArgument", "Authorization header is invalid.", "0002-00000012")
    raise OssError(403, "AccessDenied", "You have no right to access this object because of bucket acl.")


def _authenticate_v1(
    state: SandboxState,
    method: str,
    headers: Mapping[str, str],
    bucket: str,
    key: str,
    query: list[tuple[str, str]],
    *,
    presigned: bool,
) -> Principal:
    params = dict(query)
    if presigned:
        key_id, given, date = params["OSSAccessKeyId"], params["Signature"], params.get("Expires", "")
        token = params.get("security-token", "")
        signed_headers = {n: v for n, v in headers.items() if n != "date"}
        if not date.isdigit() or int(date) < state.now():
            raise OssError(403, "AccessDenied", "Request has expired.", "0002-00000069")
    else:
        key_id, _, given = headers.get("authorization", "")[4:].partition(":")
        date = headers.get("x-oss-date", "") or headers.get("date", "")
        token = headers.get("x-oss-security-token", "")
        signed_headers = dict(headers)
        _check_date(state, date)
    secret, principal = _lookup(state, key_id, token)
    expected_text = string_to_sign(method, signed_headers, date, bucket, key, query)
    if not hmac.compare_digest(signature(secret, expected_text), given):
        raise OssError(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. "
            "Check your key and signing method.",
            "0002-00000040",
            StringToSign=expected_text,
            OSSAccessKeyId=key_id,
        )
    return principal


def _check_date(state: SandboxState, date: str) -> None:
    """A header-signed V1 request carries an RFC 1123 date within the tolerance of the wall clock."""
    try:
        sent = email.utils.parsedate_to_datetime(date).timestamp()
    except (TypeError, ValueError):
        raise OssError(
            403, "AccessDenied", "The Date header is missing or malformed.", "0002-00000503"
        ) from None
    if abs(sent - time.time()) > state.config.timestamp_tolerance:
        raise OssError(
            403,
            "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.",
            "0002-00000504",
        )


def _lookup(state: SandboxState, key_id: str, token: str) -> tuple[str, Principal]:
    """The secret and scope of a key: the account's own, or an upload credential with its token."""
    cfg = state.config
    if key_id == cfg.access_key_id:
        return cfg.access_key_secret, Principal(key_id)
    with state.db() as conn:
        row = conn.execute("SELECT * FROM sts_credentials WHERE access_key_id = ?", (key_id,)).fetchone()
    if row is None:
        raise OssError(
            403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
            "0002-00000005", OSSAccessKeyId=key_id,
        )  # fmt: skip
    if not token or not hmac.compare_digest(token, row["token"]):
        raise OssError(
            403, "InvalidSecurityToken", "The security token you provided is invalid.", "0002-00000006"
        )
    if float(row["expires_at"]) <= state.now():
        raise OssError(
            403, "SecurityTokenExpired", "The security token you provided has expired.", "0002-00000007"
        )
    return str(row["secret"]), Principal(key_id, str(row["bucket"]), str(row["key_prefix"]))


def presign_url(state: SandboxState, bucket: str, key: str, expires_at: float) -> str:
    """A query-signed GET URL for an object, signed with the account key (GetMezzanineInfo, PlayInfo):
    V4 in strict mode (a V1 URL would be refused there), V1 otherwise, as older buckets still hand out."""
    if state.config.reject_legacy_signatures:
        return oss_auth_v4.presign_url(state, bucket, key, expires_at)
    expires = str(int(expires_at))
    text = string_to_sign("GET", {}, expires, bucket, key, [])
    query = urlencode(
        {
            "OSSAccessKeyId": state.config.access_key_id,
            "Expires": expires,
            "Signature": signature(state.config.access_key_secret, text),
        }
    )
    return f"{state.vod_endpoint}/{bucket}/{quote(key, safe='/')}?{query}"
