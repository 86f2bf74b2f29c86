"""The sandbox CDN: the official aliyun-python-sdk-vod for the CDN actions, and the CDN domain itself."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest
from aliyunsdkvod.request.v20170321.DescribeVodDomainBpsDataRequest import DescribeVodDomainBpsDataRequest
from aliyunsdkvod.request.v20170321.DescribeVodDomainLogRequest import DescribeVodDomainLogRequest
from aliyunsdkvod.request.v20170321.DescribeVodDomainTrafficDataRequest import (
    DescribeVodDomainTrafficDataRequest,
)
from aliyunsdkvod.request.v20170321.DescribeVodRefreshQuotaRequest import DescribeVodRefreshQuotaRequest
from aliyunsdkvod.request.v20170321.DescribeVodRefreshTasksRequest import DescribeVodRefreshTasksRequest
from aliyunsdkvod.request.v20170321.PreloadVodObjectCachesRequest import PreloadVodObjectCachesRequest
from aliyunsdkvod.request.v20170321.RefreshVodObjectCachesRequest import RefreshVodObjectCachesRequest

from vodstudio.sandbox import cdn_series, oss_store, quota
from vodstudio.sandbox.state import SandboxState

KEY = "sv/cdn-test/clip.mp4"
DATA = bytes(range(256)) * 400  # 102,400 bytes


@pytest.fixture
def vod(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Call one CDN action through AcsClient against the sandbox; returns the decoded JSON."""
    info = sandbox.info
    client = AcsClient(info.access_key_id, info.access_key_secret, "cn-shanghai")

    def call(request: RpcRequest, **params: Any) -> Any:
        request.set_endpoint(info.vod_endpoint.removeprefix("http://"))
        request.set_protocol_type("http")
        request.set_accept_format("JSON")
        for name, value in params.items():
            request.add_query_param(name, value)
        return json.loads(client.do_action_with_exception(request))

    yield call
    client.session.close()  # an error answer leaves the SDK's pooled connection open otherwise


def _error(vod: Any, request: RpcRequest, **params: Any) -> ServerException:
    with pytest.raises(ServerException) as caught:
        vod(request, **params)
    return caught.value


def _store(sandbox: Any, key: str = KEY, data: bytes = DATA) -> str:
    with sandbox.state.db() as conn:
        oss_store.put_bytes(sandbox.state, conn, sandbox.info.bucket, key, data, "video/mp4")
    return f"{sandbox.info.cdn_base_url}/{key}"


def _access_rows(sandbox: Any) -> list[Any]:
    with sandbox.state.db() as conn:
        return conn.execute("SELECT * FROM cdn_access_log ORDER BY ts").fetchall()


def test_cdn_serves_objects_with_ranges_and_logs_each_request(sandbox: Any) -> None:
    url = _store(sandbox)
    with httpx.Client(headers={"User-Agent": "cdn-test/1.0"}) as http:
        whole = http.get(url, headers={"Referer": "http://player.example.com/"})
        assert whole.status_code == 200
        assert whole.content == DATA
        assert whole.headers["Content-Type"] == "video/mp4"
        assert whole.headers["Accept-Ranges"] == "bytes"
        assert whole.headers["ETag"].startswith('"') and whole.headers["Last-Modified"].endswith("GMT")
        part = http.get(url, headers={"Range": "bytes=10-19"})
        assert part.status_code == 206
        assert part.content == DATA[10:20]
        assert part.headers["Content-Range"] == f"bytes 10-19/{len(DATA)}"
        assert http.get(url, headers={"Range": "bytes=-5"}).content == DATA[-5:]
        assert http.get(url, headers={"Range": f"bytes={len(DATA)}-"}).status_code == 416
        head = http.head(url)
        assert head.status_code == 200 and head.headers["Content-Length"] == str(len(DATA))
        missing = http.get(f"{sandbox.info.cdn_base_url}/no/such.mp4")
        assert missing.status_code == 404
        assert b"NoSuchKey" in missing.content
        assert http.post(url, content=b"x").status_code == 405
    rows = _access_rows(sandbox)
    assert [(r["method"], r["status"]) for r in rows] == [
        ("GET", 200),
        ("GET", 206),
        ("GET", 206),
        ("GET", 416),
        ("HEAD", 200),
        ("GET", 404),
        ("POST", 405),
    ]
    assert [r["bytes_sent"] for r in rows[:5]] == [len(DATA), 10, 5, 0, 0]
    assert rows[0]["referer"] == "http://player.example.com/"
    assert rows[0]["user_agent"] == "cdn-test/1.0"
    assert rows[1]["range_hdr"] == "bytes=10-19"
    assert rows[0]["path"] == f"/{KEY}"


