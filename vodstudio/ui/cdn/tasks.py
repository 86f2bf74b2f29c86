"""The CDN task list: live status (polled while anything is in progress), waiting items, filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.cdn import CdnTask, CdnTaskKind, CdnTaskStatus
from vodstudio.services.cdn import CdnDeskSession, TaskList
from vodstudio.services.models import MediaRefreshOutcome
from vodstudio.services.providers import Capability
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.cdn.media_tasks import MediaTasksTable
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import date_time_text, number_text, sentences
from vodstudio.ui.theme import Tone, tone
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.flow import FlowLayout

WAITING = "waiting"  # a deferred item: not a service status, shown in the same list
POLL_MS = 2000
MEDIA_JOBS = 10  # the most recent refreshes by video shown with their per-video results


def kind_label(kind: CdnTaskKind | None) -> str:
    return (
        {
            CdnTaskKind.REFRESH_URL: QCoreApplication.translate("CdnTasks", "Refresh URL"),
            CdnTaskKind.REFRESH_DIR: QCoreApplication.translate("CdnTasks", "Refresh directory"),
            CdnTaskKind.PREFETCH: QCoreApplication.translate("CdnTasks", "Prefetch"),
        }.get(kind, QCoreApplication.translate("CdnTasks", "Unknown"))
        if kind
        else QCoreApplication.translate("CdnTasks", "Unknown")
    )


def status_label(status: str) -> str:
    return {
        CdnTaskStatus.PENDING.value: QCoreApplication.translate("CdnTasks", "Pending"),
        CdnTaskStatus.RUNNING.value: QCoreApplication.translate("CdnTasks", "In progress"),
        CdnTaskStatus.SUCCEEDED.value: QCoreApplication.translate("CdnTasks", "Done"),
        CdnTaskStatus.FAILED.value: QCoreApplication.translate("CdnTasks", "Failed"),
        WAITING: QCoreApplication.translate("CdnTasks", "Waiting for quota"),
    }.get(status, QCoreApplication.translate("CdnTasks", "Unknown"))


class CdnTaskModel(QAbstractTableModel):
    """Rows are ``(kind, item, status, task_id, progress, created, description)``; filtered in place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Any, ...]] = []
        self._rows: list[tuple[Any, ...]] = []
        self.kind_filter: str | None = None
        self.status_filter: str | None = None
        self._headers = [
            self.tr("Type"),
            self.tr("URL / item"),
            self.tr("Status"),
            self.tr("Task ID"),
            self.tr("Progress"),
            self.tr("Created"),
            self.tr("Note"),
        ]

    def set_tasks(self, tasks: list[CdnTask], waiting: list[Any]) -> None:
        rows: list[tuple[Any, ...]] = [(p.kind, p.item, WAITING, "", None, p.created_at, "") for p in waiting]
        for t in tasks:
            rows.append((t.kind, t.item, t.status.value, t.task_id, t.progress, t.created_at, t.description))
        self._all = rows
        self.apply_filter()

    def apply_filter(self) -> None:
        self.beginResetModel()
        self._rows = [
            r
            for r in self._all
            if (self.kind_filter is None or (r[0] and r[0].value == self.kind_filter))
            and (self.status_filter is None or r[2] == self.status_filter)
        ]
        self.endResetModel()

    def in_progress(self) -> bool:
        return any(r[2] in (CdnTaskStatus.PENDING.value, CdnTaskStatus.RUNNING.value) for r in self._all)

    def status_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self._all:
            counts[r[2]] = counts.get(r[2], 0) + 1
        return counts

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        kind, item, status, task_id, progress, created, note = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                kind_label(kind),
                item,
                status_label(status),
                task_id,
                f"{progress}%" if progress is not None else "",
                date_time_text(created, seconds=True) if created else "",
                note,
            ][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            tones = {
                CdnTaskStatus.FAILED.value: Tone.ERROR,
                CdnTaskStatus.SUCCEEDED.value: Tone.SUCCESS,
                WAITING: Tone.WARNING,
            }
            return tone(tones[status], QApplication.palette()) if status in tones else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item
        return None


class TasksPage(QWidget):
    """``reload()`` fetches statuses; a timer repeats it every 2 s while a task is in progress."""

    reloaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access: CdnDeskSession | None = None
        self.model = CdnTaskModel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("All types"), None)
        for kind in CdnTaskKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in (*(s.value for s in CdnTaskStatus if s is not CdnTaskStatus.UNKNOWN), WAITING):
            self.status_combo.addItem(status_label(status), status)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setColumnWidth(5, 150)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.status = StatusLine(self)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.reload)
        self._busy = False
        row = FlowLayout()  # wraps in a narrow window
        for widget in (self.kind_combo, self.status_combo, self.refresh_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.summary)
        self.media_table = MediaTasksTable(self)
        self.media_box = QGroupBox(self.tr("Refreshes and prefetches by video"), self)
        QVBoxLayout(self.media_box).addWidget(self.media_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.media_box)
        split.setChildrenCollapsible(False)
        self.table.setMinimumHeight(80)
        self.media_table.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.kind_combo.currentIndexChanged.connect(self._filter)
        self.status_combo.currentIndexChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.reload)

    def set_access(self, access: CdnDeskSession | None) -> None:
        self.access = access
        self.timer.stop()
        self.model.set_tasks([], [])
        self.media_table.show_outcomes([])
        self.media_box.setVisible(access is not None and access.supports(Capability.CDN_MEDIA))
        if access is not None:
            self.reload()

    def _filter(self) -> None:
        self.model.kind_filter = self.kind_combo.currentData()
        self.model.status_filter = self.status_combo.currentData()
        self.model.apply_filter()

    def reload(self) -> None:
        access = self.access
        if access is None or self._busy:
            return
        self._busy = True

        def load() -> tuple[TaskList, list[MediaRefreshOutcome]]:
            # The service lists recent tasks where it can (any tool's); else the ones sent from here.
            listing = access.tasks()
            if not access.supports(Capability.CDN_MEDIA):
                return listing, []
            jobs = access.media_jobs(limit=MEDIA_JOBS)
            return listing, access.media_outcomes([job.submission for job in jobs]) if jobs else []

        run_in_background(load, self._on_loaded, self._on_failed, owner=self)

    def _on_loaded(self, result: tuple[TaskList, list[MediaRefreshOutcome]]) -> None:
        self._busy = False
        listing, outcomes = result
        self.media_table.show_outcomes(outcomes)
        self.model.set_tasks(listing.tasks, listing.waiting)
        self.last_listing = listing
        counts = self.model.status_counts()
        text = (
            self.tr("%1 in progress · %2 done · %3 failed · %4 waiting")
            .replace("%1", str(counts.get("pending", 0) + counts.get("running", 0)))
            .replace("%2", str(counts.get("succeeded", 0)))
            .replace("%3", str(counts.get("failed", 0)))
            .replace("%4", str(counts.get(WAITING, 0)))
        )
        if listing.total > len(listing.tasks):  # the counts are of what is shown, and it says so
            shown = self.tr("Newest %1 of %2 tasks:").replace("%1", number_text(len(listing.tasks)))
            text = sentences(shown.replace("%2", number_text(listing.total)), text)
        self.summary.setText(text)
        empty = not listing.tasks and not listing.waiting
        self.status.show_info(self.tr("No CDN tasks in the last 3 days.") if empty else "")
        if self.model.in_progress() or self.media_table.in_progress():
            self.timer.start()
        self.reloaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self.status.show_error(describe_error(error))
        self.reloaded.emit()
