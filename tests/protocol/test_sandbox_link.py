"""The sandbox's link emulation over real sockets: rate per connection, the shared total, the round trip.

No wall-clock thresholds: the emulator cannot be faster than its spec, so durations are compared with
lower bounds derived from the spec (generous), and the emulator's own accounting is checked exactly.
"""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import oss2

from tests.protocol.test_sandbox_oss import create_upload, sts_bucket
from vodstudio.sandbox.link import RECEIVE_BUFFER, parse_link
from vodstudio.sandbox.server import Sandbox

MB = 1_000_000


def _bucket(box: Sandbox, name: str) -> tuple[oss2.Bucket, str]:
    address, auth = create_upload(box, name)
    return sts_bucket(address, auth), address["FileName"]


def _put(box: Sandbox, name: str, size: int) -> float:
    bucket, key = _bucket(box, name)
    began = time.monotonic()
    bucket.put_object(key, b"\x5a" * size)
    return time.monotonic() - began


def test_one_connection_is_held_to_its_rate_and_counted(sandbox: Sandbox) -> None:
    sandbox.state.link.set(parse_link("per-conn=2MB/s"))
    took = _put(sandbox, "a.mp4", 2 * MB)
    stats = sandbox.state.link.stats()
    assert stats["bytes"] == 2 * MB  # every body byte went through the buckets
    assert took >= 0.8 * (2 * MB / (2 * MB))  # 2 MB at 2 MB/s: about a second, never much less
    assert stats["waited_s"] >= 0.8


def test_connections_share_the_total(sandbox: Sandbox) -> None:
    """Four connections at 4 MB/s each behind a 4 MB/s line: together they take as long as one would
    alone at 4 MB/s for all the bytes, not a quarter of that."""
    sandbox.state.link.set(parse_link("per-conn=4MB/s,total=4MB/s"))
    buckets = [_bucket(sandbox, f"s{i}.mp4") for i in range(4)]
    began = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda bk: bk[0].put_object(bk[1], b"\x01" * MB), buckets))
    took = time.monotonic() - began
    stats = sandbox.state.link.stats()
    assert stats["bytes"] == 4 * MB
    assert stats["peak_connections"] >= 2
    assert took >= 0.8 * (4 * MB / (4 * MB))


def test_round_trip_is_added_to_every_exchange(sandbox: Sandbox) -> None:
    """HEAD on a missing object has no body: its time is the round trip (plus loopback's nothing)."""
    bucket, key = _bucket(sandbox, "rtt.mp4")
    bucket.object_exists(key)  # warm the connection
    sandbox.state.link.set(parse_link("rtt=200ms"))
    began = time.monotonic()
    for _ in range(3):
        assert not bucket.object_exists(key)
    per_exchange = (time.monotonic() - began) / 3
    assert per_exchange >= 0.9 * 0.2
    assert sandbox.state.link.stats()["exchanges"] == 3


def test_server_window_is_small_while_a_link_is_set(sandbox: Sandbox) -> None:
    """What the link has not carried waits in the client's buffer, not in megabytes on the server."""
    sandbox.state.link.set(parse_link("per-conn=1MB/s"))
    seen: list[int] = []
    original = sandbox.state.link.connection

    def spy(handler: Any) -> Any:
        link = original(handler)
        seen.append(handler.connection.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF))
        return link

    sandbox.state.link.connection = spy  # type: ignore[method-assign]
    _put(sandbox, "w.mp4", 200_000)
    assert seen and max(seen) <= 2 * RECEIVE_BUFFER  # Linux doubles what it is asked for


def test_admin_api_sets_and_reports_the_link(sandbox: Sandbox) -> None:
    base = sandbox.info.vod_endpoint
    answer = httpx.post(f"{base}/_sandbox/link", json={"link": "rtt=30ms,per-conn=8MB/s,total=100MB/s"})
    assert answer.status_code == 200
    assert answer.json()["link"]["text"] == "rtt=30ms,per-conn=8MB/s,total=100MB/s"
    assert sandbox.state.link.spec == parse_link("rtt=30ms,per-conn=8MB/s,total=100MB/s")
    assert httpx.post(f"{base}/_sandbox/link", json={"link": "speed=9"}).status_code == 400
    httpx.post(f"{base}/_sandbox/link", json={"rtt_ms": 0, "reset_stats": True}).raise_for_status()
    assert not sandbox.state.link.spec.active
    assert httpx.get(f"{base}/_sandbox/link").json()["bytes"] == 0


def test_no_link_changes_nothing(sandbox: Sandbox) -> None:
    _put(sandbox, "plain.mp4", 300_000)
    assert sandbox.state.link.stats()["bytes"] == 0
    assert sandbox.state.link.stats()["exchanges"] == 0