def _freeze_mid_slot(sandbox: Any) -> float:
    """Put the sandbox clock 100 s into a 5-minute slot, so no new slot begins during the test."""
    slot = cdn_series.align(time.time(), 300)
    sandbox.state.clock_offset = slot + 100 - time.time()
    return slot + 100.0


def test_traffic_and_bandwidth_grow_with_real_downloads(sandbox: Any, vod: Any) -> None:
    now = _freeze_mid_slot(sandbox)
    domain = sandbox.info.cdn_domain
    window = {
        "DomainName": domain,
        "StartTime": SandboxState.iso(now - 3600),
        "EndTime": SandboxState.iso(now),
    }
    before = vod(DescribeVodDomainTrafficDataRequest(), **window)
    assert before["DataInterval"] == "300"
    assert before["DomainName"] == domain
    points = before["TrafficDataPerInterval"]["DataModule"]
    assert len(points) == 13  # the partial first bucket through the current one
    assert all(isinstance(p["Value"], str) for p in points)
    assert int(before["TotalTraffic"]) == sum(int(p["Value"]) for p in points) > 0
    url = _store(sandbox)
    logged = len(_access_rows(sandbox))
    httpx.get(url)
    httpx.get(url, headers={"Range": "bytes=0-999"})
    # The CDN writes its access-log row after the body is out: the client can be quicker.
    deadline = time.monotonic() + 5
    while len(_access_rows(sandbox)) < logged + 2:
        assert time.monotonic() < deadline, "the CDN never logged both requests"
        time.sleep(0.01)
    after = vod(DescribeVodDomainTrafficDataRequest(), **window)
    assert int(after["TotalTraffic"]) - int(before["TotalTraffic"]) == len(DATA) + 1000
    last = after["TrafficDataPerInterval"]["DataModule"][-1]
    bps = vod(DescribeVodDomainBpsDataRequest(), **window)["BpsDataPerInterval"]["DataModule"][-1]
    assert bps["TimeStamp"] == last["TimeStamp"]
    assert float(bps["Value"]) == pytest.approx(int(last["Value"]) * 8 / 300, rel=1e-6)


def test_traffic_interval_rules_and_errors(sandbox: Any, vod: Any) -> None:
    now = sandbox.state.now()
    domain = sandbox.info.cdn_domain

    def interval(days: float, requested: str = "") -> str:
        params = {"DomainName": domain, "StartTime": SandboxState.iso(now - days * 86400)}
        params["EndTime"] = SandboxState.iso(now)
        if requested:
            params["Interval"] = requested
        return str(vod(DescribeVodDomainTrafficDataRequest(), **params)["DataInterval"])

    assert interval(1) == "300" and interval(1, "3600") == "3600"
    assert interval(5) == "3600" and interval(5, "300") == "3600" and interval(5, "86400") == "86400"
    assert interval(40, "3600") == "86400"
    default = vod(DescribeVodDomainTrafficDataRequest())
    assert len(default["TrafficDataPerInterval"]["DataModule"]) in (288, 289)
    backwards = _error(
        vod,
        DescribeVodDomainTrafficDataRequest(),
        StartTime=SandboxState.iso(now),
        EndTime=SandboxState.iso(now - 3600),
    )
    assert backwards.get_error_code() == "InvalidEndTime.Mismatch"
    foreign = _error(vod, DescribeVodDomainBpsDataRequest(), DomainName="cdn.example.com")
    assert (foreign.get_http_status(), foreign.get_error_code()) == (404, "InvalidDomain.NotFound")


