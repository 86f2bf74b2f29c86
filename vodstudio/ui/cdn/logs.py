"""Domain logs (DescribeVodDomainLog): list by date range, download the selected ones into a folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.errors import CancelledError
from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.models import DomainLog
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import date_time_text, size_text
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.date_range import DateRangePicker
from vodstudio.ui.widgets.files import choose_folder
from vodstudio.ui.widgets.flow import FlowLayout
from vodstudio.ui.widgets.progress_task import ProgressTask


class LogsPage(QWidget):
    """``list_logs()`` fills the table; ``download(folder)`` saves the selected rows with progress."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.desk: CdnDeskSession | None = None
        self.domain = ""
        self.logs: list[DomainLog] = []
        self.task: ProgressTask | None = None
        self.dates = DateRangePicker(self, with_time=False)
        now = dt.datetime.now(dt.UTC)
        self.dates.set_range(now - dt.timedelta(days=1), now)
        self.list_button = QPushButton(self.tr("List logs"), self)
        self.download_button = QPushButton(self.tr("Download selected…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Size"), self.tr("From"), self.tr("To")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.cancel_button.hide()
        self.status = StatusLine(self)
        row = FlowLayout()  # wraps in a narrow window
        row.addWidget(self.dates)
        row.addWidget(self.list_button)
        row.addStretch(1)
        row.addWidget(self.download_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.list_button.clicked.connect(self.list_logs)
        self.download_button.clicked.connect(self.choose_folder)
        self.cancel_button.clicked.connect(self.cancel)

    def set_source(self, desk: CdnDeskSession | None, domain: str) -> None:
        self.desk, self.domain = desk, domain
        self.logs = []
        self.table.setRowCount(0)

    def list_logs(self) -> None:
        if self.desk is None or not self.domain:
            self.status.show_error(self.tr("Enter the CDN domain above first."))
            return
        start, end = self.dates.date_range()
        desk, domain = self.desk, self.domain
        self.status.show_info(self.tr("Loading…"))
        run_in_background(lambda: desk.logs(domain, start, end), self._on_listed, self._on_failed, owner=self)

    def _on_listed(self, logs: list[DomainLog]) -> None:
        self.logs = logs
        self.table.setRowCount(len(logs))
        for row, log in enumerate(logs):
            values = [
                str(log.name),
                size_text(log.size),
                date_time_text(log.start_time) if log.start_time else "",
                date_time_text(log.end_time) if log.end_time else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        for column in (1, 2, 3):
            self.table.resizeColumnToContents(column)
        self.status.show_info(
            self.tr("%n log file(s).", "", len(logs)) if logs else self.tr("No logs in this range.")
        )

    def selected_logs(self) -> list[DomainLog]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.logs[r] for r in rows]

    def choose_folder(self) -> None:
        if not self.selected_logs():
            self.status.show_error(self.tr("Select the logs to download first."))
            return
        folder = choose_folder(self, self.settings, self.tr("Download logs to"))
        if folder is not None:
            self.download(folder)

    def download(self, folder: Path) -> ProgressTask | None:
        logs, desk = self.selected_logs(), self.desk
        if desk is None or not logs:
            return None
        task = ProgressTask(
            lambda report, cancel: desk.download_logs(logs, folder, progress=report, cancel=cancel), self
        )
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._on_downloaded)
        task.failed.connect(self._on_download_failed)
        self.task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.download_button.setEnabled(False)
        task.start()
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))
            self.progress.setFormat(f"{size_text(done)} / {size_text(total)}")

    def _finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.download_button.setEnabled(True)

    def _on_downloaded(self, saved: list[Path]) -> None:
        self._finish()
        folder = saved[0].parent if saved else ""
        self.status.show_info(self.tr("%n file(s) saved to %1", "", len(saved)).replace("%1", str(folder)))

    def _on_download_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, CancelledError):
            self.status.show_info(self.tr("Download cancelled."))
        else:
            self.status.show_error(describe_error(error))

    def _on_failed(self, error: BaseException) -> None:
        self.status.show_error(describe_error(error))
