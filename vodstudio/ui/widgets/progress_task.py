"""A cancellable background job that reports byte progress to the GUI thread (downloads)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

# report(done, total) may be called from the worker thread as often as it likes.
Report = Callable[[int, int], None]


class ProgressTask(QObject):
    """Runs ``fn(report, cancelled)`` on a plain thread; lives in (and signals to) the GUI thread.

    Progress is coalesced on a 200 ms timer so a fast download does not flood the event loop.
    ``progressed`` carries byte counts as Python ints (``Signal(object)``: no 2 GiB overflow).
    """

    progressed = Signal(object, object)  # done, total
    finished = Signal(object)  # fn's result
    failed = Signal(object)  # the exception
    _ended = Signal(object, object)  # result, error (emitted from the worker)

    def __init__(self, fn: Callable[[Report, threading.Event], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._flush)
        self._ended.connect(self._on_ended)
        self._thread: threading.Thread | None = None
        self.running = False

    def start(self) -> None:
        self.running = True
        self._timer.start()
        self._thread = threading.Thread(target=self._work, name="vodstudio-progress", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int) -> None:
        with self._lock:
            self._latest = (done, total)

    def _work(self) -> None:
        try:
            result = self._fn(self._report, self._cancel)
        except BaseException as exc:  # delivered in the GUI thread
            self._ended.emit(None, exc)
        else:
            self._ended.emit(result, None)

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is not None:
            self.progressed.emit(*latest)

    @Slot(object, object)
    def _on_ended(self, result: object, error: object) -> None:
        self._timer.stop()
        self._flush()
        self.running = False
        if error is None:
            self.finished.emit(result)
        else:
            self.failed.emit(error)
