"""Hostile answers: redirects, answers that trickle or never start, junk instead of the protocol.

Each scenario ends with the job in a true final state and a stable error code, in bounded time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import Recorder
from tests.reliability.helpers import media_file, open_uploads, videos_for
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer import planner
from vodstudio.transfer.engine import UploadEngine
from vodstudio.transfer.oss_session import OssSession

QUICK = RetryPolicy(max_attempts=4, base_delay=0.05, max_delay=0.2, max_total=5)


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planner, "MULTIPART_THRESHOLD", 256 * 1024)
    monkeypatch.setattr(planner, "DEFAULT_PART", 128 * 1024)


class _Recording(BaseHTTPRequestHandler):
    seen: list[dict[str, str]]

    def _any(self) -> None:
        self.seen.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.send_header("ETag", '"00000000000000000000000000000000"')
        self.end_headers()

    do_PUT = do_POST = do_GET = _any  # noqa: N815

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """Another host (``localhost`` instead of 127.0.0.1) that records what reaches it."""
    seen: list[dict[str, str]] = []
    handler = type("Recorder", (_Recording,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}/stolen", seen
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def engine_for(box: Any, tmp_path: Path, *, deadline: float = 20.0) -> Iterator[tuple[UploadEngine, QueueDb]]:
    cfg = box.state.config
    client = VodClient(
        cfg.access_key_id,
        cfg.access_key_secret,
        endpoint=box.info.vod_endpoint,
        retry=QUICK,
        deadline=deadline,
    )
    queue = QueueDb(tmp_path / "queue.sqlite3")
    session = OssSession(pool_size=8, timeout=30.0, answer_deadline=deadline)
    engine = UploadEngine(queue, lambda _n: client, limits=Limits(1, 2, 0), sink=Recorder(), session=session)
    engine._shared.retry = QUICK
    try:
        yield engine, queue
    finally:
        engine.close()
        queue.close()
        client.close()


def _run_one(engine: UploadEngine, queue: QueueDb, path: Path, wait: float = 30) -> Any:
    (job_id,) = engine.add_files("sb", [path], JobMetadata()).job_ids
    engine.start()
    assert engine.wait_idle(wait), "the job did not end: a hang"
    job = queue.job(job_id)
    assert job is not None
    return job


@pytest.mark.parametrize(("operation", "size"), [("PutObject", 50_000), ("UploadPart", 600 * 1024)])
def test_oss_redirect_is_refused_and_names_the_host(
    sandbox: Any, tmp_path: Path, elsewhere: tuple[str, list[dict[str, str]]], operation: str, size: int
) -> None:
    location, seen = elsewhere
    sandbox.state.update_faults({"redirect": {operation: location}, "redirect_status": 307})
    media_file(tmp_path / "clip.mp4", size)
    with engine_for(sandbox, tmp_path) as (engine, queue):
        job = _run_one(engine, queue, tmp_path / "clip.mp4")
    assert (job.state, job.error_code) == (JobState.FAILED, "oss.redirect"), job.error_message
    assert "localhost" in job.error_message
    assert seen == []  # the security token never left for the other host
    assert open_uploads(sandbox) == []


def test_api_redirect_is_refused(
    sandbox: Any, tmp_path: Path, elsewhere: tuple[str, list[dict[str, str]]]
) -> None:
    location, seen = elsewhere
    sandbox.state.update_faults({"redirect": {"CreateUploadVideo": location}, "redirect_status": 302})
    media_file(tmp_path / "clip.mp4", 5000)
    with engine_for(sandbox, tmp_path) as (engine, queue):
        job = _run_one(engine, queue, tmp_path / "clip.mp4")
    assert (job.state, job.error_code) == (JobState.FAILED, "api.redirect"), job.error_message
    assert seen == [] and videos_for(sandbox, "clip.mp4") == []


@pytest.mark.parametrize(
    ("fault", "operation"),
    [
        ("trickle_s", "UploadPart"),
        ("stall_s", "UploadPart"),
        ("trickle_s", "CompleteMultipartUpload"),
        ("trickle_s", "CreateUploadVideo"),
        ("stall_s", "RefreshUploadVideo"),
    ],
)
def test_an_answer_that_trickles_or_never_starts_fails_in_seconds(
    sandbox: Any, tmp_path: Path, fault: str, operation: str
) -> None:
    sandbox.state.update_faults({fault: {operation: 0.5 if fault == "trickle_s" else 120}})
    if operation == "RefreshUploadVideo":
        sandbox.state.update_config({"upload_credential_lifetime": 1})  # refreshes during the upload
        sandbox.state.update_faults({"latency_ms": {"UploadPart": 700}})
    media_file(tmp_path / "clip.mp4", 600 * 1024)
    began = time.monotonic()
    with engine_for(sandbox, tmp_path, deadline=1.5) as (engine, queue):
        job = _run_one(engine, queue, tmp_path / "clip.mp4", wait=40)
    assert (job.state, job.error_code) == (JobState.FAILED, "network.stalled"), job.error_message
    assert "stopped answering" in job.error_message
    assert time.monotonic() - began < 40  # the defect: forever (trickle) or minutes (silence)
    if operation != "RefreshUploadVideo":
        assert open_uploads(sandbox) == []
        return
    # Without a fresh credential the upload cannot be aborted yet: the retry finishes (and sweeps) it.
    sandbox.state.update_faults({"stall_s": {}, "latency_ms": {}})
    with engine_for(sandbox, tmp_path) as (engine, queue):
        engine.retry([job.id])
        engine.start()
        assert engine.wait_idle(40)
        assert (queue.job(job.id) or job).state is JobState.DONE
    assert open_uploads(sandbox) == []


@pytest.mark.parametrize("kind", ["html", "xml", "huge", "wrong-types", "empty", "truncated"])
def test_junk_instead_of_an_api_answer_fails_the_job_clearly(sandbox: Any, tmp_path: Path, kind: str) -> None:
    sandbox.state.update_faults({"hostile": {"CreateUploadVideo": kind}})
    media_file(tmp_path / "clip.mp4", 5000)
    with engine_for(sandbox, tmp_path) as (engine, queue):
        job = _run_one(engine, queue, tmp_path / "clip.mp4")
    if kind == "truncated":  # the video was created before the answer broke: found again by ReferenceId
        assert job.state is JobState.DONE, job.error_message
        assert len(videos_for(sandbox, "clip.mp4")) == 1
        return
    assert (job.state, job.error_code) == (JobState.FAILED, "malformed-response"), job.error_message
    assert open_uploads(sandbox) == []


@pytest.mark.parametrize("operation", ["InitiateMultipartUpload", "CompleteMultipartUpload", "ListParts"])
@pytest.mark.parametrize("kind", ["html", "xml"])
def test_junk_instead_of_oss_xml_fails_the_job_clearly(
    sandbox: Any, tmp_path: Path, operation: str, kind: str
) -> None:
    sandbox.state.update_faults({"hostile": {operation: kind}})
    media_file(tmp_path / "clip.mp4", 600 * 1024)
    with engine_for(sandbox, tmp_path) as (engine, queue):
        job = _run_one(engine, queue, tmp_path / "clip.mp4")
    if operation == "ListParts":  # a fresh upload never lists its parts
        assert job.state is JobState.DONE, job.error_message
        return
    # Complete answered with junk: the object is checked for, not assumed (it is not there).
    code = "integrity" if operation == "CompleteMultipartUpload" else "malformed-response"
    assert (job.state, job.error_code) == (JobState.FAILED, code), job.error_message
    assert open_uploads(sandbox) == []
