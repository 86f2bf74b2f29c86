"""oss2 (the official OSS SDK) against the sandbox's OSS: uploads, parts, ranges, CRCs and auth errors."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest

from vodstudio.sandbox.oss import presign_url
from vodstudio.sandbox.server import Sandbox

KIB = 1024


def create_upload(box: Sandbox, file_name: str = "clip.mp4") -> tuple[dict[str, str], dict[str, str]]:
    info = box.info
    client = AcsClient(info.access_key_id, info.access_key_secret, info.region, auto_retry=False)
    request = CreateUploadVideoRequest()
    request.set_endpoint(info.vod_endpoint.removeprefix("http://"))
    request.set_protocol_type("http")
    request.set_Title("oss test")
    request.set_FileName(file_name)
    answer: dict[str, Any] = json.loads(client.do_action_with_exception(request))
    address = json.loads(base64.b64decode(answer["UploadAddress"]))
    auth = json.loads(base64.b64decode(answer["UploadAuth"]))
    return address, auth


def sts_bucket(address: dict[str, str], auth: dict[str, str], secret: str | None = None) -> oss2.Bucket:
    credentials = oss2.StsAuth(auth["AccessKeyId"], secret or auth["AccessKeySecret"], auth["SecurityToken"])
    return oss2.Bucket(credentials, address["Endpoint"], address["Bucket"], enable_crc=True)


@pytest.fixture
def upload(sandbox: Sandbox) -> tuple[oss2.Bucket, str]:
    address, auth = create_upload(sandbox)
    return sts_bucket(address, auth), address["FileName"]


def test_put_get_head_with_crc_checked_by_oss2(upload: tuple[oss2.Bucket, str]) -> None:
    bucket, key = upload
    data = bytes(range(256)) * 300
    result = bucket.put_object(key, data)  # enable_crc: oss2 compares x-oss-hash-crc64ecma itself
    assert result.etag == __import__("hashlib").md5(data).hexdigest().upper()
    assert bucket.get_object(key).read() == data
    head = bucket.head_object(key)
    assert head.content_length == len(data)
    assert head.headers["x-oss-request-id"]
    assert bucket.get_object(key, byte_range=(100, 199)).read() == data[100:200]
    assert bucket.get_object(key, byte_range=(len(data) - 10, None)).read() == data[-10:]


def test_resumable_multipart_with_threads(upload: tuple[oss2.Bucket, str], tmp_path: Path) -> None:
    bucket, key = upload
    source = tmp_path / "big.mp4"
    source.write_bytes(bytes(range(256)) * (4 * KIB) + b"tail")  # 1 MiB + 4 bytes
    oss2.resumable_upload(
        bucket,
        key,
        str(source),
        store=oss2.ResumableStore(root=str(tmp_path)),
        multipart_threshold=200 * KIB,
        part_size=200 * KIB,
        num_threads=3,
    )
    result = bucket.get_object(key)
    assert result.read() == source.read_bytes()
    assert result.etag.endswith("-6")
    assert result.headers["x-oss-object-type"] == "Multipart"


def test_list_parts_pages_and_abort(upload: tuple[oss2.Bucket, str]) -> None:
    bucket, key = upload
    upload_id = bucket.init_multipart_upload(key).upload_id
    etags = [bucket.upload_part(key, upload_id, n, bytes([n]) * 100 * KIB).etag for n in (1, 2, 3)]
    first = bucket.list_parts(key, upload_id, max_parts=2)
    assert first.is_truncated and first.next_marker == "2"
    assert [(p.part_number, p.etag, p.size) for p in first.parts] == [
        (1, etags[0], 100 * KIB),
        (2, etags[1], 100 * KIB),
    ]
    rest = bucket.list_parts(key, upload_id, marker=first.next_marker)
    assert [p.part_number for p in rest.parts] == [3] and not rest.is_truncated
    assert [p.part_number for p in oss2.PartIterator(bucket, key, upload_id, max_parts=1)] == [1, 2, 3]
    bucket.abort_multipart_upload(key, upload_id)
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        bucket.list_parts(key, upload_id)


def test_complete_validates_the_part_list(upload: tuple[oss2.Bucket, str]) -> None:
    bucket, key = upload
    upload_id = bucket.init_multipart_upload(key).upload_id
    small = bucket.upload_part(key, upload_id, 1, b"x" * 10).etag
    last = bucket.upload_part(key, upload_id, 2, b"y" * 10).etag
    info = oss2.models.PartInfo
    with pytest.raises(oss2.exceptions.ServerError) as too_small:
        bucket.complete_multipart_upload(key, upload_id, [info(1, small), info(2, last)])
    assert (too_small.value.status, too_small.value.code) == (400, "EntityTooSmall")
    with pytest.raises(oss2.exceptions.ServerError) as wrong_tag:
        bucket.complete_multipart_upload(key, upload_id, [info(1, last)])
    assert wrong_tag.value.code == "InvalidPart"
    with pytest.raises(oss2.exceptions.ServerError) as order:
        # oss2 sorts the list itself, so a repeated part number is how a client gets this wrong.
        bucket.complete_multipart_upload(key, upload_id, [info(2, last), info(2, last)])
    assert order.value.code == "InvalidPartOrder"
    bucket.complete_multipart_upload(key, upload_id, [info(2, last)])  # a single (last) part may be small
    assert bucket.get_object(key).read() == b"y" * 10


def test_expired_token_and_wrong_secret(sandbox: Sandbox) -> None:
    address, auth = create_upload(sandbox)
    with pytest.raises(oss2.exceptions.ServerError) as wrong:
        sts_bucket(address, auth, secret="wrong").put_object(address["FileName"], b"data")
    assert (wrong.value.status, wrong.value.code) == (403, "SignatureDoesNotMatch")
    sandbox.state.clock_offset += sandbox.config.upload_credential_lifetime + 1
    with pytest.raises(oss2.exceptions.ServerError) as expired:
        sts_bucket(address, auth).put_object(address["FileName"], b"data")
    assert (expired.value.status, expired.value.code, expired.value.ec) == (
        403,
        "SecurityTokenExpired",
        "0002-00000007",
    )


def test_credential_grants_only_its_own_object(sandbox: Sandbox) -> None:
    address, auth = create_upload(sandbox)
    bucket = sts_bucket(address, auth)
    with pytest.raises(oss2.exceptions.AccessDenied):
        bucket.put_object("sv/someone-else/other.mp4", b"data")
    unknown = {**auth, "AccessKeyId": "STS.doesnotexist"}
    with pytest.raises(oss2.exceptions.ServerError) as missing:
        sts_bucket(address, unknown).put_object(address["FileName"], b"data")
    assert missing.value.code == "InvalidAccessKeyId"


def test_dropped_part_is_not_recorded(upload: tuple[oss2.Bucket, str], sandbox: Sandbox) -> None:
    bucket, key = upload
    upload_id = bucket.init_multipart_upload(key).upload_id
    sandbox.state.update_faults({"drop_rate": {"UploadPart": 1.0}})
    with pytest.raises(oss2.exceptions.RequestError):
        bucket.upload_part(key, upload_id, 1, b"z" * 300 * KIB)
    sandbox.state.update_faults({"drop_rate": {}})
    assert bucket.list_parts(key, upload_id).parts == []
    bucket.upload_part(key, upload_id, 1, b"z" * 300 * KIB)
    assert [p.size for p in bucket.list_parts(key, upload_id).parts] == [300 * KIB]


def test_injected_errors_reach_oss2(upload: tuple[oss2.Bucket, str], sandbox: Sandbox) -> None:
    bucket, key = upload
    sandbox.state.update_faults({"error_rate": {"PutObject": 1.0}})
    with pytest.raises(oss2.exceptions.ServerError) as failed:
        bucket.put_object(key, b"data")
    assert (failed.value.status, failed.value.code) in {(503, "ServiceUnavailable"), (500, "InternalError")}


def test_presigned_url_and_account_key(sandbox: Sandbox, upload: tuple[oss2.Bucket, str]) -> None:
    bucket, key = upload
    bucket.put_object(key, b"presigned body")
    state = sandbox.state
    url = presign_url(state, sandbox.info.bucket, key, state.now() + 60)
    assert httpx.get(url).content == b"presigned body"
    stale = presign_url(state, sandbox.info.bucket, key, state.now() - 1)
    assert httpx.get(stale).status_code == 403
    owner = oss2.Bucket(
        oss2.Auth(sandbox.info.access_key_id, sandbox.info.access_key_secret),
        sandbox.info.oss_endpoint,
        sandbox.info.bucket,
    )
    assert owner.get_object(key).read() == b"presigned body"
    assert owner.sign_url("GET", key, 60).startswith(sandbox.info.oss_endpoint)
    assert httpx.get(owner.sign_url("GET", key, 60)).content == b"presigned body"
    with pytest.raises(oss2.exceptions.NoSuchKey):
        owner.get_object("sv/none.mp4")
