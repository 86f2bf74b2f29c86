"""Speed over a window and an ETA that glides (fake clock; bytes arrive in uneven steps)."""

from __future__ import annotations

import itertools

import pytest

from vodstudio.transfer.smoothing import RateSmoother


def _feed(steps: list[tuple[float, int]]) -> list[tuple[float, float, float | None]]:
    """(time, speed, eta) after each sample of a 100 MB job."""
    smoother = RateSmoother()
    smoother.restart(0.0, 0)
    out = []
    for now, done in steps:
        smoother.sample(now, done)
        speed = smoother.speed()
        out.append((now, speed, smoother.eta(now, 100_000_000 - done, speed)))
    return out


def test_lumpy_arrivals_read_as_the_steady_rate() -> None:
    """4 MB/s delivered as 4 MB lumps once a second (parts answering), sampled every 0.25 s."""
    steps = [(t / 4, 4_000_000 * int(t / 4)) for t in range(1, 81)]
    results = [r for r in _feed(steps) if r[0] >= 5.0]
    assert all(speed == pytest.approx(4e6, rel=0.2) for _, speed, _ in results)


def test_eta_counts_down_without_jumping() -> None:
    steps = [(t / 4, 4_000_000 * int(t / 4)) for t in range(1, 81)]
    etas = [(now, eta) for now, _, eta in _feed(steps) if eta is not None]
    for (t0, e0), (t1, e1) in itertools.pairwise(etas):
        predicted = e0 - (t1 - t0)
        assert abs(e1 - predicted) <= 0.1 * e0 + 0.5


def test_a_stall_lowers_speed_gradually_and_done_is_zero() -> None:
    steps = [(t / 4, 1_000_000 * t) for t in range(1, 41)] + [(10 + t / 4, 40_000_000) for t in range(1, 9)]
    speeds = [speed for _, speed, _ in _feed(steps)]
    assert speeds[-1] > 0  # two seconds of nothing: slower, not zero
    assert speeds[-1] < speeds[39]
    smoother = RateSmoother()
    smoother.restart(0.0, 0)
    smoother.sample(2.0, 10)
    assert smoother.eta(2.0, 0, smoother.speed()) == 0.0
    assert RateSmoother().speed() == 0.0
