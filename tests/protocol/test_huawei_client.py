"""HuaweiVodClient and the Huawei CDN desk against the live sandbox (real HTTP on loopback)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vodstudio.cdn.deferred import DeferredQueue
from vodstudio.cdn.desk import HuaweiCdnDesk
from vodstudio.cdn.store import open_cdn_db
from vodstudio.cdn.usage import UsageCounter
from vodstudio.cloud.huawei.client import HuaweiVodClient
from vodstudio.cloud.huawei.models import HuaweiTaskStatus, TaskItem
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.accounts import Account, Provider
from vodstudio.core.cdn import CdnTaskKind, CdnTaskStatus, TaskRef
from vodstudio.core.errors import AuthError, InvalidParameterError
from vodstudio.sandbox import quota
from vodstudio.store.paths import ProfilePaths


def make_client(sandbox: Any, *, sk: str | None = None) -> HuaweiVodClient:
    info = sandbox.info
    account = Account(
        "hw",
        Provider.HUAWEI,
        "cn-north-4",
        info.huawei_ak,
        endpoint=info.huawei_endpoint,
        project_id=info.huawei_project_id,
    )
    return HuaweiVodClient.for_account(account, sk or info.huawei_sk, retry=RetryPolicy(base_delay=0.01))


@pytest.fixture
def client(sandbox: Any) -> Iterator[HuaweiVodClient]:
    with make_client(sandbox) as built:
        yield built


def settle(fetch: Callable[[], list[TaskItem]]) -> list[TaskItem]:
    """Poll until no item is processing (the sandbox finishes tasks after 0.3 s)."""
    for _ in range(50):
        items = fetch()
        if items and all(i.status is not HuaweiTaskStatus.PROCESSING for i in items):
            return items
        time.sleep(0.1)
    raise AssertionError("tasks never finished")


def published_ids(client: HuaweiVodClient, n: int) -> list[str]:
    page = client.list_assets(size=n, status=["PUBLISHED"])
    assert page.total >= n
    return [a.asset_id for a in page.assets[:n]]


def test_list_assets_filters_and_pages(client: HuaweiVodClient) -> None:
    page = client.list_assets(page=0, size=5)
    assert page.total >= 20
    assert len(page.assets) == 5
    assert all(a.asset_id and a.title for a in page.assets)
    published = client.list_assets(size=100, status=["PUBLISHED"])
    assert published.assets and all(a.asset_status == "PUBLISHED" for a in published.assets)
    one = client.list_assets(asset_ids=[page.assets[0].asset_id])
    assert [a.asset_id for a in one.assets] == [page.assets[0].asset_id]


def test_refresh_by_asset_then_preheat_its_url_succeeds(client: HuaweiVodClient) -> None:
    [task_id] = client.refresh_assets(published_ids(client, 2))
    first = client.refresh_result(task_id)
    assert len(first) == 2
    done = settle(lambda: client.refresh_result(task_id))
    assert {i.status for i in done} == {HuaweiTaskStatus.SUCCEED}
    [preheat_id] = client.preheat_urls([done[0].url])
    assert settle(lambda: client.preheat_result(preheat_id))[0].status is HuaweiTaskStatus.SUCCEED
    asset_task = client.preheat_asset(published_ids(client, 1)[0])
    assert settle(lambda: client.preheat_result(asset_task))[0].status is HuaweiTaskStatus.SUCCEED


def test_url_the_cdn_does_not_hold_fails(client: HuaweiVodClient) -> None:
    [task_id] = client.refresh_urls(["http://elsewhere.example/a.mp4"])
    assert settle(lambda: client.refresh_result(task_id))[0].status is HuaweiTaskStatus.FAILED


def test_twenty_five_urls_take_three_calls(client: HuaweiVodClient) -> None:
    urls = [f"http://elsewhere.example/{i}.mp4" for i in range(25)]
    ids = client.refresh_urls(urls)
    assert len(ids) == 3
    assert [len(client.refresh_result(i)) for i in ids] == [10, 10, 5]


def test_wrong_sk_is_an_auth_error_with_request_id(sandbox: Any) -> None:
    with make_client(sandbox, sk="not-the-secret") as bad, pytest.raises(AuthError) as caught:
        bad.refresh_urls(["http://elsewhere.example/a.mp4"])
    assert caught.value.service_code == "APIGW.0301"
    assert caught.value.request_id
    assert caught.value.http_status == 401


def test_unknown_task_is_a_typed_error(client: HuaweiVodClient) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        client.preheat_result("no-such-task")
    assert caught.value.service_code == "VOD.10062"


def test_daily_limit_defers_the_rest_through_the_desk(
    client: HuaweiVodClient, sandbox: Any, tmp_path: Path
) -> None:
    db = open_cdn_db(ProfilePaths.under(tmp_path / "p"))
    try:
        usage = UsageCounter(db, "hw")
        desk = HuaweiCdnDesk(client, usage)
        queue = DeferredQueue(db, "hw")
        assert not desk.quota().known
        # 950 of today's 1,000 already used, on both sides (saves 95 round trips).
        with sandbox.state.db() as conn:
            assert quota.consume(sandbox.state, conn, "huawei", "preheat", 950, 1000)
        usage.add(CdnTaskKind.PREFETCH, 950)
        assert desk.quota().remaining(CdnTaskKind.PREFETCH) == 50
        urls = [f"http://elsewhere.example/{i}.mp4" for i in range(53)]
        result = queue.submit(desk, CdnTaskKind.PREFETCH, urls)
        assert len(result.submitted) == 50
        assert len(result.task_ids) == 5
        assert result.deferred == urls[50:]
        assert desk.quota().remaining(CdnTaskKind.PREFETCH) == 0
        # Another profile's counter does not know: the service's refusal defers, and teaches it.
        other_db = open_cdn_db(ProfilePaths.under(tmp_path / "other"))
        try:
            other = HuaweiCdnDesk(client, UsageCounter(other_db, "hw"))
            late = DeferredQueue(other_db, "hw").submit(other, CdnTaskKind.PREFETCH, ["http://x.example/1"])
            assert late.submitted == [] and late.deferred == ["http://x.example/1"]
            assert other.quota().remaining(CdnTaskKind.PREFETCH) == 0
        finally:
            other_db.close()
        tasks = desk.tasks(queue.task_refs(limit=2))
        assert {t.kind for t in tasks} == {CdnTaskKind.PREFETCH}
        assert {t.status for t in tasks} <= {CdnTaskStatus.RUNNING, CdnTaskStatus.FAILED}
    finally:
        db.close()


def test_desk_takes_asset_items_and_reports_neutral_status(client: HuaweiVodClient, tmp_path: Path) -> None:
    db = open_cdn_db(ProfilePaths.under(tmp_path / "p"))
    try:
        desk = HuaweiCdnDesk(client, UsageCounter(db, "hw"))
        assert not desk.supports(CdnTaskKind.REFRESH_DIR)
        asset_id = published_ids(client, 1)[0]
        refreshed = desk.submit(CdnTaskKind.REFRESH_URL, [f"asset:{asset_id}", "http://elsewhere.example/z"])
        assert [item for item, _ in refreshed.submitted] == [
            "http://elsewhere.example/z",
            f"asset:{asset_id}",
        ]
        prefetched = desk.submit(CdnTaskKind.PREFETCH, [f"asset:{asset_id}"])
        assert desk.quota().remaining(CdnTaskKind.REFRESH_URL) == 998
        time.sleep(0.4)  # the sandbox finishes tasks after 0.3 s
        # A bare id (as typed on the command line) finds its kind by trying refresh, then preheat.
        bare = desk.tasks([TaskRef(prefetched.task_ids[0])])
        assert [(t.kind, t.status) for t in bare] == [(CdnTaskKind.PREFETCH, CdnTaskStatus.SUCCEEDED)]
        statuses = {
            t.item: t.status
            for t in desk.tasks([TaskRef(i, CdnTaskKind.REFRESH_URL) for i in refreshed.task_ids])
        }
        assert statuses["http://elsewhere.example/z"] is CdnTaskStatus.FAILED
        assert CdnTaskStatus.SUCCEEDED in statuses.values()
    finally:
        db.close()
