"""Today's strictness over real HTTP, request by request: ACS3 dates, nonces, signed headers and STS
tokens; OSS V4 dates, payload header, region and tokens; strict mode switched by the admin API."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.signing_v3 import SignedCall, sign_rpc
from vodstudio.sandbox import oss_auth_v4 as v4
from vodstudio.sandbox.server import Sandbox


def signed(box: Sandbox, action: str = "GetCategories", **kw: Any) -> SignedCall:
    info = box.info
    kw.setdefault("access_key_id", info.access_key_id)
    kw.setdefault("access_key_secret", info.access_key_secret)
    params = kw.pop("params", {"CateId": "-1"})
    return sign_rpc("POST", info.vod_endpoint.removeprefix("http://"), action, params, **kw)


def post(box: Sandbox, call: SignedCall, **headers: str) -> httpx.Response:
    return httpx.post(f"{box.info.vod_endpoint}/?{call.query}", headers={**call.headers, **headers})


def code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, str(response.json()["Code"])


def test_acs3_nonce_date_and_signed_headers(sandbox: Sandbox) -> None:
    call = signed(sandbox)
    assert post(sandbox, call).status_code == 200
    assert code(post(sandbox, call)) == (400, "SignatureNonceUsed")  # replayed as is
    hour_ago = signed(sandbox, clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    assert code(post(sandbox, hour_ago)) == (400, "InvalidTimeStamp.Expired")
    bad_date = signed(sandbox)
    assert code(post(sandbox, bad_date, **{"x-acs-date": "2026-01-01 00:00:00"})) == (
        400,
        "InvalidTimeStamp.Format",
    )
    unsigned_extra = signed(sandbox)
    assert code(post(sandbox, unsigned_extra, **{"x-acs-extra": "sneaked in"})) == (
        400,
        "IncompleteSignature",
    )
    tampered = signed(sandbox, params={"CateId": "-1"})
    url = f"{sandbox.info.vod_endpoint}/?CateId=7"
    response = httpx.post(url, headers=tampered.headers)
    assert code(response) == (400, "SignatureDoesNotMatch")
    assert "server string to sign is:ACS3-HMAC-SHA256\n" in response.json()["Message"]


def test_acs3_action_only_in_the_query_is_missing(sandbox: Sandbox) -> None:
    call = signed(sandbox)
    headers = {k: v for k, v in call.headers.items() if k != "x-acs-action"}
    response = httpx.post(f"{sandbox.info.vod_endpoint}/?{call.query}&Action=GetCategories", headers=headers)
    assert code(response) == (400, "MissingParameter")  # Action travels as x-acs-action only


def test_acs3_sts_token_missing_wrong_and_valid(sandbox: Sandbox) -> None:
    info = sandbox.info
    with VodClient(info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint) as client:
        ticket = client.create_upload_video("t", "a.mp4")
    sts = {"access_key_id": ticket.auth.access_key_id, "access_key_secret": ticket.auth.access_key_secret}
    assert code(post(sandbox, signed(sandbox, **sts))) == (400, "MissingSecurityToken")
    wrong = signed(sandbox, security_token="CAISnot-the-token", **sts)
    assert code(post(sandbox, wrong)) == (400, "InvalidSecurityToken.MismatchWithAccessKey")
    valid = signed(sandbox, security_token=ticket.auth.security_token, **sts)
    assert code(post(sandbox, valid)) == (403, "Forbidden.RAM")  # upload credentials are for OSS only


def _v4_put(box: Sandbox, ticket: Any, *, stamp: str | None = None, region: str = "cn-shanghai",
            drop: str = "", token: str | None = None) -> httpx.Response:  # fmt: skip
    """A hand-signed V4 PUT (path-style, as oss2 and oss-v2 send to an IP endpoint)."""
    stamp = stamp or time.strftime(v4.DATE_FORMAT, time.gmtime())
    headers = {
        "x-oss-date": stamp,
        "x-oss-content-sha256": v4.UNSIGNED_PAYLOAD,
        "x-oss-security-token": ticket.auth.security_token if token is None else token,
        "content-type": "video/mp4",
    }
    headers = {k: v for k, v in headers.items() if k != drop and v}
    bucket, key = ticket.address.bucket, ticket.address.file_name
    canonical = v4.canonical_request("PUT", bucket, key, [], headers, [], v4.UNSIGNED_PAYLOAD)
    text = v4.string_to_sign(stamp, region, canonical)
    sig = v4.signature(ticket.auth.access_key_secret, stamp, region, text)
    credential = f"{ticket.auth.access_key_id}/{v4.scope(stamp[:8], region)}"
    headers["authorization"] = f"OSS4-HMAC-SHA256 Credential={credential},Signature={sig}"
    return httpx.put(f"{box.info.vod_endpoint}/{bucket}/{quote(key)}", content=b"body", headers=headers)


def _ec(response: httpx.Response) -> tuple[int, str]:
    text = response.text
    return response.status_code, text.split("<EC>")[1].split("</EC>")[0] if "<EC>" in text else ""


@pytest.mark.parametrize("sandbox_strict", [True])
def test_oss_v4_date_payload_region_and_token(sandbox: Sandbox) -> None:
    info = sandbox.info
    with VodClient(info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint) as client:
        ticket = client.create_upload_video("t", "a.mp4")
    assert _v4_put(sandbox, ticket).status_code == 200
    old = time.strftime(v4.DATE_FORMAT, time.gmtime(time.time() - 3600))
    assert _ec(_v4_put(sandbox, ticket, stamp=old)) == (403, "0002-00000504")
    assert _v4_put(sandbox, ticket, drop="x-oss-content-sha256").status_code == 400
    assert _ec(_v4_put(sandbox, ticket, drop="x-oss-date")) == (403, "0002-00000503")
    wrong_region = _v4_put(sandbox, ticket, region="cn-beijing")
    assert _ec(wrong_region) == (403, "0002-00000201") and "<StringToSign>" in wrong_region.text
    assert "<Code>InvalidSecurityToken</Code>" in _v4_put(sandbox, ticket, token="").text


def test_sandbox_presigns_v4_in_strict_mode_and_the_admin_api_switches_it(sandbox: Sandbox) -> None:
    info = sandbox.info
    with VodClient(info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint) as client:
        ticket = client.create_upload_video("t", "a.mp4")
        put = _v4_put(sandbox, ticket)
        assert put.status_code == 200
        lenient_url = client.get_mezzanine_info(ticket.media_id, output_type="oss", auth_timeout=600).file_url
        assert "OSSAccessKeyId=" in lenient_url and httpx.get(lenient_url).content == b"body"
        admin = f"{info.vod_endpoint}/_sandbox/config"
        assert httpx.post(admin, json={"reject_legacy_signatures": "false"}).status_code == 400
        changed = httpx.post(admin, json={"reject_legacy_signatures": True}).json()
        assert changed["config"]["reject_legacy_signatures"] is True
        assert _ec(httpx.get(lenient_url)) == (403, "0002-00000080")
        strict_url = client.get_mezzanine_info(ticket.media_id, output_type="oss", auth_timeout=600).file_url
    assert "x-oss-signature-version=OSS4-HMAC-SHA256" in strict_url and "OSSAccessKeyId" not in strict_url
    assert httpx.get(strict_url).content == b"body"
    sandbox.state.clock_offset = 700  # past the AuthTimeout asked for
    assert _ec(httpx.get(strict_url)) == (403, "0002-00000069")


def test_v4_query_needs_its_signature_and_a_sane_expiry(sandbox: Sandbox) -> None:
    info = sandbox.info
    stamp = time.strftime(v4.DATE_FORMAT, time.gmtime())
    base = {
        "x-oss-signature-version": "OSS4-HMAC-SHA256",
        "x-oss-credential": f"{info.access_key_id}/{v4.scope(stamp[:8], 'cn-shanghai')}",
        "x-oss-date": stamp,
        "x-oss-expires": "60",
    }
    url = f"{info.vod_endpoint}/{info.bucket}/sv/x.mp4?"
    assert _ec(httpx.get(url + urlencode(base))) == (400, "0002-00000219")
    too_long = {**base, "x-oss-expires": str(8 * 24 * 3600), "x-oss-signature": "0" * 64}
    assert httpx.get(url + urlencode(too_long)).status_code == 400
    other = {**base, "x-oss-signature-version": "OSS2", "x-oss-signature": "x"}
    assert _ec(httpx.get(url + urlencode(other))) == (400, "0002-00000066")


def test_upload_auth_names_the_region_v4_signs_with(sandbox: Sandbox) -> None:
    """The engine signs for the sandbox's IP endpoint with the Region of the upload credential."""
    info = sandbox.info
    with VodClient(info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint) as client:
        raw = client.call("CreateUploadVideo", {"Title": "t", "FileName": "a.mp4"})
    assert json.loads(base64.b64decode(raw["UploadAuth"]))["Region"] == info.region == "cn-shanghai"
