"""OSS V1 authentication: header and presigned-URL signatures, STS upload credentials and their scope."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from vodstudio.sandbox.state import SandboxState

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


class OssError(Exception):
    """An OSS error answer (XML body, §3.4)."""

    def __init__(self, status: int, code: str, message: str, ec: str = "", **extra: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.ec = ec
        self.extra = extra


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
    """Verify a header-signed or presigned request; raise the OSS error a real server would send.

    ``headers`` has lower-case names.
    """
    params = dict(query)
    auth = headers.get("authorization", "")
    if auth.startswith("OSS "):
        key_id, _, given = auth[4:].partition(":")
        date = headers.get("x-oss-date", "") or headers.get("date", "")
        token = headers.get("x-oss-security-token", "")
        signed_headers = dict(headers)
    elif "OSSAccessKeyId" in params and "Signature" in params:
        key_id, given, date = params["OSSAccessKeyId"], params["Signature"], params.get("Expires", "")
        token = params.get("security-token", "")
        signed_headers = {n: v for n, v in headers.items() if n != "date"}
        if not date.isdigit() or int(date) < state.now():
            raise OssError(403, "AccessDenied", "Request has expired.", "0002-00000069")
    elif auth:
        raise OssError(400, "InvalidArgument", "Authorization header is invalid.", "0002-00000012")
    else:
        raise OssError(403, "AccessDenied", "You have no right to access this object because of bucket acl.")
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


def _lookup(state: SandboxState, key_id: str, token: str) -> tuple[str, Principal]:
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
    """A V1 query-signed GET URL for an object, signed with the account key (GetMezzanineInfo oss)."""
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
