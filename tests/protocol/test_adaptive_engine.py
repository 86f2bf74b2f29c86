"""Adaptive parallelism in the engine over an emulated link: it climbs to fill the line and remembers.

Asserted on counts (connections the emulator saw at once, the controller's levels, the memory file),
never on a wall time.
"""

from __future__ import annotations

from pathlib import Path

from tests.protocol.engine_helpers import client_for_sandbox, write_file
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.sandbox.link import parse_link
from vodstudio.sandbox.server import Sandbox
from vodstudio.store.link_memory import LinkMemory, route_key
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine

MiB = 1024 * 1024


def _upload(
    box: Sandbox, tmp: Path, name: str, size: int, limits: Limits, memory: LinkMemory
) -> UploadEngine:
    path = tmp / name
    write_file(path, size)
    queue = QueueDb(tmp / f"{name}.sqlite3")
    client = client_for_sandbox(box)
    engine = UploadEngine(
        queue, lambda _n: client, limits=limits, sink=lambda _e: None, part_size=MiB, memory=memory
    )
    try:
        job = engine.add_files("acct", [path], JobMetadata()).job_ids[0]
        engine.start()
        engine.wait_idle()
        assert queue.job(job).state is JobState.DONE  # type: ignore[union-attr]
    finally:
        engine.close()
        queue.close()
        client.close()
    return engine


def test_engine_climbs_to_fill_a_long_link_and_remembers_it(sandbox: Sandbox, tmp_path: Path) -> None:
    """1 MB/s per connection on a 6 MB/s line: four connections (the start) cannot fill it."""
    sandbox.state.link.set(parse_link("rtt=50ms,per-conn=1MB/s,total=6MB/s"))
    memory = LinkMemory(tmp_path / "links.json")
    engine = _upload(sandbox, tmp_path, "a.mp4", 30 * MiB, Limits(1, 16, 0), memory)
    assert engine.adaptive is not None
    levels = [n for n, _ in engine.adaptive.controller.history]
    assert levels[0] == 4 and max(levels) > 4
    assert max(levels) <= 16
    assert sandbox.state.link.stats()["peak_connections"] > 4
    learnt = memory.get(route_key("acct", sandbox.info.vod_endpoint))
    assert learnt is not None and learnt.connections > 4


def test_fixed_limits_and_the_user_maximum_hold(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.state.link.set(parse_link("rtt=50ms,per-conn=1MB/s,total=6MB/s"))
    memory = LinkMemory(tmp_path / "links.json")
    engine = _upload(sandbox, tmp_path, "b.mp4", 12 * MiB, Limits(1, 3, 0, adaptive=False), memory)
    assert engine.adaptive is None
    assert sandbox.state.link.stats()["peak_connections"] <= 3
    sandbox.state.link.reset_stats()
    _upload(sandbox, tmp_path, "c.mp4", 12 * MiB, Limits(1, 2, 0), memory)
    assert sandbox.state.link.stats()["peak_connections"] <= 2  # adaptive, but never above the maximum
