"""CredentialKeeper: proactive refresh before the deadline, single-flight refresh under threads."""

from __future__ import annotations

import threading
import time

from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth
from vodstudio.transfer.credentials import CredentialKeeper

ADDRESS = UploadAddress("http://127.0.0.1:1", "outin-x", "sv/a/a.mp4")


def _auth(issued_at: float, lifetime: int, n: int = 0) -> UploadAuth:
    return UploadAuth(f"STS.{n}", "secret", "token", lifetime, None, "cn-shanghai", issued_at)


def test_margin_is_smaller_of_five_minutes_and_ten_percent() -> None:
    keeper = CredentialKeeper(_auth(0, 3000), ADDRESS, lambda: (_auth(0, 3000), ADDRESS))
    assert keeper.margin(_auth(0, 3000)) == 300
    assert keeper.margin(_auth(0, 10)) == 1.0


def test_proactive_refresh_near_deadline() -> None:
    now = [1000.0]
    calls: list[int] = []

    def fetch() -> tuple[UploadAuth, UploadAddress]:
        calls.append(1)
        return _auth(now[0], 3000, len(calls)), ADDRESS

    keeper = CredentialKeeper(_auth(1000.0, 3000), ADDRESS, fetch, clock=lambda: now[0])
    now[0] = 1000 + 2600  # 400 s left: no refresh yet
    assert keeper.current().generation == 0
    now[0] = 1000 + 2750  # 250 s left: inside the 300 s margin
    grant = keeper.current()
    assert grant.generation == 1 and grant.auth.access_key_id == "STS.1" and calls == [1]
    assert keeper.current().generation == 1 and calls == [1]


def test_single_flight_under_parallel_expiry() -> None:
    calls: list[int] = []
    gate = threading.Event()

    def fetch() -> tuple[UploadAuth, UploadAddress]:
        calls.append(1)
        gate.wait(2)  # a slow RefreshUploadVideo: everybody else piles up behind it
        return _auth(time.time(), 3000, len(calls)), ADDRESS

    keeper = CredentialKeeper(_auth(time.time(), 3000), ADDRESS, fetch)
    seen = keeper.grant.generation
    results: list[int] = []

    def part() -> None:
        results.append(keeper.refresh(seen).generation)

    threads = [threading.Thread(target=part) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    gate.set()
    for t in threads:
        t.join()
    assert calls == [1]
    assert results == [1] * 8
    assert keeper.refreshes == 1
    # A part that failed with the NEW credential triggers a second refresh, once.
    assert keeper.refresh(1).generation == 2 and calls == [1, 1]
