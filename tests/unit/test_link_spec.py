"""The link emulator's spec language and its token bucket arithmetic (no sockets, no sleeping)."""

from __future__ import annotations

import itertools

import pytest

from vodstudio.sandbox.link import (
    BURST_S,
    LinkSpec,
    Pacer,
    parse_duration,
    parse_link,
    parse_rate,
    spec_from_json,
)


def test_the_issue_example_parses() -> None:
    spec = parse_link("rtt=80ms,per-conn=2MB/s,total=40MB/s")
    assert spec == LinkSpec(0.08, 2e6, 40e6)
    assert spec.active
    assert parse_link(spec.describe()) == spec


@pytest.mark.parametrize(
    ("text", "bps"),
    [
        ("2MB/s", 2e6),
        ("500KiB/s", 512_000),
        ("80Mbit/s", 10e6),
        ("1e3", None),
        ("1000", 1000),
        ("8mbps", 1e6),
    ],
)
def test_rates(text: str, bps: float | None) -> None:
    if bps is None:
        with pytest.raises(ValueError, match="not a rate"):
            parse_rate(text)
    else:
        assert parse_rate(text) == pytest.approx(bps)


def test_durations_and_subsets() -> None:
    assert parse_duration("150") == pytest.approx(0.15)
    assert parse_duration("0.2s") == pytest.approx(0.2)
    assert parse_link("total=50MB/s") == LinkSpec(0, 0, 50e6)
    assert not parse_link("off").active
    assert parse_link("off").describe() == "off"


@pytest.mark.parametrize("bad", ["rtt", "speed=1MB/s", "rtt=fast", "per-conn=2 parsecs"])
def test_bad_specs_say_what_is_wrong(bad: str) -> None:
    with pytest.raises(ValueError, match=r"link setting|not a"):
        parse_link(bad)


def test_admin_json_forms() -> None:
    assert spec_from_json({"link": "rtt=30ms"}) == LinkSpec(0.03)
    assert spec_from_json({"rtt_ms": 30, "per_conn_bps": 8e6}) == LinkSpec(0.03, 8e6)
    with pytest.raises(ValueError, match="unknown"):
        spec_from_json({"latency": 3})
    with pytest.raises(ValueError, match="negative"):
        spec_from_json({"total_bps": -1})


def test_pacer_reserves_time_in_proportion_to_bytes() -> None:
    """Back-to-back reservations of 1 MB at 1 MB/s: each one waits a second more than the one before."""
    pacer = Pacer()
    waits = [pacer.reserve(1_000_000, 1e6) for _ in range(4)]
    assert waits[0] == pytest.approx(1 - BURST_S, abs=0.05)
    steps = [b - a for a, b in itertools.pairwise(waits)]
    assert all(step == pytest.approx(1.0, abs=0.05) for step in steps)
    assert Pacer().reserve(10**9, 0) == 0  # no rate: unlimited
