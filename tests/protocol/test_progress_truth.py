"""Progress on an emulated long link tells the truth: bytes as the link carried them, speed, steady ETA.

The issue's case: a 150 ms link at a steady 4 MB/s. Counting at ``write`` put the reported bytes up to
25 MB ahead of the link (the kernel's send buffers) and the speed between 0.05 and 40 MB/s. Bounds here
are relative to the emulated link (its spec and its own byte count), not wall-clock thresholds.
"""

from __future__ import annotations

import itertools
import socket
import threading
from pathlib import Path

import pytest

from tests.protocol.engine_helpers import client_for_sandbox, write_file
from vodstudio.core.jobs import JobMetadata, JobProgress, JobState, Limits
from vodstudio.sandbox.link import parse_link
from vodstudio.sandbox.server import Sandbox
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.delivered import unsent_bytes
from vodstudio.transfer.engine import UploadEngine

MiB = 1024 * 1024
LINK_BPS = 4e6


def test_progress_speed_and_eta_follow_the_link(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.state.link.set(parse_link("rtt=150ms,per-conn=1MB/s,total=4MB/s"))
    path = tmp_path / "long.mp4"
    size = 40 * MiB  # ~10 s at 4 MB/s: the speed window (5 s) fills before the checked stretch
    write_file(path, size)
    seen: list[tuple[JobProgress, int]] = []
    lock = threading.Lock()

    def sink(event: object) -> None:
        if isinstance(event, JobProgress):
            with lock:
                seen.append((event, sandbox.state.link.bytes))

    queue = QueueDb(tmp_path / "q.sqlite3")
    client = client_for_sandbox(sandbox)
    engine = UploadEngine(queue, lambda _n: client, limits=Limits(1, 6, 0), sink=sink, part_size=2 * MiB)
    try:
        job_id = engine.add_files("a", [path], JobMetadata()).job_ids[0]
        engine.start()
        engine.wait_idle()
        assert queue.job(job_id).state is JobState.DONE  # type: ignore[union-attr]
    finally:
        engine.close()
        queue.close()
        client.close()
    ahead = max(event.bytes_done - carried for event, carried in seen)
    assert ahead <= 2 * MiB  # server windows and one read piece per connection, not send buffers
    middle = [e for e, _ in seen if 0.55 * size <= e.bytes_done <= 0.9 * size]
    assert len(middle) >= 5
    for event in middle:
        assert event.speed_bps == pytest.approx(LINK_BPS, rel=0.2)
    etas = [e.eta_s for e in middle if e.eta_s is not None]
    for before, after in itertools.pairwise(etas):
        assert after <= before + 0.5  # counts down; never leaps up
        assert after >= 0.5 * before - 1.0  # and never collapses


def test_unsent_bytes_sees_what_the_peer_has_not_read() -> None:
    """The socket query the engine relies on: bytes a peer has not taken are still in our queue."""
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname())
    peer, _ = server.accept()
    try:
        peer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        client.setblocking(False)
        written = 0
        try:
            while written < 8 * MiB:
                written += client.send(b"x" * 65536)
        except BlockingIOError:
            pass
        unsent = unsent_bytes(client)
        if unsent is None:
            pytest.skip("this system cannot tell a socket's unsent bytes")
        assert 0 < unsent <= written
    finally:
        for s in (client, peer, server):
            s.close()
