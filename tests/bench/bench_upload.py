"""Upload benchmarks, measured side by side in one run and printed as ratios (never asserted on time).

Sizes come from environment variables so CI stays quick and a workstation can run the full list:
``VODSTUDIO_BENCH_MB`` (throughput file, default 256), ``VODSTUDIO_BENCH_RSS_MB`` (comma list, default
"256,1024"; sparse files, so 4096 costs no disk), ``VODSTUDIO_BENCH_FILES`` (default 300 × 256 KiB;
the issue's list says 1000: set it for the README numbers).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.accounts import SignatureScheme
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.sandbox.state import DEFAULT_ACCESS_KEY_ID as AK
from vodstudio.sandbox.state import DEFAULT_ACCESS_KEY_SECRET as SK
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import MAX_CONNECTIONS, UploadEngine
from vodstudio.transfer.oss_session import OssSession, OssSignature

MiB = 1024 * 1024
GiB = 1024 * MiB
PART = 8 * MiB
THREADS = 4


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


@pytest.fixture(scope="module")
def sandbox_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sandbox in its own process, so server and client do not share one GIL."""
    data = tmp_path_factory.mktemp("bench-sandbox")
    proc = subprocess.Popen(
        [sys.executable, "-m", "vodstudio", "sandbox", "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    endpoint = str(json.loads(proc.stdout.readline())["vod_endpoint"])
    yield endpoint
    proc.terminate()
    proc.wait()
    proc.stdout.close()


def _bucket(client: VodClient, name: str) -> tuple[Any, str]:
    ticket = client.create_upload_video(name, name)
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret, ticket.auth.security_token)
    bucket = oss2.Bucket(auth, ticket.address.endpoint, ticket.address.bucket, enable_crc=False)
    return bucket, ticket.address.file_name


def _engine_upload(
    endpoint: str, tmp: Path, paths: list[Path], limits: Limits, oss: OssSignature = OssSignature.V4
) -> tuple[float, float]:
    """Wall seconds and client CPU seconds (every thread of this process) of one engine run.

    ``oss=V1`` is the engine as it signed before OSS V4 (and its API calls with HMAC-SHA1).
    """
    queue = QueueDb(tmp / f"q-{time.monotonic_ns()}.sqlite3")
    rpc = SignatureScheme.HMAC_SHA1 if oss is OssSignature.V1 else SignatureScheme.ACS3
    client = VodClient(AK, SK, endpoint=endpoint, signature=rpc)
    session = OssSession(pool_size=MAX_CONNECTIONS, signature=oss)
    engine = UploadEngine(
        queue, lambda _n: client, limits=limits, sink=lambda _e: None, session=session, part_size=PART
    )
    try:
        ids = engine.add_files("bench", paths, JobMetadata())
        began, cpu = time.perf_counter(), time.process_time()
        engine.start()
        engine.wait_idle()
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        states = {queue.job(i).state for i in ids.job_ids}  # type: ignore[union-attr]
        assert states == {JobState.DONE}, states
        return elapsed, cpu
    finally:
        engine.close()
        queue.close()
        client.close()


def _raw_put(endpoint: str, path: Path) -> float:
    with VodClient(AK, SK, endpoint=endpoint) as client:
        bucket, key = _bucket(client, path.name)
    url = bucket.sign_url("PUT", key, 3600)

    def chunks() -> Iterator[bytes]:
        with open(path, "rb") as handle:
            while block := handle.read(1 * MiB):
                yield block

    began = time.perf_counter()
    headers = {"Content-Length": str(path.stat().st_size)}
    response = httpx.put(url, content=chunks(), headers=headers, timeout=600)
    response.raise_for_status()
    return time.perf_counter() - began


def _oss2_resumable(endpoint: str, path: Path, tmp: Path) -> float:
    with VodClient(AK, SK, endpoint=endpoint) as client:
        bucket, key = _bucket(client, path.name)
    store = oss2.ResumableStore(root=str(tmp), dir="oss2-ckpt")
    began = time.perf_counter()
    oss2.resumable_upload(
        bucket, key, str(path), store=store, multipart_threshold=PART, part_size=PART, num_threads=THREADS
    )
    return time.perf_counter() - began


def test_throughput_one_file(sandbox_endpoint: str, tmp_path: Path) -> None:
    size = _env_int("VODSTUDIO_BENCH_MB", 256) * MiB
    path = tmp_path / "one.mp4"
    with open(path, "wb") as handle:
        for _ in range(size // MiB):
            handle.write(os.urandom(MiB))
    os.sync()  # let the file's dirty pages settle so the first contender is not penalised
    rounds = _env_int("VODSTUDIO_BENCH_ROUNDS", 2)
    raw = theirs = v4 = v1 = float("inf")
    cpu_v4 = cpu_v1 = float("inf")
    engine = Limits(1, THREADS, 0)
    for round_ in range(rounds):  # interleaved, best of N: the sandbox's disk writes make runs noisy
        raw = min(raw, _raw_put(sandbox_endpoint, path))
        theirs = min(theirs, _oss2_resumable(sandbox_endpoint, path, tmp_path))
        # V4 and V1 take turns going first: whoever follows another upload meets the sandbox busy
        # flushing that one's parts to disk.
        for oss in (OssSignature.V4, OssSignature.V1)[:: 1 if round_ % 2 == 0 else -1]:
            wall, cpu = _engine_upload(sandbox_endpoint, tmp_path, [path], engine, oss)
            if oss is OssSignature.V4:
                v4, cpu_v4 = min(v4, wall), min(cpu_v4, cpu)
            else:
                v1, cpu_v1 = min(v1, wall), min(cpu_v1, cpu)
    mb = size / MiB
    per_gib = GiB / size
    print(
        f"\nthroughput {mb:.0f} MiB (best of {rounds}), part {PART // MiB} MiB x {THREADS} threads:"
        f" engine {mb / v4:.0f} MiB/s, oss2.resumable_upload {mb / theirs:.0f} MiB/s,"
        f" raw PUT {mb / raw:.0f} MiB/s -> engine/oss2 {theirs / v4:.2f}x, engine/raw {raw / v4:.2f}x"
        f"\nsignatures: engine OSS V4 + ACS3 {mb / v4:.0f} MiB/s, {cpu_v4 * per_gib:.2f} CPU s/GiB;"
        f" engine OSS V1 + HMAC-SHA1 {mb / v1:.0f} MiB/s, {cpu_v1 * per_gib:.2f} CPU s/GiB"
        f" -> V4/V1 throughput {v1 / v4:.2f}x, CPU {cpu_v4 / cpu_v1:.2f}x"
    )


def _cli_peak_rss(endpoint: str, home: Path, path: Path) -> int:
    env = {**os.environ, "VODSTUDIO_HOME": str(home), "ALIBABA_CLOUD_ACCESS_KEY_ID": AK}
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = SK
    proc = subprocess.Popen(
        [sys.executable, "-m", "vodstudio", "upload", str(path), "--endpoint", endpoint, "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0
    return int(usage.ru_maxrss) * 1024  # Linux reports KiB


def test_peak_rss(sandbox_endpoint: str, tmp_path: Path) -> None:
    sizes = [int(s) for s in os.environ.get("VODSTUDIO_BENCH_RSS_MB", "256,1024").split(",")]
    lines = []
    for mb in sizes:
        path = tmp_path / f"sparse-{mb}.mp4"
        with open(path, "wb") as handle:
            handle.truncate(mb * MiB)  # sparse: reads cost no disk
        rss = _cli_peak_rss(sandbox_endpoint, tmp_path / f"home-{mb}", path)
        lines.append(f"{mb} MiB -> peak RSS {rss / MiB:.0f} MiB")
    print("\npeak RSS of `vodstudio upload`: " + "; ".join(lines) + " (goal: flat, < 150 MiB)")


def test_many_small_files(sandbox_endpoint: str, tmp_path: Path) -> None:
    count = _env_int("VODSTUDIO_BENCH_FILES", 300)
    folder = tmp_path / "small"
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"s{i:05d}.mp4"
        path.write_bytes(os.urandom(256 * 1024))
        paths.append(path)
    ours, _cpu = _engine_upload(sandbox_endpoint, tmp_path, [folder], Limits(THREADS, THREADS, 0))
    client = VodClient(AK, SK, endpoint=sandbox_endpoint)

    def one(path: Path) -> None:
        bucket, key = _bucket(client, path.name)
        bucket.put_object_from_file(key, str(path))

    began = time.perf_counter()
    for path in paths:  # the loop the official upload SDK does: one file after the other
        one(path)
    loop = time.perf_counter() - began
    began = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(one, paths))
    pooled = time.perf_counter() - began
    client.close()
    print(
        f"\n{count} files x 256 KiB: engine {count / ours:.0f} files/s, oss2 loop {count / loop:.0f} files/s,"
        f" oss2 {THREADS} threads {count / pooled:.0f} files/s -> engine/loop {loop / ours:.2f}x,"
        f" engine/threads {pooled / ours:.2f}x"
    )


def test_resent_after_kill(sandbox_endpoint: str, tmp_path: Path) -> None:
    from tests.e2e.upload_helpers import PART as E2E_PART
    from tests.e2e.upload_helpers import PARTS_IN_FLIGHT, json_events, make_profile, queue_bytes_done

    home = tmp_path / "home"
    make_profile(home)
    size = 16 * MiB
    path = tmp_path / "kill.mp4"
    path.write_bytes(os.urandom(size))
    env = {**os.environ, "VODSTUDIO_HOME": str(home), "ALIBABA_CLOUD_ACCESS_KEY_ID": AK}
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = SK
    args = ["--endpoint", sandbox_endpoint, "--json"]
    cmd = [sys.executable, "-m", "vodstudio"]
    first = subprocess.Popen([*cmd, "upload", str(path), "--limit-rate", "4M", *args], env=env,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    while queue_bytes_done(home) < size // 2:
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    out_first, _ = first.communicate()
    seen = [e["bytes_done"] for e in json_events(out_first) if e["event"] == "JobProgress"]
    second = subprocess.run([*cmd, "queue", "resume", *args], env=env, capture_output=True, text=True)
    assert second.returncode == 0
    resumed_from = next(e["bytes_done"] for e in json_events(second.stdout) if e["event"] == "JobProgress")
    resent = max(max(seen, default=0) - resumed_from, 0)
    print(
        f"\nkill -9 at 50 % of {size // MiB} MiB: resume started at {resumed_from / MiB:.2f} MiB,"
        f" re-sent {resent / 1024:.0f} KiB (bound: {PARTS_IN_FLIGHT} parts x {E2E_PART // 1024} KiB)"
    )


def test_signing_cost_per_request() -> None:
    """What OSS V4 adds per request in isolation: a bucket for the grant plus signing one UploadPart."""
    from oss2 import http as oss2_http

    from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth

    address = UploadAddress("http://127.0.0.1:9", "outin-bench", "sv/bench/part.mp4")
    auth = UploadAuth("STS.bench", "s" * 44, "CAIS" + "t" * 380, 3000, None, "cn-shanghai", time.time())
    params = {"uploadId": "0004B9895DBBB6EC98E36", "partNumber": "3"}
    costs = {}
    count = 3000
    for scheme in (OssSignature.V4, OssSignature.V1):
        session = OssSession(signature=scheme)
        began = time.process_time()
        for _ in range(count):
            bucket = session.bucket(address, auth)
            request = oss2_http.Request(
                "PUT", f"{address.endpoint}/{address.bucket}/{address.file_name}", params=dict(params),
                headers={"Content-Length": str(PART)}, region=bucket.region, product="oss",
            )  # fmt: skip
            bucket.auth._sign_request(request, address.bucket, address.file_name)
        costs[scheme] = (time.process_time() - began) / count
    extra_per_gib = (costs[OssSignature.V4] - costs[OssSignature.V1]) * GiB / PART
    print(
        f"\nper request (bucket + signature): OSS V4 {costs[OssSignature.V4] * 1e6:.0f} µs,"
        f" V1 {costs[OssSignature.V1] * 1e6:.0f} µs -> V4 adds {extra_per_gib * 1e3:.1f} ms CPU per GiB"
        f" at {PART // MiB} MiB parts (UNSIGNED-PAYLOAD: the body is never hashed)"
    )
