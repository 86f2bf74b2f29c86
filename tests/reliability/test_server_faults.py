"""Server-side trouble the engine must ride out: a lost Complete answer, clock skew, short credentials."""

from __future__ import annotations

import threading
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
