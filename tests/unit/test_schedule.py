"""The weekly bandwidth schedule: its text form, its cells in time, and the applier on a fake clock."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vodstudio.core.jobs import Limits
from vodstudio.core.schedule import DAYS, HOURS, BandwidthSchedule
from vodstudio.core.units import format_rate, parse_rate
from vodstudio.services.schedule import ScheduleApplier
from vodstudio.services.settings import SettingsService
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.settings import load_settings

K, M = 1024, 1024 * 1024
THURSDAY = datetime(2026, 12, 3)  # a Thursday (weekday 3)


def test_the_example_of_the_issue() -> None:
    s = BandwidthSchedule.parse("mon-fri 09-18 2M; sat,sun 10-12 500K")
    assert s.limit_at(THURSDAY.replace(hour=9), base=7) == 2 * M
    assert s.limit_at(THURSDAY.replace(hour=17, minute=59), base=7) == 2 * M
    assert s.limit_at(THURSDAY.replace(hour=18), base=7) == 7  # end-exclusive: the base again
    assert s.limit_at(THURSDAY.replace(hour=8), base=0) == 0  # unlisted: the base (here unlimited)
    saturday = THURSDAY + timedelta(days=2)
    assert s.limit_at(saturday.replace(hour=11), base=0) == 500 * K
    assert s.limit_at(saturday.replace(hour=9), base=0) == 0


def test_later_rules_win_wrap_around_and_shorthands() -> None:
    s = BandwidthSchedule.parse("daily 1M; fri-mon 22-02 unlimited; sun 23 default\n09-10 3M")
    assert s.cell(DAYS.index("wed"), 12) == M
    assert s.cell(DAYS.index("fri"), 23) == 0 and s.cell(DAYS.index("fri"), 1) == 0
    assert s.cell(DAYS.index("mon"), 22) == 0 and s.cell(DAYS.index("tue"), 22) == M
    assert s.cell(DAYS.index("sun"), 23) is None
    assert all(s.cell(d, 9) == 3 * M for d in range(7))


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("mon-frx 09-18 2M", "'mon-frx'"),
        ("mon 09-25 2M", "'09-25'"),
        ("mon 09-09 2M", "'09-09'"),
        ("mon 09-18 fast", "'fast'"),
        ("mon 09 18 2M extra", "'mon 09 18 2M extra'"),
    ],
)
def test_errors_name_the_offending_token(text: str, token: str) -> None:
    with pytest.raises(ValueError, match=token):
        BandwidthSchedule.parse(text)


cells = st.one_of(st.none(), st.sampled_from([0, 500 * K, 2 * M, 1536, 123_456]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, min_size=HOURS, max_size=HOURS), min_size=7, max_size=7))
def test_the_text_form_reads_back_the_same_grid(grid: list[list[int | None]]) -> None:
    schedule = BandwidthSchedule(tuple(tuple(row) for row in grid))
    text = schedule.format()
    assert BandwidthSchedule.parse(text) == schedule
    assert (text == "") == schedule.is_empty


@pytest.mark.parametrize("value", [1, 1000, 1024, 1536, 500 * K, 2 * M, 1_572_864, 3 * 1024**3, 123_457])
def test_format_rate_reads_back_exactly(value: int) -> None:
    assert parse_rate(format_rate(value)) == value


def test_next_change_skips_equal_hours_and_crosses_the_week() -> None:
    s = BandwidthSchedule.parse("mon-fri 09-18 2M")
    at = THURSDAY.replace(hour=10, minute=30)
    assert s.next_change_after(at) == THURSDAY.replace(hour=18)
    friday_evening = (THURSDAY + timedelta(days=1)).replace(hour=20)
    assert s.next_change_after(friday_evening) == (THURSDAY + timedelta(days=4)).replace(hour=9)
    assert BandwidthSchedule().next_change_after(at) is None
    assert BandwidthSchedule.parse("daily 1M").next_change_after(at) is None


class FakeEngine:
    def __init__(self) -> None:
        self.limits = Limits(2, 8, 0)
        self.changed = threading.Event()
        self.history: list[int] = []

    def set_limits(self, limits: Limits) -> None:
        self.limits = limits
        self.history.append(limits.bandwidth_bps)
        self.changed.set()


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_the_applier_crosses_a_cell_boundary_on_a_fake_clock(tmp_path: Path) -> None:
    settings_service = SettingsService(ProfilePaths.under(tmp_path).ensure())
    settings_service.update(bandwidth_limit=300 * K, bandwidth_schedule="mon-fri 09-18 2M")
    engine, clock = FakeEngine(), FakeClock(THURSDAY.replace(hour=8, minute=59, second=30))
    applier = ScheduleApplier(engine, settings_service, clock)
    assert applier.step() == pytest.approx(30.0)  # until 09:00
    assert engine.limits == Limits(2, 8, 300 * K)  # the base before nine; other limits untouched
    clock.now = THURSDAY.replace(hour=9)
    assert applier.step() == pytest.approx(9 * 3600.0)
    assert engine.limits.bandwidth_bps == 2 * M
    applier.step()
    assert engine.history == [300 * K, 2 * M]  # nothing set again while the cell is the same


def test_a_settings_change_wakes_the_running_applier(tmp_path: Path) -> None:
    settings_service = SettingsService(ProfilePaths.under(tmp_path).ensure())
    engine = FakeEngine()
    applier = ScheduleApplier(engine, settings_service, FakeClock(THURSDAY.replace(hour=10)))
    applier.start()
    try:
        assert engine.history == []  # no schedule, base unlimited: nothing to change
        settings_service.update(bandwidth_schedule="thu 10-11 700K")
        assert engine.changed.wait(5)
        assert engine.limits.bandwidth_bps == 700 * K
        engine.changed.clear()
        settings_service.update(bandwidth_schedule="")
        assert engine.changed.wait(5)
        assert engine.limits.bandwidth_bps == 0
    finally:
        applier.close()
    engine.changed.clear()
    settings_service.update(bandwidth_schedule="daily 1M")
    assert not engine.changed.wait(0.3)  # closed: it no longer listens
    assert engine.limits == Limits(2, 8, 0)


def test_settings_keep_a_canonical_schedule_and_drop_an_unreadable_one(tmp_path: Path) -> None:
    paths = ProfilePaths.under(tmp_path).ensure()
    service = SettingsService(paths)
    assert service.update(bandwidth_schedule="MON-FRI 9-18 2MiB").bandwidth_schedule == "mon-fri 09-18 2M"
    paths.settings_path.write_text('{"bandwidth_schedule": "mon 09-18 fast", "bandwidth_limit": 5}')
    loaded = load_settings(paths)
    assert loaded.bandwidth_schedule == "" and loaded.bandwidth_limit == 5
