"""Follows done uploads until they play: polls on a worker every second, never on the GUI thread."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from vodstudio.core.jobs import JobState, JobStateChanged
from vodstudio.core.playback import Playback, PlaybackSummary
from vodstudio.services.playback import PlaybackService
from vodstudio.ui.bridge import run_in_background

log = logging.getLogger(__name__)

TICK_MS = 1000  # how often due videos are looked for; the backoff decides who is asked


class PlaybackWatcher(QObject):
    """``changed`` carries new server states; ``batch_playable`` fires once per finished batch."""

    changed = Signal(object)  # list[Playback]
    batch_playable = Signal(object)  # PlaybackSummary

    def __init__(self, playback: PlaybackService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        self._done: set[int] = set()  # done jobs of the running batch
        self._batches: list[set[int]] = []  # uploaded batches waiting to play
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    @Slot(object)
    def note_states(self, changes: list[JobStateChanged]) -> None:
        self._done.update(c.job_id for c in changes if c.state is JobState.DONE)

    def batch_uploaded(self) -> None:
        """The running batch ended: follow its done videos as one batch, starting now."""
        ids, self._done = set(self._done), set()
        if not ids:
            return
        self._batches.append(ids)
        playback = self._playback
        run_in_background(lambda: playback.check_now(ids), owner=self)

    @property
    def following(self) -> int:
        return sum(len(b) for b in self._batches)

    @Slot()
    def _tick(self) -> None:
        if self._busy:
            return
        self._busy = True
        playback, batches = self._playback, [set(b) for b in self._batches]

        def poll() -> tuple[list[Playback], list[PlaybackSummary]]:
            return playback.poll_once(), [playback.summary(b) for b in batches]

        run_in_background(poll, self._polled, self._poll_failed, owner=self)

    @Slot(object)
    def _polled(self, result: tuple[list[Playback], list[PlaybackSummary]]) -> None:
        self._busy = False
        changes, summaries = result
        if changes:
            self.changed.emit(changes)
        finished = [i for i, s in enumerate(summaries) if s.finished and (s.playable or s.failed)]
        for index in reversed(finished):
            del self._batches[index]
        for index in finished:
            self.batch_playable.emit(summaries[index])

    @Slot(object)
    def _poll_failed(self, error: BaseException) -> None:
        self._busy = False
        log.info("playback poll failed: %s", error)

    def stop(self) -> None:
        self._timer.stop()
