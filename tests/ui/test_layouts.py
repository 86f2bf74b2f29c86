"""Any size, any language: the window and every dialog fit 800 x 560 and a 1366 x 768 laptop at 150 %,
in Chinese, English and a pseudo-locale 40 % longer, with no label or button cut short."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.ui.conftest import idle, make_services
from tests.ui.layout_checks import LAPTOP_150, SMALL_WINDOW, clipped, fits
from vodstudio.core.assets import Asset
from vodstudio.core.match_builder import SearchType
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME, HUAWEI_NAME
from vodstudio.ui.main_window import MainWindow

LANGUAGES = ["en", "zh_CN", "pseudo"]
pytestmark = [
    pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints"),
    pytest.mark.parametrize("language", LANGUAGES, indirect=True),
]


@pytest.fixture
def setup(qtbot: Any, sandbox: Any, language: str) -> Iterator[tuple[MainWindow, Services]]:
    seed_demo(sandbox.state, videos=6)
    services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    yield win, services
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    idle(qtbot)
    win.shutdown()
    services.close()


def settle(qtbot: Any, widget: QWidget) -> None:
    widget.adjustSize()
    qtbot.wait(30)


def test_the_window_fits_a_small_screen_in_every_section(qtbot: Any, setup: Any) -> None:
    window, _services = setup
    assert fits(window, SMALL_WINDOW) and fits(window, LAPTOP_150), window.minimumSizeHint()
    window.resize(*SMALL_WINDOW)
    for key in ("uploads", "library", "cdn"):
        window.show_section(key)
        idle(qtbot)
        qtbot.wait(50)
        assert (window.width(), window.height()) == SMALL_WINDOW
        assert clipped(window) == [], key


def dialogs(window: MainWindow, services: Services, tmp_path: Path) -> Iterator[QDialog]:
    """Every dialog the app has, opened as a user opens them."""
    window.open_accounts()
    yield window.accounts_dialog
    window.open_preferences()
    yield window.preferences_dialog
    window.show_shortcuts()
    yield window.shortcuts_dialog
    media = tmp_path / "clip.mp4"
    media.write_bytes(b"\0" * 1000)
    window.uploads.add_paths([media, tmp_path])
    assert window.uploads.pending_sheet is not None
    yield window.uploads.pending_sheet
    from vodstudio.ui.library.edit import EditDialog, delete_mezzanines_dialog

    two = [Asset("a", SearchType.VIDEO, "One"), Asset("b", SearchType.VIDEO, "Two")]
    yield EditDialog(two, [], window)
    yield delete_mezzanines_dialog([("One", "a"), ("Two", "b")], window)
    from vodstudio.ui.library.cdn_dialog import MediaRefreshDialog

    yield MediaRefreshDialog(services.cdn.open(ALIYUN_NAME), ["a"], preload=True, parent=window)
    from vodstudio.ui.cdn.assets import AssetPickerDialog

    yield AssetPickerDialog(services.cdn.open(HUAWEI_NAME), window)
    from vodstudio.core.fingerprint import Duplicate
    from vodstudio.ui.uploads.duplicates_dialog import DuplicatesDialog

    known = tuple(Duplicate(f"/films/take {i}.mp4", "fp", f"v{i}", f"Take {i}") for i in range(3))
    yield DuplicatesDialog(known, 2, window)
    window.plays.open_routes()
    yield window.plays.route_dialog
    window.watch.open_dialog()
    yield window.watch.dialog


def test_every_dialog_fits_a_laptop_at_150_percent(qtbot: Any, setup: Any, tmp_path: Path) -> None:
    window, services = setup
    seen = 0
    for dialog in dialogs(window, services, tmp_path):
        dialog.show()
        settle(qtbot, dialog)
        name = type(dialog).__name__
        assert fits(dialog, LAPTOP_150), (name, dialog.minimumSizeHint())
        dialog.resize(dialog.sizeHint().boundedTo(dialog.screen().availableSize()))
        qtbot.wait(20)
        assert clipped(dialog) == [], name
        dialog.reject()
        seen += 1
    assert seen == 11


def test_the_clip_check_sees_a_cut_label(qtbot: Any, language: str) -> None:
    """The check above could otherwise pass for nothing: a label squeezed into 30 px is reported."""
    from PySide6.QtWidgets import QHBoxLayout, QLabel

    box = QWidget()
    qtbot.addWidget(box)
    row = QHBoxLayout(box)
    label = QLabel("A label far too long for its room", box)
    label.setFixedWidth(30)
    row.addWidget(label)
    box.show()
    assert clipped(box) and "far too long" in clipped(box)[0]
