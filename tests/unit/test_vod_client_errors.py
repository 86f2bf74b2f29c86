"""VodClient on odd answers (MockTransport only): malformed bodies, HTML 5xx, throttling, clock skew."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Callable

import httpx
import pytest

from vodstudio.cloud.aliyun import signing_v3
from vodstudio.cloud.aliyun.client import MalformedAnswerError, VodClient, endpoint_for_region
from vodstudio.cloud.aliyun.signing import sign, string_to_sign
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.accounts import Account, Provider, SignatureScheme
from vodstudio.core.errors import ClockSkewError, MalformedResponseError, NetworkError, NotFoundError

FAST = RetryPolicy(max_attempts=3, base_delay=0.001, max_delay=0.002, jitter=lambda cap: cap)
QUOTA = {"RequestId": "R1", "UrlQuota": "2000", "UrlRemain": "1999", "DirQuota": "100",
         "DirRemain": "100", "PreloadQuota": "500", "PreloadRemain": "500", "BlockQuota": "500",
         "blockRemain": "499"}  # fmt: skip

Responder = Callable[[httpx.Request, int], httpx.Response]


class Script:
    """A MockTransport handler answering request n with ``responder(request, n)``."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.responder(request, len(self.requests))


def client(script: Script, **kw: object) -> VodClient:
    return VodClient("LTAItest", "secret-value", retry=FAST, transport=httpx.MockTransport(script), **kw)  # type: ignore[arg-type]


def error(code: str, status: int = 400, **headers: str) -> httpx.Response:
    body = {"RequestId": "E1", "HostId": "vod.cn-shanghai.aliyuncs.com", "Code": code, "Message": code}
    return httpx.Response(status, json=body, headers=headers)


def _action(req: httpx.Request) -> str:
    return req.headers.get("x-acs-action") or req.url.params.get("Action", "")


def _quota_or_video(req: httpx.Request, n: int) -> httpx.Response:
    body = QUOTA if "Quota" in _action(req) else {"RequestId": "x", "Video": {"VideoId": "v"}}
    return httpx.Response(200, json=body)


def test_v1_request_shape_post_query_signature_and_endpoints() -> None:
    script = Script(_quota_or_video)
    with client(script, region="cn-beijing", signature=SignatureScheme.HMAC_SHA1) as vod:
        vod.get_video_info("v")
        quota = vod.describe_vod_refresh_quota()
    assert quota.block_remain == 499 and quota.url_remain == 1999
    media, cdn = script.requests
    assert media.method == "POST" and media.content == b""
    assert media.url.host == "vod.cn-beijing.aliyuncs.com" and media.url.scheme == "https"
    assert cdn.url.host == "vod.cn-shanghai.aliyuncs.com" and cdn.url.params["RegionId"] == "cn-shanghai"
    params = dict(media.url.params)
    assert (
        params["Format"] == "JSON"
        and params["Version"] == "2017-03-21"
        and params["RegionId"] == "cn-beijing"
    )
    assert params["Signature"] == sign("secret-value", string_to_sign("POST", params))
    assert media.headers["User-Agent"].startswith("VODStudio/")
    assert "Authorization" not in media.headers


def test_v3_is_the_default_request_shape() -> None:
    """Business params in the query, Action/Version as headers, everything we send signed."""
    script = Script(_quota_or_video)
    with client(script, region="cn-beijing", security_token="CAIStoken") as vod:
        vod.get_video_info("v")
        vod.describe_vod_refresh_quota()
    media, cdn = script.requests
    assert media.method == "POST" and media.content == b""
    assert dict(media.url.params) == {"VideoId": "v"}
    assert media.headers["x-acs-action"] == "GetVideoInfo" and media.headers["x-acs-version"] == "2017-03-21"
    assert media.headers["host"] == "vod.cn-beijing.aliyuncs.com"
    assert media.headers["x-acs-content-sha256"] == signing_v3.EMPTY_BODY_SHA256
    assert media.headers["x-acs-security-token"] == "CAIStoken"
    parsed = signing_v3.parse_authorization(media.headers["Authorization"])
    assert parsed is not None and parsed.access_key_id == "LTAItest"
    sent = {name: media.headers[name] for name in parsed.signed_headers}
    canonical = signing_v3.canonical_request(
        "POST", "/", media.url.params.multi_items(), sent, parsed.signed_headers, signing_v3.EMPTY_BODY_SHA256
    )
    assert parsed.signature == signing_v3.sign("secret-value", signing_v3.string_to_sign(canonical))
    assert {"host", "x-acs-date", "x-acs-signature-nonce", "x-acs-security-token"} <= set(
        parsed.signed_headers
    )
    assert cdn.url.host == "vod.cn-shanghai.aliyuncs.com" and cdn.headers["host"] == cdn.url.host
    assert "RegionId" not in cdn.url.params


@pytest.mark.parametrize(
    ("region", "host"),
    [("cn-shanghai", "vod.cn-shanghai.aliyuncs.com"), ("cn-hangzhou", "vod.cn-shanghai.aliyuncs.com"),
     ("ap-south-1", "vod.ap-south-1.aliyuncs.com"), ("cn-qingdao", "vod.aliyuncs.com")],
)  # fmt: skip
def test_region_endpoints(region: str, host: str) -> None:
    assert endpoint_for_region(region) == f"https://{host}"


