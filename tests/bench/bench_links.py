"""Uploads over emulated links: the engine (defaults) vs oss2.resumable_upload, beside the link's capacity.

The sandbox runs in its own process with ``--link`` changed between scenarios through its control API.
Each contender uploads a file sized so that it takes seconds at its own speed (``VODSTUDIO_BENCH_LINK_S``,
default 15 s of the link's capacity; slow contenders get a smaller file, so every figure is a rate).
Printed, never asserted (house rule: benchmarks print ratios). ``./dev bench`` runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.sandbox.state import DEFAULT_ACCESS_KEY_ID as AK
from vodstudio.sandbox.state import DEFAULT_ACCESS_KEY_SECRET as SK
from vodstudio.store.link_memory import LinkMemory
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine

MiB = 1024 * 1024
GiB = 1024 * MiB
SECONDS = float(os.environ.get("VODSTUDIO_BENCH_LINK_S", "15"))
LAN_MB = int(os.environ.get("VODSTUDIO_BENCH_LAN_MB", "512"))


@dataclass(frozen=True)
class Link:
    name: str
    spec: str
    capacity_bps: float  # 0: measured (loopback: the sandbox's own ingest limit on this box)


LINKS = [
    Link("LAN (loopback)", "off", 0.0),
    Link("30 ms, 8 MB/s per conn, 100 MB/s", "rtt=30ms,per-conn=8MB/s,total=100MB/s", 100e6),
    Link("cross-border 150 ms, 1 MB/s per conn, 50 MB/s", "rtt=150ms,per-conn=1MB/s,total=50MB/s", 50e6),
]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("links-sandbox")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vodstudio", "sandbox", "--data-dir", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    yield str(json.loads(proc.stdout.readline())["vod_endpoint"])
    proc.terminate()
    proc.wait()
    proc.stdout.close()


def _file(folder: Path, size: int) -> Path:
    path = folder / f"bench-{size // MiB}.mp4"
    if not path.exists():
        with open(path, "wb") as handle:
            for _ in range(size // MiB):
                handle.write(os.urandom(MiB))
    return path


def _engine(endpoint: str, tmp: Path, path: Path, memory: LinkMemory) -> tuple[float, float, int, int]:
    """(bytes/s, client CPU s, final connections, part size) of one engine run with default limits."""
    queue = QueueDb(tmp / f"q-{time.monotonic_ns()}.sqlite3")
    client = VodClient(AK, SK, endpoint=endpoint)
    engine = UploadEngine(queue, lambda _n: client, limits=Limits(), sink=lambda _e: None, memory=memory)
    try:
        job = engine.add_files("bench", [path], JobMetadata()).job_ids[0]
        began, cpu = time.perf_counter(), time.process_time()
        engine.start()
        engine.wait_idle()
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        assert queue.job(job).state is JobState.DONE  # type: ignore[union-attr]
        assert engine.adaptive is not None
        conns = engine.adaptive.connections()
        cp_size = engine.adaptive.part_size(path.stat().st_size) or 8 * MiB
        return path.stat().st_size / took, cpu, conns, cp_size
    finally:
        engine.close()
        queue.close()
        client.close()


def _oss2(endpoint: str, tmp: Path, path: Path, threads: int | None) -> tuple[float, float]:
    """(bytes/s, client CPU s) of oss2.resumable_upload: its defaults, or ``threads`` threads."""
    with VodClient(AK, SK, endpoint=endpoint) as client:
        ticket = client.create_upload_video(path.name, path.name)
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret, ticket.auth.security_token)
    bucket = oss2.Bucket(auth, ticket.address.endpoint, ticket.address.bucket)  # its default: CRC on
    store = oss2.ResumableStore(root=str(tmp), dir=f"ckpt-{time.monotonic_ns()}")
    extra: dict[str, Any] = {} if threads is None else {"num_threads": threads}
    began, cpu = time.perf_counter(), time.process_time()
    oss2.resumable_upload(bucket, ticket.address.file_name, str(path), store=store, **extra)
    return path.stat().st_size / (time.perf_counter() - began), time.process_time() - cpu


def _set_link(endpoint: str, spec: str) -> None:
    httpx.post(f"{endpoint}/_sandbox/link", json={"link": spec, "reset_stats": True}).raise_for_status()


def _size(rate: float, seconds: float = SECONDS, low: int = 16 * MiB) -> int:
    return max(low, int(rate * seconds) // MiB * MiB)


def _one_link(endpoint: str, tmp: Path, link: Link) -> dict[str, Any]:
    _set_link(endpoint, link.spec)
    memory = LinkMemory(tmp / f"links-{time.monotonic_ns()}.json")  # a network never seen: cold start
    big = _file(tmp, _size(link.capacity_bps) if link.capacity_bps else LAN_MB * MiB)
    cold, cpu, conns, part = _engine(endpoint, tmp, big, memory)
    warm, cpu_warm, conns_warm, part_warm = _engine(endpoint, tmp, big, memory)  # remembered route
    per_conn = float(httpx.get(f"{endpoint}/_sandbox/link").json()["per_conn_bps"]) or cold
    default_file = _file(tmp, _size(per_conn if link.capacity_bps else cold, SECONDS / 2))
    defaults, _ = _oss2(endpoint, tmp, default_file, None)  # 1 thread: sized to its speed
    same_threads, cpu_oss2 = _oss2(endpoint, tmp, big, conns_warm)
    capacity = link.capacity_bps or max(cold, warm, defaults, same_threads)
    return {
        "link": link, "capacity": capacity, "cold": cold, "warm": warm, "defaults": defaults,
        "oss2_n": same_threads, "conns": conns_warm, "part": part_warm, "size": big.stat().st_size,
        "cpu": cpu_warm, "cpu_cold": cpu, "cpu_oss2": cpu_oss2, "conns_cold": conns, "part_cold": part,
    }  # fmt: skip


@pytest.mark.timeout(3600)
def test_links(endpoint: str, tmp_path: Path) -> None:
    rows = [_one_link(endpoint, tmp_path, link) for link in LINKS]
    _set_link(endpoint, "off")
    mb = 1e6
    lines = ["", "uploads over emulated links (MB/s; capacity = the link's total, LAN = best seen here):"]
    for r in rows:
        cap = r["capacity"]
        lines.append(
            f"  {r['link'].name}: capacity {cap / mb:.1f} | engine first run {r['cold'] / mb:.1f}"
            f" ({r['cold'] / cap:.2f}x), remembered {r['warm'] / mb:.1f}"
            f" ({r['warm'] / cap:.2f}x, goal >= 0.9x)"
            f" with {r['conns']} connections, {r['part'] // MiB} MiB parts | oss2.resumable_upload defaults"
            f" {r['defaults'] / mb:.1f} ({r['defaults'] / cap:.2f}x) | oss2 with {r['conns']} threads"
            f" {r['oss2_n'] / mb:.1f} ({r['oss2_n'] / cap:.2f}x) | file {r['size'] // MiB} MiB"
        )
    lan = rows[0]
    per_gib = GiB / lan["size"]
    lines.append(
        f"client CPU per GiB on the LAN (user+system, this process): engine {lan['cpu'] * per_gib:.2f} s"
        f" (anchor 2.4, goal <= 1.0), oss2 with {lan['conns']} threads {lan['cpu_oss2'] * per_gib:.2f} s"
        f" (anchor 5.8)"
    )
    print("\n".join(lines))


def test_parallel_raw_put_ceiling(endpoint: str, tmp_path: Path) -> None:
    """What the sandbox ingests on this box with 4 plain presigned PUTs (the LAN row's yardstick)."""
    _set_link(endpoint, "off")
    path = _file(tmp_path, 128 * MiB)
    urls = []
    with VodClient(AK, SK, endpoint=endpoint) as client:
        for i in range(4):
            t = client.create_upload_video(f"raw{i}.mp4", f"raw{i}.mp4")
            auth = oss2.StsAuth(t.auth.access_key_id, t.auth.access_key_secret, t.auth.security_token)
            bucket = oss2.Bucket(auth, t.address.endpoint, t.address.bucket)
            urls.append(bucket.sign_url("PUT", t.address.file_name, 600))

    def put(url: str) -> None:
        def chunks() -> Iterator[bytes]:
            with open(path, "rb") as handle:
                while block := handle.read(MiB):
                    yield block

        headers = {"Content-Length": str(path.stat().st_size)}
        httpx.put(url, content=chunks(), headers=headers, timeout=600).raise_for_status()

    began = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(put, urls))
    rate = 4 * path.stat().st_size / (time.perf_counter() - began)
    print(f"\nsandbox ingest ceiling on this box: 4 raw PUTs x 128 MiB -> {rate / 1e6:.0f} MB/s")
