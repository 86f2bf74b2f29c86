"""The sandbox's V1 signature checks: RPC V1 and OSS V1 vectors, and the gateway's rejection rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vodstudio.cloud.aliyun import signing
from vodstudio.sandbox import oss_auth, rpc_auth, rpc_dispatch
from vodstudio.sandbox.rpc import RpcError
from vodstudio.sandbox.state import SandboxConfig, SandboxState

VECTOR_A = {
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


def test_rpc_vector_a() -> None:
    text = signing.string_to_sign("GET", VECTOR_A)
    assert text.startswith("GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth")
    assert "Timestamp%3D2017-10-10T12%253A02%253A54Z" in text
    assert signing.sign("testAccessKeySecret", text) == "Ibgh7y8Vp47LBuAsf5Xhi1SvDss="


def test_rpc_vector_b_spaces_quotes_commas() -> None:
    params = {
        "AccessKeyId": "testid",
        "Action": "SearchMedia",
        "Fields": "Title,CoverURL",
        "Format": "JSON",
        "Match": "Title='Music 1' and Status in ('Normal','Checking')",
        "PageSize": "20",
        "RegionId": "cn-shanghai",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        "SignatureVersion": "1.0",
        "Timestamp": "2016-02-23T12:46:24Z",
        "Version": "2017-03-21",
        "Signature": "ignored: never part of the string to sign",
    }
    text = signing.string_to_sign("POST", params)
    assert "%2520and%2520Status%2520in%2520%2528%2527Normal%2527%252C" in text
    assert signing.sign("testsecret", text) == "LuynikvQYChDTmzpkwTPZYrad7U="


def test_oss_v1_vector() -> None:
    headers = {
        "content-type": "video/mp4",
        "date": "Mon, 01 Jan 2024 00:00:00 GMT",
        "x-oss-security-token": "testtoken",
    }
    query = [("partNumber", "1"), ("uploadId", "0004B9895DBBB6EC98E36")]
    text = oss_auth.string_to_sign("PUT", headers, headers["date"], "outin-abc", "sv/123/abc.mp4", query)
    assert text == (
        "PUT\n\nvideo/mp4\nMon, 01 Jan 2024 00:00:00 GMT\nx-oss-security-token:testtoken\n"
        "/outin-abc/sv/123/abc.mp4?partNumber=1&uploadId=0004B9895DBBB6EC98E36"
    )
    assert oss_auth.signature("testaksecret", text) == "rilUG9kt569+9Vs7chFLCqtd9ig="


def test_oss_unsigned_query_parameters_are_not_resources() -> None:
    query = [("uploadId", "U"), ("part-number-marker", "0"), ("max-parts", "1000"), ("uploads", "")]
    text = oss_auth.string_to_sign("GET", {}, "d", "b", "k", query)
    assert text.endswith("/b/k?uploadId=U&uploads")


@pytest.fixture
def state(tmp_path: Path) -> Iterator[SandboxState]:
    box = SandboxState(tmp_path / "s", SandboxConfig())
    yield box
    box.close()


def signed(state: SandboxState, secret: str | None = None, **changes: str) -> dict[str, str]:
    params = {
        **VECTOR_A,
        "Action": "CreateUploadVideo",
        "AccessKeyId": state.config.access_key_id,
        "Timestamp": state.iso(state.now()),
        "SignatureNonce": state.new_request_id(),
        **changes,
    }
    params["Signature"] = signing.sign(
        secret or state.config.access_key_secret, signing.string_to_sign("POST", params)
    )
    return params


def rejected(state: SandboxState, params: dict[str, str]) -> RpcError:
    with pytest.raises(RpcError) as caught:
        rpc_auth.verify_v1(state, "POST", params, "RID")
    return caught.value


def test_good_signature_passes_once_then_nonce_is_used(state: SandboxState) -> None:
    params = signed(state)
    ctx = rpc_auth.verify_v1(state, "POST", params, "RID")
    assert (ctx.action, ctx.access_key_id) == ("CreateUploadVideo", state.config.access_key_id)
    err = rejected(state, params)
    assert (err.http_status, err.code) == (400, "SignatureNonceUsed")


def test_wrong_secret_names_the_string_to_sign_like_the_sdk_expects(state: SandboxState) -> None:
    params = signed(state, secret="not-the-secret")
    err = rejected(state, params)
    assert (err.http_status, err.code) == (400, "SignatureDoesNotMatch")
    # aliyunsdkcore compares Message.split(':')[1] with its own string to sign.
    assert err.message.split(":")[1] == signing.string_to_sign("POST", params)
    assert err.message.startswith("Specified signature is not matched with our calculation.")


def test_method_is_part_of_the_signature(state: SandboxState) -> None:
    with pytest.raises(RpcError) as caught:
        rpc_auth.verify_v1(state, "GET", signed(state), "RID")  # signed for POST
    assert caught.value.code == "SignatureDoesNotMatch"


def test_unknown_key_and_upload_credentials_are_refused(state: SandboxState) -> None:
    err = rejected(state, signed(state, AccessKeyId="LTAIunknown"))
    assert (err.http_status, err.code) == (404, "InvalidAccessKeyId.NotFound")
    with state.db() as conn:
        conn.execute("INSERT INTO sts_credentials VALUES ('STS.abc', 's', 't', 'b', 'k', 'm', 0, 9999999999)")
    err = rejected(state, signed(state, secret="s", AccessKeyId="STS.abc", SecurityToken="t"))
    assert (err.http_status, err.code) == (403, "Forbidden.RAM")
    err = rejected(state, signed(state, secret="s", AccessKeyId="STS.abc"))
    assert (err.http_status, err.code) == (400, "MissingSecurityToken")
    err = rejected(state, signed(state, secret="s", AccessKeyId="STS.abc", SecurityToken="other"))
    assert err.code == "InvalidSecurityToken.MismatchWithAccessKey"


@pytest.mark.parametrize(
    ("stamp", "code"),
    [
        ("2024-01-01 00:00:00", "InvalidTimeStamp.Format"),
        ("yesterday", "InvalidTimeStamp.Format"),
        ("2017-10-10T12:02:54Z", "InvalidTimeStamp.Expired"),
    ],
)
def test_timestamps(state: SandboxState, stamp: str, code: str) -> None:
    assert rejected(state, signed(state, Timestamp=stamp)).code == code


def test_skew_inside_tolerance_is_accepted(state: SandboxState) -> None:
    stamp = state.iso(state.now() - state.config.timestamp_tolerance + 30)
    assert rpc_auth.verify_v1(state, "POST", signed(state, Timestamp=stamp), "RID").action


def test_missing_common_parameters(state: SandboxState) -> None:
    params = signed(state)
    del params["SignatureNonce"]
    err = rejected(state, params)
    assert (err.code, '"SignatureNonce"' in err.message) == ("MissingParameter", True)
    assert rejected(state, signed(state, Version="2014-01-01")).code == "InvalidVersion"
    assert rejected(state, signed(state, SignatureMethod="HMAC-SHA256")).code == "IncompleteSignature"


def test_xml_rendering_repeats_list_tags() -> None:
    xml = rpc_dispatch.to_xml({"RequestId": "R", "Ids": ["a", "b"], "Ok": True, "T": "<&>"})
    assert xml == "<RequestId>R</RequestId><Ids>a</Ids><Ids>b</Ids><Ok>true</Ok><T>&lt;&amp;&gt;</T>"
