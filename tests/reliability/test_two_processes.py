"""Defect 3: two processes on one profile. One owns the queue; the other is told who, and waits its turn."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.upload_helpers import cli_env, json_events, queue_bytes_done, start_cli
from tests.reliability.helpers import assert_uploaded_once, job_rows, media_file, small_parts_profile
from vodstudio.core.errors import EngineBusyError
from vodstudio.store.engine_lock import EngineLock

SIZE = 4 * 1024 * 1024


def _wait_for_bytes(home: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while queue_bytes_done(home) <= 0:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the first upload never started"
        time.sleep(0.05)


def test_second_process_is_refused_while_the_first_uploads(sandbox: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    first_data = media_file(tmp_path / "first.mp4", SIZE)
    media_file(tmp_path / "second.mp4", 5000, seed=2)
    env = cli_env(home, sandbox)
    common = ["--endpoint", sandbox.info.vod_endpoint, "--json"]
    first = start_cli(["upload", str(tmp_path / "first.mp4"), "--limit-rate", "400K", *common], env)
    _wait_for_bytes(home, first)
    for argv in (["upload", str(tmp_path / "second.mp4")], ["queue", "resume"]):
        second = start_cli([*argv, *common], env)
        _out, err = second.communicate(timeout=60)
        assert first.poll() is None, "the first upload ended too soon for this test"
        assert second.returncode == 1, err
        assert f"another VOD Studio process (pid {first.pid}) is uploading from this profile" in err
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert [e["state"] for e in json_events(out) if e["event"] == "JobStateChanged"][-1] == "done"
    assert [r["state"] for r in job_rows(home)] == ["done"]  # the refused upload queued nothing
    assert_uploaded_once(sandbox, tmp_path / "first.mp4", first_data)


def test_a_killed_owner_leaves_no_stale_lock(sandbox: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    data = media_file(tmp_path / "clip.mp4", SIZE)
    env = cli_env(home, sandbox)
    common = ["--endpoint", sandbox.info.vod_endpoint, "--json"]
    first = start_cli(["upload", str(tmp_path / "clip.mp4"), "--limit-rate", "1M", *common], env)
    _wait_for_bytes(home, first)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    resume = start_cli(["queue", "resume", *common], env)
    _out, err = resume.communicate(timeout=120)
    assert resume.returncode == 0, err
    assert_uploaded_once(sandbox, tmp_path / "clip.mp4", data)


def test_lock_is_per_process_and_names_the_owner(tmp_path: Path) -> None:
    path = tmp_path / "engine.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path;"
         "from vodstudio.store.engine_lock import EngineLock;"
         f"EngineLock(Path({str(path)!r})).acquire(); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(EngineBusyError) as caught:
            EngineLock(path).acquire()
        assert caught.value.pid == holder.pid and caught.value.code == "engine.busy"
    finally:
        holder.kill()
        holder.communicate()
    mine, again = EngineLock(path), EngineLock(path)
    mine.acquire()
    again.acquire()  # the same process shares it (a GUI and its helpers)
    again.release()
    mine.release()
    assert (path.stat().st_mode & 0o777) == 0o600 or os.name != "posix"
