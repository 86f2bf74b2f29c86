"""Sandbox CDN quotas: all-or-nothing consumption that resets at Asia/Shanghai midnight."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from vodstudio.sandbox import quota
from vodstudio.sandbox.state import SHANGHAI, SandboxConfig, SandboxState


def _state(tmp_path: Path) -> SandboxState:
    return SandboxState(tmp_path / "sb", SandboxConfig())


def _jump_to(state: SandboxState, shanghai_time: dt.datetime) -> None:
    state.clock_offset = shanghai_time.timestamp() - time.time()


def test_consume_is_all_or_nothing(tmp_path: Path) -> None:
    state = _state(tmp_path)
    try:
        with state.db() as conn:
            assert quota.remaining(state, conn, "aliyun", "url", 2000) == 2000
            assert quota.consume(state, conn, "aliyun", "url", 1990, 2000)
            assert not quota.consume(state, conn, "aliyun", "url", 11, 2000)
            assert quota.remaining(state, conn, "aliyun", "url", 2000) == 10
            assert quota.consume(state, conn, "aliyun", "url", 10, 2000)
            assert quota.remaining(state, conn, "aliyun", "url", 2000) == 0
            # Kinds and providers are separate budgets.
            assert quota.remaining(state, conn, "aliyun", "dir", 100) == 100
            assert quota.remaining(state, conn, "huawei", "refresh", 1000) == 1000
    finally:
        state.close()


def test_quota_resets_at_shanghai_midnight(tmp_path: Path) -> None:
    state = _state(tmp_path)
    try:
        # 23:58 in Shanghai is 15:59 UTC: a UTC-day reset would come 8 hours too late.
        _jump_to(state, dt.datetime(2025, 3, 9, 23, 58, 0, tzinfo=SHANGHAI))
        with state.db() as conn:
            assert quota.consume(state, conn, "aliyun", "preload", 500, 500)
            assert quota.remaining(state, conn, "aliyun", "preload", 500) == 0
        state.clock_offset += 110  # 23:59:50, same day
        with state.db() as conn:
            assert quota.remaining(state, conn, "aliyun", "preload", 500) == 0
        state.clock_offset += 20  # 00:00:10 the next day in Shanghai, still 16:00 the same UTC day
        with state.db() as conn:
            assert quota.remaining(state, conn, "aliyun", "preload", 500) == 500
            assert quota.consume(state, conn, "aliyun", "preload", 1, 500)
    finally:
        state.close()
