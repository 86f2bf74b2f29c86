"""Huawei error shapes, retries and clock-skew correction: odd responses the sandbox does not produce."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from vodstudio.cloud.huawei.client import HuaweiVodClient
from vodstudio.cloud.huawei.models import HuaweiTaskStatus
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import (
    AuthError,
    InvalidParameterError,
    MalformedResponseError,
    NotFoundError,
    ServerSideError,
    ServiceError,
    ThrottledError,
)

Handler = Callable[[httpx.Request], httpx.Response]


def client_for(handler: Handler, attempts: int = 3) -> HuaweiVodClient:
    policy = RetryPolicy(max_attempts=attempts, base_delay=0.0, jitter=lambda cap: 0.0)
    return HuaweiVodClient(
        "AK", "SK", "pid", region="cn-north-4", retry=policy, transport=httpx.MockTransport(handler)
    )


@pytest.mark.parametrize(
    ("status", "body", "error_type", "code", "message"),
    [
        (
            400,
            {"error_code": "VOD.10053", "error_msg": "illegal"},
            InvalidParameterError,
            "VOD.10053",
            "illegal",
        ),
        (404, {"errorCode": "VOD.10062", "errorMsg": "gone"}, NotFoundError, "VOD.10062", "gone"),
        (403, {"code": "Forbidden.X", "message": "no"}, AuthError, "Forbidden.X", "no"),
        (
            401,
            {"error_code": "APIGW.0301", "error_msg": "verify aksk signature fail"},
            AuthError,
            "APIGW.0301",
            "",
        ),
        (409, {"unexpected": True}, ServiceError, "HTTP.409", ""),
    ],
)
def test_error_shapes_are_typed(
    status: int, body: dict[str, object], error_type: type[Exception], code: str, message: str
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"X-Request-Id": "rid-1"})

    with client_for(handler) as client, pytest.raises(error_type) as caught:
        client.refresh_result("t")
    error = caught.value
    assert getattr(error, "service_code", None) == code
    assert getattr(error, "request_id", None) == "rid-1"
    assert message in str(error)


@pytest.mark.parametrize(("status", "error_type"), [(429, ThrottledError), (503, ServerSideError)])
def test_429_and_5xx_are_retried(status: int, error_type: type[Exception]) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) < 3:
            return httpx.Response(status, json={"error_code": "X", "error_msg": "busy"})
        return httpx.Response(200, json={"refresh_results": [{"url": "u", "status": "Succeed"}]})

    with client_for(handler) as client:
        assert client.refresh_result("t")[0].status is HuaweiTaskStatus.SUCCEED
    assert len(calls) == 3
    calls.clear()
    with client_for(handler, attempts=2) as client, pytest.raises(error_type):
        client.refresh_result("t")


def test_skewed_clock_is_corrected_from_the_date_header_once() -> None:
    server_now = datetime.now(UTC) + timedelta(days=1)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["X-Sdk-Date"])
        sent = datetime.strptime(request.headers["X-Sdk-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        if abs((server_now - sent).total_seconds()) > 900:
            body = {"error_code": "APIGW.0301", "error_msg": "the request has expired (x-sdk-date)"}
            return httpx.Response(401, json=body, headers={"Date": format_datetime(server_now, usegmt=True)})
        return httpx.Response(202, json={"task_id": "ok"})

    with client_for(handler) as client:
        assert client.preheat_asset("a1") == "ok"
        assert len(seen) == 2
        assert abs(client.clock_offset - 86400) < 60


def test_malformed_answers() -> None:
    answers = iter([httpx.Response(202, text="not json"), httpx.Response(202, json={"no": "id"})])

    with client_for(lambda request: next(answers)) as client:
        with pytest.raises(MalformedResponseError):
            client.preheat_urls(["u"])
        with pytest.raises(MalformedResponseError):
            client.preheat_urls(["u"])


def test_requests_are_signed_and_split() -> None:
    bodies: list[dict[str, list[str]]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"].startswith("SDK-HMAC-SHA256 Access=AK, SignedHeaders=")
        assert request.headers["X-Project-Id"] == "pid"
        bodies.append(json.loads(request.content))
        return httpx.Response(202, json={"task_id": f"t{len(bodies)}"})

    with client_for(handler) as client:
        assert client.refresh_assets([f"a{i}" for i in range(11)]) == ["t1", "t2"]
    assert [len(b["asset_id_list"]) for b in bodies] == [10, 1]
    assert "SK" not in repr(client)