def _tasks(vod: Any, **params: Any) -> list[dict[str, Any]]:
    return list(vod(DescribeVodRefreshTasksRequest(), **params)["Tasks"]["Task"])


def test_refresh_preload_and_task_progress(sandbox: Any, vod: Any) -> None:
    domain = sandbox.info.cdn_domain
    _store(sandbox)
    paths = f"http://{domain}/{KEY}\r\n{domain}/other.mp4"
    refresh_id = vod(RefreshVodObjectCachesRequest(), ObjectPath=paths)["RefreshTaskId"]
    assert "," not in refresh_id  # URL tasks of one call share one id
    dirs = vod(
        RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/sv/\n{domain}/image/", ObjectType="Directory"
    )
    assert len(dirs["RefreshTaskId"].split(",")) == 2
    preload_id = vod(PreloadVodObjectCachesRequest(), ObjectPath=f"{domain}/{KEY}\n{domain}/gone.mp4")[
        "PreloadTaskId"
    ]
    running = _tasks(vod, TaskId=refresh_id)
    assert {t["Status"] for t in running} == {"Refreshing"}
    assert {t["ObjectPath"] for t in running} == {f"http://{domain}/{KEY}", f"http://{domain}/other.mp4"}
    assert running[0]["ObjectType"] == "file" and running[0]["Process"] == "50%"
    time.sleep(sandbox.config.cdn_task_delay + 0.05)
    assert {t["Status"] for t in _tasks(vod, TaskId=refresh_id)} == {"Complete"}
    preloads = {t["ObjectPath"]: t for t in _tasks(vod, TaskId=preload_id)}
    assert preloads[f"http://{domain}/{KEY}"]["Status"] == "Complete"
    assert preloads[f"http://{domain}/gone.mp4"]["Status"] == "Failed"
    assert preloads[f"http://{domain}/gone.mp4"]["Description"].startswith("Origin Return StatusCode")
    exact = _tasks(vod, ObjectPath=f"http://{domain}/other.mp4")
    assert [t["TaskId"] for t in exact] == [refresh_id]
    listed = vod(DescribeVodRefreshTasksRequest(), ObjectType="directory", DomainName=domain, PageSize=1)
    assert listed["TotalCount"] == 2 and len(listed["Tasks"]["Task"]) == 1 and listed["PageSize"] == 1
    failed = _tasks(vod, ObjectType="preload", Status="Failed")
    assert [t["ObjectPath"] for t in failed] == [f"http://{domain}/gone.mp4"]


