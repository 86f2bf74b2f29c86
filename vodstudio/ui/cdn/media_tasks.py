"""Refreshes and prefetches by video (RefreshMediaPlayUrls): each video's result in the Tasks view."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from vodstudio.core.cdn import CdnTaskStatus
from vodstudio.services.models import MediaRefreshOutcome
from vodstudio.ui.errors_text import error_sentence
from vodstudio.ui.theme import Tone, tone

COLUMNS = 5


class MediaTasksTable(QTableWidget):
    """One row per video of the recent jobs: status, URLs done and failed, the job id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Video ID"),
                self.tr("Status"),
                self.tr("URLs done"),
                self.tr("URLs failed"),
                self.tr("Job ID"),
            ]
        )
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outcomes: list[MediaRefreshOutcome] = []

    def status_text(self, status: CdnTaskStatus) -> str:
        return {
            CdnTaskStatus.PENDING: self.tr("Pending"),
            CdnTaskStatus.RUNNING: self.tr("In progress"),
            CdnTaskStatus.SUCCEEDED: self.tr("Done"),
            CdnTaskStatus.FAILED: self.tr("Failed"),
        }.get(status, self.tr("Unknown"))

    def show_outcomes(self, outcomes: list[MediaRefreshOutcome]) -> None:
        self.outcomes = outcomes
        self.setRowCount(len(outcomes))
        palette = QApplication.palette()
        for row, outcome in enumerate(outcomes):
            cells = [
                outcome.media_id,
                self.status_text(outcome.status),
                str(len(outcome.succeeded_urls)),
                str(len(outcome.failed_urls)),
                outcome.job_id,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1 and outcome.status in (CdnTaskStatus.FAILED, CdnTaskStatus.SUCCEEDED):
                    kind = Tone.ERROR if outcome.status is CdnTaskStatus.FAILED else Tone.SUCCESS
                    item.setForeground(tone(kind, palette))
                if outcome.error_code:
                    item.setToolTip(error_sentence(outcome.error_code, outcome.error_message))
                elif column == 3 and outcome.failed_urls:
                    item.setToolTip("\n".join(outcome.failed_urls))
                self.setItem(row, column, item)

    def in_progress(self) -> bool:
        return any(not outcome.status.finished for outcome in self.outcomes)
