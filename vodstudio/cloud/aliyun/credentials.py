"""UploadAddress / UploadAuth: decoding the base64 JSON VOD hands out, and when the credential dies."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import time
from dataclasses import dataclass, field
from typing import Any

from vodstudio.core.errors import MalformedResponseError

# The documented lifetime of every upload credential (reference §3.2), whatever Expiration says.
DOCUMENTED_LIFETIME_S = 3000


@dataclass(frozen=True)
class UploadAddress:
    """Where the source object goes. ``endpoint`` includes the scheme (``https://oss-cn-shanghai...``)."""

    endpoint: str
    bucket: str
    file_name: str  # the object key
    object_prefix: str = ""


@dataclass(frozen=True)
class UploadAuth:
    """An STS credential for one upload. Lives in memory only; secrets stay out of ``repr``."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str = field(repr=False)
    expiration_s: int | None
    expire_utc: dt.datetime | None
    region: str
    issued_at: float
    clock_offset: float = 0.0  # server minus local seconds when it was issued (ExpireUTCTime is server time)

    @property
    def deadline(self) -> float:
        """Local epoch seconds: the earliest of ExpireUTCTime (moved to our clock), issued_at +
        Expiration, issued_at + 3000. A server clock 20 min behind must not make every fresh
        credential look expired (a refresh before every part)."""
        candidates = [self.issued_at + DOCUMENTED_LIFETIME_S]
        if self.expiration_s is not None:
            candidates.append(self.issued_at + self.expiration_s)
        if self.expire_utc is not None:
            candidates.append(self.expire_utc.timestamp() - self.clock_offset)
        return min(candidates)

    def seconds_left(self, now: float | None = None) -> float:
        return self.deadline - (time.time() if now is None else now)


def _decode_json(b64: str, what: str) -> dict[str, Any]:
    try:
        raw = base64.b64decode(b64.strip(), validate=True)
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise MalformedResponseError(f"{what} is not base64-encoded JSON") from exc
    if not isinstance(data, dict):
        raise MalformedResponseError(f"{what} does not decode to a JSON object")
    return data


def _require_str(data: dict[str, Any], key: str, what: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedResponseError(f"{what} lacks {key}")
    return value


def decode_upload_address(b64: str) -> UploadAddress:
    data = _decode_json(b64, "UploadAddress")
    return UploadAddress(
        endpoint=_require_str(data, "Endpoint", "UploadAddress"),
        bucket=_require_str(data, "Bucket", "UploadAddress"),
        file_name=_require_str(data, "FileName", "UploadAddress"),
        object_prefix=str(data.get("ObjectPrefix") or ""),
    )


def _parse_expiration(value: object) -> int | None:
    """``Expiration`` is a duration in seconds, sent as a string ("3600") or a number."""
    if value is None or value == "":
        return None
    try:
        return int(float(str(value)))
    except ValueError:
        raise MalformedResponseError("UploadAuth Expiration is not a number of seconds") from None


def _parse_expire_utc(value: object) -> dt.datetime | None:
    if value is None or value == "":
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponseError("UploadAuth ExpireUTCTime is not an ISO 8601 time") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def decode_upload_auth(b64: str, issued_at: float, *, clock_offset: float = 0.0) -> UploadAuth:
    """``issued_at`` is the local epoch time the API answered (the credential's clock starts then);
    ``clock_offset`` the server's clock minus ours, to read ExpireUTCTime on our clock."""
    data = _decode_json(b64, "UploadAuth")
    return UploadAuth(
        access_key_id=_require_str(data, "AccessKeyId", "UploadAuth"),
        access_key_secret=_require_str(data, "AccessKeySecret", "UploadAuth"),
        security_token=_require_str(data, "SecurityToken", "UploadAuth"),
        expiration_s=_parse_expiration(data.get("Expiration")),
        expire_utc=_parse_expire_utc(data.get("ExpireUTCTime")),
        region=str(data.get("Region") or ""),
        issued_at=issued_at,
        clock_offset=clock_offset,
    )
