"""The demo library: believable size and spread, real sample MP4, shared files survive deletes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vodstudio.sandbox import rpc_dispatch
from vodstudio.sandbox.demo import SAMPLE_MP4, seed_demo
from vodstudio.sandbox.rpc import ACTIONS, RpcContext
from vodstudio.sandbox.state import SandboxConfig, SandboxState


@pytest.fixture
def state(tmp_path: Path) -> Iterator[SandboxState]:
    box = SandboxState(tmp_path, SandboxConfig())
    box.cdn_domain = "127.0.0.1:1"
    yield box
    box.close()


def call(state: SandboxState, action: str, **params: str) -> dict[str, Any]:
    rpc_dispatch.load_actions()
    return ACTIONS[action](RpcContext(state, action, params, "req", "ak", "POST"))


def test_sample_mp4_is_small_and_real() -> None:
    data = SAMPLE_MP4.read_bytes()
    assert len(data) < 200 * 1024 and data[4:8] == b"ftyp"


def test_seed_spreads_statuses_types_and_history(state: SandboxState) -> None:
    seed_demo(state)
    with state.db() as conn:
        types = dict(conn.execute("SELECT media_type, COUNT(*) FROM media GROUP BY 1").fetchall())
        statuses = {
            r[0] for r in conn.execute("SELECT DISTINCT status FROM media WHERE media_type = 'video'")
        }
        levels = {r[0] for r in conn.execute("SELECT DISTINCT level FROM categories")}
        span = conn.execute("SELECT MAX(created_at) - MIN(created_at) FROM media").fetchone()[0]
        tasks = conn.execute("SELECT COUNT(*), MIN(created_at) FROM cdn_tasks").fetchone()
        logs = conn.execute("SELECT COUNT(*) FROM cdn_access_log").fetchone()[0]
        future = conn.execute("SELECT COUNT(*) FROM media WHERE modified_at > ?", (state.now(),)).fetchone()[
            0
        ]
        titles = [r[0] for r in conn.execute("SELECT title FROM media WHERE media_type = 'video'")]
    assert types["video"] >= 240 and types["image"] >= 4 and types["attached"] >= 2 and types["audio"] >= 1
    assert {"Normal", "Transcoding", "Uploading", "TranscodeFail", "Checking", "Blocked"} <= statuses
    assert levels == {0, 1, 2}
    assert span > 40 * 86400
    assert tasks[0] >= 24 and tasks[1] > state.now() - 3 * 86400
    assert logs >= 500 and future == 0
    assert any(ord(ch) > 0x4E00 for t in titles for ch in t) and any(t.isascii() for t in titles)


def test_deleting_a_demo_video_keeps_shared_files(state: SandboxState) -> None:
    seed_demo(state, videos=60)
    with state.db() as conn:
        ids = [r[0] for r in conn.execute("SELECT media_id FROM media WHERE status = 'Normal' LIMIT 30")]
        paths = {r[0] for r in conn.execute("SELECT path FROM objects")}
    call(state, "DeleteVideo", VideoIds=",".join(ids[:20]))
    with state.db() as conn:
        remaining = {r[0] for r in conn.execute("SELECT path FROM objects")}
    assert all(Path(path).exists() for path in remaining)
    assert len(remaining) < len(paths)  # the videos' own copies went away
    answer = call(state, "SearchMedia", Match=f"VideoId in ('{ids[0]}', '{ids[25]}')")
    assert [item["MediaId"] for item in answer["MediaList"]] == [ids[25]]
