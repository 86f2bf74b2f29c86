"""The API reference's own sample responses, verbatim, through VodClient (MockTransport only).

The samples put a bare string (or a JSON array inside a string) where the models promise a list; a delete
that succeeded must not turn into an error because of that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy

SAMPLES = Path(__file__).with_name("reference_samples")
SNAPSHOTS = [
    "http://image.example.com/snapshot/****.jpg? auth_key=1498476426-0-0-f00b9455c49a423ce69cf4e273334f52",
    "http://image.example.com/snapshot/****.jpg?auth_key=1498476426-0-0-f00b9455c49a423ce69cf4e272434f52",
]


def sample_client(action: str) -> VodClient:
    """A client whose every call is answered with the reference's sample for ``action``."""
    body = (SAMPLES / f"{action}.json").read_bytes()

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["x-acs-action"] == action  # ACS3: the action travels as a header
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return VodClient(
        "LTAItest", "secret-value", retry=RetryPolicy(max_attempts=1), transport=httpx.MockTransport(answer)
    )


def test_delete_video_sample_reads_bare_strings_as_one_item_lists() -> None:
    with sample_client("DeleteVideo") as vod:
        result = vod.delete_video(["73ab850b4f6f4*****b6e91d24d81d5", "93ab850b4f6f*****4b6e91d24d81d4"])
    assert result.non_exist_ids == ["73ab850b4f6f4*****b6e91d24d81d5"]
    assert result.forbidden_ids == ["93ab850b4f6f*****4b6e91d24d81d4"]


def test_delete_mezzanines_sample() -> None:
    with sample_client("DeleteMezzanines") as vod:
        result = vod.delete_mezzanines(["23ab850b4f6*****54b6e91d24d8157", "93ab850b4f6f4*****b6e91d24d81d4"])
    assert result.non_exist_ids == ["93ab850b4f6f4*****b6e91d24d81d4"]
    assert result.forbidden_ids == ["23ab850b4f6f44*****b6e91d24d8157"]


def test_get_video_infos_sample_reads_a_json_array_inside_a_string() -> None:
    with sample_client("GetVideoInfos") as vod:
        infos = vod.get_video_infos(["7753d144efd*****8e649c6c45fe0579", "7753d144efd74d*****6c45fe0570"])
    assert infos.non_exist_video_ids == ["b4039216985f43*****82a4ed2884"]
    first = infos.videos[0]
    assert (first.video_id, first.size, first.duration, first.cate_id) == (
        "93ab850b4f6f44*****6e91d24d81d4",
        453,
        120.0,
        78,
    )
    assert first.tags == ["Tag 1", "Tag 2"]
    # The third entry's snapshot list is a string holding an abbreviated ("...") JSON array.
    assert infos.videos[2].snapshots == SNAPSHOTS


def test_get_video_info_sample_reads_a_wrapped_string_snapshot_list() -> None:
    with sample_client("GetVideoInfo") as vod:
        video = vod.get_video_info("9b73864d75f1*****d231e9001cd5f8")
    assert video.video_id == "9b73864d75f1*****d231e9001cd5f8"
    assert (video.size, video.cate_id, video.status) == (10897890, 781111, "Normal")
    assert video.snapshots == SNAPSHOTS


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, []),
        ("", []),
        ([], []),
        (["a", "b"], ["a", "b"]),
        ("a", ["a"]),
        (7, [7]),
        ({"VideoId": "a"}, [{"VideoId": "a"}]),
        ('["a","b"]', ["a", "b"]),
        ('["a", "b", ...]', ["a", "b"]),
        ("[not json", ["[not json"]),
    ],
)
def test_as_list_shapes(value: Any, expected: list[Any]) -> None:
    assert p.as_list(value) == expected


def test_items_unwraps_one_wrapped_object_or_value() -> None:
    assert p.items({"Tasks": {"Task": {"TaskId": "1"}}}, "Tasks", "Task") == [{"TaskId": "1"}]
    assert p.strings({"NonExistImageIds": {"ImageId": "i1"}}, "NonExistImageIds", "ImageId") == ["i1"]
    assert p.items({"Tasks": {}}, "Tasks", "Task") == []


def test_get_media_refresh_jobs_sample() -> None:
    with sample_client("GetMediaRefreshJobs") as vod:
        (job,) = vod.get_media_refresh_jobs("41d465e31957****")
    assert (job.job_id, job.media_id, job.task_type, job.succeeded) == (
        "41d465e31957****",
        "ca3a8f6e4957b658067095869****",
        "Preload",
        True,
    )
    assert job.success_play_urls == [
        "https://shenzhen.****.aliyuncdn.com/74401a4f546007bf845cd8840****.m3u8",
        "https://shenzhen.****.aliyuncdn.com/24041e7d13582d86604d8****.m3u8",
    ]
    assert job.task_ids == ["70422****", "9524****"]
    assert (job.error_code, job.error_message) == (
        "PreloadQueueFull",
        "Preload queue is full, please try again later!",
    )
    assert job.created is not None and job.created.year == 2022
