"""Issue 13 in the window: the Bandwidth tab drives the running engine, Upload Next, the upload record."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.protocol.engine_helpers import write_file
from tests.ui.conftest import idle
from tests.ui.layout_checks import SMALL_WINDOW, clipped, fits
from vodstudio.core.jobs import JobMetadata, JobState
from vodstudio.core.schedule import DAYS, HOURS
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.uploads.model import JobIdRole

pytestmark = pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints", "does not support raise", "grabbing")
M = 1024 * 1024
EVERY_HOUR = [(d, h) for d in range(len(DAYS)) for h in range(HOURS)]


def open_window(qtbot: Any, services: Services, *, start_engine: bool) -> MainWindow:
    win = MainWindow(services, start_engine=start_engine)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    return win


@pytest.fixture
def window(qtbot: Any, sandbox: Any, services: Services) -> Iterator[MainWindow]:
    win = open_window(qtbot, services, start_engine=False)
    yield win
    idle(qtbot)
    win.shutdown()


def test_the_bandwidth_tab_changes_the_running_engines_limit(
    qtbot: Any, window: MainWindow, services: Services
) -> None:
    services.settings.update(bandwidth_limit=3 * M)
    window.act_preferences.trigger()
    dialog = window.preferences_dialog
    dialog.tabs.setCurrentIndex(1)
    assert fits(dialog, SMALL_WINDOW), dialog.minimumSizeHint()
    grid = dialog.schedule_grid
    qtbot.wait(20)
    assert clipped(dialog) == []
    assert not grid.set_button.isEnabled()  # nothing selected yet
    grid.select_cells(EVERY_HOUR)
    grid.rate_spin.setValue(1.5)
    grid.set_button.click()
    assert grid.table.item(3, 10).text() == "1.5"
    assert grid.table.item(3, 10).background().color().alpha() > 0  # coloured by its limit
    dialog.accept()
    assert services.settings.current.bandwidth_schedule == "daily 1.5M"
    qtbot.waitUntil(lambda: window.engine.limits.bandwidth_bps == int(1.5 * M), timeout=5000)
    note = window.uploads.schedule_note  # beside the Limit box, which still shows 3 MB/s
    assert not note.isHidden() and note.text() == "Schedule: 1.5 MB/s", note.text()
    window.open_preferences()
    grid = window.preferences_dialog.schedule_grid
    assert grid.table.item(0, 0).text() == "1.5"  # the saved schedule comes back
    grid.select_cells([(d, h) for d, h in EVERY_HOUR if h < 12])
    grid.unlimited_button.click()
    grid.select_cells([(d, h) for d, h in EVERY_HOUR if h >= 12])
    grid.default_button.click()
    assert grid.table.item(0, 0).text() == "∞" and grid.table.item(0, 12).text() == ""
    window.preferences_dialog.accept()
    assert services.settings.current.bandwidth_schedule == "daily 00-12 unlimited"
    now_hour = datetime.now().hour
    expected = 0 if now_hour < 12 else 3 * M
    qtbot.waitUntil(lambda: window.engine.limits.bandwidth_bps == expected, timeout=5000)
    if now_hour < 12:
        assert note.text().startswith("Schedule: unlimited until 12") and not note.isHidden()
    else:
        assert note.isHidden()  # the afternoon is the Limit box's


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    """A left-button drag as a mouse sends it (QTest.mouseMove would move with no button held)."""
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind, at, buttons in (
        (QEvent.Type.MouseButtonPress, start, left),
        (QEvent.Type.MouseMove, (start + end) / 2, left),
        (QEvent.Type.MouseMove, end, left),
        (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton),
    ):
        point = QPointF(at)
        event = QMouseEvent(kind, point, widget.mapToGlobal(point), left, buttons, none)
        QApplication.sendEvent(widget, event)


def test_hours_are_selected_by_dragging(qtbot: Any, window: MainWindow) -> None:
    window.open_preferences()
    dialog = window.preferences_dialog
    dialog.tabs.setCurrentIndex(1)
    grid = dialog.schedule_grid
    qtbot.waitExposed(dialog)
    table = grid.table
    start = table.visualRect(table.model().index(1, 9)).center()
    end = table.visualRect(table.model().index(2, 12)).center()
    drag(table.viewport(), start, end)
    assert grid.selected_cells() == [(d, h) for d in (1, 2) for h in range(9, 13)]
    grid.rate_spin.setValue(0.5)
    grid.set_button.click()
    assert grid.schedule().format() == "tue-wed 09-13 512K"
    dialog.reject()


def test_cancel_keeps_the_saved_schedule(qtbot: Any, window: MainWindow, services: Services) -> None:
    services.uploads.set_schedule("mon 09-10 1M")  # kept as "mon 09 1M"
    window.open_preferences()
    grid = window.preferences_dialog.schedule_grid
    grid.select_cells(EVERY_HOUR)
    grid.unlimited_button.click()
    window.preferences_dialog.reject()
    assert services.settings.current.bandwidth_schedule == "mon 09 1M"


def select_job(window: MainWindow, job_id: int) -> None:
    model = window.uploads.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(JobIdRole) == job_id:
            flags = QItemSelectionModel.SelectionFlag
            window.uploads.selection.select(model.index(row, 0), flags.ClearAndSelect | flags.Rows)
            return
    raise AssertionError(f"job {job_id} not shown")


def add_jobs(qtbot: Any, window: MainWindow, tmp_path: Path, count: int) -> list[int]:
    ids = []
    for index in range(count):
        path = tmp_path / f"q{index}.mp4"
        write_file(path, 40_000, seed=index + 3)
        ids += window.engine.add_files(ALIYUN_NAME, [path], JobMetadata()).job_ids
    window.uploads.model.reload()
    qtbot.waitUntil(lambda: window.uploads.model.rowCount() == count, timeout=5000)
    return ids


def test_upload_next_from_the_menu_and_its_shortcut(
    qtbot: Any, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    ids = add_jobs(qtbot, window, tmp_path, 3)
    queue = services.uploads.queue
    select_job(window, ids[2])
    assert window.uploads.act_next in window.uploads_menu.actions()
    window.uploads.act_next.trigger()
    qtbot.waitUntil(lambda: queue.ids_in_order()[0] == ids[2], timeout=5000)
    idle(qtbot)
    select_job(window, ids[1])
    window.uploads.table.setFocus()
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+Up"))
    qtbot.waitUntil(lambda: queue.ids_in_order() == [ids[1], ids[2], ids[0]], timeout=5000)
    window.show_shortcuts()
    table = window.shortcuts_dialog.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Upload Next"] == QKeySequence("Ctrl+Shift+Up").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    window.shortcuts_dialog.reject()


def accept_dialog(qtbot: Any, window: MainWindow, path: Path) -> None:
    dialog = window.record.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    dialog.selectFile(str(path))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_export_the_record_after_uploading_in_the_window(
    qtbot: Any, sandbox: Any, services: Services, tmp_path: Path
) -> None:
    win = open_window(qtbot, services, start_engine=True)
    try:
        ids = add_jobs(qtbot, win, tmp_path, 3)
        qtbot.waitUntil(lambda: services.uploads.totals().count(JobState.DONE) == 3, timeout=30_000)
        win.record.export_action.trigger()  # File → Export Upload Record…
        with qtbot.waitSignal(win.record.exported, timeout=10_000) as done:
            accept_dialog(qtbot, win, tmp_path / "all.csv")
        assert done.args[0].jobs == 3
        with (tmp_path / "all.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [int(r["job_id"]) for r in rows] == ids
        assert all(r["media_id"] and len(r["crc64"]) == 16 and r["state"] == "done" for r in rows)
        win.uploads.model.reload()
        qtbot.waitUntil(lambda: win.uploads.model.rowCount() == 3, timeout=5000)
        select_job(win, ids[1])
        win.uploads._context_menu(QPoint(4, 4))
        menu = win.uploads.context_menu
        assert win.record.export_selected_action in menu.actions()
        menu.close()
        win.record.export_selected_action.trigger()
        with qtbot.waitSignal(win.record.exported, timeout=10_000):
            accept_dialog(qtbot, win, tmp_path / "one.json")
        doc = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
        assert [j["job_id"] for j in doc["jobs"]] == [ids[1]]
        blocked = tmp_path / "a-file"
        blocked.write_text("x")
        with qtbot.waitSignal(win.record.failed, timeout=10_000) as failed:
            win.record.export_to(blocked / "record.csv")
        assert "could not be written" in failed.args[0]
        assert win.record.error_box is not None and win.record.error_box.isVisible()
        win.record.error_box.accept()
    finally:
        idle(qtbot)
        win.shutdown()
