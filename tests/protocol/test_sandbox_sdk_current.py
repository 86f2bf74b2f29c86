"""Today's official SDKs against the sandbox, lenient and strict: alibabacloud-vod20170321 (ACS3 over
alibabacloud-tea-openapi) and alibabacloud-oss-v2 (OSS V4) run their documented samples unchanged but
the endpoint; the legacy aliyun-python-sdk-vod and oss2 V1 pass lenient and are refused strict."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from typing import Any

import alibabacloud_oss_v2 as oss
import httpx
import oss2
import pytest
from alibabacloud_tea_openapi import models as open_api
from alibabacloud_tea_openapi.exceptions import ClientException
from alibabacloud_vod20170321 import models as vod
from alibabacloud_vod20170321.client import Client as VodSdk
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321 import GetVideoInfoRequest as LegacyGetVideoInfo

from vodstudio.sandbox.server import Sandbox

BOTH = pytest.mark.parametrize("sandbox_strict", [False, True], ids=["lenient", "strict"])


def vod_sdk(box: Sandbox, *, secret: str | None = None, algorithm: str | None = None) -> VodSdk:
    info = box.info
    config = open_api.Config(
        access_key_id=info.access_key_id,
        access_key_secret=secret or info.access_key_secret,
        endpoint=info.vod_endpoint.removeprefix("http://"),  # the only change to the samples
        protocol="http",
        region_id=info.region,
        signature_algorithm=algorithm,
    )
    return VodSdk(config)


def upload_ticket(box: Sandbox, title: str = "sample video") -> vod.CreateUploadVideoResponseBody:
    request = vod.CreateUploadVideoRequest(
        title=title, file_name="/Users/demo/video/sample.mp4", tags="tag1,tag2", description="sdk sample"
    )
    body: vod.CreateUploadVideoResponseBody = vod_sdk(box).create_upload_video(request).body
    return body


def oss_client(
    ticket: vod.CreateUploadVideoResponseBody, *, secret: str | None = None
) -> tuple[Any, str, str]:
    """An alibabacloud-oss-v2 client on the upload credential, as VOD's upload samples build it."""
    address = json.loads(base64.b64decode(ticket.upload_address))
    auth = json.loads(base64.b64decode(ticket.upload_auth))
    config = oss.config.load_default()
    config.credentials_provider = oss.credentials.StaticCredentialsProvider(
        auth["AccessKeyId"], secret or auth["AccessKeySecret"], auth["SecurityToken"]
    )
    config.region = auth["Region"]
    config.endpoint = address["Endpoint"]
    return oss.Client(config), address["Bucket"], address["FileName"]


def wait_normal(box: Sandbox, video_id: str) -> vod.GetVideoInfoResponseBody:
    client = vod_sdk(box)
    deadline = time.monotonic() + 20
    while True:
        body: vod.GetVideoInfoResponseBody = client.get_video_info(
            vod.GetVideoInfoRequest(video_id=video_id)
        ).body
        if body.video.status == "Normal" or time.monotonic() > deadline:
            return body
        time.sleep(0.1)


@BOTH
def test_vod_samples_and_an_oss_v2_put(sandbox: Sandbox) -> None:
    ticket = upload_ticket(sandbox)
    client, bucket, key = oss_client(ticket)
    put = client.put_object(
        oss.PutObjectRequest(bucket=bucket, key=key, body=b"\x00\x00\x00\x18ftypmp42" * 512)
    )
    assert put.status_code == 200
    info = wait_normal(sandbox, ticket.video_id)
    assert (info.video.title, info.video.status) == ("sample video", "Normal")
    found = vod_sdk(sandbox).search_media(
        vod.SearchMediaRequest(search_type="video", match="Title='sample video'", fields="Title,CoverURL")
    )
    assert [m.video.title for m in found.body.media_list] == ["sample video"]


@BOTH
def test_oss_v2_multipart_list_parts_and_presigned_get(sandbox: Sandbox) -> None:
    client, bucket, key = oss_client(upload_ticket(sandbox, "multipart"))
    first, last = b"a" * (100 * 1024), b"the tail"
    started = client.initiate_multipart_upload(oss.InitiateMultipartUploadRequest(bucket=bucket, key=key))
    parts = []
    for number, data in ((1, first), (2, last)):
        sent = client.upload_part(
            oss.UploadPartRequest(
                bucket=bucket, key=key, upload_id=started.upload_id, part_number=number, body=data
            )
        )
        parts.append(oss.UploadPart(part_number=number, etag=sent.etag))
    listed = client.list_parts(oss.ListPartsRequest(bucket=bucket, key=key, upload_id=started.upload_id))
    assert [p.part_number for p in listed.parts] == [1, 2]
    client.complete_multipart_upload(
        oss.CompleteMultipartUploadRequest(
            bucket=bucket,
            key=key,
            upload_id=started.upload_id,
            complete_multipart_upload=oss.CompleteMultipartUpload(parts=parts),
        )
    )
    url = client.presign(oss.GetObjectRequest(bucket=bucket, key=key)).url
    assert "x-oss-signature-version=OSS4-HMAC-SHA256" in url and "x-oss-security-token=" in url
    assert httpx.get(url).content == first + last


