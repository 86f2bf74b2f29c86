"""Event coalescing (fake clock) and the folder scan (odd names, non-media, special files)."""

from __future__ import annotations

import os
from pathlib import Path

from vodstudio.core.jobs import JobKind, JobProgress, JobState, JobStateChanged
from vodstudio.transfer.events import EventHub
from vodstudio.transfer.scan import Candidate, Skipped, scan


def test_progress_is_coalesced_and_states_always_delivered() -> None:
    now = [100.0]
    events: list[object] = []
    hub = EventHub(events.append, clock=lambda: now[0])
    hub.start(1, total=1000)
    for _ in range(100):  # 100 chunks within 0.1 s: at most one progress event
        hub.add(1, 5)
        now[0] += 0.001
    progress = [e for e in events if isinstance(e, JobProgress)]
    assert len(progress) <= 1
    now[0] += 1.0
    hub.add(1, 500)
    last = [e for e in events if isinstance(e, JobProgress)][-1]
    assert last.bytes_done == 1000 and last.speed_bps > 0 and last.eta_s == 0
    hub.state(JobStateChanged(1, JobState.DONE, media_id="v1"), final=True)
    assert isinstance(events[-2], JobProgress) and events[-1] == JobStateChanged(
        1, JobState.DONE, media_id="v1"
    )


def test_retry_can_take_progress_back() -> None:
    events: list[object] = []
    now = [0.0]
    hub = EventHub(events.append, clock=lambda: now[0])
    hub.start(7, total=100)
    hub.add(7, 60)
    hub.add(7, -60)  # the part failed and will be sent again
    hub.flush(7)
    assert isinstance(events[-1], JobProgress) and events[-1].bytes_done == 0


def test_scan_odd_names_and_outcomes(tmp_path: Path) -> None:
    sub = tmp_path / "文件夹 🎞"
    sub.mkdir()
    (sub / "空格 clip 🎬.mp4").write_bytes(b"x")
    (sub / "notes.txt").write_bytes(b"x")
    (sub / "poster.JPG").write_bytes(b"x")
    os.mkfifo(sub / "pipe.mp4")
    found = list(scan([tmp_path]))
    cands = {c.path.name: c for c in found if isinstance(c, Candidate)}
    skipped = {s.path.name: s.reason for s in found if isinstance(s, Skipped)}
    assert cands["空格 clip 🎬.mp4"].kind is JobKind.VIDEO and cands["空格 clip 🎬.mp4"].size == 1
    assert cands["poster.JPG"].kind is JobKind.IMAGE
    assert skipped == {"notes.txt": "not-media", "pipe.mp4": "file.not-regular"}
    assert [c.path.name for c in scan([tmp_path], include_all=True) if isinstance(c, Candidate)].count(
        "notes.txt"
    ) == 1


def test_explicit_missing_file_becomes_a_job(tmp_path: Path) -> None:
    (item,) = list(scan([tmp_path / "gone.mp4"]))
    assert isinstance(item, Candidate) and item.size == 0  # the job then fails with file.missing


def test_a_dropped_file_the_service_would_refuse_is_reported_not_queued(tmp_path: Path) -> None:
    """Review defect 4: an explicitly dropped .bmp became a VIDEO job bound to fail."""
    bmp = tmp_path / "poster.bmp"
    bmp.write_bytes(b"BM")
    (item,) = list(scan([bmp]))
    assert isinstance(item, Skipped) and item.reason == "not-media"
    (forced,) = list(scan([bmp], include_all=True))  # the user asked for every file anyway
    assert isinstance(forced, Candidate) and forced.kind is JobKind.VIDEO
