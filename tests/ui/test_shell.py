"""Main window shell: welcome → sandbox, drops, shortcuts, remembered geometry, screenshots, self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import make_services
from vodstudio.store.paths import ProfilePaths
from vodstudio.ui.errors_text import error_sentence
from vodstudio.ui.main_window import MainWindow

# QtMultimedia (the library's preview) logs these where PipeWire is not installed (CI, containers).
pytestmark = pytest.mark.qt_log_ignore("pipewire")


@pytest.fixture
def window(qtbot: Any) -> Iterator[MainWindow]:
    services = make_services()
    win = MainWindow(services)
    qtbot.addWidget(win)
    yield win
    win.shutdown()
    services.close()  # also stops the embedded sandbox


def drag_enter(win: MainWindow, mime: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, event)
    return event


def test_first_run_shows_welcome_and_sandbox_opens_the_demo(qtbot: Any, window: MainWindow) -> None:
    assert window.root_stack.currentWidget() is window.welcome_page
    assert window.account_combo.count() == 0
    window.welcome.sandbox_button.click()
    qtbot.waitUntil(lambda: window.root_stack.currentWidget() is window.splitter, timeout=30_000)
    assert [window.account_combo.itemText(i) for i in range(window.account_combo.count())] == [
        "Sandbox",
        "Sandbox (Huawei)",
    ]
    qtbot.waitUntil(lambda: window.connection_ok is not None, timeout=15_000)
    assert window.connection_ok, window.connection_label.text()
    # Switching to the Huawei account reaches every section and re-tests the connection.
    window.account_combo.setCurrentIndex(1)
    window.account_combo.activated.emit(1)
    assert window.account is not None and window.account.name == "Sandbox (Huawei)"
    qtbot.waitUntil(lambda: window.connection_ok is not None, timeout=15_000)
    assert window.connection_ok, window.connection_label.text()


def test_drag_accepts_local_files_only(window: MainWindow, tmp_path: Path) -> None:
    local = QMimeData()
    local.setUrls([QUrl.fromLocalFile(str(tmp_path / "视频.mp4"))])
    assert drag_enter(window, local).isAccepted()
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.com/a.mp4")])
    assert not drag_enter(window, remote).isAccepted()
    text = QMimeData()
    text.setText("just text")
    assert not drag_enter(window, text).isAccepted()


def test_shortcuts(window: MainWindow) -> None:
    def keys(action: Any) -> set[str]:
        return {s.toString() for s in action.shortcuts()}

    assert QKeySequence(QKeySequence.StandardKey.Open).toString() in keys(window.act_add_files)
    assert "Ctrl+Shift+O" in keys(window.act_add_folder)
    assert "F5" in keys(window.act_refresh)
    assert "Ctrl+Q" in keys(window.act_quit)
    assert "Ctrl+Shift+A" in keys(window.act_accounts)
    assert "Ctrl+," in keys(window.act_preferences)
    assert "F1" in keys(window.act_shortcuts)
    assert QKeySequence(QKeySequence.StandardKey.Find).toString() in keys(window.act_find)
    assert "Del" in keys(window.act_delete)


def test_window_state_is_remembered(qtbot: Any) -> None:
    paths = ProfilePaths.default().ensure()
    services = make_services()
    first = MainWindow(services)
    qtbot.addWidget(first)
    first.resize(720, 520)
    first.show_section("cdn")
    first.shutdown()
    services.close()
    services = make_services()
    second = MainWindow(services)
    qtbot.addWidget(second)
    try:
        assert (second.width(), second.height()) == (720, 520)
        assert second.sidebar.currentRow() == 2
        assert (paths.data_dir / "window.ini").exists()
    finally:
        second.shutdown()
        services.close()


def test_error_sentences_keep_code_and_request_id() -> None:
    text = error_sentence("InvalidAccessKeyId.NotFound", "Specified access key is not found.", "REQ-1")
    assert "does not exist" in text and "InvalidAccessKeyId.NotFound" in text and "REQ-1" in text
    assert "file.changed" in error_sentence("file.changed")
    assert error_sentence("Some.NewCode", "the server's words").startswith("the server's words")


@pytest.mark.qt_log_level_fail("CRITICAL")  # QtMultimedia warns about missing VA-API/PulseAudio here
def test_self_test_qt_reports_platform() -> None:
    from vodstudio.ui.app import self_test_qt

    ok, lines = self_test_qt()
    assert ok
    assert any(line.startswith("Qt: platform offscreen") for line in lines)
    assert any("png" in line for line in lines if line.startswith("Qt image formats"))


@pytest.mark.slow
def test_screenshot_option_writes_pngs(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "vodstudio", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=600,  # four looks (en/zh_CN x light/dark) of every view: about 90 s here
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for look in ("", "-zh_CN", "-dark", "-zh_CN-dark"):
        for name in ("uploads", "library", "cdn", "cdn-usage", "accounts"):
            image = QImage(str(out / f"{name}{look}.png"))
            assert not image.isNull(), name + look
            assert image.width() >= 600 and image.height() >= 400
        small = QImage(str(out / f"library{look}-small.png"))
        assert (small.width(), small.height()) == (800, 560), look
    for look in ("", "-zh_CN"):  # the workflow pictures: light only
        for name in ("workflow-preset", "workflow-schedule", "workflow-record", "workflow-watch"):
            assert not QImage(str(out / f"{name}{look}.png")).isNull(), name + look
    assert not QImage(str(out / "welcome.png")).isNull()


@pytest.mark.slow
def test_sandbox_option_opens_the_app_and_quits_by_itself(profile_home: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}  # never the real keychain
    result = subprocess.run(
        [sys.executable, "-m", "vodstudio", "--sandbox", "--quit-after", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    accounts = (profile_home / "data" / "accounts.json").read_text("utf-8")
    assert '"Sandbox"' in accounts and '"Sandbox (Huawei)"' in accounts
    log = next((profile_home / "logs").glob("*.log")).read_text("utf-8")
    assert "sandbox ready" in log
    assert "Traceback" not in log + result.stderr


@pytest.mark.slow
def test_quitting_right_after_start_leaves_no_traceback(profile_home: Path) -> None:
    """Issue 12: quitting at once logged ``Cannot operate on a closed database`` tracebacks."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    result = subprocess.run(
        [sys.executable, "-m", "vodstudio", "--sandbox", "--quit-after", "0.05"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    log = next((profile_home / "logs").glob("*.log")).read_text("utf-8")
    for words in ("Traceback", "closed database", "ERROR"):
        assert words not in log + result.stderr, words


def test_menu_shortcuts_reach_the_current_section(qtbot: Any, sandbox: Any) -> None:
    services = make_services(sandbox)
    win = MainWindow(services)
    qtbot.addWidget(win)
    try:
        win.show()
        win.show_section("library")
        page = win.library
        # A section's own shortcut for a menu key would make both ambiguous (Qt then runs neither).
        owned = {k.toString() for a in (win.act_find, win.act_refresh, win.act_delete) for k in a.shortcuts()}
        for shortcut in page.findChildren(QShortcut):
            assert not (shortcut.isEnabled() and shortcut.key().toString() in owned)
        win.act_find.trigger()  # what Ctrl/Cmd+F does in an active window
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=3000)
        assert page.isAncestorOf(QApplication.focusWidget())
    finally:
        win.shutdown()
        services.close()


