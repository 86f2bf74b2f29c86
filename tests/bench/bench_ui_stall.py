"""Benchmark: event-loop gaps (5 ms timer) while 4 uploads run and the library scrolls; prints p50/p99/max.

Run: ``./dev bench`` or ``pytest tests/bench/bench_ui_stall.py -s``. Sizes: VODSTUDIO_BENCH_UI_SECONDS,
VODSTUDIO_BENCH_UI_FILE_MB. No assertion on times (the test in tests/ui/test_no_stall.py guards 1 s).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tests.ui.test_no_stall import stall_scenario


def test_bench_ui_stall(qtbot: Any, sandbox: Any, tmp_path: Path) -> None:
    seconds = float(os.environ.get("VODSTUDIO_BENCH_UI_SECONDS", "8"))
    size = int(float(os.environ.get("VODSTUDIO_BENCH_UI_FILE_MB", "8")) * 1024 * 1024)
    meter = stall_scenario(qtbot, sandbox, tmp_path, seconds=seconds, file_size=size)
    ticks = len(meter.gaps)
    print(
        f"\nUI stall benchmark: {ticks} ticks of a 5 ms timer over ~{seconds:.0f} s, 4 uploads of "
        f"{size / 1048576:.0f} MiB + scrolling: p50 {meter.percentile(50) * 1000:.1f} ms, "
        f"p99 {meter.percentile(99) * 1000:.1f} ms (anchor 55, goal <= 16), "
        f"max {meter.max_gap * 1000:.1f} ms (goal <= 50)"
    )
    assert ticks > 0
