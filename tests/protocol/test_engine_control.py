"""Pause keeps the upload and resumes it; cancel aborts it and deletes the VOD record it created."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.protocol.engine_helpers import engine_on, write_file
from vodstudio.core.errors import NotFoundError
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer import planner

SIZE = 3 * 1024 * 1024 + 5


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 512 * 1024)
    monkeypatch.setattr(planner, "DEFAULT_PART", 256 * 1024)


def _wait_for(predicate: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def _state(queue: QueueDb, job_id: int) -> JobState:
    job = queue.job(job_id)
    assert job is not None
    return job.state


def test_pause_keeps_parts_and_resume_finishes(sandbox: Any, tmp_path: Path) -> None:
    data = write_file(tmp_path / "clip.mp4", SIZE)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 1024 * 1024)) as (engine, queue, client, rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "clip.mp4"], JobMetadata()).job_ids
        engine.start()
        _wait_for(lambda: len((queue.checkpoint(job_id) or _NoCp).parts) >= 2)
        engine.pause([job_id])
        _wait_for(lambda: _state(queue, job_id) is JobState.PAUSED)
        cp = queue.checkpoint(job_id)
        assert cp is not None and cp.upload_id and cp.parts
        upload_id = cp.upload_id
        engine.set_limits(Limits(1, 2, 0))
        engine.resume([job_id])
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, job.error_message
        assert JobState.PAUSED in rec.states(job_id)
        mezz = client.get_mezzanine_info(job.media_id)
        body = httpx.get(mezz.file_url, timeout=30).content
        assert hashlib.sha256(body).digest() == hashlib.sha256(data).digest()
        assert upload_id  # the same multipart upload continued (checkpoint is cleared once done)


class _NoCp:
    parts: tuple[object, ...] = ()


def test_cancel_mid_upload_deletes_the_video(sandbox: Any, tmp_path: Path) -> None:
    write_file(tmp_path / "clip.mp4", SIZE)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 1024 * 1024)) as (engine, queue, client, _rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "clip.mp4"], JobMetadata()).job_ids
        engine.start()
        _wait_for(lambda: len((queue.checkpoint(job_id) or _NoCp).parts) >= 1)
        job = queue.job(job_id)
        assert job is not None and job.media_id
        engine.cancel([job_id])
        _wait_for(lambda: _state(queue, job_id) is JobState.CANCELLED)
        with pytest.raises(NotFoundError):
            client.get_video_info(job.media_id)
        assert queue.checkpoint(job_id) is None


def test_cancel_paused_job_cleans_up_and_queue_continues(sandbox: Any, tmp_path: Path) -> None:
    write_file(tmp_path / "a.mp4", SIZE, seed=3)
    write_file(tmp_path / "b.mp4", 1000, seed=4)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 1024 * 1024)) as (engine, queue, client, _rec):
        a, b = engine.add_files("sb", [tmp_path / "a.mp4", tmp_path / "b.mp4"], JobMetadata()).job_ids
        engine.start()
        _wait_for(lambda: len((queue.checkpoint(a) or _NoCp).parts) >= 1)
        engine.pause([a])
        _wait_for(lambda: _state(queue, a) is JobState.PAUSED)
        media_id = (queue.job(a) or _NoCp()).media_id  # type: ignore[attr-defined]
        engine.cancel([a])
        assert engine.wait_idle(30)
        assert _state(queue, a) is JobState.CANCELLED
        assert _state(queue, b) is JobState.DONE
        with pytest.raises(NotFoundError):
            client.get_video_info(media_id)


def test_stop_then_start_continues_the_same_upload(sandbox: Any, tmp_path: Path) -> None:
    data = write_file(tmp_path / "clip.mp4", SIZE, seed=9)
    with engine_on(sandbox, tmp_path, Limits(1, 2, 1024 * 1024)) as (engine, queue, client, _rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "clip.mp4"], JobMetadata()).job_ids
        engine.start()
        _wait_for(lambda: len((queue.checkpoint(job_id) or _NoCp).parts) >= 2)
        engine.stop()
        assert _state(queue, job_id) is JobState.QUEUED
        cp = queue.checkpoint(job_id)
        assert cp is not None and cp.upload_id
        engine.set_limits(Limits(1, 2, 0))
        engine.start()
        assert engine.wait_idle(30)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, job.error_message
        body = httpx.get(client.get_mezzanine_info(job.media_id).file_url, timeout=30).content
        assert hashlib.sha256(body).digest() == hashlib.sha256(data).digest()
