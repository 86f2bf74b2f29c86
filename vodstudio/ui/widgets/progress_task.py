"""A cancellable background job that reports byte progress to the GUI thread (downloads)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

# report(done, total) may be called from the worker thread as often as it likes.
Report = Callable[[int, int], None]


class _Shared:
    """Plain Python state the worker writes and the GUI timer reads (no Qt object in the worker)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latest: tuple[int, int] | None = None
        self.ended = False
        self.result: Any = None
        self.error: BaseException | None = None

    def report(self, done: int, total: int) -> None:
        with self.lock:
            self.latest = (done, total)


def _work(fn: Callable[[Report, threading.Event], Any], shared: _Shared, cancel: threading.Event) -> None:
    try:
        result, error = fn(shared.report, cancel), None
    except BaseException as exc:  # handed to the GUI thread
        result, error = None, exc
    with shared.lock:
        shared.result, shared.error, shared.ended = result, error, True


class ProgressTask(QObject):
    """Runs ``fn(report, cancelled)`` on a plain thread; signals only from the GUI thread.

    The worker never holds a reference to this QObject (a widget finalised on a worker thread crashes:
    stack.md §3), so it writes into plain shared state that a 200 ms GUI timer drains; that also
    coalesces progress. ``progressed`` carries Python ints (``Signal(object)``: no 2 GiB overflow).
    """

    progressed = Signal(object, object)  # done, total
    finished = Signal(object)  # fn's result
    failed = Signal(object)  # the exception

    def __init__(self, fn: Callable[[Report, threading.Event], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._shared = _Shared()
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._poll)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._timer.start()
        args = (self._fn, self._shared, self._cancel)
        threading.Thread(target=_work, args=args, name="vodstudio-progress", daemon=True).start()
        self._fn = None  # type: ignore[assignment]  # the thread has it; drop ours

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def _poll(self) -> None:
        shared = self._shared
        with shared.lock:
            latest, shared.latest = shared.latest, None
            ended, result, error = shared.ended, shared.result, shared.error
        if latest is not None:
            self.progressed.emit(*latest)
        if not ended:
            return
        self._timer.stop()
        self.running = False
        if error is None:
            self.finished.emit(result)
        else:
            self.failed.emit(error)
