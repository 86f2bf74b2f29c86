"""``run_in_background``: results come back on the GUI thread; queue changes never wait behind the network."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import idle
from vodstudio.ui.bridge import run_in_background


def test_results_arrive_on_the_gui_thread(qtbot: Any) -> None:
    gui = QApplication.instance()
    assert gui is not None
    results: list[tuple[str, bool]] = []
    errors: list[tuple[type, bool]] = []
    run_in_background(lambda: threading.current_thread().name, lambda r: results.append((r, on_gui(gui))))
    run_in_background(lambda: 1 / 0, None, lambda e: errors.append((type(e), on_gui(gui))))
    idle(qtbot)
    assert len(results) == 1 and results[0][0].startswith("vodstudio-bg") and results[0][1]
    assert errors == [(ZeroDivisionError, True)]


def on_gui(app: Any) -> bool:
    return bool(QThread.currentThread() is app.thread())


def test_ordered_calls_run_in_order_and_never_wait_behind_slow_ones(qtbot: Any) -> None:
    """A server that hangs four network calls must not hold up Pause or Move in the queue."""
    release = threading.Event()
    for _ in range(8):  # more slow calls than the shared pool has workers
        run_in_background(lambda: release.wait(30))
    order: list[int] = []
    try:
        for number in range(20):
            run_in_background(lambda n=number: order.append(n), ordered=True)
        qtbot.waitUntil(lambda: len(order) == 20, timeout=10_000)
        assert order == list(range(20))  # one at a time, in the order asked
    finally:
        release.set()
    idle(qtbot)


def test_a_closed_owner_gets_no_callback(qtbot: Any) -> None:
    owner = QWidget()
    called: list[object] = []
    gate = threading.Event()
    run_in_background(lambda: gate.wait(10), called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    gate.set()
    idle(qtbot)
    assert called == []


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
