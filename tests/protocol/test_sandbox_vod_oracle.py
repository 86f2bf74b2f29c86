"""The official aliyun-python-sdk-vod against the sandbox: the doc samples work unchanged but the endpoint."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import oss2
import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest
from aliyunsdkcore.utils import parameter_helper
from aliyunsdkvod.request.v20170321 import (
    CreateUploadAttachedMediaRequest,
    CreateUploadImageRequest,
    CreateUploadVideoRequest,
    GetPlayInfoRequest,
    GetURLUploadInfosRequest,
    GetVideoInfoRequest,
    RefreshUploadVideoRequest,
    RegisterMediaRequest,
    UploadMediaByURLRequest,
)

from vodstudio.sandbox import oss_store
from vodstudio.sandbox.server import Sandbox

SAMPLE = Path(__file__).resolve().parents[2] / "vodstudio" / "sandbox" / "assets" / "sample.mp4"


def client_for(box: Sandbox, secret: str | None = None, key_id: str | None = None) -> AcsClient:
    info = box.info
    return AcsClient(
        key_id or info.access_key_id, secret or info.access_key_secret, info.region, auto_retry=False
    )


def call(box: Sandbox, request: RpcRequest, client: AcsClient | None = None) -> dict[str, Any]:
    request.set_endpoint(box.info.vod_endpoint.removeprefix("http://"))
    request.set_protocol_type("http")
    request.set_accept_format("JSON")
    own = client or client_for(box)
    try:
        answer: dict[str, Any] = json.loads(own.do_action_with_exception(request))
    finally:
        if client is None:
            own.session.close()  # each AcsClient pools its own connections
    assert answer["RequestId"]
    return answer


def failure(box: Sandbox, request: RpcRequest, client: AcsClient | None = None) -> ServerException:
    with pytest.raises(ServerException) as caught:
        call(box, request, client)
    return caught.value


def decode(value: str) -> dict[str, str]:
    decoded: dict[str, str] = json.loads(base64.b64decode(value))
    return decoded


def create_video(box: Sandbox, title: str = "sample video", **extra: str) -> dict[str, Any]:
    request = CreateUploadVideoRequest.CreateUploadVideoRequest()
    request.set_Title(title)
    request.set_FileName("/Users/demo/video/sample.mp4")
    request.set_Tags("tag1,tag2")
    for name, value in extra.items():
        getattr(request, f"set_{name}")(value)
    return call(box, request)


def video_status(box: Sandbox, video_id: str) -> str:
    request = GetVideoInfoRequest.GetVideoInfoRequest()
    request.set_VideoId(video_id)
    return str(call(box, request)["Video"]["Status"])


def wait_for_status(box: Sandbox, video_id: str, wanted: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while (status := video_status(box, video_id)) != wanted:
        assert time.monotonic() < deadline, f"video stuck in {status}"
        time.sleep(0.1)


def test_create_upload_video_then_oss2_upload_makes_it_normal(sandbox: Sandbox, tmp_path: Path) -> None:
    answer = create_video(sandbox)
    address, auth = decode(answer["UploadAddress"]), decode(answer["UploadAuth"])
    assert address["Endpoint"] == sandbox.info.vod_endpoint
    assert address["Bucket"] == sandbox.info.bucket
    assert address["FileName"].startswith("sv/") and address["FileName"].endswith(".mp4")
    assert auth["AccessKeyId"].startswith("STS.") and auth["SecurityToken"].startswith("CAIS")
    assert auth["Expiration"] == str(int(sandbox.config.upload_credential_lifetime))
    assert auth["Region"] == "cn-shanghai" and auth["ExpireUTCTime"].endswith("Z")
    assert video_status(sandbox, answer["VideoId"]) == "Uploading"
    bucket = oss2.Bucket(
        oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"]),
        address["Endpoint"],
        address["Bucket"],
        enable_crc=True,
    )
    bucket.put_object_from_file(address["FileName"], str(SAMPLE))
    wait_for_status(sandbox, answer["VideoId"], "Normal")
    with sandbox.state.db() as conn:
        row = conn.execute("SELECT * FROM media WHERE media_id = ?", (answer["VideoId"],)).fetchone()
        covers = conn.execute(
            "SELECT object_key FROM snapshots WHERE media_id = ?", (answer["VideoId"],)
        ).fetchall()
    assert row["size"] == SAMPLE.stat().st_size and row["duration"] > 0 and row["width"] > 0
    assert len(covers) == 1
    play = GetPlayInfoRequest.GetPlayInfoRequest()
    play.set_VideoId(answer["VideoId"])
    urls = [item["PlayURL"] for item in call(sandbox, play)["PlayInfoList"]["PlayInfo"]]
    assert urls and all(url.startswith(sandbox.info.cdn_base_url) for url in urls)
    assert httpx.get(urls[0]).content == SAMPLE.read_bytes()


def test_refresh_keeps_the_address_and_issues_a_new_credential(sandbox: Sandbox) -> None:
    first = create_video(sandbox, ReferenceId="order-12345")
    request = RefreshUploadVideoRequest.RefreshUploadVideoRequest()
    request.set_VideoId(first["VideoId"])
    again = call(sandbox, request)
    assert again["VideoId"] == first["VideoId"]
    assert decode(again["UploadAddress"]) == decode(first["UploadAddress"])
    assert decode(again["UploadAuth"])["AccessKeyId"] != decode(first["UploadAuth"])["AccessKeyId"]
    by_reference = RefreshUploadVideoRequest.RefreshUploadVideoRequest()
    by_reference.add_query_param("ReferenceId", "order-12345")
    assert call(sandbox, by_reference)["VideoId"] == first["VideoId"]
    missing = RefreshUploadVideoRequest.RefreshUploadVideoRequest()
    missing.set_VideoId("0" * 32)
    err = failure(sandbox, missing)
    assert (err.get_http_status(), err.get_error_code()) == (404, "InvalidVideo.NotFound")


def test_reference_id_is_unique(sandbox: Sandbox) -> None:
    create_video(sandbox, ReferenceId="dup-ref-001")
    with pytest.raises(ServerException) as caught:
        create_video(sandbox, ReferenceId="dup-ref-001")
    assert caught.value.get_error_code() == "InvalidParameter.ReferenceId"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"title": "x" * 129}, "LengthExceededMax"),
        ({"title": "标题" * 22}, "LengthExceededMax"),  # 132 bytes: the limit counts bytes
        ({"title": "party \U0001f389"}, "IllegalCharacters"),
        ({"Tags": ",".join(f"t{n}" for n in range(17))}, "TagsExceededMax"),
        ({"FileName": "notes.txt"}, "InvalidFileName.Extension"),
        ({"FileName": "noextension"}, "InvalidFileName.Extension"),
        ({"StorageLocation": "outin-other.oss-cn-shanghai.aliyuncs.com"}, "InvalidStorage.NotFound"),
    ],
)
def test_create_upload_video_limits(sandbox: Sandbox, changes: dict[str, str], code: str) -> None:
    title = changes.pop("title", "ok title")
    with pytest.raises(ServerException) as caught:
        create_video(sandbox, title, **changes)
    assert caught.value.get_error_code() == code


def test_wrong_secret_unknown_key_and_upload_key(sandbox: Sandbox) -> None:
    request = CreateUploadVideoRequest.CreateUploadVideoRequest()
    request.set_Title("t")
    request.set_FileName("a.mp4")
    wrong = failure(sandbox, request, client_for(sandbox, secret="wrong-secret"))
    # The SDK recognised its own string to sign in our message and rewrote the code.
    assert (wrong.get_http_status(), wrong.get_error_code()) == (400, "InvalidAccessKeySecret")
    unknown = failure(sandbox, request, client_for(sandbox, key_id="LTAInobody"))
    assert (unknown.get_http_status(), unknown.get_error_code()) == (404, "InvalidAccessKeyId.NotFound")
    auth = decode(create_video(sandbox)["UploadAuth"])
    no_token = failure(
        sandbox, request, client_for(sandbox, secret=auth["AccessKeySecret"], key_id=auth["AccessKeyId"])
    )
    assert no_token.get_error_code() == "MissingSecurityToken"
    credential = StsTokenCredential(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"])
    sts_client = AcsClient(region_id=sandbox.info.region, credential=credential, auto_retry=False)
    try:
        sts = failure(sandbox, request, sts_client)
    finally:
        sts_client.session.close()
    assert sts.get_error_code() == "Forbidden.RAM"  # upload credentials are for OSS only


def test_clock_skew_and_throttling(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    request = CreateUploadVideoRequest.CreateUploadVideoRequest()
    request.set_Title("t")
    request.set_FileName("a.mp4")
    # A client whose clock runs an hour slow: the SDK stamps its requests with that clock.
    slow = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3600))
    monkeypatch.setattr(parameter_helper, "get_iso_8061_date", lambda: slow)
    assert failure(sandbox, request).get_error_code() == "InvalidTimeStamp.Expired"
    monkeypatch.undo()
    sandbox.state.clock_offset = 3600  # the sandbox's own clock moving on does not matter for signing
    assert call(sandbox, request)["VideoId"]
    sandbox.state.update_faults({"throttle_burst": 1})
    throttled = failure(sandbox, request)
    assert throttled.get_error_code() == "Throttling"
    assert throttled.get_error_msg() == "Request was denied due to request throttling."
    assert call(sandbox, request)["VideoId"]


def test_create_upload_image_and_attached_media(sandbox: Sandbox) -> None:
    image = CreateUploadImageRequest.CreateUploadImageRequest()
    image.set_ImageType("default")
    image.set_ImageExt("jpg")
    image.set_Title("poster")
    answer = call(sandbox, image)
    assert answer["ImageURL"].startswith(f"http://{sandbox.info.cdn_domain}/image/default/")
    assert decode(answer["UploadAddress"])["FileName"] == f"image/default/{answer['ImageId']}.jpg"
    media = CreateUploadAttachedMediaRequest.CreateUploadAttachedMediaRequest()
    media.set_BusinessType("subtitle")
    media.set_MediaExt("vtt")
    media.set_Title("subtitles")
    attached = call(sandbox, media)
    address, auth = decode(attached["UploadAddress"]), decode(attached["UploadAuth"])
    assert address["FileName"] == f"subtitle/{attached['MediaId']}.vtt"
    bucket = oss2.Bucket(
        oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"]),
        address["Endpoint"],
        address["Bucket"],
    )
    bucket.put_object(address["FileName"], b"WEBVTT\n")
    with sandbox.state.db() as conn:
        status = conn.execute(
            "SELECT status FROM media WHERE media_id = ?", (attached["MediaId"],)
        ).fetchone()
    assert status[0] == "Normal"
    bad = CreateUploadAttachedMediaRequest.CreateUploadAttachedMediaRequest()
    bad.set_BusinessType("subtitle")
    bad.set_MediaExt("exe")
    assert failure(sandbox, bad).get_error_code() == "InvalidParameter"


def pull_jobs(box: Sandbox, job_ids: list[str]) -> list[dict[str, Any]]:
    request = GetURLUploadInfosRequest.GetURLUploadInfosRequest()
    request.set_JobIds(",".join(job_ids))
    infos: list[dict[str, Any]] = call(box, request)["URLUploadInfoList"]
    return infos


def test_upload_media_by_url_pulls_loopback_only(sandbox: Sandbox) -> None:
    sandbox.state.update_config({"url_pull_delay": 0.05})
    owner = oss2.Bucket(
        oss2.Auth(sandbox.info.access_key_id, sandbox.info.access_key_secret),
        sandbox.info.oss_endpoint,
        sandbox.info.bucket,
    )
    owner.put_object_from_file("incoming/source.mp4", str(SAMPLE))
    local = owner.sign_url("GET", "incoming/source.mp4", 600)
    remote = "http://example.com/video.mp4"
    request = UploadMediaByURLRequest.UploadMediaByURLRequest()
    request.set_UploadURLs(",".join(quote(u, safe="") for u in (local, remote)))
    # As the official sample does: the metadata's SourceURL is the encoded string sent in UploadURLs.
    request.set_UploadMetadatas(json.dumps([{"SourceURL": quote(local, safe=""), "Title": "pulled"}]))
    jobs = call(sandbox, request)["UploadJobs"]
    assert [job["SourceURL"] for job in jobs] == [local, remote]
    ids = [job["JobId"] for job in jobs]
    deadline = time.monotonic() + 10
    while {info["Status"] for info in pull_jobs(sandbox, ids)} - {"SUCCESS", "DOWNLOAD_FAIL"}:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    pulled, failed = pull_jobs(sandbox, ids)
    assert (pulled["Status"], pulled["FileSize"]) == ("SUCCESS", str(SAMPLE.stat().st_size))
    assert (failed["Status"], failed["ErrorCode"]) == ("DOWNLOAD_FAIL", "DownloadFailed")
    wait_for_status(sandbox, pulled["MediaId"], "Normal")
    assert video_title(sandbox, pulled["MediaId"]) == "pulled"
    missing = GetURLUploadInfosRequest.GetURLUploadInfosRequest()
    missing.set_JobIds("f" * 32)
    assert call(sandbox, missing)["NonExists"] == ["f" * 32]


def video_title(box: Sandbox, video_id: str) -> str:
    request = GetVideoInfoRequest.GetVideoInfoRequest()
    request.set_VideoId(video_id)
    title: str = call(box, request)["Video"]["Title"]
    return title


def test_url_pull_metadata_needs_the_same_string_as_upload_urls(sandbox: Sandbox) -> None:
    """SourceURL is compared with the UploadURLs entry as sent: a raw URL does not match its encoding."""
    sandbox.state.update_config({"url_pull_delay": 0.05})
    with sandbox.state.db() as conn:
        oss_store.put_bytes(
            sandbox.state, conn, sandbox.info.bucket, "in/drop me.mp4", SAMPLE.read_bytes(), "video/mp4"
        )
    url = f"{sandbox.info.cdn_base_url}/in/drop me.mp4"
    request = UploadMediaByURLRequest.UploadMediaByURLRequest()
    request.set_UploadURLs(quote(url, safe=":/"))
    request.set_UploadMetadatas(json.dumps([{"SourceURL": url, "Title": "never applied"}]))
    (job,) = call(sandbox, request)["UploadJobs"]
    deadline = time.monotonic() + 10
    while (info := pull_jobs(sandbox, [job["JobId"]])[0])["Status"] != "SUCCESS":
        assert "FAIL" not in info["Status"], info["ErrorMessage"]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert video_title(sandbox, info["MediaId"]) == "drop me.mp4"


def test_register_media(sandbox: Sandbox) -> None:
    info = sandbox.info
    owner = oss2.Bucket(oss2.Auth(info.access_key_id, info.access_key_secret), info.oss_endpoint, info.bucket)
    owner.put_object_from_file("raw/registered.mp4", str(SAMPLE))
    file_url = f"https://{info.bucket}.oss-cn-shanghai.aliyuncs.com/raw/registered.mp4"
    missing_url = f"https://{info.bucket}.oss-cn-shanghai.aliyuncs.com/raw/missing.mp4"
    request = RegisterMediaRequest.RegisterMediaRequest()
    request.set_TemplateGroupId("VOD_NO_TRANSCODE")
    metadata = [{"FileURL": file_url, "Title": "registered"}, {"FileURL": missing_url, "Title": "gone"}]
    request.set_RegisterMetadatas(json.dumps(metadata))
    first = call(sandbox, request)
    assert first["FailedFileURLs"] == [missing_url]
    [registered] = first["RegisteredMediaList"]
    assert registered["NewRegister"] is True
    again = RegisterMediaRequest.RegisterMediaRequest()
    again.set_RegisterMetadatas(json.dumps(metadata[:1]))
    [repeat] = call(sandbox, again)["RegisteredMediaList"]
    assert (repeat["MediaId"], repeat["NewRegister"]) == (registered["MediaId"], False)
    wait_for_status(sandbox, registered["MediaId"], "Normal")


def raw_get(box: Sandbox, **params: str) -> httpx.Response:
    """A hand-signed GET with everything in the query string, as the API docs show it."""
    from vodstudio.cloud.aliyun import signing

    state = box.state
    query = {
        "Format": "JSON",
        "Version": "2017-03-21",
        "AccessKeyId": box.info.access_key_id,
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureNonce": state.new_request_id(),
        "Timestamp": state.iso(state.now()),
        **params,
    }
    query["Signature"] = signing.sign(box.info.access_key_secret, signing.string_to_sign("GET", query))
    return httpx.get(f"{box.info.vod_endpoint}/", params=query)


def test_raw_get_error_body_and_xml_format(sandbox: Sandbox) -> None:
    unknown = raw_get(sandbox, Action="NoSuchAction")
    body = unknown.json()
    assert (unknown.status_code, body["Code"]) == (404, "InvalidApi.NotFound")
    assert set(body) == {"RequestId", "HostId", "Code", "Message", "Recommend"}
    assert body["Recommend"].endswith(f"q=InvalidApi.NotFound&product=Vod&requestId={body['RequestId']}")
    xml = raw_get(sandbox, Action="CreateUploadVideo", Format="XML", Title="x", FileName="a.mp4")
    assert xml.status_code == 200
    assert xml.text.startswith('<?xml version="1.0" encoding="UTF-8"?><CreateUploadVideoResponse><RequestId>')
