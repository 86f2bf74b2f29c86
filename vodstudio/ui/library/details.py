"""The details pane: GetVideoInfo fields, play URLs, the source file (download), snapshots and a preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.assets import Asset
from vodstudio.core.errors import CancelledError
from vodstudio.core.match_builder import SearchType
from vodstudio.core.units import format_duration
from vodstudio.services.library import LibraryService, asset_of
from vodstudio.services.models import Mezzanine, PlayInfo, Video
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error, status_text
from vodstudio.ui.library.fields import local_text
from vodstudio.ui.library.preview import PreviewPlayer
from vodstudio.ui.localized import size_text
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.files import save_file
from vodstudio.ui.widgets.progress_task import ProgressTask


class DetailsPane(QTabWidget):
    """Shows one asset. Each tab loads in the background; a newer selection wins over older answers."""

    def __init__(
        self, library: LibraryService, settings: SettingsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.account: Account | None = None
        self.item: Asset | None = None
        self.play_info: PlayInfo | None = None
        self.mezzanine: Mezzanine | None = None
        self._token = 0
        self.download: ProgressTask | None = None
        self._build_info_tab()
        self._build_streams_tab()
        self._build_source_tab()
        self._build_snapshots_tab()
        self.preview = PreviewPlayer(self)
        self.addTab(self.preview, self.tr("Preview"))
        self.currentChanged.connect(self._on_tab)
        self.show_item(None)

    # ---- tabs ---------------------------------------------------------------------------------
    def _scrolling(self, page: QWidget) -> QScrollArea:
        """A tab that scrolls when the pane is short (a small window) instead of squashing its rows."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _build_info_tab(self) -> None:
        page = QWidget()
        self.info_form = QFormLayout(page)
        self.info_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.info_status = StatusLine(page)
        self.info_form.addRow(self.info_status)
        self.addTab(self._scrolling(page), self.tr("Info"))

    def _build_streams_tab(self) -> None:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.streams = QTableWidget(0, 5, page)
        self.streams.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
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
        page = QWidget()
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
        self.addTab(self._scrolling(page), self.tr("Source file"))

    def _build_snapshots_tab(self) -> None:
        self.snapshots = QListWidget(self)
        self.snapshots.setWordWrap(True)
        self.addTab(self.snapshots, self.tr("Snapshots"))

    # ---- loading ------------------------------------------------------------------------------
    def set_account(self, account: Account | None) -> None:
        """A new account shows nothing of the previous one's asset."""
        self.account = account
        self.show_item(None)

    def show_item(self, item: Asset | None) -> None:
        self._token += 1
        self.item, self.play_info, self.mezzanine = item, None, None
        self._clear()
        is_video = item is not None and item.is_playable_kind
        for index in range(1, self.count()):
            self.setTabEnabled(index, is_video)
        if item is None:
            self.info_status.show_info(self.tr("Select one asset to see its details."))
            return
        self._fill_info(item)
        if self.account is None:
            return
        # The calls capture the service and plain values, never ``self``: a widget must not be
        # finalised off the GUI thread.
        token, asset_id, library, name = self._token, item.asset_id, self.library, self.account.name
        if item.kind is SearchType.IMAGE:
            self._load(token, lambda: library.asset(name, SearchType.IMAGE, asset_id), self._on_image)
            return
        if not is_video:
            return
        self._load(token, lambda: library.video(name, asset_id), self._on_video)
        self._load(token, lambda: library.play_info(name, asset_id), self._on_play_info, self.streams_status)
        self._load(token, lambda: library.source(name, asset_id), self._on_mezzanine, self.source_status)

    def reload(self) -> None:
        self.show_item(self.item)

    def _load(
        self,
        token: int,
        call: Callable[[], Any],
        done: Callable[[Any], None],
        status: StatusLine | None = None,
    ) -> None:
        line = status or self.info_status

        def on_done(result: Any) -> None:
            if token == self._token:
                done(result)

        def on_error(error: BaseException) -> None:
            if token == self._token:
                line.show_error(describe_error(error))

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

    def _fill_info(self, asset: Asset) -> None:
        while self.info_form.rowCount() > 1:
            self.info_form.removeRow(1)
        rows = [
            (self.tr("Title"), asset.title),
            (self.tr("ID"), asset.asset_id),
            (self.tr("Status"), status_text(asset.status)),
            (self.tr("Description"), asset.description),
            (self.tr("Tags"), ", ".join(asset.tags)),
            (self.tr("Category"), asset.cate_name),
            (self.tr("Duration"), format_duration(asset.duration) if asset.duration else "–"),
            (self.tr("Size"), size_text(asset.size) if asset.size else "–"),
            (self.tr("Created"), local_text(asset.created)),
            (self.tr("Modified"), local_text(asset.modified)),
            (self.tr("Storage"), asset.storage_location),
            (self.tr("Cover URL"), asset.cover_url),
        ]
        for label, value in rows:
            field = QLabel(value or "–", self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info_form.addRow(label, field)

    def _on_video(self, video: Video) -> None:
        self._fill_info(asset_of(video, self.item.kind if self.item else SearchType.VIDEO))
        self.snapshots.clear()
        self.snapshots.addItems([str(s) for s in video.snapshots])
        if self.snapshots.count() == 0:
            self.snapshots.addItem(self.tr("No snapshots."))

    def _on_image(self, image: Asset) -> None:
        self._fill_info(image)

    def _on_play_info(self, info: PlayInfo) -> None:
        self.play_info = info
        self.streams.setRowCount(len(info.streams))
        for row, stream in enumerate(info.streams):
            values = [
                stream.format,
                stream.definition,
                size_text(stream.size) if stream.size else "–",
                stream.job_id,
                stream.play_url,
            ]
            for column, value in enumerate(values):
                self.streams.setItem(row, column, QTableWidgetItem(value))
        self.streams.resizeColumnsToContents()
        if info.streams:
            self.streams.selectRow(0)
        else:
            self.streams_status.show_info(self.tr("No streams yet."))

    def _on_mezzanine(self, mezz: Mezzanine) -> None:
        self.mezzanine = mezz
        for label, value in (
            (self.tr("File name"), mezz.file_name),
            (self.tr("Size"), size_text(mezz.size) if mezz.size else "–"),
            (self.tr("Resolution"), f"{mezz.width} × {mezz.height}"),
            (self.tr("Status"), mezz.status),
        ):
            self.source_form.addRow(label, QLabel(value or "–", self))
        self.download_button.setEnabled(bool(mezz.file_url))

    # ---- actions ------------------------------------------------------------------------------
    def stream_urls(self) -> list[str]:
        return [s.play_url for s in self.play_info.streams] if self.play_info else []

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
        info = self.play_info
        return info is not None and info.video_base.status == "Normal" and bool(self.selected_url())

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
        name = (self.mezzanine.file_name if self.mezzanine else "") or "source"
        path = save_file(self, self.settings, self.tr("Download source file"), name)
        if path is not None:
            self.start_download(path)

    def start_download(self, target: Path) -> ProgressTask | None:
        """Download the source file to ``target`` in the background, with progress."""
        if self.account is None or self.item is None:
            return None
        library, name, video_id = self.library, self.account.name, self.item.asset_id
        task = ProgressTask(
            lambda report, cancel: library.download_source(
                name, video_id, target, progress=report, cancel=cancel
            ),
            self,
        )
        task.progressed.connect(self._on_download_progress)
        task.finished.connect(self._on_download_done)
        task.failed.connect(self._on_download_failed)
        self.download = task
        self.download_progress.setRange(0, 0)
        self.download_progress.show()
        if self.download_button.hasFocus():  # a disabled button would pass focus down the chain
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.download_button.setEnabled(False)
        task.start()
        return task

    def _on_download_progress(self, done: int, total: int) -> None:
        if total:
            self.download_progress.setRange(0, 1000)
            self.download_progress.setValue(int(done * 1000 / total))
        self.download_progress.setFormat(size_text(done))

    def _on_download_done(self, path: Path) -> None:
        self.download_progress.hide()
        self.download_button.setEnabled(True)
        self.source_status.show_info(self.tr("Saved to %1").replace("%1", str(path)))

    def _on_download_failed(self, error: BaseException) -> None:
        self.download_progress.hide()
        self.download_button.setEnabled(True)
        if isinstance(error, CancelledError):
            self.source_status.show_info(self.tr("Download cancelled."))
        else:
            self.source_status.show_error(describe_error(error))
