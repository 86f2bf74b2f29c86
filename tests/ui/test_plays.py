"""Issue 13 B in the window: no duplicates from a drop, playback in the queue, notifications, routes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QSystemTrayIcon

from tests.ui.conftest import idle, keep_window, make_services
from vodstudio.core.fingerprint import DuplicatePolicy
from vodstudio.core.playback import Backoff
from vodstudio.sandbox import routes as sandbox_routes
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.uploads.model import QueueTableModel

pytestmark = pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints")


@pytest.fixture
def window(qtbot: Any, sandbox: Any) -> Iterator[MainWindow]:
    services = make_services(sandbox)
    services.playback.backoff = Backoff(first=0.2, factor=1.5, cap=0.5)  # the sandbox transcodes in 0.5 s
    win = MainWindow(services)
    keep_window(qtbot, win)  # shut down before pytest-qt closes and deletes it
    win.resize(1100, 700)
    win.show()
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    try:
        yield win
    finally:
        if shiboken6.isValid(win):
            win.shutdown()  # idempotent: usually done already by keep_window
        idle(qtbot)
        services.close()  # whatever happened to the window: no client or socket outlives the test


def _file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(os.urandom(size))
    return path


def _videos(sandbox: Any) -> int:
    with sandbox.state.db() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM media WHERE media_type = 'video'").fetchone()[0])


def _column(win: MainWindow, name: str) -> list[str]:
    model = win.uploads.model
    column = QueueTableModel.COLUMNS.index(name)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _add_and_finish(qtbot: Any, win: MainWindow, paths: list[Path]) -> None:
    finished = qtbot.waitSignal(win.uploads.batch_finished, timeout=60_000)
    with finished, qtbot.waitSignal(win.uploads.jobs_added, timeout=15_000):
        win.uploads.add_paths(paths, ask=False)


def test_dropping_the_same_folder_twice_creates_no_second_video(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "shoot"
    folder.mkdir()
    first = _file(folder, "one.mp4", 200_000)
    _file(folder, "two.mp4", 150_000)
    _add_and_finish(qtbot, window, [folder, first])  # one.mp4 twice in one drop: one job
    assert window.uploads.model.rowCount() == 2
    assert "named twice — queued once" in window.uploads.message_label.text()
    assert _videos(sandbox) == 2
    window.uploads.add_paths([folder], ask=False)
    intake = window.uploads.intake
    assert intake is not None
    qtbot.waitUntil(lambda: intake.pending_dialog is not None, timeout=15_000)  # one question per drop
    dialog = intake.pending_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.uploads.jobs_added, timeout=15_000) as added:
        dialog.skip_button.click()
    assert added.args[0].job_ids == ()
    assert "2 uploaded before — skipped." in window.uploads.message_label.text()
    assert window.uploads.model.rowCount() == 2 and _videos(sandbox) == 2


def test_upload_again_from_the_dialog_makes_a_second_copy(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    clip = _file(tmp_path, "again.mp4", 120_000)
    _add_and_finish(qtbot, window, [clip])
    window.uploads.add_paths([clip], ask=False)
    intake = window.uploads.intake
    assert intake is not None
    qtbot.waitUntil(lambda: intake.pending_dialog is not None, timeout=15_000)
    with qtbot.waitSignal(window.uploads.batch_finished, timeout=60_000):
        assert intake.pending_dialog is not None
        intake.pending_dialog.choose(DuplicatePolicy.AGAIN)
    assert _videos(sandbox) == 2


def test_notifications_fire_on_uploaded_and_on_playable_with_the_failure_named(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    sandbox.state.update_config({"transcode_fail_title": "broken"})
    files = [_file(tmp_path, "fine.mp4", 150_000), _file(tmp_path, "broken-take.mp4", 120_000)]
    _add_and_finish(qtbot, window, files)
    notifier = window.plays.notifier
    qtbot.waitUntil(lambda: len(notifier.sent) >= 2, timeout=30_000)
    # Offscreen has no tray: the status bar says it. Where the platform reports a tray, the tray does.
    route = "tray" if QSystemTrayIcon.isSystemTrayAvailable() and notifier.uses_tray else "status"
    assert notifier.sent[0] == (route, "2 upload(s) finished; waiting until they play.")
    assert notifier.sent[1][0] == route
    assert notifier.sent[1][1] == "1 playable; not playable: broken-take.mp4 (Transcode failed)"
    if route == "status":
        assert window.statusBar().currentMessage() == notifier.sent[1][1]
    plays = dict(zip(_column(window, "name"), _column(window, "playback"), strict=True))
    assert plays == {"fine.mp4": "Playable", "broken-take.mp4": "Transcode failed"}


def test_the_tray_path_shows_the_message_where_a_tray_exists(qtbot: Any, window: MainWindow) -> None:
    """The real QSystemTrayIcon.showMessage runs when the platform reports a tray; else the status bar."""
    from PySide6.QtWidgets import QStyle

    from vodstudio.ui.notifier import Notifier

    tray = None
    if QSystemTrayIcon.isSystemTrayAvailable():  # offscreen reports none (and warns if one is made)
        tray = QSystemTrayIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp), window)
        tray.show()
    notifier = Notifier(window, tray)
    notifier.notify("3 video(s) playable.")
    expected = "tray" if tray is not None and QSystemTrayIcon.supportsMessages() else "status"
    assert notifier.sent == [(expected, "3 video(s) playable.")]
    if expected == "status":
        assert window.statusBar().currentMessage() == "3 video(s) playable."
    if tray is not None:
        tray.hide()


def test_the_speed_test_picks_the_faster_route_and_uploads_take_it(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    book = sandbox_routes.book(sandbox.state)
    book.configure({"normal": {"delay_ms": 400}})
    window.plays.open_routes()
    dialog = window.plays.route_dialog
    qtbot.waitUntil(dialog.mode_combo.isEnabled, timeout=10_000)
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("auto"))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=30_000)
    assert "the accelerated route is faster" in dialog.result_label.text()
    dialog.reject()
    idle(qtbot)
    book.configure({"reset_counts": True})
    _add_and_finish(qtbot, window, [_file(tmp_path, "fast.mp4", 100_000)])
    assert book.count("accelerated", "PutObject") == 1 and book.count("normal", "PutObject") == 0


def test_replace_from_the_dialog_deletes_the_old_video_after_the_new_one_is_uploaded(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    clip = _file(tmp_path, "replace-me.mp4", 120_000)
    _add_and_finish(qtbot, window, [clip])
    [old] = [window.uploads.model.job_at(0)]
    assert old is not None and old.media_id
    window.uploads.add_paths([clip], ask=False)
    intake = window.uploads.intake
    assert intake is not None
    qtbot.waitUntil(lambda: intake.pending_dialog is not None, timeout=15_000)
    with qtbot.waitSignal(window.uploads.batch_finished, timeout=60_000):
        assert intake.pending_dialog is not None
        intake.pending_dialog.replace_button.click()
    qtbot.waitUntil(lambda: _videos(sandbox) == 1, timeout=15_000)  # the old one went, after
    with sandbox.state.db() as conn:
        left = conn.execute("SELECT media_id FROM media WHERE media_type = 'video'").fetchone()[0]
    assert left != old.media_id


def test_the_upload_sheet_sets_the_route_of_one_upload(
    qtbot: Any, window: MainWindow, sandbox: Any, tmp_path: Path
) -> None:
    """Per upload: the sheet's three-state box wins over the account's route for this drop only."""
    from PySide6.QtCore import Qt

    book = sandbox_routes.book(sandbox.state)
    clip = _file(tmp_path, "sheet.mp4", 100_000)
    window.uploads.add_paths([clip])
    sheet = window.uploads.pending_sheet
    assert sheet is not None
    assert sheet.accelerate.text() == "Upload route: as set for the account"
    sheet.accelerate.setCheckState(Qt.CheckState.Checked)
    assert sheet.accelerate.text() == "Accelerate this upload (billed per GB)"
    finished = qtbot.waitSignal(window.uploads.batch_finished, timeout=60_000)
    with finished, qtbot.waitSignal(window.uploads.jobs_added, timeout=15_000):
        sheet.accept()
    assert book.count("accelerated", "PutObject") == 1 and book.count("normal", "PutObject") == 0