def test_an_account_edit_applies_at_once_in_every_section(qtbot: Any, sandbox: Any) -> None:
    """Review defect 1, through the window: a saved endpoint reaches library, CDN and status bar."""
    services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
        assert win.connection_ok
        win.open_accounts()
        dialog = win.accounts_dialog
        dialog.show_account(services.accounts.get("Sandbox"))
        dialog.endpoint_edit.setText("http://127.0.0.1:9")  # nothing listens there
        assert dialog.save_current()
        qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=30_000)
        assert win.connection_ok is False
        win.library.refresh()
        qtbot.waitUntil(
            lambda: "Network" in win.library.status.text() or win.library.overlay.isVisible(), timeout=30_000
        )
        win.cdn.submit_page.reload()
        qtbot.waitUntil(lambda: "Quota unknown" in win.cdn.submit_page.quota_label.text(), timeout=30_000)
        dialog.show_account(services.accounts.get("Sandbox"))
        dialog.endpoint_edit.setText(sandbox.info.vod_endpoint)
        assert dialog.save_current()
        qtbot.waitUntil(lambda: win.connection_ok is True, timeout=15_000)
        qtbot.waitUntil(
            lambda: win.library.model.rowCount() > 0 or win.library.model.total == 0, timeout=15_000
        )
        win.cdn.submit_page.reload()
        qtbot.waitUntil(lambda: "left" in win.cdn.submit_page.quota_label.text(), timeout=15_000)
        dialog.close()
    finally:
        win.shutdown()
        services.close()


def test_domain_errors_keep_their_own_words() -> None:
    """Review defect 2: every ``config.*`` error read "The account settings are incomplete or wrong"."""
    from vodstudio.core.errors import ConfigError
    from vodstudio.ui.errors_text import describe_error

    text = describe_error(ConfigError("There is no account named 'x'.", code="config.unknown-account"))
    assert "There is no account named 'x'." in text
    assert "incomplete or wrong" not in text
