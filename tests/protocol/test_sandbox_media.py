"""The official aliyun-python-sdk-vod against the sandbox's media library: the doc sample calls."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest
from aliyunsdkvod.request.v20170321 import (
    DeleteImageRequest,
    DeleteMezzaninesRequest,
    DeleteStreamRequest,
    DeleteVideoRequest,
    GetCategoriesRequest,
    GetImageInfoRequest,
    GetMezzanineInfoRequest,
    GetPlayInfoRequest,
    GetVideoInfoRequest,
    GetVideoInfosRequest,
    GetVideoListRequest,
    SearchMediaRequest,
    UpdateImageInfosRequest,
    UpdateVideoInfoRequest,
    UpdateVideoInfosRequest,
)

from vodstudio.sandbox import oss_store
from vodstudio.sandbox.demo import SAMPLE_MP4, seed_demo
from vodstudio.sandbox.server import Sandbox
from vodstudio.sandbox.state import SandboxState


class Vod:
    """AcsClient aimed at the sandbox: the only change to the doc samples is the endpoint."""

    def __init__(self, box: Sandbox) -> None:
        self.client = AcsClient(box.info.access_key_id, box.info.access_key_secret, "cn-shanghai")
        self.endpoint = box.info.vod_endpoint.removeprefix("http://")

    def __call__(self, request: RpcRequest) -> dict[str, Any]:
        request.set_endpoint(self.endpoint)
        request.set_protocol_type("http")
        request.set_accept_format("JSON")
        result: dict[str, Any] = json.loads(self.client.do_action_with_exception(request))
        return result

    def error(self, request: RpcRequest) -> ServerException:
        with pytest.raises(ServerException) as caught:
            self(request)
        return caught.value


@pytest.fixture
def vod(sandbox: Sandbox) -> Iterator[Vod]:
    client = Vod(sandbox)
    yield client
    client.client.session.close()  # pooled keep-alive sockets would otherwise leak a ResourceWarning


def add_video(state: SandboxState, *, status: str = "Normal", title: str = "Clip", **extra: Any) -> str:
    """A video whose source object holds the sample MP4, with one stream and a cover snapshot."""
    media_id = uuid.uuid4().hex
    key = f"sv/test/{media_id}.mp4"
    now = state.now()
    columns: dict[str, Any] = {
        "media_id": media_id, "media_type": "video", "title": title, "status": status, "created_at": now,
        "modified_at": now, "bucket": state.config.bucket, "object_key": key, "file_name": "clip.mp4",
        "size": SAMPLE_MP4.stat().st_size, "duration": 3.0, "width": 320, "height": 180, "fps": 25.0,
        "bitrate": 152.5, "mezzanine_status": "Normal", "storage_location": "loc", **extra,
    }  # fmt: skip
    with state.db() as conn:
        conn.execute(
            f"INSERT INTO media ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        oss_store.put_bytes(state, conn, state.config.bucket, key, SAMPLE_MP4.read_bytes(), "video/mp4")
        oss_store.put_bytes(state, conn, state.config.bucket, f"{media_id}/cover.png", b"png", "image/png")
        conn.execute(
            "INSERT INTO snapshots VALUES (?, 'CoverSnapshot', ?)", (media_id, f"{media_id}/cover.png")
        )
        conn.execute(
            "INSERT INTO streams (job_id, media_id, format, definition, object_key, size, duration, width, "
            "height, bitrate, fps, created_at) VALUES (?, ?, 'mp4', 'OD', ?, 1, 3, 320, 180, 152, 25, ?)",
            (f"job{media_id}", media_id, key, now),
        )
    return media_id


def object_count(state: SandboxState, key: str) -> int:
    with state.db() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM objects WHERE key = ?", (key,)).fetchone()[0])


# ---- SearchMedia --------------------------------------------------------------------------------
def test_search_media_doc_sample(sandbox: Sandbox, vod: Vod) -> None:
    seed_demo(sandbox.state, videos=60)
    request = SearchMediaRequest.SearchMediaRequest()
    request.set_Fields("Title,CoverURL,Status")
    request.set_Match("Status in ('Normal','Checking') and CreationTime = ('2020-07-01T08:00:00Z',)")
    request.set_PageNo(1)
    request.set_PageSize(10)
    request.set_SearchType("video")
    request.set_SortBy("CreationTime:Desc")
    answer = vod(request)
    assert answer["RequestId"] and len(answer["ScrollToken"]) == 32
    assert 10 < answer["Total"] <= 60
    items = answer["MediaList"]
    assert len(items) == 10 and all(i["MediaType"] == "video" for i in items)
    times = [i["CreationTime"] for i in items]
    assert times == sorted(times, reverse=True)
    video = items[0]["Video"]
    assert video["Status"] in ("Normal", "Checking")
    assert video["CoverURL"].startswith(f"http://{sandbox.state.cdn_domain}/")
    assert "DownloadSwitch" not in video  # return-only fields need Fields


def test_search_media_types_and_bad_match(sandbox: Sandbox, vod: Vod) -> None:
    seed_demo(sandbox.state, videos=5)
    for search_type, wrapper in (("image", "Image"), ("attached", "AttachedMedia"), ("audio", "Audio")):
        request = SearchMediaRequest.SearchMediaRequest()
        request.set_SearchType(search_type)
        answer = vod(request)
        assert answer["Total"] > 0 and wrapper in answer["MediaList"][0]
        assert ("ScrollToken" in answer) is (search_type == "audio")
    request = SearchMediaRequest.SearchMediaRequest()
    request.set_Match("Bogus = 'x'")
    error = vod.error(request)
    assert error.get_http_status() == 400 and error.get_error_code() == "InvalidParameter"
    assert "Match" in error.get_error_msg()
    request = SearchMediaRequest.SearchMediaRequest()
    request.set_SortBy("CreationTime:Desc,ModificationTime:Asc,Title:Asc")
    assert vod.error(request).get_error_code() == "InvalidParameter"


def bulk_library(state: SandboxState, count: int) -> list[str]:
    """``count`` videos inserted directly, newest first in the returned order."""
    base = state.now() - 10 * 86400
    rows = [(f"{n:032x}", "video", f"Bulk {n}", "Normal", base + n, base + n) for n in range(count)]
    with state.db() as conn:
        conn.executemany(
            "INSERT INTO media (media_id, media_type, title, status, created_at, modified_at) "
            "VALUES (?,?,?,?,?,?)",
            rows,
        )
    return [row[0] for row in reversed(rows)]


def search_page(vod: Vod, page: int, token: str = "") -> dict[str, Any]:
    request = SearchMediaRequest.SearchMediaRequest()
    request.set_Match("Title = 'bulk'")
    request.set_PageNo(page)
    request.set_PageSize(100)
    if token:
        request.set_ScrollToken(token)
    return vod(request)


def test_scroll_token_reaches_past_the_window(sandbox: Sandbox, vod: Vod) -> None:
    expected = bulk_library(sandbox.state, 6000)
    first = search_page(vod, 1)
    assert first["Total"] == 6000
    assert [i["MediaId"] for i in first["MediaList"]] == expected[:100]
    with pytest.raises(ServerException) as window:
        search_page(vod, 51)
    assert window.value.get_http_status() == 400 and window.value.get_error_code() == "InvalidParameter"
    token = first["ScrollToken"]
    for page in (12, 23, 34, 45, 56, 60):  # each hop stays under 1,200 records
        answer = search_page(vod, page, token)
    assert [i["MediaId"] for i in answer["MediaList"]] == expected[5900:6000]
    with pytest.raises(ServerException) as too_far:
        search_page(vod, 48, token)  # 12 pages x 100 = 1,200 records away
    assert too_far.value.get_error_code() == "InvalidParameter"
    assert [i["MediaId"] for i in search_page(vod, 49, token)["MediaList"]] == expected[4800:4900]


# ---- video info and updates ---------------------------------------------------------------------
def test_get_video_info_and_infos(sandbox: Sandbox, vod: Vod) -> None:
    media_id = add_video(sandbox.state, title="第3集 城市夜景延时", reference_id="ref-1")
    request = GetVideoInfoRequest.GetVideoInfoRequest()
    request.set_VideoId(media_id)
    video = vod(request)["Video"]
    assert video["Title"] == "第3集 城市夜景延时" and video["ReferenceId"] == "ref-1"
    assert video["CoverURL"] == f"http://{sandbox.state.cdn_domain}/{media_id}/cover.png"
    assert video["Snapshots"] == {"Snapshot": []} and video["RegionId"] == "cn-shanghai"
    request = GetVideoInfoRequest.GetVideoInfoRequest()
    request.add_query_param("ReferenceId", "ref-1")
    assert vod(request)["Video"]["VideoId"] == media_id
    request = GetVideoInfoRequest.GetVideoInfoRequest()
    request.set_VideoId("0" * 32)
    error = vod.error(request)
    assert (error.get_http_status(), error.get_error_code()) == (404, "InvalidVideo.NotFound")
    request = GetVideoInfosRequest.GetVideoInfosRequest()
    request.set_VideoIds(f"{media_id},{'f' * 32}")
    answer = vod(request)
    assert [v["VideoId"] for v in answer["VideoList"]] == [media_id]
    assert answer["VideoList"][0]["Snapshots"] == [] and answer["NonExistVideoIds"] == ["f" * 32]
    request = GetVideoInfosRequest.GetVideoInfosRequest()
    request.set_VideoIds(",".join(f"{n:032x}" for n in range(21)))
    assert vod.error(request).get_error_code() == "VideoIdsExceededMax"


def test_update_video_info_only_given_fields_and_limits(sandbox: Sandbox, vod: Vod) -> None:
    media_id = add_video(sandbox.state, title="Old", description="keep me")
    request = UpdateVideoInfoRequest.UpdateVideoInfoRequest()
    request.set_VideoId(media_id)
    request.set_Title("Product launch teaser v2")
    request.set_Tags("launch, promo")
    vod(request)
    info = GetVideoInfoRequest.GetVideoInfoRequest()
    info.set_VideoId(media_id)
    video = vod(info)["Video"]
    assert (video["Title"], video["Tags"], video["Description"]) == (
        "Product launch teaser v2",
        "launch,promo",
        "keep me",
    )
    cases = [
        ("set_Title", "x" * 129, "LengthExceededMax"),
        ("set_Title", "好" * 43, "LengthExceededMax"),  # 129 bytes in UTF-8
        ("set_Description", "d" * 1025, "LengthExceededMax"),
        ("set_Tags", ",".join(f"t{n}" for n in range(17)), "TagsExceededMax"),
        ("set_Tags", "t" * 33, "LengthExceededMax"),
        ("set_Title", "party 🎉", "IllegalCharacters"),
    ]
    for setter, value, code in cases:
        request = UpdateVideoInfoRequest.UpdateVideoInfoRequest()
        request.set_VideoId(media_id)
        getattr(request, setter)(value)
        assert vod.error(request).get_error_code() == code, (setter, value)
    request = UpdateVideoInfosRequest.UpdateVideoInfosRequest()
    request.set_UpdateContent(
        json.dumps([{"VideoId": media_id, "Title": "Batch"}, {"VideoId": "e" * 32, "Title": "x"}])
    )
    assert vod(request)["NonExistVideoIds"] == ["e" * 32]
    assert vod(info)["Video"]["Title"] == "Batch"
    request = UpdateVideoInfosRequest.UpdateVideoInfosRequest()
    request.set_UpdateContent(json.dumps([{"VideoId": media_id, "Title": "x"}] * 21))
    assert vod.error(request).get_error_code() == "CountExceededMax"


def test_delete_video_removes_rows_and_files(sandbox: Sandbox, vod: Vod) -> None:
    state = sandbox.state
    media_id = add_video(state)
    with state.db() as conn:
        path = conn.execute(
            "SELECT path FROM objects WHERE key = ?", (f"sv/test/{media_id}.mp4",)
        ).fetchone()[0]
    request = DeleteVideoRequest.DeleteVideoRequest()
    request.set_VideoIds(f"{media_id},{'a' * 32}")
    assert vod(request)["NonExistVideoIds"] == ["a" * 32]
    with state.db() as conn:
        left = [conn.execute(f"SELECT COUNT(*) FROM {t} WHERE media_id = ?", (media_id,)).fetchone()[0]
                for t in ("media", "streams", "snapshots")]  # fmt: skip
    assert left == [0, 0, 0]
    assert (
        object_count(state, f"sv/test/{media_id}.mp4") == 0
        and object_count(state, f"{media_id}/cover.png") == 0
    )
    assert not Path(path).exists()
    request = DeleteVideoRequest.DeleteVideoRequest()
    request.set_VideoIds(",".join(f"{n:032x}" for n in range(21)))
    assert vod.error(request).get_error_code() == "VideoIdsExceededMax"


# ---- mezzanine, play info, streams --------------------------------------------------------------
def test_get_mezzanine_info_cdn_and_signed_oss(sandbox: Sandbox, vod: Vod) -> None:
    media_id = add_video(sandbox.state)
    request = GetMezzanineInfoRequest.GetMezzanineInfoRequest()
    request.set_VideoId(media_id)
    request.set_AdditionType("video")
    mezzanine = vod(request)["Mezzanine"]
    assert mezzanine["FileURL"] == f"http://{sandbox.state.cdn_domain}/sv/test/{media_id}.mp4"
    assert mezzanine["OutputType"] == "cdn" and mezzanine["Width"] == 320 and mezzanine["Duration"] == "3"
    assert mezzanine["VideoStreamList"][0]["CodecName"] == "h264"
    request = GetMezzanineInfoRequest.GetMezzanineInfoRequest()
    request.set_VideoId(media_id)
    request.set_OutputType("oss")
    url = vod(request)["Mezzanine"]["FileURL"]
    assert "Signature=" in url and "Expires=" in url
    with urllib.request.urlopen(url, timeout=10) as answer:
        assert answer.read() == SAMPLE_MP4.read_bytes()


def test_get_play_info_statuses_and_filters(sandbox: Sandbox, vod: Vod) -> None:
    playable = add_video(sandbox.state)
    request = GetPlayInfoRequest.GetPlayInfoRequest()
    request.set_VideoId(playable)
    answer = vod(request)
    play = answer["PlayInfoList"]["PlayInfo"]
    assert (
        len(play) == 1 and play[0]["PlayURL"] == f"http://{sandbox.state.cdn_domain}/sv/test/{playable}.mp4"
    )
    assert play[0]["Definition"] == "OD" and play[0]["Format"] == "mp4" and play[0]["Duration"] == "3"
    assert answer["VideoBase"]["VideoId"] == playable and answer["VideoBase"]["MediaType"] == "video"
    request = GetPlayInfoRequest.GetPlayInfoRequest()
    request.set_VideoId(playable)
    request.set_Formats("m3u8")
    assert vod.error(request).get_error_code() == "InvalidVideo.NoneStream"
    busy = add_video(sandbox.state, status="Transcoding")
    request = GetPlayInfoRequest.GetPlayInfoRequest()
    request.set_VideoId(busy)
    error = vod.error(request)
    assert (error.get_http_status(), error.get_error_code()) == (403, "Forbidden.IllegalStatus")
    assert error.get_error_msg() == "Status of the video is illegal. Current Status is Transcoding."


def test_delete_stream_and_mezzanines(sandbox: Sandbox, vod: Vod) -> None:
    state = sandbox.state
    media_id = add_video(state)
    request = DeleteMezzaninesRequest.DeleteMezzaninesRequest()
    request.set_VideoIds(media_id)
    assert vod(request)["UnRemoveableVideoIds"] == [media_id]  # the source is the only stream
    request = DeleteStreamRequest.DeleteStreamRequest()
    request.set_VideoId(media_id)
    request.set_JobIds("nope")
    assert vod.error(request).get_error_code() == "InvalidStream.NotFound"
    request.set_JobIds(",".join(f"j{n}" for n in range(21)))
    assert vod.error(request).get_error_code() == "JobIdsExceededMax"
    request.set_JobIds(f"job{media_id}")
    vod(request)
    assert object_count(state, f"sv/test/{media_id}.mp4") == 1  # still the mezzanine
    request = DeleteMezzaninesRequest.DeleteMezzaninesRequest()
    request.set_VideoIds(f"{media_id},{'b' * 32}")
    answer = vod(request)
    assert answer["UnRemoveableVideoIds"] == [] and answer["NonExistVideoIds"] == ["b" * 32]
    assert object_count(state, f"sv/test/{media_id}.mp4") == 0
    forced = add_video(state)
    request = DeleteMezzaninesRequest.DeleteMezzaninesRequest()
    request.set_VideoIds(forced)
    request.set_Force(True)
    assert vod(request)["UnRemoveableVideoIds"] == []
    info = GetMezzanineInfoRequest.GetMezzanineInfoRequest()
    info.set_VideoId(forced)
    assert vod.error(info).get_error_code() == "InvalidFile.NotFound"


def test_get_video_list(sandbox: Sandbox, vod: Vod) -> None:
    seed_demo(sandbox.state, videos=40)
    request = GetVideoListRequest.GetVideoListRequest()
    request.set_Status("Normal")
    request.set_PageSize(5)
    request.set_SortBy("CreationTime:Asc")
    answer = vod(request)
    videos = answer["VideoList"]["Video"]
    assert 5 < answer["Total"] <= 40 and len(videos) == 5
    assert all(v["Status"] == "Normal" and "Snapshot" in v["Snapshots"] for v in videos)
    assert [v["CreationTime"] for v in videos] == sorted(v["CreationTime"] for v in videos)
    request.set_PageNo(51)
    request.set_PageSize(100)
    assert vod.error(request).get_error_code() == "InvalidParameter"


# ---- images and categories ----------------------------------------------------------------------
def test_image_info_update_and_delete(sandbox: Sandbox, vod: Vod) -> None:
    state = sandbox.state
    seed_demo(state, videos=3)
    with state.db() as conn:
        image_id, key = conn.execute(
            "SELECT media_id, object_key FROM media WHERE media_type = 'image'"
        ).fetchone()
    request = GetImageInfoRequest.GetImageInfoRequest()
    request.set_ImageId(image_id)
    info = vod(request)["ImageInfo"]
    assert info["URL"] == f"http://{state.cdn_domain}/{key}" and info["Mezzanine"]["FileSize"].isdigit()
    request = UpdateImageInfosRequest.UpdateImageInfosRequest()
    request.set_UpdateContent(json.dumps([{"ImageId": image_id, "Title": "Banner 2"}, {"ImageId": "c" * 32}]))
    assert vod(request)["NonExistImageIds"] == {"ImageId": ["c" * 32]}
    get = GetImageInfoRequest.GetImageInfoRequest()
    get.set_ImageId(image_id)
    assert vod(get)["ImageInfo"]["Title"] == "Banner 2"
    request = DeleteImageRequest.DeleteImageRequest()
    request.set_DeleteImageType("ImageId")
    request.set_ImageIds(image_id)
    vod(request)
    error = vod.error(get)
    assert (error.get_http_status(), error.get_error_code()) == (404, "NoSuchResource")
    assert object_count(state, key) == 0
    media_id = add_video(state)
    request = DeleteImageRequest.DeleteImageRequest()
    request.set_DeleteImageType("VideoId")
    request.set_VideoId(media_id)
    request.set_ImageType("CoverSnapshot")
    vod(request)
    info_request = GetVideoInfoRequest.GetVideoInfoRequest()
    info_request.set_VideoId(media_id)
    assert vod(info_request)["Video"]["CoverURL"] == ""
    assert vod.error(request).get_error_code() == "NoSuchResource"


def test_get_categories(sandbox: Sandbox, vod: Vod) -> None:
    seed_demo(sandbox.state, videos=1)
    request = GetCategoriesRequest.GetCategoriesRequest()
    request.set_CateId(-1)
    request.set_PageSize(10)
    answer = vod(request)
    roots = answer["SubCategories"]["Category"]
    assert answer["SubTotal"] == len(roots) == 5 and answer["Category"]["CateId"] == -1
    assert roots[0]["CateName"] == "教程/Tutorials" and roots[0]["Level"] == 0 and roots[0]["SubTotal"] == 2
    request = GetCategoriesRequest.GetCategoriesRequest()
    request.set_CateId(roots[0]["CateId"])
    child = vod(request)
    assert child["Category"]["CateName"] == "教程/Tutorials"
    assert [c["CateName"] for c in child["SubCategories"]["Category"]] == ["剪辑/Editing", "拍摄/Shooting"]
    request.set_CateId(42)
    assert vod.error(request).get_http_status() == 404


def test_delete_image_by_url(sandbox: Sandbox, vod: Vod) -> None:
    state = sandbox.state
    seed_demo(state, videos=1)
    with state.db() as conn:
        image_id, key = conn.execute(
            "SELECT media_id, object_key FROM media WHERE media_type = 'image' ORDER BY media_id"
        ).fetchone()
    request = DeleteImageRequest.DeleteImageRequest()
    request.set_DeleteImageType("ImageURL")
    request.set_ImageURLs(urllib.parse.quote(f"http://{state.cdn_domain}/{key}", safe=""))
    vod(request)
    assert object_count(state, key) == 0
    get = GetImageInfoRequest.GetImageInfoRequest()
    get.set_ImageId(image_id)
    assert vod.error(get).get_error_code() == "NoSuchResource"
    assert vod.error(request).get_error_code() == "NoSuchResource"
