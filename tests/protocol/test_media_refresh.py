"""Refresh/prefetch by video id: VodClient and vodstudio.cdn.media_refresh against the sandbox over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.protocol.media_refresh_helpers import add_video, cdn_url, open_client
from vodstudio.cdn.media_refresh import (
    estimate_media_refresh,
    media_refresh_status,
    submit_media_refresh,
    wait_media_refresh,
)
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshOptions
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.cdn import CdnTaskStatus
from vodstudio.core.errors import InvalidParameterError, QuotaExceededError, ThrottledError
from vodstudio.sandbox import quota


@pytest.fixture
def vod(sandbox: Any) -> Iterator[VodClient]:
    with open_client(sandbox) as client:
        yield client


def test_refresh_estimate_matches_what_the_service_spends(sandbox: Any, vod: VodClient) -> None:
    sandbox.state.update_config({"cdn_task_delay": 3600})  # tasks run until the sandbox clock moves
    mp4_only = add_video(sandbox)
    with_hls = add_video(sandbox, hls_segments=8)
    busy = add_video(sandbox, status="Transcoding")
    missing = "0" * 32
    options = MediaRefreshOptions(slice_flag=True, slice_count=3)
    estimate = estimate_media_refresh(vod, [mp4_only, with_hls, busy, missing], options)
    assert estimate.urls[mp4_only] == [
        cdn_url(sandbox, f"sv/{mp4_only}/{mp4_only}.mp4")
    ]  # LD and SD share it
    assert estimate.cost_by_media == {mp4_only: 1, with_hls: 1 + 1 + 3}
    assert estimate.skipped == {busy: "Forbidden.IllegalStatus", missing: "InvalidVideo.NotFound"}
    assert (estimate.cost, estimate.remaining, estimate.fits) == (6, 2000, True)

    (submission,) = submit_media_refresh(vod, estimate)
    assert submission.non_exist_media_ids == [missing] and submission.forbidden_media_ids == []
    assert vod.describe_vod_refresh_quota().url_remain == 2000 - estimate.cost

    running = {o.media_id: o for o in media_refresh_status(vod, [submission])}
    assert running[mp4_only].status is CdnTaskStatus.RUNNING
    assert len(running[with_hls].tasks) == 5
    hls_base = cdn_url(sandbox, f"sv/{with_hls}/hls")
    assert {task.item for task in running[with_hls].tasks} >= {f"{hls_base}/seg-0000{i}.ts" for i in range(3)}
    assert (running[busy].status, running[busy].error_code) == (
        CdnTaskStatus.FAILED,
        "Forbidden.IllegalStatus",
    )
    assert (running[missing].status, running[missing].error_code) == (
        CdnTaskStatus.FAILED,
        "InvalidVideo.NotFound",
    )

    sandbox.state.clock_offset += 3601
    done = {o.media_id: o for o in wait_media_refresh(vod, [submission], interval=0.01)}
    assert done[mp4_only].status is CdnTaskStatus.SUCCEEDED
    assert done[with_hls].status is CdnTaskStatus.SUCCEEDED and len(done[with_hls].succeeded_urls) == 5


def test_prefetch_counts_slices_as_an_upper_bound_and_reports_failed_urls(
    sandbox: Any, vod: VodClient
) -> None:
    video = add_video(sandbox, hls_segments=8, stored_segments=5)
    options = MediaRefreshOptions(task_type="Preload", formats=("m3u8",), slice_flag=True, slice_count=20)
    estimate = estimate_media_refresh(vod, [video], options)
    assert (estimate.cost, estimate.remaining) == (1 + 20, 500)  # the playlist is not read beforehand
    submissions = submit_media_refresh(vod, estimate)
    assert vod.describe_vod_refresh_quota().preload_remain == 500 - (1 + 8)  # what it really named
    (job,) = vod.get_media_refresh_jobs(submissions[0].job_id)
    assert job.succeeded and job.task_type == "Preload" and len(job.task_ids) == 9
    assert json.loads(job.filter_policy)["Formats"] == "m3u8"
    (outcome,) = wait_media_refresh(vod, submissions, interval=0.05)
    assert outcome.status is CdnTaskStatus.FAILED
    base = cdn_url(sandbox, f"sv/{video}/hls")
    assert sorted(outcome.failed_urls) == [f"{base}/seg-0000{i}.ts" for i in (5, 6, 7)]
    assert {t.description for t in outcome.tasks if t.status is CdnTaskStatus.FAILED} == {
        "Origin Return StatusCode 404"
    }


def test_filters_definitions_and_stream_types(sandbox: Any, vod: VodClient) -> None:
    video = add_video(sandbox, definitions=("LD",), hls_segments=2)
    only_hd = vod.refresh_media_play_urls([video], MediaRefreshOptions(definitions=("HD",)))
    (job,) = vod.get_media_refresh_jobs(only_hd.job_id, media_id=video)
    assert job.success_play_urls == [cdn_url(sandbox, f"sv/{video}/hls/{video}.m3u8")]
    audio = vod.refresh_media_play_urls([video], MediaRefreshOptions(stream_types=("audio",)))
    (none,) = vod.get_media_refresh_jobs(audio.job_id)
    assert (none.failed, none.error_code, none.task_ids) == (True, "InvalidVideo.NoneStream", [])
    assert vod.get_media_refresh_jobs("f" * 16) == []


def test_more_than_20_ids_go_in_calls_of_20(sandbox: Any, vod: VodClient) -> None:
    ids = [add_video(sandbox, definitions=("SD",)) for _ in range(45)]
    with pytest.raises(InvalidParameterError) as local:
        vod.refresh_media_play_urls(ids)
    assert (local.value.service_code, local.value.http_status) == ("MediaIdsExceededMax", 0)
    submissions = vod.refresh_media_play_urls_batched(ids)
    assert [len(s.media_ids) for s in submissions] == [20, 20, 5]
    assert len({s.job_id for s in submissions}) == 3
    outcomes = media_refresh_status(vod, submissions)
    assert [o.media_id for o in outcomes] == ids


def test_service_errors(sandbox: Any, vod: VodClient) -> None:
    video = add_video(sandbox)
    base = {"MediaIds": video, "TaskType": "Refresh"}
    cases = [
        ({"MediaIds": ",".join(["a"] * 21)}, "MediaIdsExceededMax"),
        ({"Formats": "mp4,avi"}, "InvalidParameter"),
        ({"SliceFlag": "true", "SliceCount": "21"}, "InvalidParameter"),
        ({"TaskType": "Purge"}, "InvalidParameter"),
        ({"StreamType": "subtitle"}, "InvalidParameter"),
        ({"ResultType": "All"}, "InvalidParameter"),
        ({"UserData": "not json"}, "InvalidParameter"),
    ]
    for change, code in cases:
        with pytest.raises(InvalidParameterError) as caught:
            vod.call("RefreshMediaPlayUrls", {**base, **change})
        assert (caught.value.http_status, caught.value.service_code) == (400, code), change
    with pytest.raises(InvalidParameterError) as missing:
        vod.call("GetMediaRefreshJobs", {})
    assert missing.value.service_code == "MissingParameter"
    assert vod.describe_vod_refresh_quota().url_remain == 2000  # no failed call spent quota


def test_quota_is_checked_locally_and_by_the_service(sandbox: Any, vod: VodClient) -> None:
    video = add_video(sandbox, hls_segments=4)
    with sandbox.state.db() as conn:
        assert quota.consume(sandbox.state, conn, "aliyun", "url", 1998, 2000)
    estimate = estimate_media_refresh(vod, [video], MediaRefreshOptions())
    assert (estimate.cost, estimate.remaining, estimate.fits) == (2, 2, True)
    slices = estimate_media_refresh(vod, [video], MediaRefreshOptions(slice_flag=True))
    assert (slices.cost, slices.fits) == (2 + 5, False)
    with pytest.raises(QuotaExceededError) as local:
        submit_media_refresh(vod, slices)
    assert local.value.http_status == 0 and "7" in local.value.message
    with pytest.raises(QuotaExceededError) as remote:
        submit_media_refresh(vod, slices, allow_over_quota=True)
    assert (remote.value.http_status, remote.value.service_code) == (400, "QuotaExceeded.Refresh")
    assert vod.describe_vod_refresh_quota().url_remain == 2  # all or nothing


def test_throttling_is_503_and_retried(sandbox: Any, vod: VodClient) -> None:
    video = add_video(sandbox)
    sandbox.state.update_faults({"throttle_burst": 1})
    assert vod.refresh_media_play_urls([video]).job_id  # the client's retry absorbed one Throttling
    sandbox.state.update_faults({"throttle_burst": 10})
    with pytest.raises(ThrottledError) as caught:
        vod.get_media_refresh_jobs("f" * 16)
    assert (caught.value.http_status, caught.value.service_code) == (503, "Throttling")
