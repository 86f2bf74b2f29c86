"""Issue 13 B in the window: the duplicate check on drops, playback states, notifications, routes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from vodstudio.core.playback import Playback, PlaybackSummary
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.localized import list_text
from vodstudio.ui.notifier import Notifier
from vodstudio.ui.uploads.intake import IntakeFlow
from vodstudio.ui.uploads.playback_watch import PlaybackWatcher

if TYPE_CHECKING:
    from vodstudio.ui.main_window import MainWindow

NAMED = 5  # failures named in one notification; the rest are counted


class PlaysWiring(QObject):
    """Built once by the main window after its panels; owns the notifier and the playback watcher."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        services = window.services
        self.notifier = Notifier(window, window.tray)
        self.watcher = PlaybackWatcher(services.playback, self)
        uploads = window.uploads
        uploads.intake = IntakeFlow(services.duplicates, services.routes, window.engine, uploads)
        uploads.intake.added.connect(uploads.show_added)
        uploads.intake.failed.connect(uploads.show_error)
        uploads.model.set_play_source(services.playback.of_jobs)
        window.bridge.job_state_changed.connect(self.watcher.note_states)
        uploads.batch_finished.connect(self._batch_uploaded)
        self.watcher.changed.connect(self._playback_changed)
        self.watcher.batch_playable.connect(self._batch_playable)
        self.route_action = QAction(self.tr("Upload &Route and Speed Test…"), window)
        self.route_action.triggered.connect(self.open_routes)

    @Slot(int, int)
    def _batch_uploaded(self, done: int, failed: int) -> None:
        if failed:
            text = self.tr("%1 uploaded, %2 failed.").replace("%1", str(done)).replace("%2", str(failed))
            self.notifier.notify(text, warning=True)
        else:
            self.notifier.notify(self.tr("%n upload(s) finished; waiting until they play.", "", done))
        self.watcher.batch_uploaded()
        duplicates = self._window.services.duplicates
        run_in_background(duplicates.finish_replacements, owner=self)  # "replace": old videos go now

    @Slot(object)
    def _playback_changed(self, changes: list[Playback]) -> None:
        self._window.uploads.model.apply_playback(changes)
        model = self._window.library.model
        for item in changes:
            row = model.row_of(item.media_id)
            if row >= 0 and item.status:
                model.replace_item(replace(model.item(row), status=item.status))

    @Slot(object)
    def _batch_playable(self, summary: PlaybackSummary) -> None:
        if not summary.failed:
            self.notifier.notify(self.tr("%n video(s) playable.", "", len(summary.playable)))
            return
        from vodstudio.ui.uploads.model import play_text

        named = [f"{name} ({play_text(state)})" for name, state in summary.failed[:NAMED]]
        more = len(summary.failed) - NAMED
        if more > 0:
            named.append(self.tr("%n more", "", more))
        text = self.tr("%1 playable; not playable: %2").replace("%1", str(len(summary.playable)))
        self.notifier.notify(text.replace("%2", list_text(named)), warning=True)

    @Slot()
    def open_routes(self) -> None:
        from vodstudio.ui.accounts.route_dialog import RouteDialog

        account = self._window.account
        if account is None:
            self._window.statusBar().showMessage(self.tr("Add an account first."), 5000)
            return
        dialog = RouteDialog(self._window.services.routes, account.name, self._window)
        self.route_dialog = dialog
        dialog.open()

    def shutdown(self) -> None:
        self.watcher.stop()
