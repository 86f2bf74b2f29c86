"""The metadata sheet shown before an upload: title, description, tags, category, cover, template group."""

from __future__ import annotations

import logging
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
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.assets import CategoryNode
from vodstudio.core.jobs import JobMetadata, kind_for_name
from vodstudio.core.match_builder import parse_tags
from vodstudio.core.media_types import MediaClass
from vodstudio.services.library import LibraryService
from vodstudio.services.settings import SettingsService
from vodstudio.services.uploads import UploadsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
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
    ) -> None:
        super().__init__(parent)
        self.uploads = uploads
        self.library = library
        self.settings = settings
        self.account = account
        self.defaults, include_all = uploads.defaults()
        self.paths = paths
        self.setObjectName("metadataSheet")
        self.setWindowTitle(self.tr("Upload %n Item(s)", "", len(paths)))
        self.setMinimumWidth(420)
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
        self.accelerate = QCheckBox(self)  # partly checked: the account's route (Tools → Upload Route)
        self.accelerate.setTristate(True)
        self.accelerate.checkStateChanged.connect(self._say_route)
        self.accelerate.setCheckState(Qt.CheckState.PartiallyChecked)
        self._say_route(Qt.CheckState.PartiallyChecked)
        layout.addWidget(self.include_all)
        layout.addWidget(self.accelerate)
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
        cover_button = QPushButton(self.tr("Choose…"), self)
        cover_button.clicked.connect(self._choose_cover)
        self.cover_preview = QLabel(self)
        self.cover_preview.setFixedSize(PREVIEW_SIZE)
        self.cover_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover_preview.setAccessibleName(self.tr("Cover preview"))
        self.cover_preview.hide()
        self.cover_edit.textChanged.connect(self._show_cover)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover_edit, 1)
        cover_row.addWidget(cover_button)
        cover_row.addWidget(self.cover_preview)
        self.template_edit = QLineEdit(defaults.template_group_id, self)
        self.template_edit.setPlaceholderText(self.tr("Default transcoding"))
        # Labels with a buddy: the mnemonic (Alt+C…) works and no literal "&" shows, also for rows
        # whose field is a layout.
        for text, buddy, field in (
            (self.tr("&Title:"), self.title_edit, self.title_edit),
            (self.tr("&Description:"), self.description_edit, self.description_edit),
            (self.tr("T&ags:"), self.tags_edit, self.tags_edit),
            (self.tr("&Category:"), self.category_combo, category_row),
            (self.tr("C&over:"), self.cover_edit, cover_row),
            (self.tr("Transcoding &template group:"), self.template_edit, self.template_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

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
        path = open_file(self, self.settings, self.tr("Cover Image"), [MediaClass.IMAGE])
        if path is not None:
            self.cover_edit.setText(str(path))

    @Slot(Qt.CheckState)
    def _say_route(self, state: Qt.CheckState) -> None:
        self.accelerate.setText(
            {
                Qt.CheckState.Checked: self.tr("Accelerate this upload (billed per GB)"),
                Qt.CheckState.Unchecked: self.tr("Normal route for this upload"),
            }.get(state, self.tr("Upload route: as set for the account"))
        )

    def metadata(self) -> JobMetadata:
        return JobMetadata(
            title=self.title_edit.text().strip() if self.title_edit.isEnabled() else "",
            description=self.description_edit.toPlainText().strip(),
            tags=tuple(parse_tags(self.tags_edit.text())),
            cate_id=self.category_combo.currentData(),
            template_group_id=self.template_edit.text().strip(),
            cover_path=self.cover_edit.text().strip(),
            accelerate={Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(
                self.accelerate.checkState()
            ),
        )

    def accept(self) -> None:
        metadata = self.metadata()
        if self.remember.isChecked():
            uploads, include_all = self.uploads, self.include_all.isChecked()
            run_in_background(lambda: uploads.remember_defaults(metadata, include_all))
        self.metadata_chosen.emit(self.paths, metadata, self.include_all.isChecked())
        super().accept()
