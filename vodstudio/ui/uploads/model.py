"""A virtual table over the durable queue: rows are read in pages from ``QueueDb``, never held all at once."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from vodstudio.core.jobs import JobProgress, JobState, JobStateChanged, UploadJob
from vodstudio.core.playback import Playback, PlayState
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import error_sentence
from vodstudio.ui.theme import Tone, tone
from vodstudio.ui.uploads.format import human_eta, human_rate, human_size

log = logging.getLogger(__name__)

PAGE_SIZE = 200
CACHE_PAGES = 16  # ~3,200 rows: a few screens either side of the viewport
# Pages up to here are read on the GUI thread (a few ms each); deeper ones, where SQLite's OFFSET walk
# costs 10-25 ms at a million jobs, are read by the queue's worker while the rows show "…".
SYNC_ROWS = 20_000
PENDING_TEXT = "…"

ProgressRole = Qt.ItemDataRole.UserRole + 1  # float 0..1 for the delegate
JobRole = Qt.ItemDataRole.UserRole + 2  # the UploadJob of the row
JobIdRole = Qt.ItemDataRole.UserRole + 3

_ModelIndex = QModelIndex | QPersistentModelIndex
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ProgressRole,
        JobRole,
        JobIdRole,
    )
)


class QueueSource(Protocol):
    """What the model needs from ``QueueDb`` (in queue order)."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> list[UploadJob]: ...


def state_text(state: JobState) -> str:
    names = {
        JobState.QUEUED: QCoreApplication.translate("QueueTableModel", "Queued"),
        JobState.PREPARING: QCoreApplication.translate("QueueTableModel", "Preparing"),
        JobState.UPLOADING: QCoreApplication.translate("QueueTableModel", "Uploading"),
        JobState.VERIFYING: QCoreApplication.translate("QueueTableModel", "Verifying"),
        JobState.PAUSED: QCoreApplication.translate("QueueTableModel", "Paused"),
        JobState.CANCELLING: QCoreApplication.translate("QueueTableModel", "Cancelling"),
        JobState.DONE: QCoreApplication.translate("QueueTableModel", "Done"),
        JobState.FAILED: QCoreApplication.translate("QueueTableModel", "Failed"),
        JobState.CANCELLED: QCoreApplication.translate("QueueTableModel", "Cancelled"),
    }
    return names.get(state, str(state))


def play_text(state: PlayState) -> str:
    """What a done upload is on the server, in the queue's and the library's words."""
    names = {
        PlayState.WAITING: QCoreApplication.translate("QueueTableModel", "Uploaded — waiting to transcode"),
        PlayState.TRANSCODING: QCoreApplication.translate("QueueTableModel", "Uploaded — transcoding"),
        PlayState.PLAYABLE: QCoreApplication.translate("QueueTableModel", "Playable"),
        PlayState.TRANSCODE_FAILED: QCoreApplication.translate("QueueTableModel", "Transcode failed"),
        PlayState.UPLOAD_FAILED: QCoreApplication.translate("QueueTableModel", "Upload failed on the server"),
        PlayState.BLOCKED: QCoreApplication.translate("QueueTableModel", "Blocked"),
        PlayState.GONE: QCoreApplication.translate("QueueTableModel", "Deleted on the server"),
        PlayState.UNKNOWN: QCoreApplication.translate("QueueTableModel", "Unknown state"),
    }
    return names[state]


PlaySource = Callable[[Iterable[int]], dict[int, Playback]]


