"""The metadata sheet shown before an upload: a preset, title (or pattern), details, cover and Advanced."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.assets import CategoryNode
from vodstudio.core.errors import PresetError
from vodstudio.core.jobs import CoverRule, JobMetadata, kind_for_name
from vodstudio.core.match_builder import parse_tags
from vodstudio.core.media_types import MediaClass
from vodstudio.core.presets import UploadPreset
from vodstudio.services.library import LibraryService
from vodstudio.services.presets import PresetsService
from vodstudio.services.settings import SettingsService
from vodstudio.services.uploads import UploadsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.uploads.advanced import AdvancedBox
from vodstudio.ui.widgets.files import open_file
from vodstudio.ui.widgets.text import TextBox

log = logging.getLogger(__name__)

PREVIEW_SIZE = QSize(64, 36)


class MetadataSheet(QDialog):
    """One sheet for one or many files. Emits ``metadata_chosen(paths, metadata, include_all)`` on OK."""

    metadata_chosen = Signal(object, object, bool)

    def __init__(
        self,
        uploads: UploadsService,
        library: LibraryService,
        settings: SettingsService,
        account: Account | None,
        paths: list[Path],
        parent: QWidget | None = None,
        *,
        presets: PresetsService | None = None,
    ) -> None:
        super().__init__(parent)
        self.uploads = uploads
        self.library = library
        self.settings = settings
        self.account = account
        self.presets = presets
        self.defaults, include_all = uploads.defaults()
        self.paths = paths
        self._cate_wanted = self.defaults.cate_id
        self.categories_loaded = False
        self.setObjectName("metadataSheet")
        self.setWindowTitle(self.tr("Upload %n Item(s)", "", len(paths)))
        self.setMinimumWidth(420)
        self.single_file = len(paths) == 1 and not paths[0].is_dir()
        layout = QVBoxLayout(self)
        summary = QLabel(self._summary(), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addLayout(self._build_preset_row())
        self.advanced = AdvancedBox(self)
        self.tabs = QTabWidget(self)
        details = QWidget(self.tabs)
        details.setLayout(self._build_form(paths))
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.advanced, self.tr("Advanced"))
        layout.addWidget(self.tabs)
        self.include_all = QCheckBox(self.tr("Include all files in folders, not only media"), self)
        self.include_all.setChecked(include_all)
        # Offer it when it matters: a folder (scanned by extension) or a file that is not media.
        self.include_all.setVisible(any(p.is_dir() or kind_for_name(p.name) is None for p in paths))
        self.remember = QCheckBox(self.tr("Use these values as defaults next time"), self)
        self.remember.setChecked(True)
        self.accelerate = self.advanced.accelerate
        layout.addWidget(self.include_all)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Upload"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.advanced.apply(self.defaults)
        self._load_categories()
        self.advanced.load(presets, account.name if account else None)

    def _build_preset_row(self) -> QHBoxLayout:
        self.preset_combo = QComboBox(self)
        self.preset_combo.setAccessibleName(self.tr("Preset"))
        self.save_preset_button = QPushButton(self.tr("Save as Preset…"), self)
        self.save_preset_button.clicked.connect(self.save_as_preset)
        self.save_preset_button.setEnabled(self.presets is not None)
        self.fill_presets()
        self.preset_combo.activated.connect(self._preset_chosen)
        label = QLabel(self.tr("Pre&set:"), self)
        label.setBuddy(self.preset_combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.preset_combo, 1)
        row.addWidget(self.save_preset_button)
        return row

    def _build_form(self, paths: list[Path]) -> QFormLayout:
        defaults = self.defaults
        form = QFormLayout()
        self.title_edit = QLineEdit(paths[0].stem if self.single_file else "", self)
        if not self.single_file:
            self.title_edit.setPlaceholderText(self.tr("From each file name"))
        self.title_edit.setToolTip(
            self.tr(
                "A title, or a pattern for each file: {stem} the file name, {date} today (YYYY-MM-DD), "
                "{folder} the file's folder. Other {words} stay as typed."
            )
        )
        self.description_edit = TextBox(defaults.description, self)
        self.description_edit.setFixedHeight(70)
        self.tags_edit = QLineEdit(", ".join(defaults.tags), self)
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, up to 16"))
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("No category"), None)
        self.category_status = QLabel(self.tr("Loading…"), self)
        self.category_status.setEnabled(False)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_combo, 1)
        category_row.addWidget(self.category_status)
        self.cover_edit = QLineEdit(self)
        self.cover_edit.setPlaceholderText(self.tr("Optional local image"))
        self.cover_button = QPushButton(self.tr("Choose…"), self)
        self.cover_button.clicked.connect(self._choose_cover)
        self.cover_preview = QLabel(self)
        self.cover_preview.setFixedSize(PREVIEW_SIZE)
        self.cover_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover_preview.setAccessibleName(self.tr("Cover preview"))
        self.cover_preview.hide()
        self.cover_edit.textChanged.connect(self._show_cover)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover_edit, 1)
        cover_row.addWidget(self.cover_button)
        cover_row.addWidget(self.cover_preview)
        self.cover_rule = QCheckBox(self.tr("Use the image beside each video with the same name"), self)
        self.cover_rule.setToolTip(self.tr("clip.mp4 gets clip.jpg, clip.jpeg or clip.png as its cover."))
        self.cover_rule.toggled.connect(self._rule_toggled)
        # Labels with a buddy: the mnemonic (Alt+C…) works and no literal "&" shows, also for rows
        # whose field is a layout.
        for text, buddy, field in (
            (self.tr("&Title:"), self.title_edit, self.title_edit),
            (self.tr("&Description:"), self.description_edit, self.description_edit),
            (self.tr("T&ags:"), self.tags_edit, self.tags_edit),
            (self.tr("&Category:"), self.category_combo, category_row),
            (self.tr("C&over:"), self.cover_edit, cover_row),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow("", self.cover_rule)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    @Slot(bool)
    def _rule_toggled(self, on: bool) -> None:
        self.cover_edit.setEnabled(not on)  # the rule finds each cover; one file for all would be ignored
        self.cover_button.setEnabled(not on)

    @Slot(str)
    def _show_cover(self, text: str) -> None:
        """A small picture of the chosen cover, so the wrong file is noticed before the upload."""
        reader = QImageReader(text.strip())
        size = reader.size()
        if not text.strip() or not reader.canRead() or size.isEmpty():
            self.cover_preview.hide()
            return
        reader.setScaledSize(size.scaled(PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()  # decoded at preview size: cheap even for a large image
        self.cover_preview.setPixmap(QPixmap.fromImage(image))
        self.cover_preview.show()

    def _summary(self) -> str:
        folders = sum(1 for p in self.paths if p.is_dir())
        files = len(self.paths) - folders
        account = self.account.name if self.account else ""
        if len(self.paths) == 1:
            name = self.paths[0].name
            if folders:
                return self.tr("The folder “%1” to account “%2”.").replace("%1", name).replace("%2", account)
            return self.tr("“%1” to account “%2”.").replace("%1", name).replace("%2", account)
        parts = []
        if files:
            parts.append(self.tr("%n file(s)", "", files))
        if folders:
            parts.append(self.tr("%n folder(s)", "", folders))
        what = (
            self.tr("%1 and %2").replace("%1", parts[0]).replace("%2", parts[1])
            if len(parts) == 2
            else parts[0]
        )
        return self.tr("%1 to account “%2”.").replace("%1", what).replace("%2", account)

    def _load_categories(self) -> None:
        account, library = self.account, self.library
        if account is None:
            self.category_status.setText("")
            return
        name = account.name
        run_in_background(
            lambda: library.categories(name), self._categories_loaded, self._categories_failed, owner=self
        )

    def _categories_loaded(self, categories: list[CategoryNode]) -> None:
        for node in categories:  # the whole three-level tree, children indented under parents
            self.category_combo.addItem(node.path_label, node.cate_id)
        self.category_status.setText("")
        self.categories_loaded = True
        self._select_category(self._cate_wanted)

    def _select_category(self, cate_id: int | None) -> None:
        self._cate_wanted = cate_id
        index = self.category_combo.findData(cate_id) if cate_id is not None else 0
        if index < 0 and self.categories_loaded:  # a preset's category this account does not list
            self.category_combo.addItem(str(cate_id), cate_id)
            index = self.category_combo.count() - 1
        if index >= 0:
            self.category_combo.setCurrentIndex(index)

    def _categories_failed(self, error: BaseException) -> None:
        self.category_status.setText(self.tr("Categories unavailable"))
        self.category_status.setToolTip(describe_error(error))

    @Slot()
    def _choose_cover(self) -> None:
        path = open_file(self, self.settings, self.tr("Cover Image"), [MediaClass.IMAGE])
        if path is not None:
            self.cover_edit.setText(str(path))

    def metadata(self) -> JobMetadata:
        cate = self.category_combo.currentData() if self.categories_loaded else self._cate_wanted
        return JobMetadata(
            title=self.title_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            tags=tuple(parse_tags(self.tags_edit.text())),
            cate_id=cate,
            cover_path="" if self.cover_rule.isChecked() else self.cover_edit.text().strip(),
            cover_rule=CoverRule.SAME_STEM if self.cover_rule.isChecked() else CoverRule.NONE,
            **self.advanced.values(),
        )

    # ---- presets ------------------------------------------------------------------------------------
    def fill_presets(self, select: str = "") -> None:
        """The combo: None, then the saved presets by name; ``select`` becomes current."""
        self.preset_combo.clear()
        self.preset_combo.addItem(self.tr("None"), None)
        for preset in self.presets.list_all() if self.presets is not None else []:
            self.preset_combo.addItem(preset.name, preset)
            if preset.name.casefold() == select.casefold():
                self.preset_combo.setCurrentIndex(self.preset_combo.count() - 1)

    @Slot(int)
    def _preset_chosen(self, index: int) -> None:
        preset = self.preset_combo.itemData(index)
        if isinstance(preset, UploadPreset):
            self.apply(preset.to_metadata())

    def apply(self, meta: JobMetadata) -> None:
        """Fill every field from ``meta`` (a preset's); an empty title means each file's name."""
        self.title_edit.setText(meta.title or (self.paths[0].stem if self.single_file else ""))
        self.description_edit.setPlainText(meta.description)
        self.tags_edit.setText(", ".join(meta.tags))
        self._select_category(meta.cate_id)
        self.cover_rule.setChecked(meta.cover_rule is CoverRule.SAME_STEM)
        self.advanced.apply(meta)

    @Slot()
    def save_as_preset(self) -> None:
        if self.presets is None:
            return
        current = self.preset_combo.currentData()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as Preset"),
            self.tr("Preset name:"),
            text=current.name if isinstance(current, UploadPreset) else "",
        )
        if not ok or not name.strip():
            return
        meta = self.metadata()
        if self.single_file and meta.title == self.paths[0].stem:
            meta = replace(meta, title="")  # this file's own name is no title for the next upload
        self._save_preset(name, meta)

    def _save_preset(self, name: str, meta: JobMetadata) -> None:
        assert self.presets is not None
        try:
            try:
                saved = self.presets.save(UploadPreset.from_metadata(name, meta))
            except PresetError as exc:
                if exc.code != "preset.exists" or not self._confirm_replace(exc.name):
                    raise
                saved = self.presets.save(UploadPreset.from_metadata(name, meta), overwrite=True)
        except PresetError as exc:
            if exc.code != "preset.exists":
                QMessageBox.warning(self, self.tr("Save as Preset"), describe_error(exc))
            return
        self.fill_presets(select=saved.name)

    def _confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Save as Preset"),
            self.tr("A preset named “%1” exists. Replace it?").replace("%1", name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        metadata = self.metadata()
        if self.remember.isChecked():
            uploads, include_all = self.uploads, self.include_all.isChecked()
            run_in_background(lambda: uploads.remember_defaults(metadata, include_all))
        self.metadata_chosen.emit(self.paths, metadata, self.include_all.isChecked())
        super().accept()
