"""OSS V4: the sandbox's canonical request against alibabacloud-oss-v2's published vectors; regions."""

from __future__ import annotations

import time

import pytest

from vodstudio.cloud.aliyun.oss_region import region_from_endpoint, signing_region
from vodstudio.sandbox import oss_auth_v4 as v4

# The vectors of alibabacloud-oss-v2's tests/unit/signer/test_v4.py (ak/sk, bucket "bucket").
KEY = "1234+-/123/1.txt"
QUERY = [("param1", "value1"), ("+param1", "value3"), ("|param1", "value4"), ("+param2", ""),
         ("|param2", ""), ("param2", "")]  # fmt: skip
HEADERS = {"x-oss-head1": "value", "abc": "value", "zabc": "value", "xyz": "value"}


def _stamp(epoch: int) -> str:
    return time.strftime(v4.DATE_FORMAT, time.gmtime(epoch))


def _sign(stamp: str, canonical: str) -> str:
    return v4.signature("sk", stamp, "cn-hangzhou", v4.string_to_sign(stamp, "cn-hangzhou", canonical))


@pytest.mark.parametrize(
    ("epoch", "additional", "expected"),
    [
        (1702743657, [], "e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe"),
        (1702747512, ["abc", "zabc"], "4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f"),
    ],
)
def test_header_vectors(epoch: int, additional: list[str], expected: str) -> None:
    stamp = _stamp(epoch)
    headers = {**HEADERS, "content-type": "text/plain", "x-oss-date": stamp}
    headers["x-oss-content-sha256"] = v4.UNSIGNED_PAYLOAD
    canonical = v4.canonical_request("PUT", "bucket", KEY, QUERY, headers, additional, v4.UNSIGNED_PAYLOAD)
    assert _sign(stamp, canonical) == expected


def test_presigned_vector_with_token() -> None:
    stamp = _stamp(1702785388)
    assert stamp == "20231217T035628Z"
    query = [
        *QUERY,
        ("x-oss-signature-version", "OSS4-HMAC-SHA256"),
        ("x-oss-date", stamp),
        ("x-oss-expires", "599"),
        ("x-oss-credential", f"ak/{v4.scope(stamp[:8], 'cn-hangzhou')}"),
        ("x-oss-security-token", "token"),
    ]
    headers = {**HEADERS, "content-type": "application/octet-stream"}
    canonical = v4.canonical_request("PUT", "bucket", KEY, query, headers, [], v4.UNSIGNED_PAYLOAD)
    assert _sign(stamp, canonical) == "3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5"


def test_bare_subresource_and_slashes() -> None:
    canonical = v4.canonical_request("POST", "b", "sv/a b.mp4", [("uploads", "")], {}, [], "UNSIGNED-PAYLOAD")
    assert canonical.split("\n")[1:3] == ["/b/sv/a%20b.mp4", "uploads"]


@pytest.mark.parametrize(
    ("endpoint", "region"),
    [
        ("https://oss-cn-shanghai.aliyuncs.com", "cn-shanghai"),
        ("oss-cn-shanghai.aliyuncs.com", "cn-shanghai"),
        ("http://oss-cn-shanghai-internal.aliyuncs.com", "cn-shanghai"),
        ("https://outin-abc.oss-ap-southeast-1.aliyuncs.com", "ap-southeast-1"),
        ("https://cn-hangzhou.oss.aliyuncs.com", "cn-hangzhou"),
        ("https://oss-cn-hangzhou-finance-1-internal.aliyuncs.com", "cn-hangzhou-finance-1"),
        ("https://oss-cn-north-2-gov-1.aliyuncs.com", "cn-north-2-gov-1"),
        ("https://oss-accelerate.aliyuncs.com", None),
        ("https://oss-accelerate-overseas.aliyuncs.com", None),
        ("http://127.0.0.1:8080", None),
        ("http://localhost:9", None),
        ("http://[::1]:9", None),
        ("https://media.example.com", None),
        ("", None),
    ],
)
def test_region_from_endpoint(endpoint: str, region: str | None) -> None:
    assert region_from_endpoint(endpoint) == region


def test_signing_region_falls_back_to_the_credential_then_the_account() -> None:
    assert signing_region("https://oss-cn-beijing.aliyuncs.com", "cn-shanghai") == "cn-beijing"
    assert signing_region("https://oss-accelerate.aliyuncs.com", "ap-south-1", "cn-shanghai") == "ap-south-1"
    assert signing_region("http://127.0.0.1:1", "", "eu-central-1") == "eu-central-1"
    assert signing_region("http://127.0.0.1:1") == ""
