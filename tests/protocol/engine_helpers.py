"""Shared setup for the engine protocol tests: a queue, a client on the sandbox, an event recorder."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.jobs import JobState, JobStateChanged, Limits
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine


class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []
        self._lock = threading.Lock()

    def __call__(self, event: object) -> None:
        with self._lock:
            self.events.append(event)

    def states(self, job_id: int) -> list[JobState]:
        with self._lock:
            return [e.state for e in self.events if isinstance(e, JobStateChanged) and e.job_id == job_id]


def client_for_sandbox(box: Any) -> VodClient:
    cfg = box.state.config
    return VodClient(
        cfg.access_key_id,
        cfg.access_key_secret,
        endpoint=box.info.vod_endpoint,
        retry=RetryPolicy(max_attempts=6, base_delay=0.05, max_delay=0.5),
    )


@contextmanager
def engine_on(
    box: Any, tmp_path: Path, limits: Limits | None = None
) -> Iterator[tuple[UploadEngine, QueueDb, VodClient, Recorder]]:
    queue = QueueDb(tmp_path / "queue.sqlite3")
    client = client_for_sandbox(box)
    recorder = Recorder()
    engine = UploadEngine(queue, lambda _name: client, limits=limits or Limits(2, 4, 0), sink=recorder)
    try:
        yield engine, queue, client, recorder
    finally:
        engine.close()
        queue.close()
        client.close()


def write_file(path: Path, size: int, seed: int = 1) -> bytes:
    import random

    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return data
