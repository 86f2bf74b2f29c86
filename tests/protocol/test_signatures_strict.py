"""Our clients against the strict sandbox: ACS3 + OSS V4 work end to end; a refused signature is one
request, a typed error that says what to change, with the RequestId, and never a retry loop."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.protocol.engine_helpers import Recorder, client_for_sandbox, write_file
from tests.protocol.test_vod_client import FAST_RETRY, CountingTransport
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth
from vodstudio.core.accounts import SignatureScheme
from vodstudio.core.errors import SignatureRejectedError
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine
from vodstudio.transfer.oss_session import OssSession, OssSignature

pytestmark = pytest.mark.parametrize("sandbox_strict", [True])


def _client(box: Any, wire: httpx.BaseTransport, **kw: Any) -> VodClient:
    info = box.info
    kw.setdefault("secret", info.access_key_secret)
    secret = kw.pop("secret")
    return VodClient(
        info.access_key_id, secret, endpoint=info.vod_endpoint, retry=FAST_RETRY, transport=wire, **kw
    )


def test_wrong_secret_is_one_request_and_says_what_to_change(sandbox: Any) -> None:
    wire = CountingTransport()
    with (
        _client(sandbox, wire, secret="not-the-secret") as vod,
        pytest.raises(SignatureRejectedError) as caught,
    ):
        vod.get_categories()
    error = caught.value
    assert (error.code, error.service_code, error.retryable) == (
        "signature.mismatch",
        "SignatureDoesNotMatch",
        False,
    )
    assert error.request_id and "switch the account's request signature" in error.message
    assert wire.count("GetCategories") == 1


def test_hmac_sha1_account_is_refused_plainly_cdn_calls_too(sandbox: Any) -> None:
    wire = CountingTransport()
    with _client(sandbox, wire, signature=SignatureScheme.HMAC_SHA1) as vod:
        for call in (vod.get_categories, vod.describe_vod_refresh_quota):
            with pytest.raises(SignatureRejectedError) as caught:
                call()
            assert caught.value.code == "signature.refused" and caught.value.request_id
            assert "ACS3-HMAC-SHA256" in str(caught.value)
    assert len(wire.actions) == 2  # one request each, no retry
    with _client(sandbox, CountingTransport()) as vod:  # the same key, signed ACS3: fine
        assert vod.describe_vod_refresh_quota().url_quota > 0


class CountingSession(OssSession):
    """Counts the buckets the engine asks for: one per OSS request attempt."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.attempts = 0
        self._count_lock = threading.Lock()

    def bucket(self, address: UploadAddress, auth: UploadAuth, *, region_hint: str = "") -> Any:
        with self._count_lock:
            self.attempts += 1
        return super().bucket(address, auth, region_hint=region_hint)


def _upload(box: Any, tmp_path: Path, session: OssSession, size: int) -> tuple[Any, bytes, VodClient]:
    data = write_file(tmp_path / "clip.mp4", size)
    queue = QueueDb(tmp_path / f"queue-{session.signature}.sqlite3")
    client = client_for_sandbox(box)
    engine = UploadEngine(
        queue,
        lambda _n: client,
        limits=Limits(1, 4, 0),
        sink=Recorder(),
        session=session,
        part_size=256 * 1024,
    )
    try:
        (job_id,) = engine.add_files("sb", [tmp_path / "clip.mp4"], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(60)
        return queue.job(job_id), data, client
    finally:
        engine.close()
        queue.close()


def test_engine_multipart_on_v4_and_acs3_is_byte_identical(sandbox: Any, tmp_path: Path) -> None:
    job, data, client = _upload(sandbox, tmp_path, CountingSession(), 1024 * 1024 + 7)
    try:
        assert job.state is JobState.DONE, job.error_message
        url = client.get_mezzanine_info(job.media_id, output_type="oss").file_url
        assert "x-oss-signature-version=OSS4-HMAC-SHA256" in url
        assert hashlib.sha256(httpx.get(url).content).digest() == hashlib.sha256(data).digest()
    finally:
        client.close()


def test_engine_on_oss_v1_fails_once_with_the_bucket_refusal(sandbox: Any, tmp_path: Path) -> None:
    session = CountingSession(signature=OssSignature.V1)
    job, _data, client = _upload(sandbox, tmp_path, session, 100 * 1024)  # one simple PUT
    client.close()
    assert job.state is JobState.FAILED
    assert job.error_code == "signature.oss-v1-refused" and job.request_id
    assert "OSS no longer supports V1 signatures." in job.error_message
    assert session.attempts == 1  # refused signatures are never retried
