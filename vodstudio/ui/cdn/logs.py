"""Domain logs (DescribeVodDomainLog): list by date range, download the selected ones into a folder."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodstudio.cloud.http import is_loopback, make_http_client
from vodstudio.core.safe_names import safe_join, unique_path
from vodstudio.core.units import format_bytes
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.date_range import DateRangePicker
from vodstudio.ui.widgets.progress_task import ProgressTask, Report


def log_url(path: str) -> str:
    """LogPath comes without a scheme: HTTPS, except for loopback (the sandbox serves plain HTTP)."""
    if "://" in path:
        return path
    host = path.split("/", 1)[0]
    return ("http://" if is_loopback(host) else "https://") + path


def download_logs(
    logs: list[Any], folder: Path, proxy: Any, report: Report, cancelled: threading.Event
) -> list[Path]:
    """Download each log into ``folder`` under a sanitised, non-clobbering name. Worker thread."""
    total = sum(max(0, int(log.size or 0)) for log in logs)
    done = 0
    saved: list[Path] = []
    with make_http_client(proxy=proxy) as http:
        for log in logs:
            target = unique_path(safe_join(folder, str(log.name), fallback="cdn-log.gz"))
            part = target.with_name(target.name + ".part")
            with http.stream("GET", log_url(str(log.path))) as response:
                response.raise_for_status()
                with part.open("wb") as out:
                    for chunk in response.iter_bytes(256 * 1024):
                        if cancelled.is_set():
                            break
                        out.write(chunk)
                        done += len(chunk)
                        report(done, max(total, done))
            if cancelled.is_set():
                part.unlink(missing_ok=True)
                raise InterruptedError("cancelled")
            part.replace(target)
            saved.append(target)
    return saved


class LogsPage(QWidget):
    """``list_logs()`` fills the table; ``download(folder)`` saves the selected rows with progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client: Any = None
        self.proxy: Any = None
        self.domain = ""
        self.logs: list[Any] = []
        self.task: Any = None
        self.dates = DateRangePicker(self, with_time=False)
        now = dt.datetime.now(dt.UTC)
        self.dates.set_range(now - dt.timedelta(days=1), now)
        self.list_button = QPushButton(self.tr("List logs"), self)
        self.download_button = QPushButton(self.tr("Download selected…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.table = QTableWidget(0, 4, self)
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
        row = QHBoxLayout()
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

    def set_source(self, client: Any, domain: str, proxy: Any) -> None:
        self.client, self.domain, self.proxy = client, domain, proxy
        self.logs = []
        self.table.setRowCount(0)

    def list_logs(self) -> None:
        if self.client is None or not self.domain:
            self.status.show_error(self.tr("Enter the CDN domain above first."))
            return
        start, end = self.dates.date_range()
        client, domain = self.client, self.domain

        def load() -> list[Any]:
            logs: list[Any] = []
            page = 1
            while True:
                answer = client.describe_vod_domain_log(
                    domain, start_time=start, end_time=end, page_number=page, page_size=1000
                )
                logs += answer.logs
                if not answer.logs or len(logs) >= answer.total:
                    return logs
                page += 1

        self.status.show_info(self.tr("Loading…"))
        run_in_background(load, self._on_listed, self._on_failed, owner=self)

    def _on_listed(self, logs: list[Any]) -> None:
        self.logs = logs
        self.table.setRowCount(len(logs))
        for row, log in enumerate(logs):
            values = [
                str(log.name),
                format_bytes(log.size),
                log.start_time.astimezone().strftime("%Y-%m-%d %H:%M") if log.start_time else "",
                log.end_time.astimezone().strftime("%Y-%m-%d %H:%M") if log.end_time else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        for column in (1, 2, 3):
            self.table.resizeColumnToContents(column)
        self.status.show_info(
            self.tr("%n log file(s).", "", len(logs)) if logs else self.tr("No logs in this range.")
        )

    def selected_logs(self) -> list[Any]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.logs[r] for r in rows]

    def choose_folder(self) -> None:
        if not self.selected_logs():
            self.status.show_error(self.tr("Select the logs to download first."))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Download logs to"))
        if folder:
            self.download(Path(folder))

    def download(self, folder: Path) -> Any:
        logs, proxy = self.selected_logs(), self.proxy
        task = ProgressTask(lambda report, cancel: download_logs(logs, folder, proxy, report, cancel), self)
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
            self.progress.setFormat(f"{format_bytes(done)} / {format_bytes(total)}")

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
        if isinstance(error, InterruptedError):
            self.status.show_info(self.tr("Download cancelled."))
        else:
            self.status.show_error(describe_error(error))

    def _on_failed(self, error: BaseException) -> None:
        self.status.show_error(describe_error(error))
