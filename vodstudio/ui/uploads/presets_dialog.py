"""Manage Presets: the saved upload presets, to rename, delete, import from and export to a file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.errors import VodStudioError
from vodstudio.services.presets import PresetsService
from vodstudio.services.settings import SettingsService
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import sentences
from vodstudio.ui.widgets.files import open_document, save_file


class PresetsDialog(QDialog):
    """Every change is saved at once; ``presets_changed`` tells an open upload sheet to re-list."""

    presets_changed = Signal()

    def __init__(
        self, presets: PresetsService, settings: SettingsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.presets = presets
        self.settings = settings
        self.setObjectName("presetsDialog")
        self.setWindowTitle(self.tr("Upload Presets"))
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No presets yet. In the upload sheet, choose “Save as Preset…”."), self)
        self.empty.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        side = QVBoxLayout()
        for button in (self.rename_button, self.delete_button, self.import_button, self.export_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    def reload(self, select: str = "") -> None:
        self.list.clear()
        for preset in self.presets.list_all():
            item = QListWidgetItem(preset.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, preset.name)
            pattern = preset.title_pattern or self.tr("each file's name")
            item.setToolTip(self.tr("Title: %1").replace("%1", pattern))
            if preset.name.casefold() == select.casefold():
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self._selection_changed()

    def selected_names(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]

    @Slot()
    def _selection_changed(self) -> None:
        chosen = len(self.selected_names())
        self.rename_button.setEnabled(chosen == 1)
        self.delete_button.setEnabled(chosen > 0)
        self.export_button.setEnabled(self.list.count() > 0)

    def _failed(self, error: VodStudioError) -> None:
        QMessageBox.warning(self, self.windowTitle(), describe_error(error))

    def _changed(self, message: str, select: str = "") -> None:
        self.reload(select)
        self.status.setText(message)
        self.presets_changed.emit()

    @Slot()
    def rename_selected(self) -> None:
        names = self.selected_names()
        if len(names) != 1:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename Preset"), self.tr("New name:"), text=names[0])
        if not ok or not new.strip() or new.strip() == names[0]:
            return
        try:
            renamed = self.presets.rename(names[0], new)
        except VodStudioError as exc:
            self._failed(exc)
            return
        self._changed(self.tr("Renamed to “%1”.").replace("%1", renamed.name), renamed.name)

    @Slot()
    def delete_selected(self) -> None:
        names = self.selected_names()
        if not names:
            return
        question = self.tr("Delete %n preset(s)?", "", len(names))
        if QMessageBox.question(self, self.tr("Delete Presets"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            for name in names:
                self.presets.delete(name)
        except VodStudioError as exc:
            self._failed(exc)
        self._changed(self.tr("Deleted %n preset(s).", "", len(names)))

    @Slot()
    def import_file(self) -> None:
        path = open_document(self, self.settings, self.tr("Import Presets"), self.tr("Presets (*.json)"))
        if path is None:
            return
        try:
            result = self.presets.import_file(path)
        except VodStudioError as exc:
            self._failed(exc)
            return
        said = self.tr("Imported %n preset(s).", "", len(result.added))
        renamed = [
            self.tr("“%1” exists: imported as “%2”.").replace("%1", old).replace("%2", new)
            for old, new in result.renamed
        ]
        self._changed(sentences(said, *renamed))

    @Slot()
    def export_file(self) -> None:
        path = save_file(self, self.settings, self.tr("Export Presets"), "vodstudio-presets.json")
        if path is None:
            return
        try:
            names = self.presets.export_file(path, self.selected_names())
        except VodStudioError as exc:
            self._failed(exc)
            return
        self.status.setText(self.tr("Exported %n preset(s) to %1.", "", len(names)).replace("%1", path.name))
