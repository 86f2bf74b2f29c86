"""ACS3-HMAC-SHA256: the docs' worked example, and the official tea-openapi signer as an oracle."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl

import pytest

from vodstudio.cloud.aliyun import signing_v3
from vodstudio.cloud.aliyun.signing_v3 import (
    EMPTY_BODY_SHA256,
    canonical_query,
    canonical_request,
    parse_authorization,
    sign,
    sign_rpc,
    string_to_sign,
)

# Alibaba's "V3 request structure and signature", section "Signature example" (fixed values).
DOC_HEADERS = {
    "host": "ecs.cn-shanghai.aliyuncs.com",
    "x-acs-action": "RunInstances",
    "x-acs-version": "2014-05-26",
    "x-acs-date": "2023-10-26T10:22:32Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-content-sha256": EMPTY_BODY_SHA256,
}
DOC_QUERY = [("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), ("RegionId", "cn-shanghai")]
DOC_HASHED_REQUEST = "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
DOC_SIGNATURE = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"


def test_docs_worked_example() -> None:
    names = sorted(DOC_HEADERS)
    canonical = canonical_request("POST", "/", DOC_QUERY, DOC_HEADERS, names, EMPTY_BODY_SHA256)
    assert string_to_sign(canonical) == f"ACS3-HMAC-SHA256\n{DOC_HASHED_REQUEST}"
    assert sign("YourAccessKeySecret", string_to_sign(canonical)) == DOC_SIGNATURE


def test_sign_rpc_reproduces_the_worked_example() -> None:
    call = sign_rpc(
        "POST",
        "ecs.cn-shanghai.aliyuncs.com",
        "RunInstances",
        dict(DOC_QUERY),
        access_key_id="YourAccessKeyId",
        access_key_secret="YourAccessKeySecret",
        version="2014-05-26",
        clock=lambda: dt.datetime(2023, 10, 26, 10, 22, 32, tzinfo=dt.UTC),
        nonce=lambda: "3156853299f313e23d1673dc12e1703d",
    )
    assert call.headers["Authorization"] == (
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
        f"x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature={DOC_SIGNATURE}"
    )
    # Business parameters go in the query; no Action, Version, Signature or AccessKeyId there.
    assert dict(parse_qsl(call.query)) == dict(DOC_QUERY)


def test_canonical_query_encodes_space_as_percent_20_and_sorts() -> None:
    assert canonical_query([("Title", "a b*c~"), ("Cate", "中")]) == "Cate=%E4%B8%AD&Title=a%20b%2Ac~"


def test_repeated_header_values_are_sorted_and_joined() -> None:
    assert signing_v3.canonical_headers({"X-Acs-A": [" b", "a "]}, ["x-acs-a"]) == "x-acs-a:a,b\n"


def test_authorization_round_trips_through_the_parser() -> None:
    parsed = parse_authorization("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=ab")
    assert parsed is not None
    assert (parsed.access_key_id, parsed.signed_headers, parsed.signature) == (
        "AK",
        ("host", "x-acs-date"),
        "ab",
    )
    assert parse_authorization("OSS AK:sig") is None
    assert parse_authorization("ACS3-HMAC-SHA256 Credential=AK") is None


@pytest.mark.parametrize("token", [None, "CAIS+token/with=chars"])
def test_byte_identical_to_tea_openapi(token: str | None) -> None:
    """The official signer, fed the request we send, computes the same Authorization header."""
    from alibabacloud_tea_openapi.utils import Utils
    from darabonba.request import DaraRequest

    params = {"Title": "a title with spaces", "CateId": "1000", "Tags": "x,y", "Flag": "False"}
    call = sign_rpc(
        "POST",
        "vod.cn-shanghai.aliyuncs.com",
        "SearchMedia",
        params,
        access_key_id="LTAI5tExample",
        access_key_secret="exampleSecret",
        security_token=token,
        clock=lambda: dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        nonce=lambda: "f00dfeed",
    )
    request = DaraRequest()
    request.method = "POST"
    request.pathname = "/"
    request.query = dict(parse_qsl(call.query))
    request.headers = {k: v for k, v in call.headers.items() if k != "Authorization"}
    oracle = Utils.get_authorization(
        request, "ACS3-HMAC-SHA256", EMPTY_BODY_SHA256, "LTAI5tExample", "exampleSecret"
    )
    assert call.headers["Authorization"] == oracle
    if token:
        assert call.headers["x-acs-security-token"] == token
        assert "x-acs-security-token" in call.headers["Authorization"]
