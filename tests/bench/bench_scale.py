"""Benchmark: a queue of 1,000,000 jobs: add time, RSS, restart time, and the queue table scrolling.

Run: ``./dev bench`` or ``pytest tests/bench/bench_scale.py -s``. Size: VODSTUDIO_BENCH_JOBS (default
1,000,000). No assertion on times.

The files are hard links to a few 1 KiB files, so a million distinct paths cost directory entries, not
a gigabyte of disk; the engine scans, stats and queues each path as it would a real drop (it is not
started: nothing is uploaded). "Restart" is what opening a profile with that queue costs: the queue
database opens, interrupted jobs are recovered, the totals line and the first page are read. The
table is the real ``QueueTableModel`` in a ``QTableView``; each step jumps the scroll bar to a random
place and the time until the view has painted is the gap the user would feel.
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from vodstudio.core.jobs import JobMetadata
from vodstudio.services import Services, build_throwaway_services


def _rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


LINKS_PER_FILE = 50_000  # ext4 allows 65,000 names per inode
FILES_PER_FOLDER = 10_000  # a folder per day of recordings, say


def _links(folder: Path, count: int) -> None:
    source = folder
    for index in range(count):
        if index % LINKS_PER_FILE == 0:
            source = folder.parent / f"source {index // LINKS_PER_FILE}.mp4"
            source.write_bytes(bytes(range(256)) * 4)
        subfolder = folder / f"day {index // FILES_PER_FOLDER:03d}"
        if index % FILES_PER_FOLDER == 0:
            subfolder.mkdir(parents=True)
        os.link(source, subfolder / f"clip {index:07d}.mp4")


def _scroll_gaps(qtbot: Any, services: Services, steps: int) -> list[float]:
    """The real window's queue table (engine not started), jumped to ``steps`` random places."""
    from vodstudio.ui.main_window import MainWindow

    window = MainWindow(services, start_engine=False)
    qtbot.addWidget(window)
    window.reload_accounts(select=services.sandbox.start())  # an account: the queue, not the welcome page
    window.resize(1280, 800)
    window.show()
    window.show_section("uploads")
    view = window.uploads.table
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    assert view.isVisible() and view.model().rowCount() > 0
    bar = view.verticalScrollBar()
    rng = random.Random(7)
    gaps = []
    for _ in range(steps):
        started = time.perf_counter()
        bar.setValue(rng.randrange(bar.maximum() + 1))
        app.processEvents()  # the update the jump asked for is painted here, with its data() calls
        gaps.append(time.perf_counter() - started)
    window.shutdown()
    window.close()
    return gaps


def test_bench_a_million_queued_jobs(qtbot: Any, tmp_path: Path) -> None:
    count = int(os.environ.get("VODSTUDIO_BENCH_JOBS", "1000000"))
    folder = tmp_path / "drop"
    started = time.perf_counter()
    _links(folder, count)
    link_s = time.perf_counter() - started
    rss_before = _rss_mib()

    services = build_throwaway_services(tmp_path / "profile")
    engine = services.uploads.engine(lambda _event: None)
    try:
        started = time.perf_counter()
        result = engine.add_files("bench", [folder], JobMetadata(), recurse=True)
        add_s = time.perf_counter() - started
    finally:
        engine.close()
        services.close()
    assert len(result.job_ids) == count
    rss_after_add = _rss_mib()

    started = time.perf_counter()
    services = build_throwaway_services(tmp_path / "profile")
    try:
        services.uploads.queue.recover_interrupted()
        totals = services.uploads.totals()
        first_page = services.uploads.queue.page(0, 100)
        restart_s = time.perf_counter() - started
        assert totals.total == count and len(first_page) == 100
        gaps = sorted(_scroll_gaps(qtbot, services, 300))
    finally:
        services.close()

    p99 = gaps[int(len(gaps) * 0.99) - 1]
    print(
        f"\nScale benchmark, {count:,} queued jobs (hard links; {link_s:.0f} s to make them):\n"
        f"  add (scan + stat + queue):   {add_s:.1f} s = {count / add_s:,.0f} jobs/s\n"
        f"  peak RSS:                    {rss_before:.0f} MiB before, {rss_after_add:.0f} MiB after adding\n"
        f"  restart (open, recover, totals, first page): {restart_s * 1000:.0f} ms\n"
        f"  queue table, 300 random jumps: median {statistics.median(gaps) * 1000:.1f} ms, "
        f"p99 {p99 * 1000:.1f} ms, max {gaps[-1] * 1000:.1f} ms (goal: no gap over 16 ms)"
    )
