"""Worker threads → GUI thread: the engine-event bridge and ``run_in_background`` for network calls."""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot
from shiboken6 import isValid

from vodstudio.core.jobs import JobProgress, JobsAdded, JobStateChanged, TransferEvent

log = logging.getLogger(__name__)

DRAIN_INTERVAL_MS = 200


class GuiInbox(QObject):
    """The one worker → GUI hand-off: any thread ``post``s plain values, the GUI thread handles them.

    With ``interval_ms > 0`` a GUI-thread timer drains the inbox at most that often (progress is
    coalesced: many posts, one repaint). With ``interval_ms == 0`` the first post after a drain sends
    one queued wake-up, so the handler runs as soon as the event loop is free. Workers never hold a
    widget; they hold only this inbox's lock-protected list (a Qt object finalised on a worker thread
    crashes). ``handler(items)`` gets everything posted since the last drain, in order.
    """

    _wake = Signal()

    def __init__(
        self,
        handler: Callable[[list[Any]], None],
        *,
        interval_ms: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._handler = handler
        self._lock = threading.Lock()
        self._items: list[Any] = []
        self._interval = interval_ms
        self._timer: QTimer | None = None
        if interval_ms > 0:
            self._timer = QTimer(self)
            self._timer.setInterval(interval_ms)
            self._timer.timeout.connect(self.drain)
            self._timer.start()
        else:
            self._wake.connect(self.drain, Qt.ConnectionType.QueuedConnection)

    def post(self, item: Any) -> None:
        """Thread-safe; never touches Qt except the one wake-up signal of an immediate inbox."""
        with self._lock:
            self._items.append(item)
            wake = self._timer is None and len(self._items) == 1
        if wake:
            self._wake.emit()

    def pending(self) -> int:
        with self._lock:
            return len(self._items)

    def stop(self) -> None:
        """Pause a timed inbox (GUI thread); posts keep accumulating until ``resume``."""
        if self._timer is not None:
            self._timer.stop()

    def resume(self) -> None:
        if self._timer is not None and not self._timer.isActive():
            self._timer.start()

    @Slot()
    def drain(self) -> None:
        """Handle what arrived (also callable directly, e.g. before a screenshot)."""
        with self._lock:
            items, self._items = self._items, []
        if items:
            self._handler(items)


class EngineBridge(QObject):
    """Lives in the GUI thread. ``sink`` may be called from any thread; signals are coalesced per tick.

    - ``progress_changed(dict[int, JobProgress])``: the latest progress of each job that moved.
    - ``job_state_changed(list[JobStateChanged])``: every state change, in order (never dropped).
    - ``jobs_changed(set[int])``: ids of all jobs touched in this tick (repaint hint for models).
    - ``jobs_added(JobsAdded)``: jobs were queued (by this window, a CLI run or a restored queue).
    """

    progress_changed = Signal(object)
    job_state_changed = Signal(object)
    jobs_changed = Signal(object)
    jobs_added = Signal(object)

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = DRAIN_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._inbox = GuiInbox(self._deliver, interval_ms=interval_ms, parent=self)

    def sink(self, event: TransferEvent) -> None:
        """Thread-safe: only appends under a lock; the GUI-thread timer does the rest."""
        self._inbox.post(event)

    def stop(self) -> None:
        self._inbox.stop()

    def drain(self) -> None:
        self._inbox.drain()

    def _deliver(self, events: list[TransferEvent]) -> None:
        progress: dict[int, JobProgress] = {}
        states: list[JobStateChanged] = []
        added: list[JobsAdded] = []
        for event in events:
            match event:
                case JobStateChanged():
                    states.append(event)
                case JobProgress():
                    progress[event.job_id] = event
                case JobsAdded():
                    added.append(event)
        touched = set(progress) | {e.job_id for e in states}
        # Progress first: a job that stopped in this tick must not be revived by its last progress.
        if progress:
            self.progress_changed.emit(progress)
        if states:
            self.job_state_changed.emit(states)
        if touched:
            self.jobs_changed.emit(touched)
        for event in added:
            self.jobs_added.emit(event)


# ---------------------------------------------------------------------------------------------------
# run_in_background


@dataclass
class BackgroundTask:
    """Handle for one background call. ``cancel()`` only drops the callbacks; the call itself runs on."""

    future: Future[Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None = None
    cancelled: bool = field(default=False)
    fn: Callable[[], Any] | None = None  # kept here (GUI thread) so it is released on the GUI thread

    def cancel(self) -> None:
        self.cancelled = True

    def done(self) -> bool:
        return self.future.done()


class _Relay:
    """Delivers finished background calls on the GUI thread through one immediate ``GuiInbox``."""

    def __init__(self) -> None:
        self.inbox = GuiInbox(self._deliver_all)
        # Keeps each task (the call and the callbacks it holds) alive until delivered in the GUI thread.
        self.in_flight: dict[int, BackgroundTask] = {}

    def _deliver_all(self, tokens: list[int]) -> None:
        for token in tokens:
            self._deliver(token)

    def _deliver(self, token: int) -> None:
        task = self.in_flight.pop(token, None)
        if task is None:
            return
        task.fn = None
        if task.cancelled or (task.owner is not None and not isValid(task.owner)):
            return
        error = task.future.exception()
        try:
            if error is None:
                if task.on_done is not None:
                    task.on_done(task.future.result())
            elif task.on_error is not None:
                task.on_error(error)
            else:
                log.error("background call failed", exc_info=error)
        except Exception:  # a callback bug must not kill the event loop
            log.exception("background callback failed")


# Two lanes. Network calls (searches, probes, thumbnails) share a small pool and may take seconds; the
# queue's own changes (pause, move, remove: SQLite writes) go through one ordered worker of their own,
# so a slow server never holds up a click on the queue and two quick moves land in the order made.
_executors: dict[bool, ThreadPoolExecutor] = {}
_relay: _Relay | None = None
_tokens = itertools.count(1)
_POOL_WORKERS = 4


def _ensure_runtime(ordered: bool) -> tuple[ThreadPoolExecutor, _Relay]:
    global _relay
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("run_in_background must be called from the GUI thread")
    if _relay is None:
        _relay = _Relay()
    executor = _executors.get(ordered)
    if executor is None:
        executor = ThreadPoolExecutor(
            max_workers=1 if ordered else _POOL_WORKERS,
            thread_name_prefix="vodstudio-queue" if ordered else "vodstudio-bg",
        )
        _executors[ordered] = executor
    return executor, _relay


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
    ordered: bool = False,
) -> BackgroundTask:
    """Run ``fn()`` on a worker thread; call ``on_done(result)`` or ``on_error(exc)`` in the GUI thread.

    Pass ``owner`` (usually the calling widget): if it has been destroyed by then, the callbacks are
    skipped instead of touching a dead C++ object. ``ordered=True`` runs local, quick work (the queue's
    database) one call at a time in the order asked, never behind network calls. Call from the GUI
    thread only.
    """
    executor, relay = _ensure_runtime(ordered)
    future: Future[Any] = Future()
    task = BackgroundTask(future=future, on_done=on_done, on_error=on_error, owner=owner, fn=fn)
    token = next(_tokens)
    relay.in_flight[token] = task
    future.set_running_or_notify_cancel()
    executor.submit(_work, relay, token, future)
    return task


def _work(relay: _Relay, token: int, future: Future[Any]) -> None:
    """Runs on a pool thread. It holds the call only while running it and signals a bare token, so the
    last references to whatever the call and callbacks captured (often widgets) are dropped on the GUI
    thread when ``_deliver`` pops the task, never here (stack.md §3: objects finalised on a worker
    thread crash Qt)."""
    call = relay.in_flight[token].fn
    try:
        if call is None:
            raise RuntimeError("background task without a call")
        future.set_result(call())
    except BaseException as exc:  # delivered to on_error in the GUI thread
        future.set_exception(exc)
    finally:
        del call
        relay.inbox.post(token)


def background_busy() -> int:
    """How many background calls have not delivered their result yet (tests and shutdown use it)."""
    return 0 if _relay is None else len(_relay.in_flight)


def shutdown_background(*, wait: bool = False) -> None:
    """Stop accepting work. With ``wait=False`` running calls finish on their own (daemon-like)."""
    while _executors:
        _, executor = _executors.popitem()
        executor.shutdown(wait=wait, cancel_futures=True)
