"""Fuzzed answers (hypothesis): whatever a server sends, the parsers raise our typed errors, never a crash.

A ``TypeError``/``KeyError``/``AttributeError`` escaping a parser would fail a job as ``internal`` (or
kill a GUI worker); the contract is a ``VodStudioError`` (malformed answer, service error) or a value.
"""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.credentials import decode_upload_address, decode_upload_auth
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import MalformedResponseError, VodStudioError

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
KEYS = [
    "RequestId", "VideoId", "UploadAddress", "UploadAuth", "Video", "Mezzanine", "FileURL", "Status",
    "Title", "Size", "Duration", "PlayInfoList", "PlayInfo", "VideoBase", "MediaList", "Total", "ImageId",
    "ImageURL", "MediaId", "MediaURL", "Code", "Message", "CateId", "Tags", "CreationTime", "Snapshots",
]  # fmt: skip
CREDENTIAL_KEYS = [
    "AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration", "ExpireUTCTime", "Region", "Endpoint",
    "Bucket", "FileName",
]  # fmt: skip
answers = st.dictionaries(st.sampled_from(KEYS), values, max_size=10) | values


def _client(body: bytes, status: int) -> VodClient:
    transport = httpx.MockTransport(lambda _request: httpx.Response(status, content=body))
    return VodClient(
        "id", "secret", endpoint="http://127.0.0.1:9", transport=transport, retry=RetryPolicy.never()
    )


CALLS: list[Callable[[VodClient], Any]] = [
    lambda c: c.create_upload_video("t", "a.mp4"),
    lambda c: c.refresh_upload_video("v"),
    lambda c: c.get_video_info("v"),
    lambda c: c.get_mezzanine_info("v"),
    lambda c: c.get_play_info("v"),
    lambda c: c.search_media(),
    lambda c: c.get_categories(),
]


@FUZZ
@given(answer=answers, status=st.sampled_from([200, 200, 400, 404, 500, 503]), which=st.integers(0, 6))
def test_vod_answers_of_any_shape(answer: Any, status: int, which: int) -> None:
    with _client(json.dumps(answer).encode(), status) as client, contextlib.suppress(VodStudioError):
        CALLS[which](client)  # anything but our typed errors fails the example


@FUZZ
@given(body=st.binary(max_size=300), which=st.integers(0, 6))
def test_vod_answers_of_any_bytes(body: bytes, which: int) -> None:
    with _client(body, 200) as client, contextlib.suppress(VodStudioError):
        CALLS[which](client)


@pytest.fixture(scope="module")
def real_answers(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The sandbox's real answer to each call (one uploaded video): the seeds that get mutated."""
    from vodstudio.sandbox.server import Sandbox
    from vodstudio.sandbox.state import SandboxConfig

    recorded: list[dict[str, Any]] = []
    with Sandbox(tmp_path_factory.mktemp("fuzz-sandbox"), SandboxConfig(upload_succ_delay=0)) as box:
        real = httpx.HTTPTransport()

        def record(request: httpx.Request) -> httpx.Response:
            answer = real.handle_request(request)
            answer.read()
            recorded.append(json.loads(answer.content))
            return answer

        info = box.info
        with VodClient(info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint,
                       transport=httpx.MockTransport(record)) as client:  # fmt: skip
            ticket = client.create_upload_video("t", "a.mp4")
            answers = [recorded[-1]]
            for call in CALLS[1:]:
                with contextlib.suppress(VodStudioError):
                    call(_Named(client, ticket.media_id))
                answers.append(recorded[-1])
        real.close()
    return answers


class _Named:
    """Calls the lambdas of ``CALLS`` with the real video id instead of ``"v"``."""

    def __init__(self, client: VodClient, video_id: str) -> None:
        self._client, self._id = client, video_id

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._client, name)
        return lambda *a, **kw: method(*[self._id if x == "v" else x for x in a], **kw)


def _mutate(data: st.DataObject, value: Any, depth: int = 0) -> Any:
    """One random change somewhere inside a real answer: a value replaced, a key dropped, a type flipped."""
    if isinstance(value, dict) and value and depth < 6:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["descend", "replace", "drop"]))
        if action == "drop":
            return {k: v for k, v in value.items() if k != key}
        new = _mutate(data, value[key], depth + 1) if action == "descend" else data.draw(values)
        return {**value, key: new}
    if isinstance(value, list) and value and depth < 6:
        index = data.draw(st.integers(0, len(value) - 1))
        return [*value[:index], _mutate(data, value[index], depth + 1), *value[index + 1 :]]
    if isinstance(value, str) and value[:3] == "eyJ":  # base64 JSON (UploadAddress, UploadAuth)
        inner = json.loads(base64.b64decode(value))
        return _b64(_mutate(data, inner, depth + 1))
    return data.draw(values)


@FUZZ
@given(data=st.data(), which=st.integers(0, 6), times=st.integers(1, 3))
def test_real_answers_mutated(
    real_answers: list[dict[str, Any]], data: st.DataObject, which: int, times: int
) -> None:
    answer: Any = real_answers[which]
    for _ in range(times):
        answer = _mutate(data, answer)
    with _client(json.dumps(answer).encode(), 200) as client, contextlib.suppress(VodStudioError):
        CALLS[which](client)


def _b64(value: Any) -> str:
    return base64.b64encode(json.dumps(value).encode()).decode()


@FUZZ
@given(
    payload=st.one_of(answers, st.dictionaries(st.sampled_from(CREDENTIAL_KEYS), values, max_size=9)),
    raw=st.text(max_size=60),
    as_b64=st.booleans(),
)
def test_upload_credentials_of_any_shape(payload: Any, raw: str, as_b64: bool) -> None:
    text = _b64(payload) if as_b64 else raw
    for decode in (lambda t: decode_upload_auth(t, 0.0), decode_upload_address):
        with contextlib.suppress(MalformedResponseError):
            decode(text)
