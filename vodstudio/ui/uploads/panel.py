"""The Uploads section: queue table, per-selection and global controls, limits, totals line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.jobs import (
    USED_AS_COVER,
    AddResult,
    JobMetadata,
    JobsAdded,
    JobState,
    JobStateChanged,
    Limits,
    QueueTotals,
    UploadJob,
)
from vodstudio.core.media_types import MediaClass
from vodstudio.services.library import LibraryService
from vodstudio.services.presets import PresetsService
from vodstudio.services.providers import Capability, supports
from vodstudio.services.settings import SettingsService
from vodstudio.services.uploads import UploadEngine, UploadsService
from vodstudio.ui.bridge import EngineBridge, run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import sentences
from vodstudio.ui.uploads.delegate import ProgressDelegate
from vodstudio.ui.uploads.empty import EmptyQueueView
from vodstudio.ui.uploads.format import human_size
from vodstudio.ui.uploads.model import JobIdRole, QueueTableModel
from vodstudio.ui.widgets import ask
from vodstudio.ui.widgets.files import open_files, open_folder
from vodstudio.ui.widgets.flow import FlowLayout

if TYPE_CHECKING:
    from vodstudio.services.schedule import ScheduleApplier
    from vodstudio.ui.uploads.intake import IntakeFlow
    from vodstudio.ui.uploads.metadata import MetadataSheet

log = logging.getLogger(__name__)

MEBIBYTE = 1024 * 1024


class QueuePanel(QWidget):
    """Everything about uploads. ``add_paths`` is what drops and the file dialogs end in."""

    activity_changed = Signal(int, int, float)  # jobs running, jobs waiting, total bytes/s
    batch_finished = Signal(int, int)  # done, failed in the batch that just ended
    jobs_added = Signal(object)  # AddResult

    def __init__(
        self,
        service: UploadsService,
        library: LibraryService,
        settings: SettingsService,
        engine: UploadEngine,
        bridge: EngineBridge,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.library = library
        self.settings = settings
        self.engine = engine
        self.account: Account | None = None
        self.pending_sheet: MetadataSheet | None = None  # the open sheet, if any (tests drive it)
        self.intake: IntakeFlow | None = None  # the duplicate check on the way in (ui/plays.py sets it)
        self.applier: ScheduleApplier | None = None  # the window's bandwidth schedule, if it follows one
        self.extra_menu_actions: list[QAction] = []  # added to the context menu by the window's wirings
        self.presets: PresetsService | None = None  # the sheet's presets (the main window sets it)
        self._batch: dict[int, JobState] | None = None  # latest state of each job of the running batch
        self._totals_busy = False
        self._totals_dirty = True
        self.last_totals: QueueTotals | None = None
        self.model = QueueTableModel(service.queue, self)
        bridge.progress_changed.connect(self.model.apply_progress)
        bridge.job_state_changed.connect(self.model.apply_states)
        bridge.job_state_changed.connect(self._count_batch)
        bridge.jobs_changed.connect(self._jobs_touched)
        bridge.jobs_added.connect(self._jobs_added)
        self._build()
        self._totals_timer = QTimer(self)
        self._totals_timer.setInterval(1000)
        self._totals_timer.timeout.connect(self._refresh_totals)
        self._totals_timer.start()
        self._refresh_totals()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self._build_toolbar())
        self.stack = QStackedWidget(self)
        self.table = QTableView(self.stack)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        # Our own reference: asking the view for it by pointer can hand back a stale wrapper after
        # other windows were destroyed (seen in the test suite as a QWidgetItem).
        self.selection = QItemSelectionModel(self.model, self.table)
        self.table.setSelectionModel(self.selection)
        self.table.setItemDelegateForColumn(
            QueueTableModel.COLUMNS.index("progress"), ProgressDelegate(self.table)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: the view never measures rows, so 100,000 rows cost nothing up front.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        widths = (240, 150, 90, 170, 80, 90, 80, 150, 180)
        for column, width in zip(QueueTableModel.COLUMNS, widths, strict=True):
            self.table.setColumnWidth(QueueTableModel.COLUMNS.index(column), width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.selection.selectionChanged.connect(self._update_buttons)
        self.stack.addWidget(self.table)
        self.empty_view = EmptyQueueView(self.stack)
        self.empty_view.add_files_clicked.connect(self.add_files_dialog)
        self.empty_view.add_folder_clicked.connect(self.add_folder_dialog)
        self.stack.addWidget(self.empty_view)
        layout.addWidget(self.stack, 1)
        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totalsLabel")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)  # its own line: long messages wrap instead of widening
        bottom = FlowLayout()  # totals and limits share a line, or wrap in a narrow window
        bottom.addWidget(self.totals_label)
        bottom.addStretch()
        bottom.addWidget(self._build_limits(self))
        layout.addLayout(bottom)
        self._show_empty_state_if_needed()
        self._update_buttons()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("queueToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        icon = self.style().standardIcon
        sp = QStyle.StandardPixmap

        def act(
            text: str, pixmap: QStyle.StandardPixmap | None, slot: Callable[[], None], tip: str = ""
        ) -> QAction:
            action = QAction(icon(pixmap) if pixmap is not None else QIcon(), text, self)
            action.triggered.connect(slot)
            action.setToolTip(tip or text)
            return action

        self.act_pause = act(
            self.tr("Pause"), sp.SP_MediaPause, lambda: self._on_selection(UploadEngine.pause)
        )
        self.act_resume = act(
            self.tr("Resume"), sp.SP_MediaPlay, lambda: self._on_selection(UploadEngine.resume)
        )
        self.act_cancel = act(self.tr("Cancel"), sp.SP_DialogCancelButton, self.cancel_selected)
        self.act_retry = act(
            self.tr("Retry"), sp.SP_BrowserReload, lambda: self._on_selection(UploadEngine.retry)
        )
        self.act_up = act(self.tr("Move Up"), sp.SP_ArrowUp, lambda: self.move_selected(-1))
        self.act_down = act(self.tr("Move Down"), sp.SP_ArrowDown, lambda: self.move_selected(1))
        self.act_up.setShortcut(QKeySequence("Ctrl+Up"))
        self.act_down.setShortcut(QKeySequence("Ctrl+Down"))
        self.act_next = act(
            self.tr("Upload Next"),
            None,
            self.upload_next,
            self.tr("Start the selected uploads before all others"),
        )
        self.act_next.setShortcut(QKeySequence("Ctrl+Shift+Up"))
        self.act_pause_all = act(self.tr("Pause All"), None, lambda: self._on_all(UploadEngine.pause_all))
        self.act_resume_all = act(self.tr("Resume All"), None, lambda: self._on_all(UploadEngine.resume_all))
        self.act_retry_failed = act(
            self.tr("Retry Failed"), None, lambda: self._on_all(UploadEngine.retry_failed)
        )
        for action in (self.act_pause, self.act_resume, self.act_cancel, self.act_retry):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_up)
        bar.addAction(self.act_down)
        bar.addSeparator()
        self.act_remove = act(self.tr("Remove"), sp.SP_TrashIcon, self.remove_selected)
        self.act_remove.setToolTip(self.tr("Take the selected finished uploads off the list"))
        self.act_clear = act(self.tr("Clear Finished"), None, self.clear_finished)
        self.act_clear.setToolTip(self.tr("Take every done and cancelled upload off the list"))
        for action in (self.act_pause_all, self.act_resume_all, self.act_retry_failed):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_remove)
        bar.addAction(self.act_clear)
        for action in (self.act_up, self.act_down, self.act_next):
            self.addAction(action)
        return bar

    def _build_limits(self, parent: QWidget) -> QWidget:
        limits = self.service.limits()
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.files_spin = QSpinBox(box)
        self.files_spin.setRange(1, 16)
        self.files_spin.setValue(limits.parallel_files)
        self.files_spin.setToolTip(self.tr("Files uploaded at the same time"))
        self.parts_spin = QSpinBox(box)
        self.parts_spin.setRange(1, 64)
        self.parts_spin.setValue(limits.parallel_parts)
        self.parts_spin.setToolTip(
            self.tr("At most this many connections: the app finds the number that fills your link")
        )
        self.limit_spin = QDoubleSpinBox(box)
        self.limit_spin.setRange(0.0, 10_000.0)
        self.limit_spin.setDecimals(1)
        self.limit_spin.setSingleStep(0.5)
        self.limit_spin.setSuffix(self.tr(" MB/s"))
        self.limit_spin.setSpecialValueText(self.tr("Unlimited"))
        self.limit_spin.setValue(limits.bandwidth_bps / MEBIBYTE)
        self.limit_spin.setToolTip(self.tr("Bandwidth limit for all uploads (0 = unlimited)"))
        for label, widget in (
            (self.tr("Files:"), self.files_spin),
            (self.tr("Connections:"), self.parts_spin),
            (self.tr("Limit:"), self.limit_spin),
        ):
            caption = QLabel(label, box)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            widget.editingFinished.connect(self.apply_limits)
        from vodstudio.ui.uploads.schedule_note import ScheduleNote

        self.schedule_note = ScheduleNote(lambda: self.applier, box)
        row.addWidget(self.schedule_note)
        return box

    # ---------------------------------------------------------------- account
    def set_account(self, account: Account | None) -> None:
        self.account = account
        self._update_buttons()

    def _can_add(self) -> bool:
        if self.account is None:
            QMessageBox.information(self, self.tr("Uploads"), self.tr("Add an account first."))
            return False
        if not supports(self.account, Capability.UPLOAD):
            QMessageBox.information(
                self,
                self.tr("Uploads"),
                self.tr("Uploads go to Alibaba Cloud VOD. Switch to an Alibaba Cloud account to upload."),
            )
            return False
        return True

    # ---------------------------------------------------------------- adding files
    @Slot()
    def add_files_dialog(self) -> None:
        if not self._can_add():
            return
        classes = (MediaClass.VIDEO, MediaClass.AUDIO, MediaClass.IMAGE, MediaClass.SUBTITLE)
        files = open_files(self, self.settings, self.tr("Add Files"), classes)
        if files:
            self.add_paths(files)

    @Slot()
    def add_folder_dialog(self) -> None:
        if not self._can_add():
            return
        folder = open_folder(self, self.settings, self.tr("Add Folder"))
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: Sequence[Path], *, ask: bool = True) -> None:
        """Ask for metadata (sheet, non-blocking), then queue the files off the GUI thread."""
        if not paths or not self._can_add():
            return
        if not ask:
            self.queue_paths(paths, JobMetadata(), include_all=self.service.defaults()[1])
            return
        from vodstudio.ui.uploads.metadata import MetadataSheet

        sheet = MetadataSheet(
            self.service, self.library, self.settings, self.account, list(paths), self, presets=self.presets
        )
        sheet.metadata_chosen.connect(self._sheet_done)
        sheet.finished.connect(self._sheet_closed)
        self.pending_sheet = sheet
        sheet.open()

    @Slot(object, object, bool)
    def _sheet_done(self, paths: list[Path], metadata: JobMetadata, include_all: bool) -> None:
        self.queue_paths(paths, metadata, include_all=include_all)

    @Slot()
    def _sheet_closed(self) -> None:
        self.pending_sheet = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # back where the user works, not the toolbar

    def queue_paths(self, paths: Sequence[Path], metadata: JobMetadata, *, include_all: bool) -> None:
        assert self.account is not None
        name, engine, paths = self.account.name, self.engine, list(paths)
        self.message_label.setText(self.tr("Adding %n item(s)…", "", len(paths)))
        if self.intake is not None:
            self.intake.start(name, paths, metadata, include_all=include_all)
            return
        run_in_background(
            lambda: engine.add_files(name, paths, metadata, recurse=True, include_all=include_all),
            self._added,
            self._show_error,
            owner=self,
        )

    @Slot(object)
    def show_added(self, result: AddResult) -> None:
        self._added(result)

    @Slot(object)
    def show_error(self, error: BaseException) -> None:
        self._show_error(error)

    def _added(self, result: AddResult) -> None:
        from vodstudio.ui.uploads.intake import duplicate_note, is_duplicate

        self.model.reload()
        self._show_empty_state_if_needed()
        self._totals_dirty = True
        text = self.tr("%n file(s) queued.", "", len(result.job_ids))
        covers = sum(1 for _path, reason in result.skipped if reason == USED_AS_COVER)
        unsent = [s for s in result.skipped if not is_duplicate(s[1]) and s[1] != USED_AS_COVER]
        if covers:  # the stills beside the videos went up as their covers (the same-stem rule)
            text = sentences(text, self.tr("%n image(s) used as covers.", "", covers))
        if unsent:
            text = sentences(
                text,
                self.tr(
                    "%n skipped (not media or unreadable) — tick “Include all files” to upload them anyway.",
                    "",
                    len(unsent),
                ),
            )
        if note := duplicate_note(result):
            text = sentences(text, note)
        self.message_label.setText(text)
        self.jobs_added.emit(result)

    def _show_error(self, error: BaseException) -> None:
        log.warning("uploads action failed: %s", error)
        self.message_label.setText(describe_error(error))

    # ---------------------------------------------------------------- per-selection and global actions
    def selected_job_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selection.selectedRows()})
        return [job_id for row in rows if (job_id := self.model.index(row, 0).data(JobIdRole)) is not None]

    def _on_selection(self, method: Callable[[UploadEngine, list[int]], None]) -> None:
        ids, engine = self.selected_job_ids(), self.engine
        if ids:
            self._engine_call(lambda: method(engine, ids))

    def _on_all(self, method: Callable[[UploadEngine], None]) -> None:
        engine = self.engine
        self._engine_call(lambda: method(engine))

    def _engine_call(self, fn: Callable[[], object]) -> None:
        # Engine calls write the queue DB (and cancel may call the cloud): keep them off the GUI thread.
        # Ordered: two quick moves land in the order made, and no slow network call is ahead of them.
        run_in_background(fn, lambda _r: self._after_change(), self._show_error, owner=self, ordered=True)

    def _after_change(self) -> None:
        self.model.reload()
        self._totals_dirty = True

    @Slot()
    def cancel_selected(self) -> None:
        ids = [job.id for job in self.selected_jobs() if not job.state.is_final]
        if ids and ask.confirm(
            self,
            self.tr("Cancel Uploads"),
            self.tr("Cancel %n upload(s)? Partly uploaded videos are deleted from the cloud.", "", len(ids)),
            self.tr("Cancel Uploads"),
            self.tr("Keep Uploading"),
        ):
            engine = self.engine
            self._engine_call(lambda: engine.cancel(ids))

    @Slot()
    def remove_selected(self) -> None:
        """Take the selected finished jobs off the list (nothing on the server changes)."""
        ids = [job.id for job in self.selected_jobs() if job.state.is_final]
        if ids:
            engine = self.engine
            self._engine_call(lambda: engine.remove(ids))

    @Slot()
    def clear_finished(self) -> None:
        engine = self.engine
        self._engine_call(engine.clear_finished)

    def delete_selected(self) -> None:
        """The Delete key: finished jobs leave the list; unfinished ones are cancelled (after asking)."""
        jobs = self.selected_jobs()
        if any(job.state.is_final for job in jobs):
            self.remove_selected()
        if any(not job.state.is_final for job in jobs):
            self.cancel_selected()

    def selected_jobs(self) -> list[UploadJob]:
        rows = sorted({index.row() for index in self.selection.selectedRows()})
        return [job for row in rows if (job := self.model.job_at(row)) is not None]

    @Slot()
    def upload_next(self) -> None:
        """The selected waiting jobs go ahead of every other (``vodstudio queue next`` does the same)."""
        ids, engine = self.selected_job_ids(), self.engine
        if ids:
            self._engine_call(lambda: engine.upload_next(ids))

    def move_selected(self, step: int) -> None:
        rows = sorted({index.row() for index in self.selection.selectedRows()})
        if len(rows) != 1:
            return
        row = rows[0]
        target = row - 1 if step < 0 else row + 2  # "move before the job now at target"
        if target < 0 or row + step >= self.model.rowCount():
            return
        if self.model.is_pending(row) or self.model.is_pending(target):
            return  # a deep row still being read: "before None" would send the job to the end
        job_id = self.model.index(row, 0).data(JobIdRole)
        before = self.model.index(target, 0).data(JobIdRole) if target < self.model.rowCount() else None
        self._engine_call(lambda: self.engine.move(job_id, before))
        # Not selectRow(): that reads the keyboard's modifiers, and Ctrl is held for Ctrl+Up/Down, so the
        # moved row would be toggled into a two-row selection and the next Ctrl+Down would do nothing.
        moved_to = self.model.index(row + step, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.selection.setCurrentIndex(moved_to, flags.ClearAndSelect | flags.Rows)

    @Slot()
    def apply_limits(self) -> None:
        limits = Limits(
            self.files_spin.value(), self.parts_spin.value(), round(self.limit_spin.value() * MEBIBYTE)
        )
        self.engine.set_limits(limits)
        if self.applier is not None:
            self.applier.poke()  # a schedule's hours keep their own limit; the rest take this one
        self.schedule_note.refresh()
        service = self.service
        run_in_background(lambda: service.save_limits(limits), None, self._show_error, owner=self)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.act_pause, self.act_resume, self.act_retry, self.act_cancel):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.act_next)
        menu.addAction(self.act_up)
        menu.addAction(self.act_down)
        menu.addSeparator()
        menu.addAction(self.act_remove)
        menu.addAction(self.act_clear)
        if self.extra_menu_actions:
            menu.addSeparator()
            for action in self.extra_menu_actions:
                menu.addAction(action)
        self.context_menu = menu  # tests trigger its actions
        menu.popup(self.table.viewport().mapToGlobal(pos))

    @Slot()
    def _update_buttons(self) -> None:
        has = self.selection.hasSelection() if hasattr(self, "selection") else False
        for action in (
            self.act_pause,
            self.act_resume,
            self.act_cancel,
            self.act_retry,
            self.act_up,
            self.act_down,
            self.act_next,
            self.act_remove,
            *self.extra_menu_actions,
        ):
            action.setEnabled(has)

    def refresh(self) -> None:
        self.model.reload()
        self._totals_dirty = True

    # ---------------------------------------------------------------- live state
    @Slot(object)
    def _count_batch(self, changes: list[JobStateChanged]) -> None:
        """A batch runs from the first job that starts until every job in it is final and nothing is
        pending. Counted from state events, because the database (totals) can be ahead of them."""
        for change in changes:
            if not change.state.is_final:
                if self._batch is None:
                    self._batch = {}
                self._batch[change.job_id] = change.state
            elif self._batch is not None and change.job_id in self._batch:
                self._batch[change.job_id] = change.state

    @Slot(object)
    def _jobs_touched(self, _ids: set[int]) -> None:
        self._totals_dirty = True
        self._emit_activity()

    def _emit_activity(self) -> None:
        """Running and waiting counts from the queue's totals (every job, not only the rows on screen),
        the speed from the live progress of jobs still moving."""
        totals = self.last_totals
        running = sum(totals.count(s) for s in JobState if s.is_active) if totals else 0
        waiting = totals.count(JobState.QUEUED) if totals else 0
        _, speed = self.model.live_speed()
        self.activity_changed.emit(running, waiting, speed if running else 0.0)

    @Slot(object)
    def _jobs_added(self, _event: JobsAdded) -> None:
        self.model.reload()
        self._show_empty_state_if_needed()
        self._totals_dirty = True

    def _show_empty_state_if_needed(self) -> None:
        self.stack.setCurrentIndex(0 if self.model.rowCount() else 1)

    @Slot()
    def _refresh_totals(self) -> None:
        if self._totals_busy or not self._totals_dirty:
            return
        self._totals_busy, self._totals_dirty = True, False
        engine = self.engine
        run_in_background(engine.totals, self._show_totals, self._totals_failed, owner=self, ordered=True)

    def _totals_failed(self, error: BaseException) -> None:
        self._totals_busy = False
        self._show_error(error)

    def _show_totals(self, totals: QueueTotals) -> None:
        self._totals_busy = False
        self.last_totals = totals
        self._emit_activity()
        self._show_empty_state_if_needed()
        done, failed = totals.count(JobState.DONE), totals.count(JobState.FAILED)
        if not totals.total:
            self.totals_label.clear()
            return
        parts = [self.tr("%n job(s)", "", totals.total)]
        if totals.pending:
            parts.append(self.tr("%n waiting or running", "", totals.pending))
        parts.append(self.tr("%n done", "", done))
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if totals.count(JobState.PAUSED):
            parts.append(self.tr("%n paused", "", totals.count(JobState.PAUSED)))
        parts.append(f"{human_size(totals.bytes_done)} / {human_size(totals.bytes_total)}")
        self.totals_label.setText(" · ".join(parts))
        batch = self._batch
        if not totals.pending and batch is not None and all(state.is_final for state in batch.values()):
            self._batch = None
            done_now = sum(1 for state in batch.values() if state is JobState.DONE)
            failed_now = sum(1 for state in batch.values() if state is JobState.FAILED)
            if done_now or failed_now:
                self.batch_finished.emit(done_now, failed_now)

    # ---------------------------------------------------------------- Section
    def focus_search(self) -> None:
        """The queue has no search box: Ctrl+F goes to the table, where typing jumps to a name."""
        self.table.setFocus()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("uploads/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("uploads/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def shutdown(self) -> None:
        self._totals_timer.stop()
