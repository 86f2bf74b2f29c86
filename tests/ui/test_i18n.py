"""Chinese and English, complete: every string reaches the catalogues, every Chinese entry is finished,
the app (and Qt's own buttons) speak the chosen language, plurals read naturally."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import i18n_tool, idle, make_services
from vodstudio.ui.i18n import resolve_language
from vodstudio.ui.localized import list_text, sentences
from vodstudio.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - the project's own catalogue
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or "")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_ui_string_is_in_the_catalogues(tmp_path: Path) -> None:
    """The extractor sees every string (literal contexts only) and the committed .ts has them all."""
    tool = i18n_tool()
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in tool.SOURCES.rglob("*.py"))
    lupdate = str(Path(sys.executable).parent / "pyside6-lupdate")
    subprocess.run([lupdate, *files, "-no-obsolete", "-ts", str(fresh)], check=True, capture_output=True)
    extracted = sources(fresh)
    assert len(extracted) > 400
    committed = sources(tool.ts_path("zh_CN"))
    missing = sorted(extracted - committed)
    assert not missing, f"run `python packaging/i18n.py update` and translate: {missing[:10]}"
    stale = sorted(committed - extracted)
    assert not stale, f"strings no longer in the code: {stale[:10]}"


def test_no_chinese_entry_is_unfinished() -> None:
    tool = i18n_tool()
    assert tool.unfinished(tool.ts_path("zh_CN")) == []


def test_no_context_is_a_variable_name() -> None:
    """``tr(_CTX, ...)`` with a variable context was invisible to the extractor (review defect 3)."""
    contexts = {ctx for ctx, _ in sources(i18n_tool().ts_path("zh_CN"))}
    assert all(ctx and ctx[0].isupper() and "." not in ctx for ctx in contexts), contexts


def test_chinese_system_gets_the_simplified_catalogue() -> None:
    assert resolve_language("", QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("", QLocale("zh_TW")) == "zh_CN"
    assert resolve_language("", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("zh_CN")) == "en"  # the user's choice wins


@pytest.fixture
def window(qtbot: Any, sandbox: Any, language: str) -> Iterator[MainWindow]:
    services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    win.show()
    yield win
    idle(qtbot)
    win.shutdown()
    services.close()


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_the_app_speaks_chinese(qtbot: Any, window: MainWindow) -> None:
    assert window.act_add_files.text() == "添加文件(&F)…"
    assert window.sidebar.item(1).text() == "媒资库"
    qtbot.waitUntil(lambda: window.connection_ok is not None, timeout=15_000)
    assert window.connection_label.text().startswith("已连接")
    # Qt's own buttons speak it too (defect 2: an English question with 是(Y)/否(N), or the reverse).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    # Service statuses are words, not API codes (defect 2).
    window.show_section("library")
    status = window.library.filters.status_combo
    labels = [status.itemText(i) for i in range(status.count())]
    assert "已上传，等待转码" in labels and "UploadSucc" not in labels
    assert QLocale().name() == "zh_CN"
    # Chinese sentences follow one another without the English space; lists use the full-width ；.
    assert sentences("已提交 2 个条目。", "未提交：", list_text(["第 2 行", "第 3 行"])) == (
        "已提交 2 个条目。未提交：第 2 行；第 3 行"
    )


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_plurals_read_naturally(qtbot: Any, window: MainWindow) -> None:
    window._show_activity(1, 0, 0.0)
    assert window.transfers_label.text() == "1 uploading"
    # Idle again: pytest-qt closes the window before the fixture's shutdown, and a window that
    # believes an upload runs only asks whether to quit (then is deleted under the fixture).
    window._show_activity(0, 0, 0.0)
    assert window.uploads.tr("%n file(s) queued.", "", 1) == "1 file queued."
    assert window.uploads.tr("%n file(s) queued.", "", 3) == "3 files queued."
    assert (
        sentences("Submitted 2 items.", "Not sent:", list_text(["a", "b"]))
        == "Submitted 2 items. Not sent: a; b"
    )
