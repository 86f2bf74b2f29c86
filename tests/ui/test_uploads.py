"""Uploads section against the live sandbox: drop → upload → DONE, restart resumes, 100,000-row queue."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import make_services
from vodstudio.core.jobs import JobKind, JobState, Limits
from vodstudio.store.queue_db import NewJob
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.uploads.model import JobIdRole, JobRole, ProgressRole, QueueTableModel
from vodstudio.ui.widgets import ask

# QtMultimedia (the library's preview) logs these where PipeWire is not installed (CI, containers).
pytestmark = pytest.mark.qt_log_ignore("pipewire")


def open_window(qtbot: Any, sandbox: Any, *, start_engine: bool = True, part_size: int = 0) -> MainWindow:
    # Small parts (the builder's seam) so a small file is multipart and can stop half-way.
    services = make_services(sandbox, part_size=part_size or None)
    win = MainWindow(services, start_engine=start_engine)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    return win


def close_window(win: MainWindow) -> None:
    win.shutdown()
    win.close()
    win.services.close()


@pytest.fixture
def window(qtbot: Any, sandbox: Any) -> Iterator[MainWindow]:
    win = open_window(qtbot, sandbox)
    yield win
    close_window(win)


def media_file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(os.urandom(size))
    return path


def drop(win: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, event)


def states(win: MainWindow) -> list[str]:
    model = win.uploads.model
    column = QueueTableModel.COLUMNS.index("state")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_dropped_files_upload_and_show_done(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    files = [media_file(tmp_path, "城市夜景 第二集.mp4", 300_000), media_file(tmp_path, "clip.mov", 120_000)]
    with qtbot.waitSignal(window.files_dropped, timeout=2000):
        drop(window, files)
    sheet = window.uploads.pending_sheet
    assert sheet is not None and sheet.isVisible()
    assert sheet.include_all.isHidden()  # only media files were dropped
    qtbot.waitUntil(lambda: getattr(sheet, "categories_loaded", False), timeout=10_000)  # GetCategories
    sheet.tags_edit.setText("demo，test, demo")
    with qtbot.waitSignal(window.uploads.jobs_added, timeout=10_000):
        sheet.accept()
    assert window.uploads.model.rowCount() == 2
    with qtbot.waitSignal(window.uploads.batch_finished, timeout=60_000) as batch:  # → tray message
        qtbot.waitUntil(lambda: states(window) == ["Done", "Done"], timeout=60_000)
    assert batch.args == [2, 0]
    names = {window.uploads.model.index(r, 0).data() for r in range(2)}
    assert names == {"城市夜景 第二集", "clip"} or names == {f.name for f in files}
    media_ids = [
        window.uploads.model.index(r, QueueTableModel.COLUMNS.index("media_id")).data() for r in range(2)
    ]
    assert all(media_ids)
    qtbot.waitUntil(lambda: "2 done" in window.uploads.totals_label.text(), timeout=15_000)
    assert {job.tags for job in window.services.uploads.queue.page(0, 2)} == {("demo", "test")}
    assert window.services.settings.current.default_tags == ("demo", "test")  # remembered for next time


def test_quit_with_pending_queue_resumes_in_a_new_window(qtbot: Any, sandbox: Any, tmp_path: Path) -> None:
    part = 128 * 1024
    first = open_window(qtbot, sandbox, part_size=part)
    first.engine.set_limits(Limits(parallel_files=1, parallel_parts=1, bandwidth_bps=256 * 1024))
    big = media_file(tmp_path, "long take.mp4", 12 * part + 1000)
    first.uploads.add_paths([big], ask=False)
    progress = QueueTableModel.COLUMNS.index("progress")
    qtbot.waitUntil(
        lambda: (first.uploads.model.index(0, progress).data(ProgressRole) or 0) > 0.3, timeout=15_000
    )
    assert states(first) == ["Uploading"]
    close_window(first)  # quit while the upload is still running
    second = open_window(qtbot, sandbox, start_engine=False, part_size=part)
    try:
        interrupted = second.services.uploads.queue.page(0, 1)[0]
        assert not interrupted.state.is_final and 0 < interrupted.bytes_done < interrupted.size
        assert second.uploads.model.rowCount() == 1
        second.engine.set_limits(Limits(parallel_files=2, parallel_parts=4, bandwidth_bps=0))
        second.engine.start()
        qtbot.waitUntil(lambda: states(second) == ["Done"], timeout=60_000)
        job = second.services.uploads.queue.page(0, 1)[0]
        assert job.state is JobState.DONE and job.media_id
    finally:
        close_window(second)


def test_hundred_thousand_rows_stay_virtual(qtbot: Any, window: MainWindow) -> None:
    # Paused rows straight into the queue database: the engine leaves them alone.
    window.services.uploads.queue.add(
        [
            NewJob(
                JobKind.VIDEO, "Sandbox", f"/nowhere/clip {i:06d}.mp4", size=1000 + i, state=JobState.PAUSED
            )
            for i in range(100_000)
        ]
    )
    panel = window.uploads
    panel.refresh()
    assert panel.model.rowCount() == 100_000
    widgets_before = len(window.findChildren(QWidget))
    table = panel.table
    table.scrollToBottom()
    qtbot.wait(50)
    table.scrollToTop()
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum() // 2)
    qtbot.wait(50)
    window.grab()  # paints the visible rows, through the delegate
    assert len(window.findChildren(QWidget)) == widgets_before  # no widget per row
    assert panel.model.page_loads < 20  # only the pages on screen were read
    # A deep row is read by the queue's worker: "…" at first, the row as soon as its page arrives.
    last = panel.model.index(99_999, 0)
    assert last.data() == "…" and panel.model.job_at(99_999) is None
    qtbot.waitUntil(lambda: last.data() == "clip 099999.mp4", timeout=5_000)
    assert panel.model.job_at(99_999).size == 100_999  # the whole row came with it
    assert panel.model.index(5, 0).data() == "clip 000005.mp4"  # shallow rows: read at once


def test_a_deep_page_read_before_a_reload_is_not_shown(qtbot: Any, window: MainWindow) -> None:
    queue = window.services.uploads.queue
    queue.add(
        [NewJob(JobKind.VIDEO, "Sandbox", f"/nowhere/old {i:05d}.mp4", size=1, state=JobState.PAUSED)
         for i in range(30_000)]
    )  # fmt: skip
    model = window.uploads.model
    model.reload()
    assert model.index(29_999, 0).data() == "…"  # asked for; the answer will be stale
    queue.delete(queue.ids_in_order(limit=10))  # every row shifts up by ten
    model.reload()
    qtbot.wait(300)  # the stale answer arrives and is dropped
    assert model.job_at(29_980) is None  # not filled with the old rows
    row = model.index(29_980, 0)
    assert row.data() == "…"
    qtbot.waitUntil(lambda: row.data() == "old 29990.mp4", timeout=5_000)


def file_names(win: MainWindow) -> list[str]:
    model = win.uploads.model
    return [model.index(row, 0).data(JobRole).file_name for row in range(model.rowCount())]


def test_ctrl_down_twice_moves_the_row_twice(qtbot: Any, sandbox: Any, tmp_path: Path) -> None:
    """With Ctrl held (the shortcut's own key), the moved row stays the only selection, so a second
    Ctrl+Down moves it again (it used to become a two-row selection and do nothing)."""
    win = open_window(qtbot, sandbox, start_engine=False)
    try:
        panel = win.uploads
        files = [media_file(tmp_path, f"{name}.mp4", 1000) for name in ("a", "b", "c")]
        with qtbot.waitSignal(panel.jobs_added, timeout=10_000):
            panel.add_paths(files, ask=False)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5_000)
        panel.table.setFocus()
        panel.table.selectRow(0)
        ctrl = Qt.KeyboardModifier.ControlModifier
        QTest.keyClick(panel.table, Qt.Key.Key_Down, ctrl)
        qtbot.waitUntil(lambda: file_names(win) == ["b.mp4", "a.mp4", "c.mp4"], timeout=15_000)
        assert panel.selected_job_ids() == [panel.model.index(1, 0).data(JobIdRole)]
        QTest.keyClick(panel.table, Qt.Key.Key_Down, ctrl)
        qtbot.waitUntil(lambda: file_names(win) == ["b.mp4", "c.mp4", "a.mp4"], timeout=15_000)
    finally:
        close_window(win)


def test_queue_actions_reorder_pause_resume_cancel(
    qtbot: Any, sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window(qtbot, sandbox, start_engine=False)  # jobs stay queued: the actions act on rows
    try:
        panel = win.uploads
        files = [media_file(tmp_path, f"{name}.mp4", 1000) for name in ("a", "b", "c")]
        with qtbot.waitSignal(panel.jobs_added, timeout=10_000):
            panel.add_paths(files, ask=False)
        assert file_names(win) == ["a.mp4", "b.mp4", "c.mp4"]
        panel.table.selectRow(2)
        panel.act_up.trigger()
        qtbot.waitUntil(lambda: file_names(win) == ["a.mp4", "c.mp4", "b.mp4"], timeout=15_000)
        panel.table.selectRow(0)
        panel.act_down.trigger()
        qtbot.waitUntil(lambda: file_names(win) == ["c.mp4", "a.mp4", "b.mp4"], timeout=15_000)
        panel.table.selectRow(0)
        panel.act_pause.trigger()
        qtbot.waitUntil(lambda: states(win)[0] == "Paused", timeout=15_000)
        panel.act_resume.trigger()
        qtbot.waitUntil(lambda: states(win)[0] == "Queued", timeout=15_000)
        monkeypatch.setattr(ask, "confirm", lambda *_a: True)  # the user says yes
        panel.table.selectRow(1)
        panel.delete_selected()  # the window's Delete key
        qtbot.waitUntil(lambda: states(win) == ["Queued", "Cancelled", "Queued"], timeout=15_000)
        panel.act_pause_all.trigger()
        qtbot.waitUntil(lambda: states(win) == ["Paused", "Cancelled", "Paused"], timeout=15_000)
        qtbot.waitUntil(lambda: "2 paused" in panel.totals_label.text(), timeout=15_000)
    finally:
        close_window(win)
