"""What a new user hit within an hour (issue 12's defect list), each through the window as they would.

Every test here failed before its fix: the file that vanished mid-upload read "Network problem", the
queue could not be cleaned, the status bar lied after Pause, the details pane kept the previous
account's video, saving an edit scrolled to the top, and closing with uploads running did not ask.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import idle, make_services
from vodstudio.core.jobs import JobMetadata, JobState, Limits
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services.sandbox import ALIYUN_NAME, HUAWEI_NAME
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.uploads.model import ProgressRole, QueueTableModel
from vodstudio.ui.widgets import ask

pytestmark = pytest.mark.qt_log_ignore("pipewire")

PART = 128 * 1024


@pytest.fixture
def window(qtbot: Any, sandbox: Any) -> Iterator[MainWindow]:
    services = make_services(sandbox, part_size=PART)  # small parts: a small file stops half-way
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    yield win
    win.shutdown()
    win.close()
    services.close()


def media_file(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(os.urandom(size))
    return path


def column(win: MainWindow, name: str) -> list[Any]:
    model = win.uploads.model
    index = QueueTableModel.COLUMNS.index(name)
    return [model.index(row, index).data() for row in range(model.rowCount())]


def slow(win: MainWindow, bandwidth: int = 256 * 1024) -> None:
    win.engine.set_limits(Limits(parallel_files=1, parallel_parts=1, bandwidth_bps=bandwidth))


def upload(qtbot: Any, win: MainWindow, paths: list[Path]) -> None:
    with qtbot.waitSignal(win.uploads.jobs_added, timeout=10_000):
        win.uploads.queue_paths(paths, JobMetadata(), include_all=False)


def wait_started(qtbot: Any, win: MainWindow, share: float = 0.1) -> None:
    progress = QueueTableModel.COLUMNS.index("progress")
    model = win.uploads.model
    qtbot.waitUntil(lambda: (model.index(0, progress).data(ProgressRole) or 0) > share, timeout=20_000)


def test_a_file_deleted_mid_upload_says_the_file_is_gone(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    """Defect 5: it read "Network problem: the server could not be reached"."""
    slow(window)
    doomed = media_file(tmp_path, "going away.mp4", 16 * PART)
    upload(qtbot, window, [doomed])
    wait_started(qtbot, window)
    doomed.unlink()  # the user tidies the folder while it uploads
    qtbot.waitUntil(lambda: column(window, "state")[0] != "Uploading", timeout=30_000)
    error = column(window, "error")[0]
    assert "file is gone" in error
    assert "Network" not in error and "server" not in error
    assert window.services.uploads.queue.page(0, 1)[0].error_code == "file.missing"


def test_the_queue_can_be_cleaned(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """Defect 6: no Remove / Clear Finished; Delete on a Done job asked to "cancel" and did nothing."""
    panel = window.uploads
    upload(qtbot, window, [media_file(tmp_path, f"{n}.mp4", 4000) for n in ("one", "two", "three")])
    qtbot.waitUntil(lambda: column(window, "state") == ["Done"] * 3, timeout=30_000)
    media_ids = column(window, "media_id")

    def never_asked(*_args: object) -> bool:
        raise AssertionError("removing a finished upload from the list needs no question")

    ask_confirm = ask.confirm
    ask.confirm = never_asked
    try:
        panel.table.selectRow(0)
        panel.delete_selected()  # the Delete key on a done job: off the list, nothing else
        qtbot.waitUntil(lambda: column(window, "name") == ["two.mp4", "three.mp4"], timeout=15_000)
        slow(window, 64 * 1024)
        upload(qtbot, window, [media_file(tmp_path, "still going.mp4", 16 * PART)])
        qtbot.waitUntil(lambda: column(window, "state")[-1] == "Uploading", timeout=15_000)
        assert panel.act_clear.isEnabled()
        panel.act_clear.trigger()
        qtbot.waitUntil(lambda: column(window, "name") == ["still going.mp4"], timeout=15_000)
    finally:
        ask.confirm = ask_confirm
    # The videos themselves stay in the cloud: only the list was cleaned.
    client = window.services.accounts.vod_client(ALIYUN_NAME)
    assert [video.video_id for video in client.get_video_infos(media_ids).videos] == media_ids


def test_the_status_bar_follows_pause_and_resume(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    """Defect 7: "1 active transfer(s) 1.8 MB/s" stayed after Pause; "Idle" while jobs ran."""
    slow(window)
    upload(qtbot, window, [media_file(tmp_path, f"take {n}.mp4", 16 * PART) for n in range(3)])
    wait_started(qtbot, window, 0.05)
    qtbot.waitUntil(lambda: "1 uploading" in window.transfers_label.text(), timeout=15_000)
    assert "2 waiting" in window.transfers_label.text()
    qtbot.waitUntil(lambda: window.speed_label.text() != "", timeout=15_000)
    window.uploads.act_pause_all.trigger()
    qtbot.waitUntil(lambda: window.transfers_label.text() == "Idle", timeout=15_000)
    assert window.speed_label.text() == ""
    assert window.active_uploads == 0
    window.uploads.act_resume_all.trigger()
    qtbot.waitUntil(lambda: "uploading" in window.transfers_label.text(), timeout=15_000)


@pytest.mark.parametrize("language", ["en"], indirect=True)  # English plurals come from the catalogue
def test_closing_with_uploads_running_asks_first(
    qtbot: Any, language: str, window: MainWindow, tmp_path: Path
) -> None:
    slow(window, 64 * 1024)
    upload(qtbot, window, [media_file(tmp_path, "long take.mp4", 16 * PART)])
    qtbot.waitUntil(lambda: window.active_uploads == 1, timeout=15_000)
    window.close()
    qtbot.waitUntil(lambda: getattr(window, "quit_question", None) is not None, timeout=5000)
    question = window.quit_question
    assert window.isVisible() and question.isVisible()
    assert question.text().startswith("1 upload is running.")
    # The app's own words on the buttons, never Qt's Yes/No (是(Y)/否(N) beside an English question).
    assert question.standardButtons() == QMessageBox.StandardButton.NoButton
    assert {b.text() for b in question.buttons()} == {"Quit", "Keep Uploading"}
    assert question.defaultButton().text() == "Keep Uploading"  # Enter keeps it going
    question.defaultButton().click()
    qtbot.waitUntil(lambda: not question.isVisible(), timeout=5000)
    assert window.isVisible()
    assert window.services.uploads.queue.page(0, 1)[0].state is JobState.UPLOADING
    window.close()
    qtbot.waitUntil(lambda: window.quit_question.isVisible(), timeout=5000)
    quit_button = next(b for b in window.quit_question.buttons() if b.text() == "Quit")
    quit_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    job = window.services.uploads.queue.page(0, 1)[0]
    assert not job.state.is_final  # stopped where it was: it continues at the next start


@pytest.fixture
def library_window(qtbot: Any, sandbox: Any) -> Iterator[MainWindow]:
    seed_demo(sandbox.state, videos=60)
    services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    win.show_section("library")
    win.library.page_size = 20
    win.library.refresh()
    qtbot.waitUntil(lambda: win.library.model.rowCount() > 0, timeout=15_000)
    idle(qtbot)
    yield win
    win.shutdown()
    win.close()
    services.close()


def test_switching_accounts_clears_the_details_pane(qtbot: Any, library_window: MainWindow) -> None:
    win, details = library_window, library_window.library.details
    qtbot.waitUntil(lambda: details.play_info is not None, timeout=15_000)
    assert details.item is not None
    win.account_combo.setCurrentIndex(win.account_combo.findData(HUAWEI_NAME))
    win.account_combo.activated.emit(win.account_combo.currentIndex())  # the user picks it
    qtbot.waitUntil(lambda: win.account is not None and win.account.name == HUAWEI_NAME, timeout=5000)
    idle(qtbot)
    assert details.item is None and details.play_info is None
    assert details.streams.rowCount() == 0
    assert details.info_form.rowCount() <= 1  # only the status line


def test_saving_an_edit_keeps_the_place_in_the_list(qtbot: Any, library_window: MainWindow) -> None:
    panel = library_window.library
    model = panel.model
    while model.canFetchMore(QModelIndex()) and model.rowCount() < 60:
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not model.loading, timeout=15_000)
    row = model.rowCount() - 1
    panel.table.scrollToBottom()
    panel.select_row(row)
    idle(qtbot)
    scrolled = panel.table.verticalScrollBar().value()
    assert scrolled > 0
    dialog = panel.library_actions.edit_selected()
    assert dialog is not None
    dialog.title_edit.setText("改过的标题 edited")
    with qtbot.waitSignal(panel.library_actions.finished, timeout=15_000):
        dialog.accept()
    idle(qtbot)
    assert panel.table.verticalScrollBar().value() == scrolled
    assert [i.title for i in panel.selected_items()] == ["改过的标题 edited"]
    assert model.item(row).title == "改过的标题 edited"
