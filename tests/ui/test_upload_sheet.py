"""The upload sheet as a new user meets it (issue 12 defect 9), in the English catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QLabel

from tests.ui.conftest import idle
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.ui.uploads.metadata import MetadataSheet
from vodstudio.ui.widgets import files

pytestmark = pytest.mark.parametrize("language", ["en"], indirect=True)


@pytest.fixture
def open_sheet(qtbot: Any, sandbox: Any, services: Services) -> Iterator[Any]:
    seed_demo(sandbox.state, videos=1)  # the demo's three-level category tree

    def make(paths: list[Path]) -> MetadataSheet:
        sheet = MetadataSheet(
            services.uploads, services.library, services.settings, services.accounts.get(ALIYUN_NAME), paths
        )
        qtbot.addWidget(sheet)
        sheet.show()
        return sheet

    yield make
    idle(qtbot)


def clip(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"\0" * 1000)
    return path


def test_words_and_counts(qtbot: Any, language: str, open_sheet: Any, tmp_path: Path) -> None:
    folder = tmp_path / "第二季 Season 2"
    folder.mkdir()
    sheet = open_sheet([clip(tmp_path, "a.mp4"), clip(tmp_path, "b.mp4"), clip(tmp_path, "c.mov"), folder])
    assert sheet.windowTitle() == "Upload 4 Items"
    summary = sheet.findChildren(QLabel)[0].text()
    assert summary == "3 files and 1 folder to account “Sandbox”."  # a folder is a folder, not "0 files"
    for label in sheet.findChildren(QLabel):
        if "&" in label.text():  # a mnemonic: shown underlined by Qt, never as a literal "&"
            assert label.buddy() is not None, label.text()
    one = open_sheet([folder])
    assert one.windowTitle() == "Upload 1 Item"
    assert one.findChildren(QLabel)[0].text() == "The folder “第二季 Season 2” to account “Sandbox”."


def test_categories_show_all_three_levels(qtbot: Any, language: str, open_sheet: Any, tmp_path: Path) -> None:
    sheet = open_sheet([clip(tmp_path, "a.mp4")])
    qtbot.waitUntil(lambda: getattr(sheet, "categories_loaded", False), timeout=15_000)
    labels = [sheet.category_combo.itemText(i) for i in range(sheet.category_combo.count())]
    assert "教程/Tutorials" in labels
    assert "    剪辑/Editing" in labels  # second level, indented
    assert "        调色/Color grading" in labels  # third level


def test_cover_preview(qtbot: Any, language: str, open_sheet: Any, tmp_path: Path) -> None:
    sheet = open_sheet([clip(tmp_path, "a.mp4")])
    cover = tmp_path / "封面 cover.png"
    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(cover))
    sheet.cover_edit.setText(str(cover))
    assert sheet.cover_preview.isVisible()
    shown = sheet.cover_preview.pixmap()
    assert shown.width() <= sheet.cover_preview.width() and shown.height() > 0
    assert shown.width() / shown.height() == pytest.approx(16 / 9, rel=0.05)  # not stretched
    sheet.cover_edit.setText(str(tmp_path / "missing.png"))
    assert not sheet.cover_preview.isVisible()


def test_file_dialogs_remember_the_folder_and_offer_media_types(
    qtbot: Any, language: str, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []
    chosen = clip(tmp_path, "clip.mp4")

    def dialog(_parent: Any, _title: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append((folder, filters))
        return [str(chosen)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    from vodstudio.core.media_types import MediaClass

    assert files.open_files(None, services.settings, "Add", [MediaClass.VIDEO]) == [chosen]  # type: ignore[arg-type]
    assert files.open_files(None, services.settings, "Add", [MediaClass.VIDEO]) == [chosen]  # type: ignore[arg-type]
    first, second = asked
    assert first[0] == str(Path.home())  # never the working folder
    assert second[0] == str(tmp_path)  # the folder used last, also after a restart (settings)
    assert services.settings.current.last_folder == str(tmp_path)
    lines = first[1].split(";;")
    assert lines[0].startswith("Videos (") and "*.mp4" in lines[0] and "*.mov" in lines[0]
    assert lines[-1] == "All files (*)"
