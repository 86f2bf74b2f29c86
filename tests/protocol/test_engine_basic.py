"""The engine against the live sandbox: simple and multipart uploads land as the file's bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx

from tests.protocol.engine_helpers import engine_on, write_file
from vodstudio.core.jobs import JobMetadata, JobProgress, JobState, Limits
from vodstudio.transfer import planner


def _download(client: Any, media_id: str) -> bytes:
    mezz = client.get_mezzanine_info(media_id)
    return httpx.get(mezz.file_url, timeout=30).content


def test_simple_and_multipart(sandbox: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 1 << 20)
    monkeypatch.setattr(planner, "DEFAULT_PART", 256 * 1024)
    small = write_file(tmp_path / "small clip 小.mp4", 300_000, seed=1)
    big = write_file(tmp_path / "big 🎬.mp4", 3 * 1024 * 1024 + 17, seed=2)
    with engine_on(sandbox, tmp_path, Limits(2, 3, 0)) as (engine, queue, client, rec):
        result = engine.add_files("sb", [tmp_path], JobMetadata(tags=("a", "b")))
        assert len(result.job_ids) == 2
        engine.start()
        assert engine.wait_idle(60)
        for job_id in result.job_ids:
            job = queue.job(job_id)
            assert job is not None
            assert job.state is JobState.DONE, (job.error_code, job.error_message)
            assert job.media_id
            data = small if job.path.endswith("小.mp4") else big
            assert hashlib.sha256(_download(client, job.media_id)).digest() == hashlib.sha256(data).digest()
            assert queue.checkpoint(job_id) is None
            assert rec.states(job_id)[-1] is JobState.DONE
            progress = [e for e in rec.events if isinstance(e, JobProgress) and e.job_id == job_id]
            assert progress and progress[-1].bytes_done == len(data)
