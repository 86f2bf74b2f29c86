"""The sandbox killed and restarted (same port, same data) mid-upload: the upload still completes."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.sandbox.state import DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine


def _start(data_dir: Path, port: int = 0) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "vodstudio", "sandbox", "--data-dir", str(data_dir), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, "sandbox did not start"
    return proc, str(json.loads(line)["vod_endpoint"])


@pytest.fixture
def sandbox_process(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def test_restart_mid_upload(tmp_path: Path, sandbox_process: list[subprocess.Popen[str]]) -> None:
    data_dir = tmp_path / "sandbox"
    proc, endpoint = _start(data_dir)
    sandbox_process.append(proc)
    port = int(urlsplit(endpoint).port or 0)
    data = os.urandom(6 * 1024 * 1024)
    (tmp_path / "clip.mp4").write_bytes(data)
    queue = QueueDb(tmp_path / "queue.sqlite3")
    retry = RetryPolicy(max_attempts=30, base_delay=0.1, max_delay=0.5, max_total=30)
    client = VodClient(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, endpoint=endpoint, retry=retry)
    engine = UploadEngine(
        queue,
        lambda _n: client,
        limits=Limits(1, 2, 2 * 1024 * 1024),
        sink=lambda _e: None,
        part_size=256 * 1024,
    )
    try:
        (job_id,) = engine.add_files("sb", [tmp_path / "clip.mp4"], JobMetadata()).job_ids
        engine.start()
        deadline = time.monotonic() + 30
        while (queue.job(job_id) or _Zero).bytes_done < len(data) // 3:  # type: ignore[attr-defined]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        time.sleep(0.5)  # the engine now sees refused connections and backs off
        proc2, endpoint2 = _start(data_dir, port)
        sandbox_process.append(proc2)
        assert endpoint2 == endpoint
        assert engine.wait_idle(90)
        job = queue.job(job_id)
        assert job is not None and job.state is JobState.DONE, (job.error_code, job.error_message)
        body = httpx.get(client.get_mezzanine_info(job.media_id).file_url, timeout=30).content
        assert hashlib.sha256(body).digest() == hashlib.sha256(data).digest()
    finally:
        engine.close()
        queue.close()
        client.close()


class _Zero:
    bytes_done = 0
