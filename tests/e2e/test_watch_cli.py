"""`vodstudio watch FOLDER` as a headless process: it uploads what lands in the folder until SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.upload_helpers import cli_env, make_profile, start_cli
from tests.reliability.helpers import assert_uploaded_once, job_rows, media_file


def _jobs(home: Path) -> list[dict[str, Any]]:
    try:
        return job_rows(home)
    except sqlite3.OperationalError:  # the process has not created its queue yet
        return []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_watch_runs_until_sigterm_and_a_second_run_sends_nothing_again(sandbox: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_profile(home)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = cli_env(home, sandbox)
    argv = ["watch", str(inbox), "--settle", "1", "--endpoint", sandbox.info.vod_endpoint]
    proc = start_cli(argv, env)
    try:
        data = media_file(inbox / "dropped.mp4", 700_000, seed=11)  # multipart with the profile's parts
        deadline = time.monotonic() + 60
        while not any(r["state"] == "done" for r in _jobs(home)):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the watched file was not uploaded"
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert f"  queued   {inbox / 'dropped.mp4'}" in err and "interrupted" in err
    assert_uploaded_once(sandbox, inbox / "dropped.mp4", data)

    again = start_cli([*argv, "--once"], env)  # a restart: the file is known, nothing is queued
    _out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "queued" not in err and len(job_rows(home)) == 1
