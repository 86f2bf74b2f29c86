"""The current official SDK (alibabacloud-vod20170321, Tea) against the sandbox, unchanged but the endpoint:
media refresh by id and the account's domains, exactly as its request and response models have them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from alibabacloud_tea_openapi.exceptions import ClientException
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vod20170321 import models as vod_models
from alibabacloud_vod20170321.client import Client

from tests.protocol.media_refresh_helpers import add_video, cdn_url
from vodstudio.sandbox.demo import OFFLINE_DOMAIN, seed_demo


@pytest.fixture
def tea(sandbox: Any) -> Client:
    info = sandbox.info
    config = Config(
        access_key_id=info.access_key_id,
        access_key_secret=info.access_key_secret,
        endpoint=info.vod_endpoint.removeprefix("http://"),
        protocol="http",
        region_id="cn-shanghai",
    )
    # Unchanged: the SDK signs ACS3-HMAC-SHA256 by default, as the sandbox now verifies.
    return Client(config)


def test_refresh_media_play_urls_and_get_media_refresh_jobs(sandbox: Any, tea: Client) -> None:
    video = add_video(sandbox, hls_segments=6)
    request = vod_models.RefreshMediaPlayUrlsRequest(
        media_ids=f"{video},{'0' * 32}",
        task_type="Preload",
        formats="mp4,m3u8",
        definitions="LD,SD,HD",
        stream_type="video",
        result_type="Single",
        slice_flag=True,
        slice_count=2,
        user_data=json.dumps({"Extend": {"localId": "launch-day"}}),
    )
    submitted = tea.refresh_media_play_urls(request).body
    assert submitted.media_refresh_job_id and submitted.request_id
    assert (submitted.non_exist_media_ids, submitted.forbidden_media_ids) == ("0" * 32, "")

    query = vod_models.GetMediaRefreshJobsRequest(media_refresh_job_id=submitted.media_refresh_job_id)
    body = tea.get_media_refresh_jobs(query).body
    (job,) = body.media_refresh_jobs
    assert (job.media_id, job.task_type, job.status) == (video, "Preload", "success")
    hls = cdn_url(sandbox, f"sv/{video}/hls")
    assert set(job.success_play_urls.split(",")) == {
        cdn_url(sandbox, f"sv/{video}/{video}.mp4"),
        f"{hls}/{video}.m3u8",
        f"{hls}/seg-00000.ts",
        f"{hls}/seg-00001.ts",
    }
    assert len(job.task_ids.split(",")) == 4
    assert json.loads(job.filter_policy) == {
        "Formats": "mp4,m3u8",
        "Definitions": "LD,SD,HD",
        "StreamType": "video",
        "ResultType": "Single",
        "SliceFlag": True,
        "SliceCount": 2,
    }
    assert json.loads(job.user_data) == {"Extend": {"localId": "launch-day"}}
    assert job.gmt_create and job.gmt_modified and job.error_code == ""
    one = vod_models.GetMediaRefreshJobsRequest(
        media_refresh_job_id=submitted.media_refresh_job_id, media_id=video
    )
    assert [j.media_id for j in tea.get_media_refresh_jobs(one).body.media_refresh_jobs] == [video]


def test_refresh_media_play_urls_errors_reach_the_sdk(sandbox: Any, tea: Client) -> None:
    video = add_video(sandbox)
    bad = vod_models.RefreshMediaPlayUrlsRequest(
        media_ids=video, task_type="Refresh", slice_flag=True, slice_count=21
    )
    with pytest.raises(ClientException) as caught:
        tea.refresh_media_play_urls(bad)
    assert (caught.value.code, caught.value.status_code) == ("InvalidParameter", 400)


def test_describe_vod_user_domains_and_domain_detail(sandbox: Any, tea: Client) -> None:
    seed_demo(sandbox.state, videos=3)
    listed = tea.describe_vod_user_domains(vod_models.DescribeVodUserDomainsRequest(page_size=50)).body
    assert (listed.total_count, listed.page_number, listed.page_size) == (2, 1, 50)
    domains = {d.domain_name: d for d in listed.domains.page_data}
    live = domains[sandbox.info.cdn_domain]
    assert (live.domain_status, live.ssl_protocol, live.sandbox) == ("online", "off", "normal")
    assert live.gmt_created and live.cname
    (origin,) = live.sources.source
    assert (origin.type, origin.port) == ("oss", 80)
    assert domains[OFFLINE_DOMAIN].domain_status == "offline"
    offline_only = vod_models.DescribeVodUserDomainsRequest(
        domain_status="offline", domain_search_type="full_match", domain_name=OFFLINE_DOMAIN
    )
    assert [d.domain_name for d in tea.describe_vod_user_domains(offline_only).body.domains.page_data] == [
        OFFLINE_DOMAIN
    ]

    detail = tea.describe_vod_domain_detail(
        vod_models.DescribeVodDomainDetailRequest(domain_name=sandbox.info.cdn_domain)
    ).body.domain_detail
    assert (detail.domain_name, detail.domain_status, detail.sslprotocol, detail.scope) == (
        sandbox.info.cdn_domain,
        "online",
        "off",
        "domestic",
    )
    assert detail.sources.source[0].enabled == "online"
    with pytest.raises(ClientException) as caught:
        tea.describe_vod_domain_detail(
            vod_models.DescribeVodDomainDetailRequest(domain_name="cdn.example.com")
        )
    assert (caught.value.code, caught.value.status_code) == ("InvalidDomain.NotFound", 404)
