"""Upload progress for the terminal: ANSI bars redrawn ≤ 4/s, plain lines when piped, or JSON lines."""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import TextIO

from vodstudio.core.jobs import JobProgress, JobsAdded, JobState, JobStateChanged, TransferEvent
from vodstudio.core.units import parse_rate as parse_rate  # the CLI's name for it, kept

REDRAW_S = 0.25


def human_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


def _event_json(event: TransferEvent) -> str:
    data = asdict(event)
    data = {k: (v.value if isinstance(v, JobState) else v) for k, v in data.items()}
    return json.dumps({"event": type(event).__name__, **data}, ensure_ascii=False)


class ProgressPrinter:
    """An engine sink. ``names`` maps a job id to a label (looked up lazily, from any thread)."""

    def __init__(
        self,
        names: Callable[[int], str],
        *,
        json_lines: bool = False,
        stream: TextIO | None = None,
        ansi: bool | None = None,
    ) -> None:
        self._names = names
        self._json = json_lines
        self._out = stream or sys.stdout
        self._ansi = (self._out.isatty() if ansi is None else ansi) and not json_lines
        self._lock = threading.Lock()
        self._bars: dict[int, JobProgress] = {}
        self._label: dict[int, str] = {}
        self._drawn = 0
        self._last_draw = 0.0
        self.failed: set[int] = set()
        self.done: set[int] = set()

    def __call__(self, event: TransferEvent) -> None:
        with self._lock:
            if isinstance(event, JobStateChanged):
                self._state(event)
            elif isinstance(event, JobProgress):
                self._progress(event)
            elif isinstance(event, JobsAdded) and self._json:
                self._write(json.dumps({"event": "JobsAdded", "job_ids": list(event.job_ids)}))

    def _name(self, job_id: int) -> str:
        if job_id not in self._label:
            self._label[job_id] = self._names(job_id)
        return self._label[job_id]

    def _write(self, line: str) -> None:
        self._out.write(line + "\n")
        self._out.flush()

    def _state(self, event: JobStateChanged) -> None:
        if event.state is JobState.FAILED:
            self.failed.add(event.job_id)
        elif event.state is JobState.DONE:
            self.done.add(event.job_id)
            self.failed.discard(event.job_id)
        if self._json:
            self._write(_event_json(event))
            return
        if not (event.state.is_final or event.state is JobState.PAUSED):
            return
        self._bars.pop(event.job_id, None)
        self._clear()
        detail = ""
        if event.state is JobState.DONE:
            detail = f" {event.media_id}"
        elif event.error_code:
            rid = f" (RequestId {event.request_id})" if event.request_id else ""
            detail = f" {event.error_code}: {event.error_message}{rid}"
        self._write(f"{event.state.value:>9}  {self._name(event.job_id)}{detail}")
        self._draw(force=True)

    def _progress(self, event: JobProgress) -> None:
        if self._json:
            self._write(_event_json(event))
            return
        self._bars[event.job_id] = event
        self._draw()

    def _clear(self) -> None:
        if self._ansi and self._drawn:
            self._out.write(f"\x1b[{self._drawn}F\x1b[J")
            self._drawn = 0

    def _draw(self, *, force: bool = False) -> None:
        if not self._ansi:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < REDRAW_S:
            return
        self._last_draw = now
        self._clear()
        lines = [self._bar(p) for p in list(self._bars.values())[:8]]
        for line in lines:
            self._out.write(line + "\n")
        self._drawn = len(lines)
        self._out.flush()

    def _bar(self, p: JobProgress) -> str:
        width = 30
        frac = p.bytes_done / p.bytes_total if p.bytes_total else 0.0
        filled = int(frac * width)
        eta = f"{p.eta_s:5.0f}s" if p.eta_s is not None else "    ?"
        name = self._name(p.job_id)[-32:]
        return (
            f"[{'#' * filled}{'.' * (width - filled)}] {frac * 100:5.1f}% "
            f"{human_bytes(p.bytes_done):>10}/{human_bytes(p.bytes_total):<10} "
            f"{human_bytes(p.speed_bps)}/s eta {eta}  {name}"
        )

    def finish(self) -> None:
        with self._lock:
            self._clear()
            self._bars.clear()
