"""A drop's way into the queue: look for duplicates off the GUI thread, ask once, then queue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from vodstudio.core.fingerprint import DuplicatePolicy, IntakeCheck
from vodstudio.core.jobs import AddResult, JobMetadata
from vodstudio.services.duplicates import KNOWN, REPEAT, DuplicatesService
from vodstudio.services.routes import RoutesService
from vodstudio.services.uploads import UploadEngine
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.localized import sentences
from vodstudio.ui.uploads.duplicates_dialog import DuplicatesDialog


def is_duplicate(reason: str) -> bool:
    return reason in (KNOWN, REPEAT)


def duplicate_note(result: AddResult) -> str:
    """The sentence the queue's message line adds for duplicates and repeats ('' when none)."""
    known = sum(1 for _p, reason in result.skipped if reason == KNOWN)
    repeats = sum(1 for _p, reason in result.skipped if reason == REPEAT)
    parts = []
    if known:
        parts.append(QCoreApplication.translate("Intake", "%n uploaded before — skipped.", "", known))
    if repeats:
        parts.append(QCoreApplication.translate("Intake", "%n named twice — queued once.", "", repeats))
    return sentences(*parts)


class IntakeFlow(QObject):
    """``start`` → check (worker) → ``DuplicatesDialog`` if needed → queue (worker) → ``added``."""

    added = Signal(object)  # AddResult
    failed = Signal(object)  # the exception

    def __init__(
        self,
        duplicates: DuplicatesService,
        routes: RoutesService,
        engine: UploadEngine,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._duplicates = duplicates
        self._routes = routes
        self._engine = engine
        self._parent = parent
        self.pending_dialog: DuplicatesDialog | None = None  # tests answer it
        self._account = ""
        self._metadata = JobMetadata()
        self._check: IntakeCheck | None = None

    def start(self, account: str, paths: Sequence[Path], metadata: JobMetadata, *, include_all: bool) -> None:
        duplicates, routes, paths = self._duplicates, self._routes, list(paths)

        def look() -> tuple[IntakeCheck, JobMetadata]:
            return duplicates.check(account, paths, include_all=include_all), routes.apply(
                account, metadata, metadata.accelerate
            )

        self._account = account
        run_in_background(look, self._checked, self._failed, owner=self)

    @Slot(object)
    def _checked(self, result: tuple[IntakeCheck, JobMetadata]) -> None:
        self._check, self._metadata = result
        if not self._check.duplicates:
            self._queue(DuplicatePolicy.SKIP)
            return
        dialog = DuplicatesDialog(self._check.duplicates, len(self._check.fresh), self._parent)
        dialog.policy_chosen.connect(self._chosen)
        dialog.finished.connect(self._dialog_closed)
        self.pending_dialog = dialog
        dialog.open()

    @Slot(object)
    def _chosen(self, policy: DuplicatePolicy) -> None:
        self._queue(policy)

    @Slot()
    def _dialog_closed(self) -> None:
        if self.pending_dialog is not None:
            self.pending_dialog.deleteLater()  # Qt owns it (parented); Python keeps no other reference
        self.pending_dialog = None

    def _queue(self, policy: DuplicatePolicy) -> None:
        check, meta, account = self._check, self._metadata, self._account
        assert check is not None
        duplicates, engine = self._duplicates, self._engine
        run_in_background(
            lambda: duplicates.queue(engine, account, check, meta, policy),
            self._queued,
            self._failed,
            owner=self,
        )

    @Slot(object)
    def _queued(self, result: AddResult) -> None:
        self.added.emit(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.failed.emit(error)
