"""Shared pieces of the upload end-to-end tests: a profile with small parts, the CLI as a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

PART = 256 * 1024
PARTS_IN_FLIGHT = 2


def make_profile(home: Path) -> None:
    """Small fixed parts so a few MiB make a real multipart upload."""
    data = home / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"part_size": PART, "parallel_parts": PARTS_IN_FLIGHT}))


def cli_env(home: Path, box: Any) -> dict[str, str]:
    env = dict(os.environ)
    env["VODSTUDIO_HOME"] = str(home)
    env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = box.state.config.access_key_id
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = box.state.config.access_key_secret
    return env


def start_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vodstudio", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def queue_bytes_done(home: Path) -> int:
    """What the CLI recorded durably so far (read from its queue database, WAL allows it)."""
    db = home / "data" / "vodstudio.sqlite3"
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        row = conn.execute("SELECT COALESCE(MAX(bytes_done), 0) FROM jobs").fetchone()
        return int(row[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def json_events(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
