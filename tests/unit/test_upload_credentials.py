"""UploadAddress / UploadAuth decoding and the credential deadline rules."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from vodstudio.cloud.aliyun.credentials import decode_upload_address, decode_upload_auth
from vodstudio.core.errors import MalformedResponseError

ISSUED = 1_700_000_000.0


def b64(obj: object) -> str:
    return base64.b64encode(json.dumps(obj).encode()).decode()


def auth(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "AccessKeyId": "STS.abc",
        "AccessKeySecret": "very-secret",
        "SecurityToken": "CAIStoken",
    }
    base.update(extra)
    return base


def test_address_with_and_without_prefix() -> None:
    address = decode_upload_address(
        b64({"Endpoint": "https://oss-cn-shanghai.aliyuncs.com", "Bucket": "outin-1", "FileName": "sv/a.mp4"})
    )
    assert (address.endpoint, address.bucket, address.file_name, address.object_prefix) == (
        "https://oss-cn-shanghai.aliyuncs.com",
        "outin-1",
        "sv/a.mp4",
        "",
    )
    with_prefix = decode_upload_address(
        b64({"Endpoint": "http://e", "Bucket": "b", "FileName": "f.m3u8", "ObjectPrefix": "sv/x/"})
    )
    assert with_prefix.object_prefix == "sv/x/"


def test_auth_fields_and_secret_not_in_repr() -> None:
    decoded = decode_upload_auth(b64(auth(Expiration="3600", Region="cn-shanghai")), ISSUED)
    assert decoded.access_key_id == "STS.abc"
    assert decoded.expiration_s == 3600
    assert decoded.region == "cn-shanghai"
    assert "very-secret" not in repr(decoded)
    assert "CAIStoken" not in repr(decoded)


def test_deadline_defaults_to_documented_3000s() -> None:
    assert decode_upload_auth(b64(auth()), ISSUED).deadline == ISSUED + 3000
    # A longer Expiration does not extend past the documented lifetime.
    assert decode_upload_auth(b64(auth(Expiration="3600")), ISSUED).deadline == ISSUED + 3000


def test_deadline_shorter_expiration_wins() -> None:
    assert decode_upload_auth(b64(auth(Expiration=600)), ISSUED).deadline == ISSUED + 600


def test_deadline_expire_utc_wins_when_earliest() -> None:
    expire = dt.datetime.fromtimestamp(ISSUED + 120, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    decoded = decode_upload_auth(b64(auth(Expiration="3600", ExpireUTCTime=expire)), ISSUED)
    assert decoded.expire_utc is not None and decoded.expire_utc.tzinfo is not None
    assert decoded.deadline == ISSUED + 120
    assert decoded.seconds_left(now=ISSUED + 20) == 100


def test_expire_utc_later_than_3000s_is_ignored() -> None:
    expire = dt.datetime.fromtimestamp(ISSUED + 7200, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert decode_upload_auth(b64(auth(ExpireUTCTime=expire)), ISSUED).deadline == ISSUED + 3000


@pytest.mark.parametrize(
    "blob",
    [
        "not base64!!",
        base64.b64encode(b"not json").decode(),
        base64.b64encode(b"\xff\xfe").decode(),
        b64(["a", "list"]),
        b64({"AccessKeyId": "STS.x", "AccessKeySecret": "s"}),  # no SecurityToken
        b64(auth(Expiration="soon")),
        b64(auth(ExpireUTCTime="tomorrow")),
    ],
)
def test_malformed_auth(blob: str) -> None:
    with pytest.raises(MalformedResponseError):
        decode_upload_auth(blob, ISSUED)


def test_malformed_address_missing_bucket() -> None:
    with pytest.raises(MalformedResponseError):
        decode_upload_address(b64({"Endpoint": "http://e", "FileName": "f"}))
