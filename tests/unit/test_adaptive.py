"""The adaptive parallelism rule against modelled links (fake clock, no sockets)."""

from __future__ import annotations

from pathlib import Path

from vodstudio.store.link_memory import Learnt, LinkMemory, route_key
from vodstudio.transfer.adaptive import PERIOD_S, SETTLE_S, AdaptiveParallelism
from vodstudio.transfer.planner import MiB


def _run(
    controller: AdaptiveParallelism, per_conn: float, total: float, seconds: float = 120, **kw: object
) -> list[int]:
    """Drive the controller over a link where n connections carry min(n x per_conn, total)."""
    now, delivered, seen = 0.0, 0.0, []
    while now < seconds:
        rate = min(controller.target * per_conn, total)
        now += 0.25
        delivered += rate * 0.25
        controller.tick(now, int(delivered), busy=True, **kw)  # type: ignore[arg-type]
        seen.append(controller.target)
    return seen


def test_long_link_ramps_until_the_line_is_full() -> None:
    """150 ms cross-border: 1 MB/s per connection, 50 MB/s line -> about 50 connections (max 64)."""
    controller = AdaptiveParallelism(64)
    targets = _run(controller, 1e6, 50e6)
    assert 50 <= targets[-1] <= 64
    assert controller.holding


def test_lan_stays_low() -> None:
    """One connection already fills a LAN: a step up that gains nothing is undone."""
    controller = AdaptiveParallelism(64, start=1)
    targets = _run(controller, 200e6, 200e6, seconds=30)
    assert targets[-1] == 1
    assert max(targets) <= 2


def test_user_maximum_and_bandwidth_limit_are_respected() -> None:
    capped = AdaptiveParallelism(6)
    assert max(_run(capped, 1e6, 50e6)) == 6
    limited = AdaptiveParallelism(64)
    targets = _run(limited, 1e6, 8e6, rate_cap_bps=8e6)  # the user's limit is 8 MB/s
    assert targets[-1] <= 16


def test_errors_and_throttling_back_off() -> None:
    controller = AdaptiveParallelism(64, start=16)
    controller.tick(0.0, 0, busy=True)
    controller.record_error(throttled=True)
    now = SETTLE_S + 0.1
    controller.tick(now, 0, busy=True)
    controller.record_error(throttled=True)
    controller.tick(now + PERIOD_S + 0.1, 10**7, busy=True)
    assert controller.target == 12  # 16 x 0.75


def test_idle_periods_teach_nothing() -> None:
    controller = AdaptiveParallelism(64)
    now = 0.0
    for _ in range(100):
        now += 0.25
        controller.tick(now, 0, busy=False)
    assert controller.target == 4 and controller.learnt() is None


def test_part_size_follows_the_connection_rate_and_spreads_the_file() -> None:
    controller = AdaptiveParallelism(64)
    assert controller.part_size(10**9) is None  # nothing learnt: the planner's default
    controller.adopt(Learnt(50, 1e6))
    _run(controller, 1e6, 50e6, seconds=5)
    assert controller.part_size(4 * 1024 * MiB) == 4 * MiB  # ~4 s of one 1 MB/s connection
    assert controller.part_size(200 * MiB) == 2 * MiB  # at least two parts per connection


def test_memory_remembers_per_route(tmp_path: Path) -> None:
    memory = LinkMemory(tmp_path / "links.json")
    key = route_key("acct", "http://127.0.0.1:8080")
    assert key.startswith("acct|127.0.0.1|")
    memory.put(key, Learnt(48, 1.02e6))
    again = LinkMemory(tmp_path / "links.json")
    assert again.get(key) == Learnt(48, 1_020_000)
    assert again.get("other|host|addr") is None
