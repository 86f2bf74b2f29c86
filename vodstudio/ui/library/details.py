"""The details pane: GetVideoInfo fields, play URLs, the source file (download), snapshots and a preview."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodstudio.cloud.http import make_http_client
from vodstudio.core.accounts import Account
from vodstudio.core.match_builder import SearchType
from vodstudio.core.units import format_bytes, format_duration
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.library.fields import as_float, as_int, local_text, media_id, pick, tags_text
from vodstudio.ui.library.preview import PreviewPlayer
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.progress_task import ProgressTask, Report


def download_to(url: str, target: Path, proxy: Any, report: Report, cancelled: threading.Event) -> Path:
    """Stream ``url`` into ``target`` (via ``target.part``, renamed when complete). Worker thread."""
    part = target.with_name(target.name + ".part")
    with make_http_client(proxy=proxy) as http, http.stream("GET", url) as response:
        response.raise_for_status()
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        with part.open("wb") as out:
            for chunk in response.iter_bytes(256 * 1024):
                if cancelled.is_set():
                    break
                out.write(chunk)
                done += len(chunk)
                report(done, total)
    if cancelled.is_set():
        part.unlink(missing_ok=True)
        raise InterruptedError("cancelled")
    part.replace(target)
    return target


class DetailsPane(QTabWidget):
    """Shows one asset. Each tab loads in the background; a newer selection wins over older answers."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client: Any = None
        self.account: Account | None = None
        self.item: Any = None
        self.play_info: Any = None
        self.mezzanine: Any = None
        self._token = 0
        self.download: ProgressTask | None = None
        self._build_info_tab()
        self._build_streams_tab()
        self._build_source_tab()
        self._build_snapshots_tab()
        self.preview = PreviewPlayer(self)
        self.addTab(self.preview, self.tr("Preview"))
        self.currentChanged.connect(self._on_tab)
        self.show_item(None, SearchType.VIDEO)

    # ---- tabs ---------------------------------------------------------------------------------
    def _build_info_tab(self) -> None:
        page = QWidget(self)
        self.info_form = QFormLayout(page)
        self.info_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.info_status = StatusLine(page)
        self.info_form.addRow(self.info_status)
        self.addTab(page, self.tr("Info"))

    def _build_streams_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.streams = QTableWidget(0, 5, page)
        self.streams.setHorizontalHeaderLabels(
            [self.tr("Format"), self.tr("Definition"), self.tr("Size"), self.tr("Job ID"), self.tr("URL")]
        )
        self.streams.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.streams.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.streams.horizontalHeader().setStretchLastSection(True)
        self.streams.verticalHeader().hide()
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy URL"), page)
        self.play_button = QPushButton(self.tr("Preview"), page)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.play_button)
        buttons.addStretch(1)
        self.streams_status = StatusLine(page)
        layout.addWidget(self.streams, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.streams_status)
        self.copy_button.clicked.connect(self.copy_selected_url)
        self.play_button.clicked.connect(self.preview_selected)
        self.streams.doubleClicked.connect(self.preview_selected)
        self.addTab(page, self.tr("Play URLs"))

    def _build_source_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.source_form = QFormLayout()
        self.download_button = QPushButton(self.tr("Download source…"), page)
        self.download_progress = QProgressBar(page)
        self.download_progress.hide()
        self.source_status = StatusLine(page)
        layout.addLayout(self.source_form)
        layout.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.download_progress)
        layout.addWidget(self.source_status)
        layout.addStretch(1)
        self.download_button.clicked.connect(self.choose_download)
        self.addTab(page, self.tr("Source file"))

    def _build_snapshots_tab(self) -> None:
        self.snapshots = QListWidget(self)
        self.snapshots.setWordWrap(True)
        self.addTab(self.snapshots, self.tr("Snapshots"))

    # ---- loading ------------------------------------------------------------------------------
    def set_client(self, client: Any, account: Account | None) -> None:
        self.client = client
        self.account = account

    def show_item(self, item: Any, search_type: SearchType) -> None:
        self._token += 1
        self.item, self.play_info, self.mezzanine = item, None, None
        self._clear()
        is_video = search_type in (SearchType.VIDEO, SearchType.AUDIO)
        for index in range(1, self.count()):
            self.setTabEnabled(index, item is not None and is_video)
        if item is None:
            self.info_status.show_info(self.tr("Select one asset to see its details."))
            return
        self._fill_info(item, {})
        if self.client is None:
            return
        token, asset_id, client = self._token, media_id(item), self.client
        # The calls capture the client, never ``self``: a widget must not be finalised off the GUI thread.
        if search_type is SearchType.IMAGE:
            self._load(token, lambda: client.get_image_info(asset_id), self._on_image, self.info_status)
            return
        if not is_video:
            return
        self._load(token, lambda: client.get_video_info(asset_id), self._on_video, self.info_status)
        self._load(token, lambda: client.get_play_info(asset_id), self._on_play_info, self.streams_status)
        self._load(token, lambda: client.get_mezzanine_info(asset_id), self._on_mezzanine, self.source_status)

    def reload(self, search_type: SearchType) -> None:
        self.show_item(self.item, search_type)

    def _load(self, token: int, call: Any, done: Any, status: StatusLine) -> None:
        def on_done(result: Any) -> None:
            if token == self._token:
                done(result)

        def on_error(error: BaseException) -> None:
            if token == self._token:
                status.show_error(describe_error(error))

        run_in_background(call, on_done, on_error, owner=self)

    def _clear(self) -> None:
        while self.info_form.rowCount() > 1:
            self.info_form.removeRow(1)
        while self.source_form.rowCount():
            self.source_form.removeRow(0)
        self.streams.setRowCount(0)
        self.snapshots.clear()
        for status in (self.info_status, self.streams_status, self.source_status):
            status.show_info("")
        self.preview.clear()
        self.download_button.setEnabled(False)

    def _fill_info(self, data: Any, _extra: dict[str, str]) -> None:
        while self.info_form.rowCount() > 1:
            self.info_form.removeRow(1)
        duration = as_float(pick(data, "duration", "Duration", default=0))
        size = as_int(pick(data, "size", "Size", "file_size", default=0))
        rows = [
            (self.tr("Title"), str(pick(data, "title", "Title"))),
            (self.tr("ID"), media_id(data)),
            (self.tr("Status"), str(pick(data, "status", "Status"))),
            (self.tr("Description"), str(pick(data, "description", "Description"))),
            (self.tr("Tags"), tags_text(pick(data, "tags", "Tags"))),
            (self.tr("Category"), str(pick(data, "cate_name", "CateName"))),
            (self.tr("Duration"), format_duration(duration) if duration else "–"),
            (self.tr("Size"), format_bytes(size) if size else "–"),
            (self.tr("Created"), local_text(pick(data, "creation_time", "CreationTime"))),
            (self.tr("Modified"), local_text(pick(data, "modification_time", "ModificationTime"))),
            (self.tr("Storage"), str(pick(data, "storage_location", "StorageLocation"))),
            (self.tr("Cover URL"), str(pick(data, "cover_url", "CoverURL", "url", "URL"))),
        ]
        for label, value in rows:
            field = QLabel(value or "–", self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_form.addRow(label, field)

    def _on_video(self, video: Any) -> None:
        self._fill_info(video, {})
        self.snapshots.clear()
        self.snapshots.addItems([str(s) for s in pick(video, "snapshots", default=[]) or []])
        if self.snapshots.count() == 0:
            self.snapshots.addItem(self.tr("No snapshots."))

    def _on_image(self, image: Any) -> None:
        self._fill_info(image, {})

    def _on_play_info(self, info: Any) -> None:
        self.play_info = info
        streams = list(pick(info, "streams", default=[]) or [])
        self.streams.setRowCount(len(streams))
        for row, stream in enumerate(streams):
            size = as_int(pick(stream, "size", default=0))
            values = [
                str(pick(stream, "format")),
                str(pick(stream, "definition")),
                format_bytes(size) if size else "–",
                str(pick(stream, "job_id")),
                str(pick(stream, "play_url")),
            ]
            for column, value in enumerate(values):
                self.streams.setItem(row, column, QTableWidgetItem(value))
        self.streams.resizeColumnsToContents()
        if streams:
            self.streams.selectRow(0)
        else:
            self.streams_status.show_info(self.tr("No streams yet."))

    def _on_mezzanine(self, mezz: Any) -> None:
        self.mezzanine = mezz
        size = as_int(pick(mezz, "size", default=0))
        resolution = f"{pick(mezz, 'width', default=0)} × {pick(mezz, 'height', default=0)}"
        for label, value in (
            (self.tr("File name"), str(pick(mezz, "file_name"))),
            (self.tr("Size"), format_bytes(size) if size else "–"),
            (self.tr("Resolution"), resolution),
            (self.tr("Status"), str(pick(mezz, "status"))),
        ):
            self.source_form.addRow(label, QLabel(value or "–", self))
        self.download_button.setEnabled(bool(pick(mezz, "file_url")))

    # ---- actions ------------------------------------------------------------------------------
    def stream_urls(self) -> list[str]:
        return [str(pick(s, "play_url")) for s in pick(self.play_info, "streams", default=[]) or []]

    def selected_url(self) -> str:
        row = self.streams.currentRow()
        cell = self.streams.item(row, 4) if row >= 0 else None
        return cell.text() if cell else ""

    def copy_selected_url(self) -> None:
        url = self.selected_url()
        if url:
            QGuiApplication.clipboard().setText(url)
            self.streams_status.show_info(self.tr("Copied."))

    def playable(self) -> bool:
        """Only ``Normal`` videos play (GetPlayInfo answers Forbidden.IllegalStatus otherwise)."""
        base = pick(self.play_info, "video_base", default=None)
        return base is not None and str(pick(base, "status")) == "Normal" and bool(self.selected_url())

    def _on_tab(self, index: int) -> None:
        if self.widget(index) is self.preview and self.playable() and not self.preview.has_source():
            self.preview.load(self.selected_url())

    def preview_selected(self) -> None:
        if not self.playable():
            self.preview.clear(self.tr("Only videos in the Normal state can be previewed."))
            self.setCurrentWidget(self.preview)
            return
        self.preview.load(self.selected_url())
        self.setCurrentWidget(self.preview)
        self.preview.toggle()

    def choose_download(self) -> None:
        name = str(pick(self.mezzanine, "file_name")) or "source"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Download source file"), name)
        if path:
            self.start_download(Path(path))

    def start_download(self, target: Path) -> ProgressTask:
        """Download the source file to ``target`` in the background, with progress."""
        url, proxy = str(pick(self.mezzanine, "file_url")), self.account.proxy if self.account else None
        task = ProgressTask(lambda report, cancel: download_to(url, target, proxy, report, cancel), self)
        task.progressed.connect(self._on_download_progress)
        task.finished.connect(self._on_download_done)
        task.failed.connect(self._on_download_failed)
        self.download = task
        self.download_progress.setRange(0, 0)
        self.download_progress.show()
        self.download_button.setEnabled(False)
        task.start()
        return task

    def _on_download_progress(self, done: int, total: int) -> None:
        if total:
            self.download_progress.setRange(0, 1000)
            self.download_progress.setValue(int(done * 1000 / total))
        self.download_progress.setFormat(format_bytes(done))

    def _on_download_done(self, path: Path) -> None:
        self.download_progress.hide()
        self.download_button.setEnabled(True)
        self.source_status.show_info(self.tr("Saved to %1").replace("%1", str(path)))

    def _on_download_failed(self, error: BaseException) -> None:
        self.download_progress.hide()
        self.download_button.setEnabled(True)
        self.source_status.show_error(describe_error(error))
