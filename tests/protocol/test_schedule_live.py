"""Done-when of the bandwidth schedule: a change to the schedule takes effect on a running upload.

Rates are measured as bytes over a window before and after the change and compared as a ratio
(never a wall-clock bound). Both faces build their applier with ``UploadsService.apply_schedule``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import write_file
from tests.reliability.helpers import run_cli
from tests.ui.test_both_faces import cli
from vodstudio.core.jobs import JobMetadata, JobProgress, JobState
from vodstudio.sandbox.link import parse_link
from vodstudio.services import Services, build_services
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.services.schedule import ScheduleApplier
from vodstudio.services.uploads import UploadsService
from vodstudio.store.paths import ProfilePaths

K, M = 1024, 1024 * 1024
SLOW, FAST = 512 * K, 2 * M
WINDOW_S = 3.0


@pytest.fixture
def services(sandbox: Any) -> Iterator[Services]:
    """The sandbox account in this test's profile and keychain (the CLI builds its own services)."""
    svc = build_services(ProfilePaths.default(), part_size=256 * K)
    svc.sandbox.ensure_accounts(sandbox.info)
    yield svc
    svc.close()


def rate_over(sandbox: Any, seconds: float) -> float:
    """Bytes/s the sandbox received over ``seconds`` (its link counts body bytes as it reads them)."""
    start, begun = sandbox.state.link.bytes, time.monotonic()
    time.sleep(seconds)
    return float(sandbox.state.link.bytes - start) / (time.monotonic() - begun)


def test_a_schedule_change_takes_effect_on_a_running_upload(
    sandbox: Any, services: Services, tmp_path: Path
) -> None:
    sandbox.state.link.set(parse_link("total=1000MB/s"))  # no real limit: only its byte counter
    path = tmp_path / "long.mp4"
    write_file(path, 16 * M)
    services.settings.update(parallel_files=1, parallel_parts=4)
    services.uploads.set_schedule(f"daily {SLOW}")  # every hour of the week: the test never crosses one
    moving = threading.Event()
    engine = services.uploads.engine(lambda e: moving.set() if isinstance(e, JobProgress) else None)
    applier = services.uploads.apply_schedule(engine)
    try:
        assert engine.limits.bandwidth_bps == SLOW  # applied before the first byte
        job_id = engine.add_files(ALIYUN_NAME, [path], JobMetadata()).job_ids[0]
        engine.start()
        assert moving.wait(15)
        rate_over(sandbox, 0.5)  # past the start-up burst
        slow = rate_over(sandbox, WINDOW_S)
        services.uploads.set_schedule(f"daily {FAST}")  # what the Bandwidth tab and `schedule set` do
        rate_over(sandbox, 0.4)  # the bucket's new rate and the parts in flight settle
        fast = rate_over(sandbox, WINDOW_S)
        assert engine.limits.bandwidth_bps == FAST
        job = services.uploads.job(job_id)
        assert job is not None and job.state is JobState.UPLOADING  # the same upload, still running
        # 4x as set; the slow window sees 5 or 6 of the reader's 256 KiB chunks, hence the width.
        assert 2.5 <= fast / slow <= 6.5
    finally:
        applier.close()
        engine.close()


def test_the_cli_follows_the_schedule_unless_limit_rate_is_given(
    sandbox: Any,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`upload` starts the applier (the same call as the window); `--limit-rate` holds for the run."""
    started: list[ScheduleApplier] = []
    original = UploadsService.apply_schedule

    def recorded(self: UploadsService, engine: Any, **kwargs: Any) -> ScheduleApplier:
        applier = original(self, engine, **kwargs)
        started.append(applier)
        return applier

    monkeypatch.setattr(UploadsService, "apply_schedule", recorded)
    assert cli(services, "schedule", "set", "daily 4M") == 0
    assert "schedule: daily 4M" in capsys.readouterr().out  # whole days need no hours
    write_file(tmp_path / "a.mp4", 300 * K, seed=1)
    write_file(tmp_path / "b.mp4", 300 * K, seed=2)
    status, _events, err = run_cli(["upload", str(tmp_path / "a.mp4"), "--account", ALIYUN_NAME], capsys)
    assert status == 0, err
    assert [a.applied for a in started] == [4 * M]
    argv = ["upload", str(tmp_path / "b.mp4"), "--account", ALIYUN_NAME, "--limit-rate", "1M"]
    status, _events, err = run_cli(argv, capsys)
    assert status == 0, err
    assert len(started) == 1  # no applier: the explicit rate wins for this run


def test_schedule_show_set_clear(services: Services, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(services, "schedule", "set", "mon-fri 09-18 2M; sat,sun 10-12 500K") == 0
    out = capsys.readouterr().out
    assert "schedule: sat-sun 10-12 500K; mon-fri 09-18 2M" in out
    rows = [line for line in out.splitlines() if line[:3] in ("mon", "sat")]
    assert rows == ["mon  .........bbbbbbbbb......", "sat  ..........aa............"]
    assert services.settings.current.bandwidth_schedule == "sat-sun 10-12 500K; mon-fri 09-18 2M"
    assert cli(services, "schedule", "set", "mon 09-18 fast") == 2
    assert "not a limit: 'fast'" in capsys.readouterr().err
    assert services.settings.current.bandwidth_schedule != ""  # a bad spec changes nothing
    assert cli(services, "schedule", "clear") == 0
    assert services.settings.current.bandwidth_schedule == ""
    assert "schedule: (none)" in capsys.readouterr().out
