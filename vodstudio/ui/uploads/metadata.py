"""The metadata sheet shown before an upload: title, description, tags, category, cover, template group."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.assets import CategoryNode
from vodstudio.core.jobs import JobMetadata, kind_for_name
from vodstudio.core.match_builder import parse_tags
from vodstudio.core.media_types import MediaClass, dialog_filters
from vodstudio.services.library import LibraryService
from vodstudio.services.uploads import UploadsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error

log = logging.getLogger(__name__)


class MetadataSheet(QDialog):
    """One sheet for one or many files. Emits ``metadata_chosen(paths, metadata, include_all)`` on OK."""

    metadata_chosen = Signal(object, object, bool)

    def __init__(
        self,
        uploads: UploadsService,
        library: LibraryService,
        account: Account | None,
        paths: list[Path],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.uploads = uploads
        self.library = library
        self.account = account
        self.defaults, include_all = uploads.defaults()
        self.paths = paths
        self.setObjectName("metadataSheet")
        self.setWindowTitle(self.tr("Upload %n Item(s)", "", len(paths)))
        self.setMinimumWidth(520)
        single_file = len(paths) == 1 and not paths[0].is_dir()
        layout = QVBoxLayout(self)
        summary = QLabel(self._summary(), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addLayout(self._build_form(paths, single_file))
        self.include_all = QCheckBox(self.tr("Include all files in folders, not only media"), self)
        self.include_all.setChecked(include_all)
        # Offer it when it matters: a folder (scanned by extension) or a file that is not media.
        self.include_all.setVisible(any(p.is_dir() or kind_for_name(p.name) is None for p in paths))
        self.remember = QCheckBox(self.tr("Use these values as defaults next time"), self)
        self.remember.setChecked(True)
        layout.addWidget(self.include_all)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Upload"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load_categories()

    def _build_form(self, paths: list[Path], single_file: bool) -> QFormLayout:
        defaults = self.defaults
        form = QFormLayout()
        self.title_edit = QLineEdit(self)
        if single_file:
            self.title_edit.setText(paths[0].stem)
        else:
            self.title_edit.setPlaceholderText(self.tr("From each file name"))
            self.title_edit.setEnabled(False)
        self.description_edit = QPlainTextEdit(defaults.description, self)
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
        cover_button = QPushButton(self.tr("Choose…"), self)
        cover_button.clicked.connect(self._choose_cover)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover_edit, 1)
        cover_row.addWidget(cover_button)
        self.template_edit = QLineEdit(defaults.template_group_id, self)
        self.template_edit.setPlaceholderText(self.tr("Default transcoding"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("T&ags:"), self.tags_edit)
        form.addRow(self.tr("&Category:"), category_row)
        form.addRow(self.tr("C&over:"), cover_row)
        form.addRow(self.tr("Transcoding &template group:"), self.template_edit)
        return form

    def _summary(self) -> str:
        folders = sum(1 for p in self.paths if p.is_dir())
        files = len(self.paths) - folders
        account = self.account.name if self.account else ""
        if folders:
            text = self.tr("%1 file(s) and %2 folder(s) to account “%3”.")
            return text.replace("%1", str(files)).replace("%2", str(folders)).replace("%3", account)
        if files == 1:
            return self.tr("“%1” to account “%2”.").replace("%1", self.paths[0].name).replace("%2", account)
        return self.tr("%1 files to account “%2”.").replace("%1", str(files)).replace("%2", account)

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
        default = self.defaults.cate_id
        for node in categories:  # the whole three-level tree, children indented under parents
            self.category_combo.addItem(node.path_label, node.cate_id)
            if node.cate_id == default:
                self.category_combo.setCurrentIndex(self.category_combo.count() - 1)
        self.category_status.setText("")
        self.categories_loaded = True

    def _categories_failed(self, error: BaseException) -> None:
        self.category_status.setText(self.tr("Categories unavailable"))
        self.category_status.setToolTip(describe_error(error))

    @Slot()
    def _choose_cover(self) -> None:
        patterns = " ".join(dialog_filters([MediaClass.IMAGE])[0].patterns)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Cover Image"), "", self.tr("Images (%1)").replace("%1", patterns)
        )
        if path:
            self.cover_edit.setText(path)

    def metadata(self) -> JobMetadata:
        return JobMetadata(
            title=self.title_edit.text().strip() if self.title_edit.isEnabled() else "",
            description=self.description_edit.toPlainText().strip(),
            tags=tuple(parse_tags(self.tags_edit.text())),
            cate_id=self.category_combo.currentData(),
            template_group_id=self.template_edit.text().strip(),
            cover_path=self.cover_edit.text().strip(),
        )

    def accept(self) -> None:
        metadata = self.metadata()
        if self.remember.isChecked():
            uploads, include_all = self.uploads, self.include_all.isChecked()
            run_in_background(lambda: uploads.remember_defaults(metadata, include_all))
        self.metadata_chosen.emit(self.paths, metadata, self.include_all.isChecked())
        super().accept()
