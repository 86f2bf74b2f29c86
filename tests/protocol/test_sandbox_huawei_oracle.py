"""The official huaweicloudsdkvod against the sandbox's Huawei endpoints: an independent oracle."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkvod.v1 import (
    CreatePreheatingAssetReq,
    CreatePreheatingAssetRequest,
    ListAssetListRequest,
    RefreshAssetRequest,
    RefreshTaskReq,
    ShowPreheatingAssetRequest,
    ShowRefreshResultRequest,
    VodClient,
)

from vodstudio.cloud.huawei import signing
from vodstudio.sandbox import quota


def _client(sandbox: Any, sk: str | None = None, ak: str | None = None) -> Any:
    info = sandbox.info
    credentials = BasicCredentials(ak or info.huawei_ak, sk or info.huawei_sk, info.huawei_project_id)
    return (
        VodClient.new_builder().with_credentials(credentials).with_endpoints([info.huawei_endpoint]).build()
    )


def _wait(fetch: Any, attempts: int = 40) -> list[Any]:
    """Poll until no result is still processing (the sandbox delay is 0.3 s in tests)."""
    for _ in range(attempts):
        results = fetch()
        if all(item.status != "processing" for item in results):
            return list(results)
        time.sleep(0.05)
    raise AssertionError("tasks never finished")


def _assets(client: Any, **filters: Any) -> Any:
    return client.list_asset_list(ListAssetListRequest(**filters))


def test_asset_list_pages_and_filters(sandbox: Any) -> None:
    client = _client(sandbox)
    first = _assets(client, page=0, size=10)
    assert first.total >= 25
    assert len(first.assets) == 10
    second = _assets(client, page=1, size=10)
    assert {a.asset_id for a in first.assets}.isdisjoint({a.asset_id for a in second.assets})
    published = _assets(client, status=["PUBLISHED"], size=100)
    assert published.total < first.total
    assert all(a.asset_status == "PUBLISHED" for a in published.assets)
    picked = _assets(client, asset_id=[first.assets[0].asset_id, first.assets[1].asset_id])
    assert picked.total == 2
    assert first.assets[0].covers[0].cover_url.startswith(f"http://{sandbox.info.cdn_domain}/hw/asset/")


def test_asset_list_limits(sandbox: Any) -> None:
    client = _client(sandbox)
    with pytest.raises(ClientRequestException) as too_big:
        _assets(client, size=101)
    assert too_big.value.error_code == "VOD.10053"
    with pytest.raises(ClientRequestException) as too_deep:
        _assets(client, page=200, size=100)
    assert too_deep.value.status_code == 400


def test_refresh_by_asset_and_url(sandbox: Any) -> None:
    client = _client(sandbox)
    assets = _assets(client, status=["PUBLISHED"], size=2).assets
    foreign = "https://elsewhere.example.com/asset/nope.mp4"
    body = RefreshTaskReq(asset_id_list=[assets[0].asset_id], urls=[foreign])
    created = client.refresh_asset(RefreshAssetRequest(body=body))
    assert created.status_code == 202
    assert created.task_id
    first = client.show_refresh_result(ShowRefreshResultRequest(task_id=created.task_id))
    assert {item.status for item in first.refresh_results} == {"processing"}
    results = _wait(
        lambda: client.show_refresh_result(ShowRefreshResultRequest(task_id=created.task_id)).refresh_results
    )
    by_url = {item.url: item.status for item in results}
    assert by_url[foreign] == "failed"
    held = [url for url in by_url if url != foreign]
    assert len(held) == 1 and held[0].startswith(f"http://{sandbox.info.cdn_domain}/hw/asset/")
    assert by_url[held[0]] == "succeed"


def test_preheating_by_asset_and_status(sandbox: Any) -> None:
    client = _client(sandbox)
    asset = _assets(client, status=["PUBLISHED"], size=1).assets[0]
    created = client.create_preheating_asset(
        CreatePreheatingAssetRequest(body=CreatePreheatingAssetReq(asset_id=asset.asset_id))
    )
    assert created.task_id
    results = _wait(
        lambda: (
            client.show_preheating_asset(
                ShowPreheatingAssetRequest(task_id=created.task_id)
            ).preheating_results
        )
    )
    assert [item.status for item in results] == ["succeed"]


def test_more_than_ten_urls_rejected(sandbox: Any) -> None:
    client = _client(sandbox)
    urls = [f"http://{sandbox.info.cdn_domain}/x/{i}.mp4" for i in range(11)]
    with pytest.raises(ClientRequestException) as caught:
        client.refresh_asset(RefreshAssetRequest(body=RefreshTaskReq(urls=urls)))
    assert caught.value.status_code == 400
    assert caught.value.error_code == "VOD.10053"
    assert caught.value.error_msg == "The request parameter is illegal, illegal field: {urls}."
    assert caught.value.request_id


def test_daily_limit_and_reset(sandbox: Any) -> None:
    client = _client(sandbox)
    urls = [f"http://{sandbox.info.cdn_domain}/limit/{i}.mp4" for i in range(10)]
    state = sandbox.state
    with state.db() as conn:  # 99 earlier calls of 10 today
        assert quota.consume(state, conn, "huawei", "preheat", 990, 1000)
    client.create_preheating_asset(CreatePreheatingAssetRequest(body=CreatePreheatingAssetReq(urls=urls)))
    with pytest.raises(ClientRequestException) as caught:
        client.create_preheating_asset(
            CreatePreheatingAssetRequest(body=CreatePreheatingAssetReq(urls=urls[:1]))
        )
    assert caught.value.error_code == "VOD.10185"
    # Refresh has its own budget, and the preheating one is back after Beijing midnight.
    client.refresh_asset(RefreshAssetRequest(body=RefreshTaskReq(urls=urls[:1])))
    sandbox.state.clock_offset += 86400
    client.create_preheating_asset(CreatePreheatingAssetRequest(body=CreatePreheatingAssetReq(urls=urls[:1])))


def test_wrong_sk_and_unknown_ak_rejected(sandbox: Any) -> None:
    with pytest.raises(ClientRequestException) as wrong:
        _assets(_client(sandbox, sk="not-the-secret-key-at-all-0000000000"))
    assert wrong.value.status_code == 401
    assert wrong.value.error_code == "APIGW.0301"
    assert "verify aksk signature fail" in wrong.value.error_msg
    with pytest.raises(ClientRequestException) as unknown:
        _assets(_client(sandbox, ak="HWUNKNOWNAK000000000"))
    assert unknown.value.status_code == 401
    assert "ak not exist" in unknown.value.error_msg


def _signed_get(sandbox: Any, path: str, *, sdk_date: str | None = None) -> httpx.Response:
    info = sandbox.info
    url = f"{info.huawei_endpoint}{path}"
    headers = {"Content-Type": "application/json"}
    if sdk_date:
        headers["X-Sdk-Date"] = sdk_date
    signed = signing.sign_request("GET", url, headers, b"", info.huawei_ak, info.huawei_sk)
    return httpx.get(signing.signed_url(url), headers=signed)


def test_clock_skew_and_wrong_project(sandbox: Any) -> None:
    project = sandbox.info.huawei_project_id
    ok = _signed_get(sandbox, f"/v1.0/{project}/asset/list?size=1")
    assert ok.status_code == 200
    assert ok.headers["X-Request-Id"]
    stale = _signed_get(sandbox, f"/v1.0/{project}/asset/list?size=1", sdk_date="20200101T000000Z")
    assert stale.status_code == 401
    assert stale.json()["error_code"] == "APIGW.0301"
    other = _signed_get(sandbox, "/v1.0/ffffffffffffffffffffffffffffffff/asset/list")
    assert other.status_code == 403
    assert other.json() == {
        "error_code": "VOD.10053",
        "error_msg": "The request parameter is illegal, illegal field: {project_id}.",
    }
    assert other.headers["X-Request-Id"]
