"""The watch loop: poll folders, wait until each new file has settled, hand it over once (Qt-free).

Polling (``os.scandir`` every ~2 s) rather than OS notifications: the settle rule needs a periodic
look at size and mtime anyway (a notification says "changed", never "done"), polling works the same
on network shares, where inotify and ReadDirectoryChangesW miss writes by other machines, and it
adds no dependency (watchdog is not installed). A scan of a few thousand names costs milliseconds.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from vodstudio.core.errors import VodStudioError
from vodstudio.core.fingerprint import fingerprint
from vodstudio.core.jobs import AddResult
from vodstudio.core.watch import Stability, StabilityTracker, WatchFolder
from vodstudio.services.duplicates import KNOWN, REPEAT
from vodstudio.store.watch import Handled, WatchMemory

log = logging.getLogger("vodstudio.services.watch")

POLL_INTERVAL = 2.0
RETRY_AFTER = 30.0  # a file whose hand-over failed (service refused, file unreadable) is tried again


class WatchOutcome(enum.StrEnum):
    QUEUED = "queued"
    KNOWN = "known"  # handed over before (maybe under another name) or the account has it: not again
    SKIPPED = "skipped"  # the scan refused it (detail: the reason code)
    FAILED = "failed"  # not handed over this time (detail: the error code); tried again later


@dataclass(frozen=True)
class WatchEvent:
    folder: WatchFolder
    path: str
    outcome: WatchOutcome
    job_ids: tuple[int, ...] = ()
    detail: str = ""  # the earlier path (known), the reason (skipped) or the error code (failed)


def writer_holds(path: str) -> bool:
    """Whether another program still has the file open for writing.

    Windows: the file is opened asking to share it with readers only; while any other handle may
    write to it, that fails with a sharing violation (nothing is written, the mtime stays). POSIX
    has no mandatory locks: a writer is invisible there, and the settle time is the whole test.
    """
    if os.name != "nt":
        return False
    import _winapi  # the stdlib's own CreateFile (os.open cannot ask for a share mode)

    generic_read, share_read, open_existing, sharing_violation = 0x80000000, 0x1, 3, 32
    try:
        handle = _winapi.CreateFile(path, generic_read, share_read, 0, open_existing, 0, 0)  # type: ignore[attr-defined]
    except OSError as exc:
        return getattr(exc, "winerror", 0) == sharing_violation  # gone or unreadable: the hand-over says
    _winapi.CloseHandle(handle)  # type: ignore[attr-defined]
    return False


Intake = Callable[[WatchFolder, Path], AddResult]
Sink = Callable[[WatchEvent], None]


@dataclass
class _FolderState:
    folder: WatchFolder
    tracker: StabilityTracker
    done: dict[str, tuple[int, int]]  # path -> (size, mtime_ns) handed over or known this run
    retry_at: dict[str, float]


class Watcher:
    """Watches folders on its own thread (``start``/``stop``) or pass by pass (``poll``, ``settle``).

    ``intake`` queues one file (the service's upload path, duplicates skipped); ``sink`` hears every
    hand-over, on the watcher's thread. ``probe`` is ``writer_holds`` (tests inject their own).
    """

    def __init__(
        self,
        folders: Sequence[WatchFolder],
        intake: Intake,
        memory: WatchMemory,
        sink: Sink,
        *,
        clock: Callable[[], float] = time.monotonic,
        probe: Callable[[str], bool] = writer_holds,
        interval: float = POLL_INTERVAL,
        handover: threading.Lock | None = None,
    ) -> None:
        self._states = [_FolderState(f, StabilityTracker(f.settle, clock), {}, {}) for f in folders]
        self._intake = intake
        self._memory = memory
        self._sink = sink
        self._clock = clock
        self._probe = probe
        self.interval = interval
        self._lock = threading.Lock()  # one pass at a time (the thread, or a caller's poll)
        # Shared by the watchers of one profile: a watcher stopped mid-pass and its successor never
        # hand the same file over twice (the memory is read and written inside it).
        self._handover = handover or threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.pending = 0  # files of the last pass still growing or held by a writer

    @property
    def folders(self) -> list[WatchFolder]:
        return [s.folder for s in self._states]

    # ---- passes -----------------------------------------------------------------------------------
    def poll(self) -> list[WatchEvent]:
        """One look at every folder; returns (and sends to the sink) what was handed over."""
        events: list[WatchEvent] = []
        with self._lock:
            pending = 0
            for state in self._states:
                if self._stop.is_set():
                    break
                pending += self._poll_folder(state, events)
            self.pending = pending
        return events

    def settle(self, *, timeout: float | None = None) -> list[WatchEvent]:
        """Poll until every file present has settled and been handed over (``watch --once``)."""
        deadline = None if timeout is None else self._clock() + timeout
        events: list[WatchEvent] = []
        while not self._stop.is_set():
            events += self.poll()
            if self.pending == 0 or (deadline is not None and self._clock() >= deadline):
                break
            self._stop.wait(min(self.interval, 0.5))
        return events

    def _poll_folder(self, state: _FolderState, events: list[WatchEvent]) -> int:
        folder = state.folder
        files = list(_files(folder))
        state.tracker.keep_only(p for p, _s, _m in files)
        present = {p for p, _s, _m in files}
        for gone in [p for p in state.done if p not in present]:
            del state.done[gone]
        pending = 0
        for path, size, mtime_ns in files:
            if self._stop.is_set():
                break
            if state.done.get(path) == (size, mtime_ns) or state.retry_at.get(path, 0.0) > self._clock():
                continue
            if self._memory.unchanged(folder.account, path, size, mtime_ns):
                state.done[path] = (size, mtime_ns)  # handed over by an earlier run: not read again
                continue
            stability = state.tracker.observe(path, size, mtime_ns)
            if stability is Stability.READY and self._probe(path):
                state.tracker.restart(path)
                stability = Stability.GROWING
            if stability is Stability.GROWING:
                pending += 1
            elif stability is Stability.READY:
                event = self._hand_over(state, path, size, mtime_ns)
                if event is not None:
                    events.append(event)
                    self._send(event)
        return pending

    def _hand_over(self, state: _FolderState, path: str, size: int, mtime_ns: int) -> WatchEvent | None:
        folder = state.folder
        try:
            fp = fingerprint(path)
            after = Path(path).stat()
        except OSError as exc:
            state.retry_at[path] = self._clock() + RETRY_AFTER
            return WatchEvent(folder, path, WatchOutcome.FAILED, detail=f"file.unreadable: {exc.strerror}")
        if (after.st_size, after.st_mtime_ns) != (size, mtime_ns):
            return None  # it moved while being read: the tracker sees the change on the next pass
        state.done[path] = (size, mtime_ns)
        with self._handover:
            return self._hand_over_new(state, path, fp, size, mtime_ns)

    def _hand_over_new(
        self, state: _FolderState, path: str, fp: str, size: int, mtime_ns: int
    ) -> WatchEvent | None:
        folder = state.folder
        known = self._memory.by_content(folder.account, fp)
        if known is not None:
            self._memory.note(Handled(folder.account, fp, path, known.outcome, known.job_id), size, mtime_ns)
            if known.path == path:
                return None  # this very file, touched without a change of content
            return WatchEvent(folder, path, WatchOutcome.KNOWN, detail=known.path)
        try:
            result = self._intake(folder, Path(path))
        except VodStudioError as exc:
            del state.done[path]
            state.retry_at[path] = self._clock() + RETRY_AFTER
            log.warning("watch: could not queue %s: %s", path, exc)
            return WatchEvent(folder, path, WatchOutcome.FAILED, detail=exc.code)
        event = _event_of(folder, path, result)
        self._memory.note(
            Handled(folder.account, fp, path, event.outcome.value, event.job_ids[0] if event.job_ids else 0),
            size,
            mtime_ns,
        )
        return event

    def _send(self, event: WatchEvent) -> None:
        try:
            self._sink(event)
        except Exception:  # a face's printing must not stop the watching
            log.exception("watch event sink failed")

    # ---- the thread --------------------------------------------------------------------------------
    def start(self) -> Watcher:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="vodstudio-watch", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll()
            except VodStudioError as exc:  # e.g. the profile's disk is full: say so, keep watching
                log.error("watch pass failed: %s", exc)
            self._stop.wait(self.interval)

    def stop(self, timeout: float = 1.0) -> None:
        """Stop watching; joins the thread (a pass stops between two files)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


def _event_of(folder: WatchFolder, path: str, result: AddResult) -> WatchEvent:
    if result.job_ids:
        return WatchEvent(folder, path, WatchOutcome.QUEUED, result.job_ids)
    reasons = [reason for _p, reason in result.skipped]
    if any(r in (KNOWN, REPEAT) for r in reasons):
        return WatchEvent(folder, path, WatchOutcome.KNOWN, detail=reasons[0])
    return WatchEvent(folder, path, WatchOutcome.SKIPPED, detail=reasons[0] if reasons else "")


def _files(folder: WatchFolder) -> Iterator[tuple[str, int, int]]:
    """(path, size, mtime_ns) of the wanted files; symlinked folders are not followed (no loops)."""
    root = folder.path
    stack = [""]
    while stack:
        relative_dir = stack.pop()
        directory = str(Path(root, relative_dir)) if relative_dir else root
        try:
            with os.scandir(directory) as entries:
                listed = list(entries)
        except OSError:
            continue  # missing, unmounted or not ours to read: nothing to queue now
        for entry in listed:
            relative = f"{relative_dir}/{entry.name}" if relative_dir else entry.name
            with contextlib.suppress(OSError):
                if entry.is_dir(follow_symlinks=False):
                    if folder.descends(relative):
                        stack.append(relative)
                elif entry.is_file() and folder.wants(relative):
                    info = entry.stat()
                    yield entry.path, info.st_size, info.st_mtime_ns
