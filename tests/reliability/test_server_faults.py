"""Server-side trouble the engine must ride out: a lost Complete answer, clock skew, short credentials."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import oss2
import pytest

from tests.protocol.engine_helpers import client_for_sandbox, engine_on
from tests.reliability.helpers import assert_uploaded_once, media_file
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer import planner
from vodstudio.transfer.engine import UploadEngine

PART = 128 * 1024


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 256 * 1024)
    monkeypatch.setattr(planner, "DEFAULT_PART", PART)


class _Counter:
    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self._lock = threading.Lock()

    def wrap(self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> None:
        real = getattr(owner, name)

        def counted(*args: Any, **kw: Any) -> Any:
            with self._lock:
                self.calls[name] = self.calls.get(name, 0) + 1
            return real(*args, **kw)

        monkeypatch.setattr(owner, name, counted)


def test_complete_landed_then_killed_resumes_without_sending_again(
    sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "landed.mp4"
    data = media_file(path, 24 * PART)
    real = oss2.Bucket.complete_multipart_upload

    def complete_then_die(self: Any, *args: Any, **kw: Any) -> Any:
        real(self, *args, **kw)
        raise KeyboardInterrupt  # the process dies with Complete done and its answer never read

    monkeypatch.setattr(oss2.Bucket, "complete_multipart_upload", complete_then_die)
    queue_path = tmp_path / "queue.sqlite3"
    with engine_on(sandbox, tmp_path, Limits(1, 4, 0)) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(30)
        assert (queue.job(job_id) or engine).state is JobState.UPLOADING  # type: ignore[union-attr]
    monkeypatch.setattr(oss2.Bucket, "complete_multipart_upload", real)
    counter = _Counter()
    counter.wrap(monkeypatch, oss2.Bucket, "upload_part")
    counter.wrap(monkeypatch, oss2.Bucket, "complete_multipart_upload")
    queue = QueueDb(queue_path)
    client = client_for_sandbox(sandbox)
    engine = UploadEngine(queue, lambda _n: client, limits=Limits(1, 4, 0), sink=lambda _e: None)
    try:
        engine.start()
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, job.error_message
    finally:
        engine.close()
        queue.close()
        client.close()
    assert counter.calls == {}  # not one byte sent again (the defect: all 24 parts)
    assert_uploaded_once(sandbox, path, data)


@pytest.mark.parametrize("skew", [-1200.0, 1200.0])
def test_server_clock_off_by_twenty_minutes_costs_no_refresh_storm(
    sandbox: Any, tmp_path: Path, skew: float
) -> None:
    sandbox.state.skew = skew
    sandbox.state.update_config({"upload_credential_lifetime": 900})
    path = tmp_path / "skewed.mp4"
    data = media_file(path, 24 * PART)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 0)) as (engine, queue, client, _rec):
        refreshes = [0]
        original = client.refresh_upload_video

        def counting(video_id: str) -> Any:
            refreshes[0] += 1
            return original(video_id)

        client.refresh_upload_video = counting  # type: ignore[method-assign]
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(60)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, job.error_message
    assert refreshes[0] == 0  # the credential lives 900 s; the defect: one refresh per part
    assert_uploaded_once(sandbox, path, data)


SEEDS = [pytest.param(1, id="s1")] + [
    pytest.param(s, marks=pytest.mark.reliability_long) for s in range(2, 7)
]
SERVER_FAULTS = [
    pytest.param({"error_rate": {"*": 0.15}}, {}, id="5xx"),
    pytest.param({"drop_rate": {"UploadPart": 0.15, "PutObject": 0.15}}, {}, id="drops"),
    pytest.param({"throttle_burst": 4}, {}, id="throttling"),
    pytest.param({"latency_ms": {"*": 120}}, {}, id="slow"),
    pytest.param({}, {"upload_credential_lifetime": 2}, id="short-credentials"),
    pytest.param({"stall_s": {"UploadPart": 30}}, {}, id="stall-then-recover"),
    pytest.param({"trickle_s": {"CompleteMultipartUpload": 0.3}}, {}, id="trickle-then-recover"),
]


@pytest.mark.parametrize(("faults", "config"), SERVER_FAULTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_server_fault_is_ridden_out(
    sandbox: Any, tmp_path: Path, faults: dict[str, Any], config: dict[str, Any], seed: int
) -> None:
    sandbox.state.update_faults({**faults, "seed": seed})
    sandbox.state.update_config(config)
    transient = "stall_s" in faults or "trickle_s" in faults
    if transient:  # the server answers again after a while: the retry after the deadline succeeds
        threading.Timer(0.8, sandbox.state.update_faults, [{"stall_s": {}, "trickle_s": {}}]).start()
    path = tmp_path / "clip.mp4"
    data = media_file(path, 12 * PART + seed)
    with engine_on(sandbox, tmp_path, Limits(1, 3, 400 * 1024 if config else 0)) as (engine, queue, _c, _r):
        if transient:
            engine._shared.session.answer_deadline = 2.0
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(90)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, (job.error_code, job.error_message)
    sandbox.state.update_faults({"error_rate": {}, "drop_rate": {}, "latency_ms": {}})
    assert_uploaded_once(sandbox, path, data)


def test_sandbox_restarted_mid_upload(sandbox: Any, tmp_path: Path) -> None:
    from vodstudio.sandbox.server import Sandbox

    path = tmp_path / "clip.mp4"
    data = media_file(path, 24 * PART)
    port = int(sandbox.info.vod_endpoint.rsplit(":", 1)[1])
    config = replace(sandbox.config, port=port, cdn_port=0)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 600 * 1024)) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
        engine.start()
        deadline = time.monotonic() + 30
        while (queue.job(job_id) or engine).bytes_done < len(data) // 3:  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        sandbox.stop()
        time.sleep(0.5)  # refused connections meanwhile: retried
        again = Sandbox(sandbox.state.data_dir, config)
        again.start()
        try:
            assert engine.wait_idle(90)
            job = queue.job(job_id)
            assert job is not None and job.state is JobState.DONE, (job.error_code, job.error_message)
            assert_uploaded_once(again, path, data)
        finally:
            again.stop()
