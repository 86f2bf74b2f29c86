"""SearchMedia on a 100,000-row library: filtered queries against the unfiltered baseline (ratios)."""

from __future__ import annotations

import time
from pathlib import Path

from vodstudio.sandbox import rpc_dispatch
from vodstudio.sandbox.rpc import ACTIONS, RpcContext
from vodstudio.sandbox.state import SandboxConfig, SandboxState

ROWS = 100_000
QUERIES = {
    "fuzzy title": "Title = '夜景'",
    "status + size range": "Status in ('Checking') and Size = [1000, 5000000)",
    "or + duration": "(Tags = 'music' or Title = '城市') and Duration = (100,)",
}


def _search(state: SandboxState, match: str) -> float:
    params = {"Match": match, "PageSize": "100", "PageNo": "20", "Fields": "Title,CoverURL"}
    began = time.perf_counter()
    for _ in range(5):
        ACTIONS["SearchMedia"](RpcContext(state, "SearchMedia", params, "r", "ak", "POST"))
    return (time.perf_counter() - began) / 5


def test_search_100k(tmp_path: Path) -> None:
    rpc_dispatch.load_actions()
    state = SandboxState(tmp_path, SandboxConfig())
    state.cdn_domain = "127.0.0.1:1"
    base = state.now() - 1e6
    rows = [
        (f"{n:032x}", "video", f"Bulk {n} 城市" if n % 7 else f"夜景 {n}", "promo" if n % 3 else "music",
         "Normal" if n % 5 else "Checking", base + n, base + n, n * 1000, n % 600)
        for n in range(ROWS)
    ]  # fmt: skip
    with state.db() as conn:
        conn.executemany(
            "INSERT INTO media (media_id, media_type, title, tags, status, created_at, modified_at, size, "
            "duration) VALUES (?,?,?,?,?,?,?,?,?)",
            rows,
        )
    baseline = _search(state, "")
    print(f"\nSearchMedia over {ROWS:,} rows, page 20 of 100: unfiltered {baseline * 1000:.1f} ms")
    for name, match in QUERIES.items():
        print(f"  {name:<22} {_search(state, match) / baseline:5.1f}x the unfiltered time")
    state.close()
