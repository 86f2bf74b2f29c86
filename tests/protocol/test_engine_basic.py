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


def test_cover_first_and_image_jobs(sandbox: Any, tmp_path: Path) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(_png())
    write_file(tmp_path / "v.mp4", 50_000)
    with engine_on(sandbox, tmp_path, Limits(2, 2, 0)) as (engine, queue, client, _rec):
        (vid,) = engine.add_files("sb", [tmp_path / "v.mp4"], JobMetadata(cover_path=str(cover))).job_ids
        (img,) = engine.add_files("sb", [cover], JobMetadata()).job_ids
        engine.start()
        assert engine.wait_idle(30)
        video_job, image_job = queue.job(vid), queue.job(img)
        assert video_job is not None and video_job.state is JobState.DONE, video_job.error_message
        assert image_job is not None and image_job.state is JobState.DONE, image_job.error_message
        assert client.get_video_info(video_job.media_id).cover_url
        assert queue.cover_url(vid)


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )
