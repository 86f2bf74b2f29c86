"""RefreshMediaPlayUrls options: refused locally (no request spent) and sent as the API spells them."""

from __future__ import annotations

import httpx
import pytest

from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshOptions
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import InvalidParameterError

ANSWER = {"RequestId": "R", "MediaRefreshJobId": "j1", "NonExistMediaIds": "b,c", "ForbiddenMediaIds": ""}


def recording_client(sent: list[httpx.Request]) -> VodClient:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=ANSWER)

    transport = httpx.MockTransport(answer)
    # A Beijing account: media ids are regional, so media refresh goes to the account's own endpoint.
    return VodClient(
        "LTAItest", "secret", region="cn-beijing", retry=RetryPolicy(max_attempts=1), transport=transport
    )


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (MediaRefreshOptions(task_type="Purge"), "InvalidTaskType"),
        (MediaRefreshOptions(formats=("mp4", "avi")), "InvalidFormats"),
        (MediaRefreshOptions(stream_types=("subtitle",)), "InvalidStreamType"),
        (MediaRefreshOptions(result_type="All"), "InvalidResultType"),
        (MediaRefreshOptions(slice_flag=True, slice_count=0), "InvalidSliceCount"),
        (MediaRefreshOptions(slice_flag=True, slice_count=21), "InvalidSliceCount"),
    ],
)
def test_bad_options_spend_no_request(options: MediaRefreshOptions, code: str) -> None:
    sent: list[httpx.Request] = []
    with recording_client(sent) as vod, pytest.raises(InvalidParameterError) as caught:
        vod.refresh_media_play_urls_batched(["a"] * 3 + [f"v{i}" for i in range(30)], options)
    assert caught.value.service_code == code and sent == []


def test_options_on_the_wire_and_the_answer_parsed() -> None:
    sent: list[httpx.Request] = []
    options = MediaRefreshOptions(
        task_type="Preload", formats=("mp4", "m3u8"), definitions=("HD", "SD"), stream_types=("video",),
        result_type="Multiple", slice_flag=True, slice_count=4, user_data='{"Extend":{"k":"v"}}',
    )  # fmt: skip
    with recording_client(sent) as vod:
        result = vod.refresh_media_play_urls(["a", "b", "a", "c"], options)
    params = sent[0].url.params
    assert sent[0].headers["x-acs-action"] == "RefreshMediaPlayUrls"
    assert sent[0].url.host == "vod.cn-beijing.aliyuncs.com"
    assert (params["MediaIds"], params["TaskType"], params["Formats"]) == ("a,b,c", "Preload", "mp4,m3u8")
    assert (params["Definitions"], params["StreamType"], params["ResultType"]) == (
        "HD,SD",
        "video",
        "Multiple",
    )
    assert (params["SliceFlag"], params["SliceCount"], params["UserData"]) == (
        "true",
        "4",
        '{"Extend":{"k":"v"}}',
    )
    assert result.non_exist_media_ids == ["b", "c"] and result.accepted_media_ids == ["a"]
    assert options.slices == 4 and MediaRefreshOptions(slice_flag=True).slices == 5
    assert MediaRefreshOptions(slice_count=9).slices == 0  # the count alone does nothing


def test_slice_count_without_the_flag_is_not_sent() -> None:
    sent: list[httpx.Request] = []
    with recording_client(sent) as vod:
        vod.refresh_media_play_urls(["a"], MediaRefreshOptions(slice_count=3))
    assert "SliceCount" not in sent[0].url.params and "SliceFlag" not in sent[0].url.params


def test_comma_list_reads_strings_and_lists() -> None:
    assert p.comma_list({"TaskIds": "1, 2,,3"}, "TaskIds") == ["1", "2", "3"]
    assert p.comma_list({"TaskIds": ["1", "2,3"]}, "TaskIds") == ["1", "2", "3"]
    assert p.comma_list({}, "TaskIds") == []