def test_custom_endpoint_also_serves_cdn_and_for_account() -> None:
    script = Script(lambda req, n: httpx.Response(200, json=QUOTA))
    account = Account("sb", Provider.ALIYUN, "cn-beijing", "LTAIsb", endpoint="http://127.0.0.1:9")
    mock = httpx.MockTransport(script)
    with VodClient.for_account(account, "UniqueSecret123", retry=FAST, transport=mock) as vod:
        vod.describe_vod_refresh_quota()
        assert "UniqueSecret123" not in repr(vod) and "UniqueSecret123" not in str(vars(vod))
    sent = script.requests[0]
    assert str(sent.url).startswith("http://127.0.0.1:9/") and sent.headers["host"] == "127.0.0.1:9"


def test_malformed_json_is_not_retried() -> None:
    script = Script(lambda req, n: httpx.Response(200, text='{"RequestId": "R", "Vid'))
    with client(script) as vod, pytest.raises(MalformedResponseError) as caught:
        vod.get_video_info("v")
    assert len(script.requests) == 1 and not caught.value.retryable


def test_html_502_is_malformed_retryable_and_retried() -> None:
    page = "<html><body><h1>502 Bad Gateway</h1> Signature=leaky</body></html>"
    script = Script(
        lambda req, n: httpx.Response(502, text=page) if n == 1 else httpx.Response(200, json=QUOTA)
    )
    with client(script) as vod:
        assert vod.describe_vod_refresh_quota().url_quota == 2000
    assert len(script.requests) == 2
    always = Script(lambda req, n: httpx.Response(502, text=page))
    with client(always) as vod, pytest.raises(MalformedAnswerError) as caught:
        vod.describe_vod_refresh_quota()
    assert caught.value.http_status == 502 and "502 Bad Gateway" in str(caught.value)
    assert "leaky" not in str(caught.value) and len(always.requests) == FAST.max_attempts


def test_error_without_code_is_malformed() -> None:
    script = Script(lambda req, n: httpx.Response(404, json={"RequestId": "R"}))
    with client(script) as vod, pytest.raises(MalformedResponseError):
        vod.get_video_info("v")


def test_missing_required_object_is_malformed() -> None:
    script = Script(lambda req, n: httpx.Response(200, json={"RequestId": "R"}))
    with client(script) as vod, pytest.raises(MalformedResponseError):
        vod.get_video_info("v")


def test_throttling_then_success_is_one_retry() -> None:
    script = Script(lambda req, n: error("Throttling.User") if n == 1 else httpx.Response(200, json=QUOTA))
    with client(script) as vod:
        assert vod.describe_vod_refresh_quota().preload_quota == 500
    assert len(script.requests) == 2
    nonces = {req.headers["x-acs-signature-nonce"] for req in script.requests}
    assert len(nonces) == 2  # a retry is a new request: new nonce, new signature


def test_not_found_is_typed_and_not_retried() -> None:
    script = Script(lambda req, n: error("InvalidVideo.NotFound", 404))
    with client(script) as vod, pytest.raises(NotFoundError) as caught:
        vod.get_video_info("v")
    assert caught.value.request_id == "E1" and caught.value.facts.host_id and len(script.requests) == 1


def test_dropped_connection_is_retried() -> None:
    def responder(req: httpx.Request, n: int) -> httpx.Response:
        if n == 1:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")
        return httpx.Response(200, json=QUOTA)

    script = Script(responder)
    with client(script) as vod:
        vod.describe_vod_refresh_quota()
    assert len(script.requests) == 2
    dead = Script(lambda req, n: (_ for _ in ()).throw(httpx.ConnectTimeout("timed out")))
    with client(dead) as vod, pytest.raises(NetworkError):
        vod.describe_vod_refresh_quota()


def _server_date(offset: dt.timedelta) -> str:
    return email.utils.format_datetime(dt.datetime.now(dt.UTC) + offset, usegmt=True)


def test_clock_skew_corrected_from_date_header_once() -> None:
    ahead = dt.timedelta(hours=2)

    def responder(req: httpx.Request, n: int) -> httpx.Response:
        sent = dt.datetime.strptime(req.headers["x-acs-date"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        if abs(sent - (dt.datetime.now(dt.UTC) + ahead)) > dt.timedelta(minutes=15):
            return error("InvalidTimeStamp.Expired", Date=_server_date(ahead))
        return httpx.Response(200, json=QUOTA)

    script = Script(responder)
    with client(script) as vod:
        vod.describe_vod_refresh_quota()
        assert len(script.requests) == 2
        assert abs(vod.clock_offset - ahead.total_seconds()) < 5
        vod.describe_vod_refresh_quota()  # the learned offset sticks: no more skew errors
    assert len(script.requests) == 3


def test_clock_skew_retried_exactly_once() -> None:
    script = Script(
        lambda req, n: error("InvalidTimeStamp.Expired", Date=_server_date(dt.timedelta(hours=3)))
    )
    with client(script) as vod, pytest.raises(ClockSkewError):
        vod.describe_vod_refresh_quota()
    assert len(script.requests) == 2


def test_clock_skew_without_date_header_is_not_resent() -> None:
    script = Script(lambda req, n: error("InvalidTimeStamp.Expired"))
    with client(script) as vod, pytest.raises(ClockSkewError):
        vod.describe_vod_refresh_quota()
    assert len(script.requests) == 1


def test_none_params_are_left_out_and_values_are_wire_encoded() -> None:
    body = {"RequestId": "R", "VideoId": "v", "UploadAddress": "", "UploadAuth": ""}
    script = Script(lambda req, n: httpx.Response(200, json=body))
    with client(script) as vod, pytest.raises(MalformedResponseError):
        vod.create_upload_video("t", "a.mp4", tags=["x", "y"], user_data={"Extend": {"k": "视频"}})
    params = script.requests[0].url.params
    assert params["Tags"] == "x,y" and json.loads(params["UserData"]) == {"Extend": {"k": "视频"}}
    assert "Description" not in params and "CateId" not in params