def test_refresh_errors(sandbox: Any, vod: Any) -> None:
    domain = sandbox.info.cdn_domain
    foreign = _error(vod, RefreshVodObjectCachesRequest(), ObjectPath="http://cdn.example.com/a.mp4")
    assert foreign.get_http_status() == 404
    assert foreign.get_error_code() == "InvalidDomain.NotFound"
    assert foreign.get_error_msg() == "The domain provided does not belong to you."
    no_slash = _error(vod, RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/sv", ObjectType="Directory")
    assert no_slash.get_error_code() == "InvalidObjectPath.Malformed"
    preload_dir = _error(vod, PreloadVodObjectCachesRequest(), ObjectPath=f"{domain}/sv/")
    assert preload_dir.get_error_code() == "InvalidObjectPath.Malformed"
    bad_type = _error(vod, RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/a", ObjectType="Tree")
    assert bad_type.get_error_code() == "InvalidObjectType.ValueNotSupported"
    missing_type = _error(vod, DescribeVodRefreshTasksRequest(), Status="Complete")
    assert missing_type.get_error_code() == "MissingParameter"
    big_page = _error(vod, DescribeVodRefreshTasksRequest(), PageSize=51)
    assert big_page.get_error_code() == "InvalidParameter"
    old = _error(vod, DescribeVodRefreshTasksRequest(), StartTime=SandboxState.iso(time.time() - 4 * 86400))
    assert old.get_http_status() == 400
    # Nothing above consumed quota.
    assert vod(DescribeVodRefreshQuotaRequest())["UrlRemain"] == "2000"


def test_quota_runs_out_and_resets_at_shanghai_midnight(sandbox: Any, vod: Any) -> None:
    state: SandboxState = sandbox.state
    domain = sandbox.info.cdn_domain
    with state.db() as conn:
        assert quota.consume(state, conn, "aliyun", "url", 1999, 2000)
    fresh = vod(DescribeVodRefreshQuotaRequest())
    assert fresh == {
        "RequestId": fresh["RequestId"],
        "UrlQuota": "2000",
        "UrlRemain": "1",
        "DirQuota": "100",
        "DirRemain": "100",
        "PreloadQuota": "500",
        "PreloadRemain": "500",
        "BlockQuota": "500",
        "blockRemain": "500",
    }
    over = _error(vod, RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/a.mp4\n{domain}/b.mp4")
    assert (over.get_http_status(), over.get_error_code()) == (400, "QuotaExceeded.Refresh")
    assert vod(DescribeVodRefreshQuotaRequest())["UrlRemain"] == "1"  # all or nothing
    vod(RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/a.mp4")
    assert vod(DescribeVodRefreshQuotaRequest())["UrlRemain"] == "0"
    state.clock_offset += 86400  # the next Shanghai day
    assert vod(DescribeVodRefreshQuotaRequest())["UrlRemain"] == "2000"
    vod(RefreshVodObjectCachesRequest(), ObjectPath=f"{domain}/a.mp4\n{domain}/b.mp4")


def test_domain_log_lists_real_gzip_files(sandbox: Any, vod: Any) -> None:
    url = _store(sandbox)
    httpx.get(f"{url}?from=log-test", headers={"User-Agent": "log-probe/2.0"})
    answer = vod(DescribeVodDomainLogRequest(), DomainName=sandbox.info.cdn_domain)
    detail = answer["DomainLogDetails"]["DomainLogDetail"][0]
    assert detail["PageInfos"]["Total"] == detail["LogCount"] == 1
    info = detail["LogInfos"]["LogInfoDetail"][0]
    assert info["LogName"].endswith(".gz") and ":" not in info["LogName"]
    assert info["LogPath"].startswith(f"{sandbox.info.cdn_domain}/_logs/{info['LogName']}?Expires=")
    downloaded = httpx.get(f"http://{info['LogPath']}")
    assert downloaded.status_code == 200
    assert len(downloaded.content) == info["LogSize"]
    lines = gzip.decompress(downloaded.content).decode().splitlines()
    assert any(
        f"/{KEY}?from=log-test" in line and "log-probe/2.0" in line and " 200 " in line for line in lines
    )
    # Log downloads are not traffic, and a tampered or expired link is refused.
    assert all("/_logs/" not in row["path"] for row in _access_rows(sandbox))
    tampered = httpx.get(f"http://{info['LogPath']}".replace("Signature=", "Signature=x"))
    assert tampered.status_code == 403
    sandbox.state.clock_offset += 7200
    assert httpx.get(f"http://{info['LogPath']}").status_code == 403


@pytest.mark.parametrize(
    ("request_class", "params"),
    [
        (DescribeVodRefreshQuotaRequest, {}),
        (DescribeVodRefreshTasksRequest, {}),
        (DescribeVodDomainTrafficDataRequest, {}),
        (DescribeVodDomainBpsDataRequest, {}),
        (RefreshVodObjectCachesRequest, {"ObjectPath": "{domain}/a.mp4"}),
    ],
)
def test_cdn_throttling_is_http_503(
    sandbox: Any, vod: Any, request_class: Any, params: dict[str, str]
) -> None:
    """The CDN pages document Throttling as 503 (the rest of the gateway answers 400)."""
    sandbox.state.update_faults({"throttle_burst": 1})
    filled = {name: value.format(domain=sandbox.info.cdn_domain) for name, value in params.items()}
    throttled = _error(vod, request_class(), **filled)
    assert (throttled.get_http_status(), throttled.get_error_code()) == (503, "Throttling")
