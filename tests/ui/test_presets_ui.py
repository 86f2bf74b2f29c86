"""Presets in the GUI: the sheet's Preset combo and Save as Preset, template groups from the account, and
the Manage Presets dialog from the File menu (every action triggered)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from tests.ui.conftest import idle
from tests.ui.layout_checks import SMALL_WINDOW, clipped, fits
from vodstudio.core.errors import ConfigError
from vodstudio.core.jobs import CoverRule, JobMetadata
from vodstudio.core.presets import UploadPreset
from vodstudio.sandbox import vod_templates, vod_upload
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.presets import PresetsService
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.uploads.metadata import MetadataSheet

pytestmark = pytest.mark.parametrize("language", ["en"], indirect=True)


@pytest.fixture
def open_sheet(qtbot: Any, sandbox: Any, services: Services) -> Iterator[Any]:
    seed_demo(sandbox.state, videos=1)

    def make(paths: list[Path]) -> MetadataSheet:
        sheet = MetadataSheet(
            services.uploads,
            services.library,
            services.settings,
            services.accounts.get(ALIYUN_NAME),
            paths,
            presets=services.presets,
        )
        qtbot.addWidget(sheet)
        sheet.show()
        qtbot.waitUntil(lambda: sheet.categories_loaded and sheet.advanced.templates.loaded, timeout=15_000)
        return sheet

    yield make
    idle(qtbot)


def clip(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"\0" * 1000)
    return path


def _weekly(services: Services, sandbox: Any) -> UploadPreset:
    cate = next(c for c in services.library.categories(ALIYUN_NAME) if c.path_label.startswith("    "))
    return UploadPreset(
        name="Weekly",
        title_pattern="{folder} {stem}",
        description="每周",
        tags=("show", "weekly"),
        cate_id=cate.cate_id,
        cover_rule=CoverRule.SAME_STEM,
        template_group_id="",
        workflow_id=vod_templates.WORKFLOW_ID,
        storage_location=vod_upload.storage_location(sandbox.state),
        app_id="app-2000000",
        priority=5,
        accelerate=True,
        prefetch_when_playable=True,
    )


def _choose(sheet: MetadataSheet, name: str) -> None:
    index = sheet.preset_combo.findText(name)
    assert index > 0, name
    sheet.preset_combo.setCurrentIndex(index)
    sheet.preset_combo.activated.emit(index)


def test_choosing_a_preset_fills_every_field(
    qtbot: Any, language: str, sandbox: Any, services: Services, open_sheet: Any, tmp_path: Path
) -> None:
    preset = services.presets.save(_weekly(services, sandbox))
    sheet = open_sheet([clip(tmp_path, "a.mp4"), clip(tmp_path, "b.mp4")])
    assert [sheet.preset_combo.itemText(i) for i in range(sheet.preset_combo.count())] == ["None", "Weekly"]
    _choose(sheet, "Weekly")
    assert sheet.title_edit.text() == "{folder} {stem}" and "{stem}" in sheet.title_edit.toolTip()
    assert sheet.tags_edit.text() == "show, weekly"
    assert sheet.cover_rule.isChecked() and not sheet.cover_edit.isEnabled()
    assert sheet.advanced.templates.combo.currentText() == "Workflow: Review, then transcode"
    assert sheet.metadata() == preset.to_metadata()
    chosen: list[JobMetadata] = []
    sheet.metadata_chosen.connect(lambda _paths, meta, _all: chosen.append(meta))
    sheet.remember.setChecked(False)
    sheet.accept()
    assert chosen == [preset.to_metadata()]


def test_template_groups_come_from_the_account(
    qtbot: Any, language: str, open_sheet: Any, tmp_path: Path
) -> None:
    sheet = open_sheet([clip(tmp_path, "a.mp4")])
    combo = sheet.advanced.templates.combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [
        "Default transcoding",
        "Default (LD, SD, HD) (default)",
        "No transcoding",
        "Workflow: Review, then transcode",
    ]
    combo.setCurrentIndex(2)
    assert (sheet.metadata().template_group_id, sheet.metadata().workflow_id) == ("VOD_NO_TRANSCODE", "")


def test_a_failed_listing_leaves_a_text_field(
    qtbot: Any, language: str, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_self: PresetsService, _account: str) -> list[object]:
        raise ConfigError("no listing here", code="config.provider")

    monkeypatch.setattr(PresetsService, "template_groups", refuse)
    services.presets.save(UploadPreset(name="Raw", template_group_id="VOD_NO_TRANSCODE"))
    account = services.accounts.get(ALIYUN_NAME)
    sheet = MetadataSheet(
        services.uploads, services.library, services.settings, account, [clip(tmp_path, "a.mp4")],
        presets=services.presets,
    )  # fmt: skip
    qtbot.addWidget(sheet)
    sheet.show()
    chooser = sheet.advanced.templates
    qtbot.waitUntil(lambda: chooser.fallback, timeout=15_000)
    assert not chooser.edit.isHidden() and chooser.combo.isHidden()
    assert chooser.status.text() == "List unavailable" and "cannot do that" in chooser.status.toolTip()
    _choose(sheet, "Raw")
    assert chooser.edit.text() == "VOD_NO_TRANSCODE"
    chooser.edit.setText(" " + "f" * 32 + " ")
    assert sheet.metadata().template_group_id == "f" * 32
    idle(qtbot)


def test_save_as_preset_asks_a_name_and_replaces_only_when_told(
    qtbot: Any,
    language: str,
    services: Services,
    open_sheet: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = open_sheet([clip(tmp_path, "take.mp4")])
    sheet.tags_edit.setText("a, b")
    sheet.advanced.storage_edit.setText("  loc.example  ")
    sheet.advanced.prefetch.setChecked(True)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Mine", True))
    sheet.save_preset_button.click()
    saved = services.presets.get("mine")
    assert (saved.title_pattern, saved.tags, saved.storage_location) == ("", ("a", "b"), "loc.example")
    assert saved.prefetch_when_playable and sheet.preset_combo.currentText() == "Mine"
    sheet.tags_edit.setText("c")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: answers.pop(0))
    sheet.save_preset_button.click()
    assert services.presets.get("Mine").tags == ("a", "b")  # "No": kept
    sheet.save_preset_button.click()
    assert services.presets.get("Mine").tags == ("c",)
    assert [p.name for p in services.presets.list_all()] == ["Mine"]


def test_the_sheet_fits_a_small_window(qtbot: Any, language: str, open_sheet: Any, tmp_path: Path) -> None:
    sheet = open_sheet([clip(tmp_path, "a.mp4"), tmp_path])
    for tab in range(sheet.tabs.count()):
        sheet.tabs.setCurrentIndex(tab)
        sheet.adjustSize()
        qtbot.wait(20)
        assert fits(sheet, SMALL_WINDOW), sheet.minimumSizeHint()
        assert clipped(sheet) == []


@pytest.fixture
def window(quiet_window: tuple[MainWindow, Services]) -> tuple[MainWindow, Services]:
    return quiet_window


def test_manage_presets_from_the_file_menu(
    qtbot: Any, language: str, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, services = window
    for name in ("Alpha", "Beta"):
        services.presets.save(UploadPreset(name=name, title_pattern=f"{name} {{stem}}"))
    win.act_presets.trigger()
    dialog = win.presets_dialog
    assert dialog.isVisible() and [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Alpha",
        "Beta",
    ]
    dialog.list.item(0).setSelected(True)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Gamma", True))
    dialog.rename_button.click()
    assert [p.name for p in services.presets.list_all()] == ["Beta", "Gamma"]
    assert dialog.selected_names() == ["Gamma"]

    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    dialog.export_button.click()
    assert [p["name"] for p in json.loads(out.read_text("utf-8"))["presets"]] == ["Gamma"]
    assert dialog.status.text() == "Exported 1 preset to mine.json."

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(out), ""))
    dialog.import_button.click()
    assert [p.name for p in services.presets.list_all()] == ["Beta", "Gamma", "Gamma (2)"]
    assert dialog.status.text() == "Imported 1 preset. “Gamma” exists: imported as “Gamma (2)”."

    dialog.list.clearSelection()
    dialog.list.item(0).setSelected(True)
    dialog.list.item(2).setSelected(True)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert [p.name for p in services.presets.list_all()] == ["Gamma"]
    assert dialog.status.text() == "Deleted 2 presets."

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    dialog.import_button.click()
    assert warned and warned[0].startswith("This is not a valid VOD Studio presets file.")
    dialog.reject()


def test_a_still_beside_its_video_is_its_cover_not_an_upload(
    qtbot: Any, language: str, window: Any, tmp_path: Path
) -> None:
    win, services = window
    folder = tmp_path / "shoot"
    folder.mkdir()
    video = clip(folder, "take.mp4")
    still = folder / "take.jpg"
    still.write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    win.uploads.add_paths([folder])
    sheet = win.uploads.pending_sheet
    assert sheet is not None
    sheet.cover_rule.setChecked(True)
    with qtbot.waitSignal(win.uploads.jobs_added, timeout=15_000) as added:
        sheet.accept()
    (job_id,) = added.args[0].job_ids
    job = services.uploads.job(job_id)
    assert job is not None and (job.path, job.cover_path) == (str(video), str(still))
    assert win.uploads.message_label.text() == "1 file queued. 1 image used as a cover."
