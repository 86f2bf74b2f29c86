"""A cancellable background job that reports byte progress to the GUI thread (downloads)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from vodstudio.ui.bridge import GuiInbox

# report(done, total) may be called from the worker thread as often as it likes.
Report = Callable[[int, int], None]
POLL_MS = 200


class ProgressTask(QObject):
    """Runs ``fn(report, cancelled)`` on a plain thread; signals only from the GUI thread.

    The worker never holds a reference to this QObject: it posts plain tuples to a ``GuiInbox``
    that a 200 ms GUI timer drains, which also coalesces progress. ``progressed`` carries Python ints
    (``Signal(object)``: no 2 GiB overflow).
    """

    progressed = Signal(object, object)  # done, total
    finished = Signal(object)  # fn's result
    failed = Signal(object)  # the exception

    def __init__(self, fn: Callable[[Report, threading.Event], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn: Callable[[Report, threading.Event], Any] | None = fn
        self._cancel = threading.Event()
        self._inbox = GuiInbox(self._deliver, interval_ms=POLL_MS, parent=self)
        self.running = False

    def start(self) -> None:
        fn, self._fn = self._fn, None  # the thread has it; drop ours
        if fn is None:
            raise RuntimeError("a ProgressTask runs once")
        self.running = True
        post, cancel = self._inbox.post, self._cancel

        def work() -> None:
            try:
                result = fn(lambda done, total: post(("progress", done, total)), cancel)
            except BaseException as exc:  # handed to the GUI thread
                post(("failed", exc, None))
            else:
                post(("finished", result, None))

        threading.Thread(target=work, name="vodstudio-progress", daemon=True).start()

    def cancel(self) -> None:
        self._cancel.set()

    def _deliver(self, items: list[tuple[str, Any, Any]]) -> None:
        progress = [item for item in items if item[0] == "progress"]
        if progress:
            _, done, total = progress[-1]
            self.progressed.emit(done, total)
        for kind, value, _ in items:
            if kind == "progress":
                continue
            self._inbox.stop()
            self.running = False
            (self.finished if kind == "finished" else self.failed).emit(value)
