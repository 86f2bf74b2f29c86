"""RPC signature V1: the two reference vectors and the percent-encoding edge cases."""

from __future__ import annotations

import datetime as dt

import pytest

from vodstudio.cloud.aliyun.signing import (
    canonical_query,
    percent_encode,
    sign,
    signed_params,
    string_to_sign,
)

VECTOR_A_STS = (
    "GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON"
    "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d"
    "%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21"
    "%26VideoId%3D5aed81b74ba84920be578cdfe004af4b"
)
VECTOR_B_STS = (
    "POST&%2F&AccessKeyId%3Dtestid%26Action%3DSearchMedia%26Fields%3DTitle%252CCoverURL%26Format%3DJSON"
    "%26Match%3DTitle%253D%2527Music%25201%2527%2520and%2520Status%2520in%2520%2528%2527Normal%2527"
    "%252C%2527Checking%2527%2529%26PageSize%3D20%26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1"
    "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
    "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2017-03-21"
)


def test_vector_a_get_video_play_auth() -> None:
    params = {
        "AccessKeyId": "testAccessKeyId",
        "Action": "GetVideoPlayAuth",
        "Format": "JSON",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "8f8a035d-6496-4268-afd4-67c22837e38d",
        "SignatureVersion": "1.0",
        "Timestamp": "2017-10-10T12:02:54Z",
        "Version": "2017-03-21",
        "VideoId": "5aed81b74ba84920be578cdfe004af4b",
    }
    sts = string_to_sign("GET", params)
    assert sts == VECTOR_A_STS
    assert sign("testAccessKeySecret", sts) == "Ibgh7y8Vp47LBuAsf5Xhi1SvDss="


def test_vector_b_search_media_through_signed_params() -> None:
    business = {"Fields": "Title,CoverURL", "Match": "Title='Music 1' and Status in ('Normal','Checking')"}
    business["PageSize"] = "20"
    signed = signed_params(
        "POST",
        "SearchMedia",
        business,
        access_key_id="testid",
        access_key_secret="testsecret",
        region="cn-shanghai",
        clock=lambda: dt.datetime(2016, 2, 23, 12, 46, 24, tzinfo=dt.UTC),
        nonce=lambda: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    )
    assert string_to_sign("POST", signed) == VECTOR_B_STS
    assert signed["Signature"] == "LuynikvQYChDTmzpkwTPZYrad7U="


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [
        ("a b", "a%20b"),
        ("a*b", "a%2Ab"),
        ("a~b", "a~b"),
        ("a+b", "a%2Bb"),
        ("-_.", "-_."),
        ("/", "%2F"),
        ("视频", "%E8%A7%86%E9%A2%91"),
        ("🎬", "%F0%9F%8E%AC"),
        ("a=b&c", "a%3Db%26c"),
    ],
)
def test_percent_encode_edge_cases(raw: str, encoded: str) -> None:
    assert percent_encode(raw) == encoded


def test_canonical_query_sorts_by_name_and_skips_signature() -> None:
    query = canonical_query({"b": "2", "A": "1", "Signature": "x", "a": "3"})
    assert query == "A=1&a=3&b=2"


def test_signed_params_adds_token_and_local_params_win() -> None:
    signed = signed_params(
        "POST",
        "GetVideoInfo",
        {"VideoId": "v1"},
        access_key_id="id",
        access_key_secret="s",
        region="cn-beijing",
        security_token="tok",
        nonce=lambda: "n1",
    )
    assert signed["SecurityToken"] == "tok"
    assert signed["RegionId"] == "cn-beijing"
    assert signed["SignatureNonce"] == "n1"
    assert signed["Timestamp"].endswith("Z")
    unsigned = {k: v for k, v in signed.items() if k != "Signature"}
    assert signed["Signature"] == sign("s", string_to_sign("POST", unsigned))
