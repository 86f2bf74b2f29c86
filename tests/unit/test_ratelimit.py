"""Token bucket: shared budget, live rate changes, cancellation."""

from __future__ import annotations

import threading
import time

import pytest

from vodstudio.core.errors import CancelledError
from vodstudio.transfer.ratelimit import TokenBucket


def test_unlimited_never_blocks() -> None:
    bucket = TokenBucket(0)
    bucket.acquire(10**12)


def test_rate_is_shared_between_threads() -> None:
    rate = 2_000_000
    bucket = TokenBucket(rate)
    bucket.acquire(int(rate / 4))  # drain the burst
    sent = [0, 0]

    def worker(i: int) -> None:
        for _ in range(10):
            bucket.acquire(25_000)
            sent[i] += 25_000

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    # 500 kB at 2 MB/s needs at least ~0.25 s minus the 64 KiB burst; both threads share one budget.
    assert sum(sent) == 500_000
    assert elapsed >= (500_000 - 64 * 1024) / rate * 0.9


def test_cancel_interrupts_wait() -> None:
    bucket = TokenBucket(1000)
    bucket.acquire(64 * 1024)  # drain the burst
    cancel = threading.Event()
    threading.Timer(0.05, cancel.set).start()
    with pytest.raises(CancelledError):
        bucket.acquire(10_000_000, cancel)


def test_set_rate_unblocks_waiter() -> None:
    bucket = TokenBucket(100)
    bucket.acquire(64 * 1024)  # drain the burst
    done = threading.Event()

    def waiter() -> None:
        bucket.acquire(1_000_000)
        done.set()

    t = threading.Thread(target=waiter)
    t.start()
    assert not done.wait(0.1)
    bucket.set_rate(0)
    assert done.wait(2)
    t.join()
