"""File → Export Upload Record… and the queue's Export Record of Selected…: a CSV or JSON file, written
off the GUI thread by ``UploadsService.record`` (the same call as ``vodstudio queue export``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vodstudio.services.record import RecordFormat, RecordSummary
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error

if TYPE_CHECKING:
    from vodstudio.ui.main_window import MainWindow


class RecordWiring(QObject):
    """Built once by the main window; ``exported`` / ``failed`` tell tests (and the status bar) the end."""

    exported = Signal(object)  # RecordSummary
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._ids: list[int] | None = None
        self.dialog: QFileDialog | None = None
        self.error_box: QMessageBox | None = None
        self.export_action = QAction(self.tr("&Export Upload Record…"), window)
        self.export_action.setToolTip(self.tr("Every job: file, size, CRC-64, VideoId, times, bytes sent"))
        self.export_action.triggered.connect(self.export_all)
        self.export_selected_action = QAction(self.tr("Export Record of Selected…"), window)
        self.export_selected_action.triggered.connect(self.export_selected)

    @Slot()
    def export_all(self) -> None:
        self._ask(None)

    @Slot()
    def export_selected(self) -> None:
        ids = self._window.uploads.selected_job_ids()
        if ids:
            self._ask(ids)

    def _ask(self, ids: list[int] | None) -> None:
        self._ids = ids
        start = self._window.services.settings.current.last_folder or str(Path.home())
        name = f"upload-record-{time.strftime('%Y%m%d-%H%M')}.csv"
        dialog = QFileDialog(self._window, self.tr("Export Upload Record"), str(Path(start) / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV (*.csv)"), self.tr("JSON (*.json)")])
        dialog.setDefaultSuffix("csv")
        dialog.filterSelected.connect(self._filter_chosen)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.open()  # window-modal and asynchronous: the event loop keeps running
        self.dialog = dialog

    @Slot(str)
    def _filter_chosen(self, name_filter: str) -> None:
        if self.dialog is not None:
            self.dialog.setDefaultSuffix("json" if "*.json" in name_filter else "csv")

    @Slot(str)
    def _file_chosen(self, chosen: str) -> None:
        self.export_to(Path(chosen), self._ids)

    def export_to(self, path: Path, ids: list[int] | None = None) -> None:
        """Write the record of ``ids`` (None: every job) to ``path`` in the background."""
        record = self._window.services.uploads.record
        self._window.statusBar().showMessage(self.tr("Exporting the upload record…"))
        run_in_background(
            lambda: record.export(path, RecordFormat.for_path(path), job_ids=ids),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, summary: RecordSummary) -> None:
        text = self.tr("%n job(s) written to %1", "", summary.jobs).replace("%1", str(summary.path))
        self._window.statusBar().showMessage(text, 10_000)
        self.exported.emit(summary)

    def _failed(self, error: BaseException) -> None:
        # A raw OS error here is about writing (a read-only folder, a full disk), not reading a file.
        reason = f"{error.strerror} — {error.filename}" if isinstance(error, OSError) else ""
        reason = reason if isinstance(error, OSError) and error.strerror else describe_error(error)
        text = self.tr("The upload record could not be written: %1").replace("%1", reason)
        self._window.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Export Upload Record"), text, QMessageBox.StandardButton.Ok
        )
        box.setParent(self._window, box.windowFlags())
        box.open()
        self.error_box = box
        self.failed.emit(text)
