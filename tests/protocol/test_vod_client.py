"""Every VodClient operation against the live sandbox over real HTTP on loopback."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.models import UploadTicket
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import (
    AuthError,
    InvalidParameterError,
    NotFoundError,
    ServerSideError,
    ThrottledError,
)
from vodstudio.sandbox import oss_store

SAMPLE = Path(__file__).resolve().parents[2] / "vodstudio" / "sandbox" / "assets" / "sample.mp4"
FAST_RETRY = RetryPolicy(max_attempts=4, base_delay=0.01, max_delay=0.05, jitter=lambda cap: cap)


class CountingTransport(httpx.BaseTransport):
    """A real HTTP transport that remembers the Action of every request it sent."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.actions: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.actions.append(request.headers.get("x-acs-action") or request.url.params.get("Action", ""))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()

    def count(self, action: str) -> int:
        return self.actions.count(action)


@pytest.fixture
def wire() -> CountingTransport:
    return CountingTransport()


@pytest.fixture
def vod(sandbox: Any, wire: CountingTransport) -> Iterator[VodClient]:
    info = sandbox.info
    with VodClient(
        info.access_key_id,
        info.access_key_secret,
        endpoint=info.vod_endpoint,
        retry=FAST_RETRY,
        transport=wire,
        timeout=10.0,
    ) as client:
        yield client


def put_object(ticket: UploadTicket, data: bytes) -> None:
    """Upload with the ticket's STS credential, as the upload engine does (oss2, path-style on an IP)."""
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret, ticket.auth.security_token)
    bucket = oss2.Bucket(auth, ticket.address.endpoint, ticket.address.bucket)
    bucket.put_object(ticket.address.file_name, data)


