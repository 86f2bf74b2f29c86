"""What every reliability scenario ends with, and the CLI run in-process against the sandbox."""

from __future__ import annotations

import hashlib
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from vodstudio.cli import main as cli_main
from vodstudio.sandbox import oss_store

PART = 128 * 1024


def small_parts_profile(home: Path, *, parallel_parts: int = 2) -> None:
    """Fixed small parts so a few hundred KiB make a real multipart upload."""
    data = home / "data"
    data.mkdir(parents=True, exist_ok=True)
    settings = {"part_size": PART, "parallel_parts": parallel_parts}
    (data / "settings.json").write_text(json.dumps(settings))


def media_file(path: Path, size: int, seed: int = 1) -> bytes:
    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return data


def use_sandbox_credentials(box: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Environment credentials for the CLI; returns the common options (endpoint, JSON lines)."""
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", box.state.config.access_key_id)
    monkeypatch.setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", box.state.config.access_key_secret)
    return ["--endpoint", box.info.vod_endpoint, "--json"]


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str]:
    """``vodstudio ARGV`` in this process: (exit status, JSON events, stderr)."""
    status = cli_main(argv)
    out, err = capsys.readouterr()
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return status, events, err


def videos_for(box: Any, file_name: str) -> list[str]:
    with box.state.db() as conn:
        rows = conn.execute(
            "SELECT media_id FROM media WHERE file_name LIKE ?", (f"%{file_name}",)
        ).fetchall()
    return [str(r[0]) for r in rows]


def open_uploads(box: Any) -> list[str]:
    """Multipart uploads the sandbox still holds open (each is storage someone pays for)."""
    with box.state.db() as conn:
        rows = conn.execute("SELECT key FROM multipart_uploads").fetchall()
    return [str(r[0]) for r in rows]


def stored_object(box: Any, media_id: str) -> bytes:
    state = box.state
    with state.db() as conn:
        media = conn.execute(
            "SELECT bucket, object_key FROM media WHERE media_id = ?", (media_id,)
        ).fetchone()
        row = oss_store.find_object(conn, media["bucket"], media["object_key"])
        reader = oss_store.open_object(state, conn, row) if row is not None else None
    assert reader is not None, "no object for the video"
    with reader:
        return reader.read(reader.size)


def assert_uploaded_once(box: Any, path: Path, data: bytes) -> str:
    """The end of every scenario: one video for the file, its object byte-identical, no open upload."""
    videos = videos_for(box, path.name)
    assert len(videos) == 1, f"{path.name}: {len(videos)} videos"
    body = stored_object(box, videos[0])
    assert hashlib.sha256(body).digest() == hashlib.sha256(data).digest(), "object differs from the file"
    assert open_uploads(box) == []
    return videos[0]


def job_rows(home: Path) -> list[dict[str, Any]]:
    import sqlite3

    conn = sqlite3.connect(home / "data" / "vodstudio.sqlite3")
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM jobs ORDER BY id")]
    finally:
        conn.close()


def private_modes(root: Path) -> list[str]:
    """Profile entries readable by others (POSIX): folders must be 0700, files 0600."""
    bad = []
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            mode = (Path(folder) / name).stat().st_mode & 0o777
            if mode != 0o700:
                bad.append(f"{Path(folder) / name}: {mode:o}")
        for name in files:
            mode = (Path(folder) / name).lstat().st_mode & 0o777
            if mode != 0o600:
                bad.append(f"{Path(folder) / name}: {mode:o}")
    return bad
