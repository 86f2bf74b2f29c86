"""Tools → Watch Folders…: add a folder from the menu, set it up with the keyboard, the window watches it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import idle
from tests.ui.layout_checks import SMALL_WINDOW, clipped, fits
from vodstudio.core.presets import UploadPreset
from vodstudio.core.watch import WatchFolder
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.ui.main_window import MainWindow


@pytest.fixture
def window(quiet_window: tuple[MainWindow, Services]) -> tuple[MainWindow, Services]:
    return quiet_window


@pytest.mark.parametrize("language", ["en", "zh_CN", "pseudo"], indirect=True)
def test_add_a_watch_folder_from_the_tools_menu_and_the_window_queues_its_files(
    qtbot: Any, language: str, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, services = window
    services.presets.save(UploadPreset("Rec", tags=("watched",)))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    action = next(a for a in win.tools_menu.actions() if a is win.watch.action)
    assert not win.watch.label.isVisible()
    action.trigger()
    dialog = win.watch.dialog
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 0
    assert not dialog.form_box.isEnabled()
    assert fits(dialog, SMALL_WINDOW), dialog.minimumSizeHint()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(inbox))
    dialog.add_button.click()
    assert dialog.list.count() == 1 and dialog.list.item(0).text() == str(inbox)
    assert dialog.form_box.isEnabled() and clipped(dialog) == []
    # The keyboard: the preset combo and the settle time, then Tab away to save.
    dialog.preset.setFocus()
    qtbot.keyClick(dialog.preset, Qt.Key.Key_Down)
    assert dialog.preset.currentText() == "Rec"
    dialog.settle.setFocus()
    dialog.settle.selectAll()
    qtbot.keyClicks(dialog.settle, "1")
    qtbot.keyClick(dialog.settle, Qt.Key.Key_Tab)
    saved = services.watch.folders()
    assert [(f.preset, f.settle, f.account) for f in saved] == [("Rec", 1.0, ALIYUN_NAME)], saved
    assert win.watch.label.isVisible() and len(win.watch.watchers) == 1
    if language == "en":
        assert win.watch.label.text() == "Watching 1 folder"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    (inbox / "take.mp4").write_bytes(b"\1" * 5000)  # the window keeps watching with the dialog closed
    qtbot.waitUntil(lambda: services.uploads.totals().total == 1, timeout=20_000)
    job = services.uploads.queue.page(0, 1)[0]
    assert job.path == str(inbox / "take.mp4") and job.tags == ("watched",)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_disable_and_remove(qtbot: Any, language: str, window: Any, tmp_path: Path) -> None:
    win, services = window
    services.watch.add(WatchFolder(str(tmp_path), account=ALIYUN_NAME))
    win.watch.restart()
    assert len(win.watch.watchers) == 1
    win.watch.action.trigger()
    dialog = win.watch.dialog
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert services.watch.folders()[0].enabled is False and win.watch.watchers == []
    assert not win.watch.label.isVisible()
    dialog.remove_button.click()
    assert services.watch.folders() == [] and dialog.list.count() == 0
    assert dialog.status.text() == f"No longer watching {tmp_path}."
    dialog.reject()


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_opening_the_dialog_changes_nothing(qtbot: Any, language: str, window: Any, tmp_path: Path) -> None:
    # Filling the list once saved each folder as disabled and back (adding the first item made it
    # current before its check box was set), restarting the watchers twice per folder.
    win, services = window
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        services.watch.add(WatchFolder(str(tmp_path / name), account=ALIYUN_NAME))
    win.watch.restart()
    before = services.paths.watch_path.stat().st_mtime_ns
    restarts: list[bool] = []
    win.watch.action.trigger()
    dialog = win.watch.dialog
    dialog.folders_changed.connect(lambda: restarts.append(True))
    dialog.reload()
    idle(qtbot)
    assert restarts == [] and dialog.status.text() == ""
    assert services.paths.watch_path.stat().st_mtime_ns == before
    assert [f.enabled for f in services.watch.folders()] == [True, True]
    dialog.reject()