class QueueTableModel(QAbstractTableModel):
    """Rows come from ``source.page`` through a small LRU page cache; live progress is overlaid.

    Repaints are driven by the bridge's coalesced signals (~5 per second), never per chunk.
    """

    COLUMNS = ("name", "progress", "state", "playback", "size", "speed", "eta", "media_id", "error")

    def __init__(self, source: QueueSource, parent: Any = None, *, plays: PlaySource | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._plays_of = plays  # the server state of done uploads, read with each page
        self._plays: dict[int, Playback] = {}
        self._count = source.count()
        self._pages: OrderedDict[int, list[UploadJob]] = OrderedDict()
        self._pending: set[int] = set()  # deep pages being read in the background
        self._generation = 0  # bumped by reload(): answers read before it are stale
        self._progress: dict[int, JobProgress] = {}
        self._headers = {
            "name": self.tr("Name"),
            "progress": self.tr("Progress"),
            "state": self.tr("State"),
            "playback": self.tr("On the server"),
            "size": self.tr("Size"),
            "speed": self.tr("Speed"),
            "eta": self.tr("Remaining"),
            "media_id": self.tr("Media ID"),
            "error": self.tr("Error"),
        }
        self.page_loads = 0  # tests and the benchmark read it

    # ---------------------------------------------------------------- Qt model API
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def job_at(self, row: int) -> UploadJob | None:
        """The job of ``row``, or None while its page is being read in the background (deep rows)."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            if number * PAGE_SIZE >= SYNC_ROWS:
                self._request(number)
                return None
            page, plays = self._read_page(number)
            self._keep(number, page, plays)
        else:
            self._pages.move_to_end(number)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def is_pending(self, row: int) -> bool:
        return 0 <= row < self._count and (row // PAGE_SIZE) in self._pending

    def _read_page(self, number: int) -> tuple[list[UploadJob], dict[int, Playback]]:
        """One page and the server state of its done uploads (any thread: both are SQLite reads)."""
        page = self._source.page(number * PAGE_SIZE, PAGE_SIZE)
        plays = self._plays_of(j.id for j in page if j.state is JobState.DONE) if self._plays_of else {}
        return page, plays

    def _keep(self, number: int, page: list[UploadJob], plays: dict[int, Playback]) -> None:
        self.page_loads += 1
        self._plays.update(plays)
        self._pages[number] = page
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)

    def _request(self, number: int) -> None:
        if number in self._pending:
            return
        self._pending.add(number)
        generation = self._generation
        run_in_background(
            lambda: self._read_page(number),
            lambda result: self._arrived(number, generation, result),
            lambda error: self._read_failed(number, generation, error),
            owner=self,
            ordered=True,  # the queue's own worker: never behind a network call
        )

    def _arrived(
        self, number: int, generation: int, result: tuple[list[UploadJob], dict[int, Playback]]
    ) -> None:
        if generation != self._generation:
            return  # read before a reload: the rows may have moved; a repaint asks again
        self._pending.discard(number)
        self._keep(number, *result)
        first = number * PAGE_SIZE
        last = min(first + PAGE_SIZE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def _read_failed(self, number: int, generation: int, error: BaseException) -> None:
        log.warning("reading queue rows %d+ failed: %s", number * PAGE_SIZE, error)
        if generation == self._generation:
            self._pending.discard(number)  # the rows stay "…"; the next reload or repaint tries again

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~8 roles per cell per paint (font, decoration, check state, ...): answering the
        # ones this model never sets before looking the row up halves the work of a repaint.
        if role not in _ROLES or not index.isValid():
            return None
        job = self.job_at(index.row())
        column = self.COLUMNS[index.column()]
        if job is None:
            pending = (
                role == Qt.ItemDataRole.DisplayRole and column == "name" and self.is_pending(index.row())
            )
            return PENDING_TEXT if pending else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, column)
        if role == ProgressRole:
            return self._fraction(job)
        if role == JobRole:
            return job
        if role == JobIdRole:
            return job.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "error" or (column == "state" and job.error_code):
                return error_sentence(job.error_code, job.error_message, job.request_id)
            if column == "name":
                return job.path
        if role == Qt.ItemDataRole.ForegroundRole and column in ("state", "error"):
            if job.state is JobState.FAILED:
                return QBrush(tone(Tone.ERROR, QApplication.palette()))
            if job.state is JobState.DONE and column == "state":
                return QBrush(tone(Tone.SUCCESS, QApplication.palette()))
        if role == Qt.ItemDataRole.ForegroundRole and column == "playback" and job.id in self._plays:
            play = self._plays[job.id].state
            if play.is_failure:
                return QBrush(tone(Tone.ERROR, QApplication.palette()))
            if play is PlayState.PLAYABLE:
                return QBrush(tone(Tone.SUCCESS, QApplication.palette()))
            if job.state in (JobState.PAUSED, JobState.CANCELLED):
                return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("size", "speed", "eta"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _live(self, job: UploadJob) -> JobProgress | None:
        live = self._progress.get(job.id)
        return live if live is not None and not job.state.is_final else None

    def _fraction(self, job: UploadJob) -> float:
        if job.state is JobState.DONE:
            return 1.0
        live = self._live(job)
        done, total = (live.bytes_done, live.bytes_total) if live else (job.bytes_done, job.size)
        return min(1.0, done / total) if total > 0 else 0.0

    def _display(self, job: UploadJob, column: str) -> Any:
        live = self._live(job)
        moving = live is not None and job.state in (JobState.UPLOADING, JobState.PREPARING)
        if column == "name":
            return job.title or job.file_name
        if column == "progress":
            return f"{self._fraction(job) * 100:.0f} %"
        if column == "state":
            return state_text(job.state)
        if column == "playback":
            play = self._plays.get(job.id)
            return play_text(play.state) if play is not None and job.state is JobState.DONE else ""
        if column == "size":
            return human_size(job.size) if job.size else ""
        if column == "speed":
            return human_rate(live.speed_bps) if moving and live else ""
        if column == "eta":
            return human_eta(live.eta_s) if moving and live else ""
        if column == "media_id":
            return job.media_id
        if column == "error":
            return error_sentence(job.error_code, job.error_message, job.request_id)
        return None

    # ---------------------------------------------------------------- updates from the bridge
    @Slot(object)
    def apply_progress(self, progress: dict[int, JobProgress]) -> None:
        """Overlay live progress; repaint only rows that are in the cache (others are off-screen)."""
        self._progress.update(progress)
        rows = self._cached_rows(set(progress))
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.COLUMNS) - 1))

    @Slot(object)
    def apply_states(self, changes: list[JobStateChanged]) -> None:
        """A state change may move data the overlay cannot know (errors, media id): re-read pages."""
        for change in changes:
            if not change.state.is_active or change.state is JobState.CANCELLING:
                self._progress.pop(change.job_id, None)
        self.reload()

    def set_play_source(self, plays: PlaySource) -> None:
        self._plays_of = plays
        self.reload()

    @Slot(object)
    def apply_playback(self, changes: list[Playback]) -> None:
        """New server states from the playback poll (a worker read them; this is the GUI thread)."""
        for item in changes:
            self._plays[item.job_id] = item
        rows = self._cached_rows({item.job_id for item in changes})
        column = self.COLUMNS.index("playback")
        if rows:
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))

    def playback_of(self, job_id: int) -> Playback | None:
        return self._plays.get(job_id)

    @Slot()
    def reload(self) -> None:
        """Drop the page cache and re-count; the view re-reads only what it shows."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        count = self._source.count()
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.COLUMNS) - 1))

    def _cached_rows(self, job_ids: set[int]) -> list[int]:
        rows = []
        for number, page in self._pages.items():
            for offset, job in enumerate(page):
                if job.id in job_ids:
                    rows.append(number * PAGE_SIZE + offset)
        return rows

    def live_speed(self) -> tuple[int, float]:
        """(jobs moving bytes, their summed speed) from the overlay, for the status bar."""
        moving = [p for p in self._progress.values() if p.bytes_done < p.bytes_total]
        return len(moving), sum(p.speed_bps for p in moving)
