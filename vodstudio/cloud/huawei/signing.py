"""Huawei Cloud ``SDK-HMAC-SHA256`` request signing, byte-for-byte as huaweicloudsdkcore's ``Signer``."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, unquote, urlsplit

ALGORITHM = "SDK-HMAC-SHA256"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
CONTENT_SHA_HEADER = "X-Sdk-Content-Sha256"


def _encode(text: str) -> str:
    return quote(text, safe="~")


def canonical_uri(path: str) -> str:
    """Decode, re-encode each segment, and always end with ``/`` (the SDK does, the gateway expects it)."""
    encoded = "/".join(_encode(segment) for segment in unquote(path).split("/"))
    return encoded if encoded.endswith("/") else encoded + "/"


def canonical_query(query_pairs: list[tuple[str, str]]) -> str:
    """Pairs sorted by key then value; repeated keys stay repeated (``status=A&status=B``)."""
    return "&".join(f"{_encode(k)}={_encode(v)}" for k, v in sorted(query_pairs))


def signed_header_names(headers: dict[str, str]) -> list[str]:
    """Every header, lowercased and sorted, except names containing ``_`` (the SDK skips those)."""
    return sorted(name.lower() for name in headers if "_" not in name)


def _payload_hash(headers: dict[str, str], body: bytes) -> str:
    if not body:
        return EMPTY_HASH
    for name, value in headers.items():
        if name.lower() == CONTENT_SHA_HEADER.lower() and value:
            return value
    return hashlib.sha256(body).hexdigest()


def canonical_request(
    method: str,
    path: str,
    query_pairs: list[tuple[str, str]],
    headers: dict[str, str],
    signed_headers: list[str],
    body: bytes,
) -> str:
    """The six-line CanonicalRequest; ``signed_headers`` are lowercase names, in the order given."""
    by_name = {name.lower(): str(value).strip() for name, value in headers.items()}
    header_block = "".join(f"{name}:{by_name.get(name, '')}\n" for name in signed_headers)
    return "\n".join(
        (
            method.upper(),
            canonical_uri(path),
            canonical_query(query_pairs),
            header_block,
            ";".join(signed_headers),
            _payload_hash(headers, body),
        )
    )


def string_to_sign(sdk_date: str, canonical: str) -> str:
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{ALGORITHM}\n{sdk_date}\n{digest}"


def sign(sk: str, string_to_sign: str) -> str:
    return hmac.new(sk.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def authorization(ak: str, signed_headers: list[str], signature: str) -> str:
    return f"{ALGORITHM} Access={ak}, SignedHeaders={';'.join(signed_headers)}, Signature={signature}"


def sign_request(
    method: str,
    url: str,
    headers: dict[str, str],
    body: bytes,
    ak: str,
    sk: str,
    *,
    now: datetime | None = None,
) -> dict[str, str]:
    """Return a copy of ``headers`` with X-Sdk-Date, Host and Authorization added.

    Send the request to ``signed_url(url)`` so the query on the wire is the canonical one.
    """
    out = dict(headers)
    lowered = {name.lower() for name in out}
    content_type = next((v for k, v in out.items() if k.lower() == "content-type"), "")
    if content_type and not content_type.startswith(("application/json", "application/bson")):
        out[CONTENT_SHA_HEADER] = "UNSIGNED-PAYLOAD"
    if "x-sdk-date" not in lowered:
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        out["X-Sdk-Date"] = moment.strftime(DATE_FORMAT)
    sdk_date = next(v for k, v in out.items() if k.lower() == "x-sdk-date")
    parts = urlsplit(url)
    if "host" not in lowered:
        out["Host"] = parts.netloc.rpartition("@")[2]
    names = signed_header_names(out)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    canonical = canonical_request(method, parts.path or "/", pairs, out, names, body)
    signature = sign(sk, string_to_sign(sdk_date, canonical))
    out["Authorization"] = authorization(ak, names, signature)
    return out


def signed_url(url: str) -> str:
    """``url`` with its query rewritten in canonical order and encoding, as the SDK sends it."""
    parts = urlsplit(url)
    query = canonical_query(parse_qsl(parts.query, keep_blank_values=True))
    return parts._replace(query=query).geturl()
