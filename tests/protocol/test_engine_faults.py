"""The engine under trouble: short-lived credentials, 5xx and dropped connections, changed and odd files."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest

from tests.protocol.engine_helpers import engine_on, write_file
from vodstudio.core.errors import NotFoundError
from vodstudio.core.jobs import JobMetadata, JobState, JobStateChanged, Limits
from vodstudio.transfer import planner


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 512 * 1024)
    monkeypatch.setattr(planner, "DEFAULT_PART", 128 * 1024)


def _sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _download(client: Any, media_id: str) -> bytes:
    return httpx.get(client.get_mezzanine_info(media_id).file_url, timeout=30).content


def test_upload_spanning_several_credential_lifetimes(sandbox: Any, tmp_path: Path) -> None:
    sandbox.state.update_config({"upload_credential_lifetime": 5})
    data = write_file(tmp_path / "long.mp4", 2 * 1024 * 1024)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 170 * 1024)) as (engine, queue, client, _rec):
        refreshes = [0]
        original = client.refresh_upload_video

        def counting(video_id: str) -> Any:
            refreshes[0] += 1
            return original(video_id)

        client.refresh_upload_video = counting  # type: ignore[method-assign]
        (job_id,) = engine.add_files("sb", [tmp_path / "long.mp4"], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(60)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, job.error_message
        assert refreshes[0] >= 2  # ~12 s of upload on 5 s credentials
        assert _sha(_download(client, job.media_id)) == _sha(data)


def test_injected_5xx_and_dropped_connections(sandbox: Any, tmp_path: Path) -> None:
    sandbox.state.update_faults(
        {"error_rate": {"*": 0.1}, "drop_rate": {"UploadPart": 0.1, "PutObject": 0.1}, "seed": 7}
    )
    big = write_file(tmp_path / "big.mp4", 2 * 1024 * 1024 + 3, seed=1)
    small = write_file(tmp_path / "small.mp4", 200_000, seed=2)
    with engine_on(sandbox, tmp_path, Limits(2, 4, 0)) as (engine, queue, client, _rec):
        ids = engine.add_files("sb", [tmp_path / "big.mp4", tmp_path / "small.mp4"], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(90)
        sandbox.state.update_faults({"error_rate": {}, "drop_rate": {}})
        for job_id, data in zip(ids, (big, small), strict=True):
            job = queue.job(job_id)
            assert job is not None and job.state is JobState.DONE, (job.error_code, job.error_message)
            assert _sha(_download(client, job.media_id)) == _sha(data)


def test_file_modified_mid_upload_fails_clearly(sandbox: Any, tmp_path: Path) -> None:
    path = tmp_path / "growing.mp4"
    write_file(path, 2 * 1024 * 1024)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 512 * 1024)) as (engine, queue, client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        deadline = time.monotonic() + 20
        while not (queue.checkpoint(job_id) and queue.checkpoint(job_id).parts):  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.02)
        with open(path, "r+b") as handle:  # same size, new bytes, new mtime
            handle.seek(100)
            handle.write(b"changed!")
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.FAILED
        assert job.error_code == "file.changed"
        video = client.get_video_info(job.media_id)
        assert video.status != "Normal"


def test_odd_files_get_clear_outcomes(sandbox: Any, tmp_path: Path) -> None:
    names = ["空格 and spaces.mp4", "emoji 🎥 clip.mp4", "普通话.mov"]
    datas = [write_file(tmp_path / n, 5000 + i, seed=i) for i, n in enumerate(names)]
    (tmp_path / "empty.mp4").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.mp4")
    missing = tmp_path / "missing.mp4"
    explicit = [tmp_path / n for n in names] + [tmp_path / "empty.mp4", tmp_path / "pipe.mp4", missing]
    with engine_on(sandbox, tmp_path, Limits(2, 4, 0)) as (engine, queue, client, _rec):
        ids = engine.add_files("sb", explicit, JobMetadata()).job_ids
        assert len(ids) == 6
        engine.start()
        assert engine.wait_idle(60)
        jobs = [queue.job(i) for i in ids]
        outcomes = [(j.state, j.error_code) for j in jobs if j is not None]
        assert outcomes[:3] == [(JobState.DONE, "")] * 3
        assert outcomes[3:] == [
            (JobState.FAILED, "file.empty"),
            (JobState.FAILED, "file.not-regular"),
            (JobState.FAILED, "file.missing"),
        ]
        for job, data in zip(jobs[:3], datas, strict=True):
            assert job is not None and _sha(_download(client, job.media_id)) == _sha(data)


def test_crc_mismatch_on_a_part_is_retried(sandbox: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """One odd response (a wrong CRC header on one part): a mock, as allowed for this case only."""
    data = write_file(tmp_path / "c.mp4", 1024 * 1024)
    real = oss2.Bucket.upload_part
    lock = threading.Lock()
    corrupted: list[int] = []

    def corrupting(self: Any, key: str, upload_id: str, number: int, body: Any, **kw: Any) -> Any:
        result = real(self, key, upload_id, number, body, **kw)
        with lock:
            if number == 2 and not corrupted:
                corrupted.append(number)
                result.crc = (result.crc or 0) ^ 1
        return result

    monkeypatch.setattr(oss2.Bucket, "upload_part", corrupting)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 0)) as (engine, queue, client, _rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "c.mp4"], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE and corrupted == [2]
        assert _sha(_download(client, job.media_id)) == _sha(data)


def test_object_crc_mismatch_fails_and_removes_the_video(
    sandbox: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    write_file(tmp_path / "c.mp4", 1024 * 1024)
    real = oss2.Bucket.complete_multipart_upload

    def corrupting(self: Any, *args: Any, **kw: Any) -> Any:
        result = real(self, *args, **kw)
        result.crc = (result.crc or 0) ^ 1
        return result

    monkeypatch.setattr(oss2.Bucket, "complete_multipart_upload", corrupting)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 0)) as (engine, queue, client, rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "c.mp4"], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.FAILED and job.error_code == "integrity"
        media_ids = {e.media_id for e in rec.events if isinstance(e, JobStateChanged) and e.media_id}
        assert media_ids
        for media_id in media_ids:
            with pytest.raises(NotFoundError):
                client.get_video_info(media_id)
