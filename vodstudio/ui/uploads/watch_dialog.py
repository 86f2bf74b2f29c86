"""Tools → Watch Folders…: the saved watch folders, and the watchers the window runs while it is open."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.core.watch import SETTLE_MIN, WatchFolder, split_patterns
from vodstudio.services.presets import PresetsService
from vodstudio.services.watch import WatchService
from vodstudio.services.watcher import Watcher, WatchEvent, WatchOutcome
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import sentences

if TYPE_CHECKING:
    from vodstudio.ui.main_window import MainWindow


class WatchDialog(QDialog):
    """Every change is saved at once; ``folders_changed`` tells the window to restart its watchers."""

    folders_changed = Signal()

    def __init__(
        self, watch: WatchService, presets: PresetsService, account: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.watch = watch
        self.presets = presets
        self.account = account
        self.setObjectName("watchDialog")
        self.setWindowTitle(self.tr("Watch Folders"))
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long path keeps its folder's name
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemChanged.connect(self._enabled_toggled)
        self.add_button = QPushButton(self.tr("&Add Folder…"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.add_button.clicked.connect(self.add_folder)
        self.remove_button.clicked.connect(self.remove_current)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        self.form_box = self._build_form()
        # Two sentences, two strings: each translation stays short enough to wrap in a small window.
        hint = sentences(
            self.tr(
                "New files are queued with the preset once their size and time have not changed for "
                "the settle time: a recording in progress is never uploaded half-way."
            ),
            self.tr("The checked folders are watched while VOD Studio is open."),
        )
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self._folders: list[WatchFolder] = []
        self._filling = False
        self.reload()
        # Room for a path, never more than the screen has (1366 x 768 at 150 % leaves ~900 x 480).
        room = self.screen().availableGeometry()
        self.resize(min(640, room.width() - 40), min(480, room.height() - 80))

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected folder"), self)
        self.preset = QComboBox(box)
        self.recursive = QCheckBox(self.tr("Include &sub-folders"), box)
        self.include = QLineEdit(box)
        self.exclude = QLineEdit(box)
        for edit in (self.include, self.exclude):
            edit.setToolTip(self.tr("File name patterns such as *.mp4, separated by semicolons"))
            edit.editingFinished.connect(self._save_current)
        self.settle = QDoubleSpinBox(box)
        self.settle.setRange(SETTLE_MIN, 3600.0)
        self.settle.setDecimals(0)
        self.settle.setSuffix(self.tr(" s"))
        self.preset.activated.connect(self._save_current)
        self.recursive.toggled.connect(self._save_current)
        self.settle.valueChanged.connect(self._save_current)
        form = QFormLayout(box)
        form.addRow(self.tr("&Preset:"), self.preset)
        form.addRow("", self.recursive)
        form.addRow(self.tr("&Include:"), self.include)
        form.addRow(self.tr("&Exclude:"), self.exclude)
        form.addRow(self.tr("Se&ttle time:"), self.settle)
        return box

    # ---- showing ---------------------------------------------------------------------------------
    def reload(self, select: int = 0) -> None:
        self._filling = True
        self._folders = self.watch.folders()
        self.list.clear()
        checked_hint = self.tr("Checked: watched while VOD Studio is open")
        for folder in self._folders:
            item = QListWidgetItem(folder.path, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if folder.enabled else Qt.CheckState.Unchecked)
            item.setToolTip(f"{folder.path}\n{checked_hint}")
        self._filling = False
        self.list.setCurrentRow(min(select, len(self._folders) - 1))
        self._show_current(self.list.currentRow())

    @Slot(int)
    def _show_current(self, row: int) -> None:
        has = 0 <= row < len(self._folders)
        self.form_box.setEnabled(has)
        self.remove_button.setEnabled(has)
        if not has:
            return
        folder = self._folders[row]
        # Restored, not cleared: reload() fills the list inside its own _filling, and adding the first
        # item makes it current (this slot runs) before its check box is set, which must not save.
        was_filling, self._filling = self._filling, True
        self.preset.clear()
        self.preset.addItem(self.tr("(No preset: the defaults)"), "")
        names = [p.name for p in self.presets.list_all()]
        for name in names:
            self.preset.addItem(name, name)
        if folder.preset and folder.preset.casefold() not in {n.casefold() for n in names}:
            self.preset.addItem(self.tr("%1 (missing)").replace("%1", folder.preset), folder.preset)
        index = next(
            (
                i
                for i in range(self.preset.count())
                if str(self.preset.itemData(i)).casefold() == folder.preset.casefold()
            ),
            0,
        )
        self.preset.setCurrentIndex(index)
        self.recursive.setChecked(folder.recursive)
        self.include.setText("; ".join(folder.include))
        self.exclude.setText("; ".join(folder.exclude))
        self.settle.setValue(folder.settle)
        self._filling = was_filling

    def selected(self) -> WatchFolder | None:
        row = self.list.currentRow()
        return self._folders[row] if 0 <= row < len(self._folders) else None

    # ---- changing ----------------------------------------------------------------------------------
    @Slot()
    def add_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Watch Folder"))
        if not path:
            return
        try:
            if not self.account:
                raise ConfigError("no account", code="config.no-account")
            folder = self.watch.add(WatchFolder(path, account=self.account))
        except VodStudioError as exc:
            self.status.setText(describe_error(exc))
            return
        self.reload()
        self.list.setCurrentRow(next(i for i, f in enumerate(self._folders) if f.path == folder.path))
        self.status.setText(self.tr("Watching %1.").replace("%1", folder.path))
        self.folders_changed.emit()

    @Slot()
    def remove_current(self) -> None:
        folder = self.selected()
        if folder is None:
            return
        row = self.list.currentRow()
        self.watch.remove(folder.path)
        self.reload(select=max(row - 1, 0))
        self.status.setText(self.tr("No longer watching %1.").replace("%1", folder.path))
        self.folders_changed.emit()

    @Slot()
    def _save_current(self) -> None:
        folder = self.selected()
        if folder is None or self._filling:
            return
        changed = replace(
            folder,
            preset=str(self.preset.currentData() or ""),
            recursive=self.recursive.isChecked(),
            include=split_patterns(self.include.text()) or folder.include,
            exclude=split_patterns(self.exclude.text()),
            settle=max(self.settle.value(), SETTLE_MIN),
        )
        self._replace(self.list.currentRow(), changed)

    @Slot(QListWidgetItem)
    def _enabled_toggled(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if self._filling or not 0 <= row < len(self._folders):
            return
        self._replace(row, replace(self._folders[row], enabled=item.checkState() == Qt.CheckState.Checked))

    def _replace(self, row: int, folder: WatchFolder) -> None:
        if folder == self._folders[row]:
            return
        self._folders[row] = folder
        self.watch.save_folders(self._folders)
        self.status.setText(self.tr("Saved."))
        self.folders_changed.emit()


class WatchWiring(QObject):
    """Built once by the main window: its menu action, the running watchers and the status line."""

    event_arrived = Signal(object)  # WatchEvent, emitted on a watcher's thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.watchers: list[Watcher] = []
        self.problems: list[str] = []
        self.dialog: WatchDialog | None = None
        self.action = QAction(self.tr("&Watch Folders…"), window)
        self.action.triggered.connect(self.open_dialog)
        self.label = QLabel(window.statusBar())
        window.statusBar().addPermanentWidget(self.label)
        self.event_arrived.connect(self._on_event)
        self.restart()

    @Slot()
    def open_dialog(self) -> None:
        window = self._window
        account = window.account.name if window.account is not None else ""
        services = window.services
        dialog = WatchDialog(services.watch, services.presets, account, window)
        dialog.folders_changed.connect(self.restart)
        dialog.open()
        self.dialog = dialog

    @Slot()
    def restart(self) -> None:
        """Run the enabled folders afresh (a folder that cannot run is named in ``problems``)."""
        self._stop_all()
        services = self._window.services
        self.problems = []
        for folder in services.watch.folders():
            if not folder.enabled:
                continue
            try:
                watcher = services.watch.watcher(self._window.engine, [folder], self.event_arrived.emit)
            except VodStudioError as exc:
                self.problems.append(f"{folder.path}: {describe_error(exc)}")
                continue
            self.watchers.append(watcher.start())
        count = len(self.watchers)
        self.label.setText(self.tr("Watching %n folder(s)", "", count) if count else "")
        self.label.setVisible(bool(count))
        self.label.setToolTip("\n".join(self.problems))

    @Slot(object)
    def _on_event(self, event: WatchEvent) -> None:
        name = event.path.replace("\\", "/").rsplit("/", 1)[-1]
        if event.outcome is WatchOutcome.QUEUED:
            self._window.statusBar().showMessage(
                self.tr("Queued %1 from a watch folder.").replace("%1", name), 5000
            )
        elif event.outcome is WatchOutcome.FAILED:
            text = self.tr("Could not queue %1 from a watch folder; trying again later.").replace("%1", name)
            self._window.plays.notifier.notify(text, warning=True)

    def _stop_all(self, timeout: float = 0.0) -> None:
        # No wait on the GUI thread: a pass ends between two files; the hand-over lock keeps a
        # stopping watcher and its successor from queueing one file twice.
        for watcher in self.watchers:
            watcher.stop(timeout)
        self.watchers = []

    def shutdown(self) -> None:
        """Before the engine closes: the watchers must not queue into a closed engine."""
        self._stop_all(timeout=1.0)
