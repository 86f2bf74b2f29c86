"""The account's accelerated domains: VodClient against the sandbox (live domain + the demo's offline one)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.protocol.media_refresh_helpers import open_client
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.errors import InvalidParameterError, NotFoundError
from vodstudio.sandbox.demo import OFFLINE_DOMAIN, seed_demo


@pytest.fixture
def vod(sandbox: Any) -> Iterator[VodClient]:
    with open_client(sandbox) as client:
        yield client


def test_plain_sandbox_has_its_cdn_domain_only(sandbox: Any, vod: VodClient) -> None:
    (live,) = vod.list_vod_user_domains()
    assert (live.domain_name, live.status, live.online) == (sandbox.info.cdn_domain, "online", True)
    assert live.cname.endswith(".w.alikunlun.net") and live.created is not None
    (origin,) = live.sources
    assert (origin.type, origin.content, origin.port) == (
        "oss",
        f"{sandbox.info.bucket}.oss-cn-shanghai.aliyuncs.com",
        80,
    )
    assert vod.list_vod_user_domains()[0].created == live.created  # a stable creation time


def test_demo_lists_an_offline_domain_with_paging_and_filters(sandbox: Any, vod: VodClient) -> None:
    seed_demo(sandbox.state, videos=3)
    names = [(d.domain_name, d.status) for d in vod.list_vod_user_domains()]
    assert names == [(sandbox.info.cdn_domain, "online"), (OFFLINE_DOMAIN, "offline")]
    second = vod.describe_vod_user_domains(page_size=1, page_number=2)
    assert (second.total, second.page_size, [d.domain_name for d in second.domains]) == (
        2,
        1,
        [OFFLINE_DOMAIN],
    )
    assert [d.domain_name for d in vod.list_vod_user_domains(domain_status="offline")] == [OFFLINE_DOMAIN]
    assert vod.describe_vod_user_domains(domain_name="archive").total == 1  # fuzzy by default
    assert vod.describe_vod_user_domains(domain_name="archive", search_type="pre_match").total == 0
    assert vod.describe_vod_user_domains(domain_name="vod-archive", search_type="pre_match").total == 1
    assert vod.describe_vod_user_domains(domain_name=OFFLINE_DOMAIN, search_type="full_match").total == 1
    detail = vod.describe_vod_domain_detail(OFFLINE_DOMAIN)
    assert (detail.domain.status, detail.domain.ssl_protocol, detail.scope) == ("offline", "on", "domestic")
    assert detail.domain.sources[0].enabled == "online"


def test_domain_errors(sandbox: Any, vod: VodClient) -> None:
    with pytest.raises(NotFoundError) as foreign:
        vod.describe_vod_domain_detail("cdn.example.com")
    facts = foreign.value.facts
    assert (facts.http_status, facts.service_code) == (404, "InvalidDomain.NotFound")
    assert facts.message == "The domain provided does not belong to you."
    for params, code in [
        ({"PageSize": "51"}, "InvalidPageSize.ValueNotSupported"),
        ({"PageNumber": "0"}, "InvalidPageNumber.ValueNotSupported"),
        ({"DomainStatus": "sleeping"}, "InvalidDomainStatus.ValueNotSupported"),
        ({"DomainSearchType": "regex"}, "InvalidDomainSearchType.ValueNotSupported"),
    ]:
        with pytest.raises(InvalidParameterError) as caught:
            vod.call("DescribeVodUserDomains", params, cdn=True)
        assert (caught.value.http_status, caught.value.service_code) == (400, code)
    with pytest.raises(InvalidParameterError) as local:
        vod.describe_vod_user_domains(page_size=51)
    assert local.value.http_status == 0