@BOTH
def test_wrong_secrets_are_the_documented_errors(sandbox: Sandbox) -> None:
    with pytest.raises(ClientException) as caught:
        vod_sdk(sandbox, secret="wrong").get_video_info(vod.GetVideoInfoRequest(video_id="x"))
    assert (caught.value.status_code, caught.value.code) == (400, "SignatureDoesNotMatch")
    assert "server string to sign is:ACS3-HMAC-SHA256\n" in caught.value.message
    client, bucket, key = oss_client(upload_ticket(sandbox), secret="wrong")
    with pytest.raises(oss.exceptions.OperationError) as failed:
        client.put_object(oss.PutObjectRequest(bucket=bucket, key=key, body=b"x"))
    error = failed.value.unwrap()
    assert (error.status_code, error.code, error.ec) == (403, "SignatureDoesNotMatch", "0002-00000201")


def test_expired_presigned_v4_url(sandbox: Sandbox) -> None:
    client, bucket, key = oss_client(upload_ticket(sandbox))
    client.put_object(oss.PutObjectRequest(bucket=bucket, key=key, body=b"data"))
    url = client.presign(oss.GetObjectRequest(bucket=bucket, key=key), expires=dt.timedelta(seconds=60)).url
    assert httpx.get(url).status_code == 200
    sandbox.state.clock_offset = 120
    expired = httpx.get(url)
    assert expired.status_code == 403 and "<EC>0002-00000069</EC>" in expired.text


@BOTH
def test_tea_openapi_hmac_sha1_mode(sandbox: Sandbox, sandbox_strict: bool) -> None:
    """tea-openapi's own legacy switch (signature_algorithm='v2': HMAC-SHA1 RPC)."""
    legacy = vod_sdk(sandbox, algorithm="v2")
    ticket = upload_ticket(sandbox)
    if not sandbox_strict:
        assert legacy.get_video_info(vod.GetVideoInfoRequest(video_id=ticket.video_id)).body.video.title
        return
    with pytest.raises(ClientException) as caught:
        legacy.get_video_info(vod.GetVideoInfoRequest(video_id=ticket.video_id))
    assert (caught.value.status_code, caught.value.code) == (400, "IncompleteSignature")


@BOTH
def test_legacy_sdks_pass_lenient_and_are_refused_strict(sandbox: Sandbox, sandbox_strict: bool) -> None:
    ticket = upload_ticket(sandbox)
    info = sandbox.info
    acs = AcsClient(info.access_key_id, info.access_key_secret, info.region, auto_retry=False)
    request = LegacyGetVideoInfo.GetVideoInfoRequest()
    request.set_VideoId(ticket.video_id)
    request.set_endpoint(info.vod_endpoint.removeprefix("http://"))
    request.set_protocol_type("http")
    auth = json.loads(base64.b64decode(ticket.upload_auth))
    address = json.loads(base64.b64decode(ticket.upload_address))
    v1 = oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"])
    bucket = oss2.Bucket(v1, address["Endpoint"], address["Bucket"])
    try:
        if not sandbox_strict:
            assert json.loads(acs.do_action_with_exception(request))["Video"]["VideoId"] == ticket.video_id
            assert bucket.put_object(address["FileName"], b"v1 body").status == 200
            assert httpx.get(bucket.sign_url("GET", address["FileName"], 60)).content == b"v1 body"
            return
        with pytest.raises(ServerException) as refused:
            acs.do_action_with_exception(request)
        assert (refused.value.get_http_status(), refused.value.get_error_code()) == (
            400,
            "IncompleteSignature",
        )
        with pytest.raises(oss2.exceptions.OssError) as denied:
            bucket.put_object(address["FileName"], b"v1 body")
        assert (denied.value.status, denied.value.code, denied.value.ec) == (
            403,
            "AccessDenied",
            "0002-00000080",
        )
        assert denied.value.message == "OSS no longer supports V1 signatures."
        presigned = httpx.get(bucket.sign_url("GET", address["FileName"], 60))
        assert presigned.status_code == 403 and "<EC>0002-00000080</EC>" in presigned.text
    finally:
        acs.session.close()  # each AcsClient pools its own connections