def wait_status(vod: VodClient, video_id: str, status: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while vod.get_video_info(video_id).status != status:
        assert time.monotonic() < deadline, f"video never became {status}"
        time.sleep(0.1)


def insert_videos(sandbox: Any, count: int, *, prefix: str = "bulk", start: float | None = None) -> list[str]:
    """Media rows straight into the sandbox DB (fast path for window/iterator tests)."""
    base = time.time() - count - 10 if start is None else start
    rows = [(uuid.uuid4().hex, "video", f"{prefix} {i}", "Normal", base + i, base + i) for i in range(count)]
    with sandbox.state.db() as conn:
        conn.executemany(
            "INSERT INTO media (media_id, media_type, title, status, created_at, modified_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    return [row[0] for row in rows]


# ---- uploads ------------------------------------------------------------------------------------
def test_video_upload_lifecycle_play_mezzanine_and_deletes(sandbox: Any, vod: VodClient) -> None:
    ticket = vod.create_upload_video("测试 video", "clip.mp4", file_size=4096, tags=["a", "b"], cate_id=None)
    assert ticket.request_id and ticket.auth.security_token and ticket.address.file_name.endswith(".mp4")
    assert ticket.auth.seconds_left() > 0
    refreshed = vod.refresh_upload_video(ticket.media_id)
    assert refreshed.address == ticket.address
    assert refreshed.auth.access_key_id != ticket.auth.access_key_id
    put_object(refreshed, b"\0" * 4096)
    wait_status(vod, ticket.media_id, "Normal")
    video = vod.get_video_info(ticket.media_id)
    assert video.title == "测试 video" and video.tags == ["a", "b"] and video.creation_time is not None

    play = vod.get_play_info(ticket.media_id)
    assert play.video_base.video_id == ticket.media_id and play.streams
    assert sandbox.info.cdn_domain in play.streams[0].play_url
    mezz = vod.get_mezzanine_info(ticket.media_id, output_type="oss", auth_timeout=600)
    assert mezz.size == 4096 and mezz.file_url

    vod.delete_stream(ticket.media_id, [play.streams[0].job_id])
    remaining = (
        {s.job_id for s in vod.get_play_info(ticket.media_id).streams} if len(play.streams) > 1 else set()
    )
    assert play.streams[0].job_id not in remaining
    kept = vod.delete_mezzanines([ticket.media_id, "0" * 32], force=True)
    assert kept.non_exist_ids == ["0" * 32]
    result = vod.delete_video([ticket.media_id])
    assert result.non_exist_ids == []
    with pytest.raises(NotFoundError):
        vod.get_video_info(ticket.media_id)


def test_image_upload_info_update_delete(vod: VodClient) -> None:
    ticket = vod.create_upload_image(image_ext="png", title="cover", tags=["x"])
    assert ticket.media_url and ticket.file_url
    put_object(ticket, b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    missing = vod.update_image_infos(
        [{"ImageId": ticket.media_id, "Title": "renamed"}, {"ImageId": "f" * 32}]
    )
    assert missing == ["f" * 32]
    info = vod.get_image_info(ticket.media_id, output_type="cdn")
    assert info.title == "renamed" and info.image_id == ticket.media_id
    vod.delete_image(image_ids=[ticket.media_id])
    with pytest.raises(NotFoundError):
        vod.get_image_info(ticket.media_id)


def test_attached_media_ticket_and_delete(vod: VodClient) -> None:
    ticket = vod.create_upload_attached_media(business_type="subtitle", media_ext="vtt", title="zh")
    assert ticket.media_id and ticket.address.file_name.endswith(".vtt") and ticket.media_url
    assert vod.delete_attached_media([ticket.media_id, "0" * 32]) == ["0" * 32]
    assert vod.delete_attached_media([ticket.media_id]) == [ticket.media_id]


def test_reference_id_makes_create_idempotent(vod: VodClient) -> None:
    first = vod.create_upload_video("take one", "a.mp4", reference_id="job-0123456789")
    with pytest.raises(InvalidParameterError) as again:
        vod.create_upload_video("take one", "a.mp4", reference_id="job-0123456789")
    assert again.value.http_status == 400  # the service refused it, not a local check
    refreshed = vod.refresh_upload_video(reference_id="job-0123456789")
    assert refreshed.media_id == first.media_id
    assert refreshed.address == first.address


def test_url_pull_split_by_20_and_infos_split_by_10(vod: VodClient, wire: CountingTransport) -> None:
    urls = [f"http://example.com/v/{i}.mp4" for i in range(25)]
    jobs = vod.upload_media_by_url(urls, metadatas=[{"SourceURL": urls[0], "Title": "first"}])
    assert wire.count("UploadMediaByURL") == 2
    assert {job.source_url for job in jobs} == set(urls)
    infos = vod.get_url_upload_infos(job_ids=[job.job_id for job in jobs[:12]] + ["nope1", "nope2"])
    assert wire.count("GetURLUploadInfos") == 2
    assert len(infos.infos) == 12 and sorted(infos.non_exists) == ["nope1", "nope2"]
    by_url = vod.get_url_upload_infos(upload_urls=urls[:3])
    assert {info.upload_url for info in by_url.infos} == set(urls[:3])


def test_url_pull_metadata_applies_to_urls_with_spaces_cjk_and_commas(sandbox: Any, vod: VodClient) -> None:
    """The service applies an UploadMetadata only when its SourceURL is the UploadURLs string itself."""
    sandbox.state.update_config({"url_pull_delay": 0.05})
    key = "pull/my clip,第一集.mp4"
    with sandbox.state.db() as conn:
        oss_store.put_bytes(sandbox.state, conn, sandbox.info.bucket, key, SAMPLE.read_bytes(), "video/mp4")
    url = f"{sandbox.info.cdn_base_url}/{key}"
    meta = {"SourceURL": url, "Title": "第一集 metadata title", "Description": "from UploadMetadatas"}
    (job,) = vod.upload_media_by_url([url], metadatas=[meta])
    deadline = time.monotonic() + 10
    while (info := vod.get_url_upload_infos(job_ids=[job.job_id]).infos[0]).status != "SUCCESS":
        assert "FAIL" not in info.status, info.error_message
        assert time.monotonic() < deadline, f"pull stuck in {info.status}"
        time.sleep(0.05)
    video = vod.get_video_info(info.media_id)
    assert (video.title, video.description) == ("第一集 metadata title", "from UploadMetadatas")


def test_register_media_split_by_10(sandbox: Any, vod: VodClient, wire: CountingTransport) -> None:
    bucket = sandbox.info.bucket
    metas = [
        {"FileURL": f"{sandbox.info.oss_endpoint}/{bucket}/reg/{i}.mp4", "Title": f"reg {i}"}
        for i in range(12)
    ]
    result = vod.register_media(metas, template_group_id="VOD_NO_TRANSCODE")
    assert wire.count("RegisterMedia") == 2
    assert len(result.registered) + len(result.failed_file_urls) == 12


# ---- library ------------------------------------------------------------------------------------
def test_get_video_infos_45_ids_three_calls(sandbox: Any, vod: VodClient, wire: CountingTransport) -> None:
    ids = insert_videos(sandbox, 40)
    missing = [uuid.uuid4().hex for _ in range(5)]
    infos = vod.get_video_infos(ids + missing)
    assert wire.count("GetVideoInfos") == 3
    assert {v.video_id for v in infos.videos} == set(ids)
    assert sorted(infos.non_exist_video_ids) == sorted(missing)


def test_update_and_delete_in_batches(sandbox: Any, vod: VodClient, wire: CountingTransport) -> None:
    ids = insert_videos(sandbox, 25)
    vod.update_video_info(
        ids[0], title="单个", description="d", tags=["t1"], user_data={"Extend": {"k": "v"}}
    )
    assert vod.get_video_info(ids[0]).title == "单个"
    result = vod.update_video_infos(
        [{"VideoId": i, "Title": f"new {i[:4]}"} for i in ids] + [{"VideoId": "0" * 32}]
    )
    assert wire.count("UpdateVideoInfos") == 2 and result.non_exist_ids == ["0" * 32]
    assert vod.get_video_info(ids[24]).title == f"new {ids[24][:4]}"
    deleted = vod.delete_video([*ids, "1" * 32])
    assert wire.count("DeleteVideo") == 2 and deleted.non_exist_ids == ["1" * 32]
    assert vod.get_video_infos(ids[:3]).non_exist_video_ids == ids[:3]


def test_local_validation_spends_no_request(vod: VodClient, wire: CountingTransport) -> None:
    with pytest.raises(InvalidParameterError) as tags:
        vod.create_upload_video("t", "a.mp4", tags=[f"t{i}" for i in range(17)])
    assert tags.value.service_code == "TagsExceededMax"
    with pytest.raises(InvalidParameterError):
        vod.create_upload_video("x" * 129, "a.mp4")
    with pytest.raises(InvalidParameterError):  # 43 CJK characters are 129 UTF-8 bytes
        vod.create_upload_video("视" * 43, "a.mp4")
    with pytest.raises(InvalidParameterError):
        vod.create_upload_video("t", "no-extension")
    with pytest.raises(InvalidParameterError):
        vod.update_video_info("v", title="🎬")
    assert wire.actions == []


def test_search_iterates_past_5000_with_scroll_token(
    sandbox: Any, vod: VodClient, wire: CountingTransport
) -> None:
    ids = insert_videos(sandbox, 5200)
    page = vod.search_media(match="Title = 'bulk'", fields=["Title"], page_size=20)
    assert page.total == 5200 and len(page.items) == 20 and page.scroll_token
    assert page.items[0].video is not None and page.items[0].media_type == "video"
    seen = [item.media_id for item in vod.iter_search_media(match="Title = 'bulk'", fields="Title")]
    assert len(seen) == 5200 and set(seen) == set(ids)
    assert wire.count("SearchMedia") == 1 + 52


def test_video_list_iterates_past_5000_by_narrowing_time(sandbox: Any, vod: VodClient) -> None:
    ids = insert_videos(sandbox, 5150)
    page = vod.get_video_list(page_size=5, sort_by="CreationTime:Asc", status=["Normal"])
    assert page.total == 5150 and len(page.videos) == 5
    seen = [video.video_id for video in vod.iter_video_list(status="Normal")]
    assert len(seen) == 5150 and set(seen) == set(ids)


def test_categories(sandbox: Any, vod: VodClient) -> None:
    with sandbox.state.db() as conn:
        conn.execute(
            "INSERT INTO categories (cate_id, cate_name, parent_id, level) VALUES (101, '电影', -1, 0)"
        )
        conn.execute(
            "INSERT INTO categories (cate_id, cate_name, parent_id, level) VALUES (102, 'Sci-fi', 101, 1)"
        )
    top = vod.get_categories()
    assert top.category is None and any(c.cate_id == 101 and c.cate_name == "电影" for c in top.subcategories)
    child = vod.get_categories(cate_id=101)
    assert child.category is not None and child.category.cate_id == 101
    assert [c.cate_id for c in child.subcategories] == [102] and child.total == 1


# ---- CDN --------------------------------------------------------------------------------------------
def test_refresh_preload_tasks_and_quota(sandbox: Any, vod: VodClient) -> None:
    domain = sandbox.info.cdn_domain
    before = vod.describe_vod_refresh_quota()
    assert before.url_quota == 2000 and before.preload_quota == 500
    file_tasks = vod.refresh_vod_object_caches([f"http://{domain}/a.mp4", f"http://{domain}/b.mp4"])
    dir_tasks = vod.refresh_vod_object_caches(f"http://{domain}/dir/", object_type="Directory")
    preload = vod.preload_vod_object_caches([f"http://{domain}/a.mp4"], area="domestic")
    assert file_tasks and dir_tasks and preload
    after = vod.describe_vod_refresh_quota()
    assert after.url_remain == before.url_remain - 2
    assert after.dir_remain == before.dir_remain - 1
    assert after.preload_remain == before.preload_remain - 1
    page = vod.describe_vod_refresh_tasks(task_id=file_tasks[0])
    assert page.total >= 1 and all(task.task_id == file_tasks[0] for task in page.tasks)
    assert page.tasks[0].status in ("Refreshing", "Complete") and page.tasks[0].creation_time is not None
    preloads = vod.describe_vod_refresh_tasks(object_type="preload", domain_name=domain)
    assert [t.task_id for t in preloads.tasks] == preload
    with pytest.raises(InvalidParameterError):
        vod.describe_vod_refresh_tasks(status="Complete")  # ObjectType required: checked locally


def test_traffic_bps_and_logs(sandbox: Any, vod: VodClient) -> None:
    domain = sandbox.info.cdn_domain
    end = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    start = end - dt.timedelta(hours=6)
    traffic = vod.describe_vod_domain_traffic_data(domain, start_time=start, end_time=end, interval=3600)
    assert traffic.interval_s == 3600 and len(traffic.points) >= 5
    assert all(point.timestamp.tzinfo is not None for point in traffic.points)
    assert traffic.total == pytest.approx(sum(p.value for p in traffic.points), rel=1e-6)
    bps = vod.describe_vod_domain_bps_data(domain, start_time=start, end_time=end)
    assert bps.interval_s == 300 and bps.total == max(p.value for p in bps.points)
    logs = vod.describe_vod_domain_log(domain, start_time=end - dt.timedelta(days=2), end_time=end)
    assert logs.total == len(logs.logs)
    for log in logs.logs:
        assert log.name.endswith(".gz") and log.path and log.start_time is not None


# ---- errors and retries over the wire ----------------------------------------------------------------
def test_wrong_secret_is_auth_error_and_not_retried(sandbox: Any, wire: CountingTransport) -> None:
    info = sandbox.info
    bad = VodClient(info.access_key_id, "wrong", endpoint=info.vod_endpoint, retry=FAST_RETRY, transport=wire)
    with bad, pytest.raises(AuthError) as caught:
        bad.describe_vod_refresh_quota()
    assert caught.value.service_code == "SignatureDoesNotMatch" and caught.value.request_id
    assert "wrong" not in str(caught.value)
    assert len(wire.actions) == 1


def test_unknown_key_is_auth_error(sandbox: Any) -> None:
    bad = VodClient("LTAInobody", "x", endpoint=sandbox.info.vod_endpoint, retry=FAST_RETRY)
    with bad, pytest.raises(AuthError) as caught:
        bad.get_video_info("v")
    assert caught.value.service_code.startswith("InvalidAccessKeyId")


def test_throttling_burst_is_retried_to_success(
    sandbox: Any, vod: VodClient, wire: CountingTransport
) -> None:
    sandbox.state.update_faults({"throttle_burst": 2})
    quota = vod.describe_vod_refresh_quota()
    assert quota.url_quota == 2000
    assert wire.count("DescribeVodRefreshQuota") == 3


def test_throttling_longer_than_the_policy_surfaces(sandbox: Any, vod: VodClient) -> None:
    sandbox.state.update_faults({"throttle_burst": 10})
    with pytest.raises(ThrottledError):
        vod.describe_vod_refresh_quota()


def test_injected_5xx_is_retried_then_surfaces(sandbox: Any, vod: VodClient, wire: CountingTransport) -> None:
    sandbox.state.update_faults({"error_rate": {"GetCategories": 1.0}})
    with pytest.raises(ServerSideError) as caught:
        vod.get_categories()
    assert caught.value.http_status >= 500
    assert wire.count("GetCategories") == FAST_RETRY.max_attempts
    sandbox.state.update_faults({"error_rate": {"GetCategories": 0.5}, "seed": 7})
    vod.get_categories()  # succeeds within the policy (deterministic with the seed)


def test_clock_skew_is_learned_from_the_sandbox_date_header(vod: VodClient, wire: CountingTransport) -> None:
    vod.clock_offset = -3600.0  # as if the local clock ran an hour slow
    assert vod.describe_vod_refresh_quota().url_quota == 2000
    assert wire.count("DescribeVodRefreshQuota") == 2
    assert abs(vod.clock_offset) < 60
