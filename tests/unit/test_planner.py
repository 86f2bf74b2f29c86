"""Part planning within OSS limits."""

from __future__ import annotations

import pytest

from vodstudio.transfer.planner import (
    MAX_PART,
    MAX_PARTS,
    MIN_PART,
    MULTIPART_THRESHOLD,
    GiB,
    MiB,
    part_ranges,
    plan,
    preferred_part_size,
)


def test_small_file_is_simple_put() -> None:
    p = plan(MULTIPART_THRESHOLD)
    assert not p.multipart and p.part_count == 1


@pytest.mark.parametrize("size", [MULTIPART_THRESHOLD + 1, 1 * GiB, 100 * GiB, 48_000 * GiB])
def test_limits_hold(size: int) -> None:
    p = plan(size)
    assert p.multipart
    assert MIN_PART <= p.part_size <= MAX_PART
    assert p.part_count <= MAX_PARTS
    assert p.part_size * p.part_count >= size
    assert p.part_size * (p.part_count - 1) < size


def test_huge_file_grows_parts() -> None:
    p = plan(200 * GiB)
    assert p.part_size > preferred_part_size()
    assert p.part_count <= MAX_PARTS


def test_fast_link_gets_bigger_parts() -> None:
    slow = preferred_part_size(1 * MiB)
    fast = preferred_part_size(100 * MiB)
    assert slow < fast <= 64 * MiB
    assert plan(1 * GiB, link_bps=100 * MiB).part_size > plan(1 * GiB, link_bps=1 * MiB).part_size


def test_preferred_below_minimum_is_raised() -> None:
    assert plan(10 * MiB, threshold=1, preferred=1000).part_size == MIN_PART


def test_part_ranges_cover_file() -> None:
    ranges = part_ranges(10 * MiB + 5, 4 * MiB)
    assert [r[0] for r in ranges] == [1, 2, 3]
    assert ranges[-1] == (3, 8 * MiB, 2 * MiB + 5)
    assert sum(r[2] for r in ranges) == 10 * MiB + 5
