"""Every menu action and every shortcut of the main window does what it says, without an error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox

from tests.ui.conftest import idle, make_services
from vodstudio.services import Services
from vodstudio.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("pipewire")


@pytest.fixture
def window(qtbot: Any, sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    # A file dialog is the user's to answer: here it is cancelled (nothing chosen).
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: "")
    services: Services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    win.resize(1000, 640)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    yield win
    idle(qtbot)
    win.shutdown()
    services.close()


def menu_actions(win: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in win.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found += [a for a in menu.actions() if not a.isSeparator()]
    return found


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog | QMessageBox) and widget.isVisible():
            widget.reject()


# Offscreen Qt cannot hand a folder to a file manager; the app then shows where the logs are.
@pytest.mark.qt_log_ignore("openDocument")
def test_every_menu_action_runs(qtbot: Any, window: MainWindow) -> None:
    actions = menu_actions(window)
    assert len(actions) >= 14
    for action in actions:
        if action is window.act_quit:
            continue
        action.trigger()  # an exception in a slot fails the test (pytest-qt catches it)
        qtbot.wait(20)
        close_dialogs()
    window.act_quit.trigger()
    assert not window.isVisible()


@pytest.mark.parametrize("index", [0, 1, 2])
def test_view_actions_and_their_shortcuts_switch_sections(qtbot: Any, window: MainWindow, index: int) -> None:
    """Defect 3: View → Uploads/Library/CDN raised ``ValueError: False is not in list``."""
    key = ("uploads", "library", "cdn")[index]
    window.show_section("cdn" if index == 0 else "uploads")
    window.act_sections[key].trigger()
    assert window.sidebar.currentRow() == index
    window.show_section("cdn" if index == 0 else "uploads")
    QTest.keySequence(window, QKeySequence(f"Ctrl+{index + 1}"))
    qtbot.waitUntil(lambda: window.sidebar.currentRow() == index, timeout=2000)


def test_shortcuts_reach_their_actions(qtbot: Any, window: MainWindow) -> None:
    fired: list[str] = []
    for action in [a for a in window.actions() if not a.shortcut().isEmpty()]:
        text = action.text()
        action.triggered.connect(lambda _c=False, t=text: fired.append(t))
    window.show_section("library")
    for sequence in ("F5", "Ctrl+F", "Ctrl+,", "Ctrl+Shift+A", "F1", "Ctrl+O", "Ctrl+Shift+O"):
        close_dialogs()
        window.activateWindow()  # a closed dialog hands the focus back to the window, not at once
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        QTest.keySequence(window, QKeySequence(sequence))
        qtbot.wait(30)
    close_dialogs()
    assert len(fired) == 7, fired


def test_navigation_keys_never_switch_the_account(qtbot: Any, window: MainWindow) -> None:
    """Defect 4: with focus on the account box, Ctrl+End (or arrows, a wheel) changed the account."""
    combo = window.account_combo
    assert combo.count() >= 2
    before = window.account
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    for key, modifier in (
        (Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    ):
        QTest.keyClick(combo, key, modifier)
    assert window.account == before and combo.currentIndex() == 0


def test_tab_leaves_text_boxes_and_tables(qtbot: Any, window: MainWindow) -> None:
    """Defect 8: Tab typed a tab character in the CDN box and walked cell by cell in tables."""
    window.show_section("cdn")
    box = window.cdn.submit_page.items_edit
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert "\t" not in box.toPlainText() and not box.hasFocus()
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "\t"  # Ctrl+Tab still types one on purpose
    for table in (window.uploads.table, window.library.table, window.cdn.tasks_page.table):
        assert not table.tabKeyNavigation()
