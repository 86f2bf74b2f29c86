"""Until it plays: follow done uploads through the service's states by polling with backoff."""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from vodstudio.core.errors import VodStudioError
from vodstudio.core.playback import Backoff, Playback, PlaybackSummary, PlayState, play_state
from vodstudio.services.accounts import AccountsService
from vodstudio.store.plays_db import PlaybackTable
from vodstudio.store.queue_db import QueueDb

log = logging.getLogger("vodstudio.services.playback")


class PlaybackService:
    """``poll_once`` asks GetVideoInfos (20 ids a call) for every video whose next check has come.

    Rows appear by themselves when a video job is done (a trigger in the queue database), so the GUI,
    the CLI and a later run all follow the same videos. Safe on a worker thread, never the GUI's.
    """

    def __init__(
        self,
        queue: QueueDb,
        accounts: AccountsService,
        *,
        backoff: Backoff | None = None,
        clock: Callable[[], float] = time.time,
        on_change: Callable[[list[Playback]], None] | None = None,
    ) -> None:
        self._accounts = accounts
        self._on_change = on_change  # e.g. the CDN prefetch of videos that now play (services/prefetch.py)
        self.table = PlaybackTable(queue.database)
        self.backoff = backoff or Backoff()
        self._clock = clock
        self._lock = threading.Lock()  # close() waits for a poll in flight (it may hold a client)
        self._closed = False

    def close(self) -> None:
        """No more polls; returns once a running one has finished (before the clients are closed)."""
        with self._lock:
            self._closed = True

    def poll_once(self) -> list[Playback]:
        """One round over the due videos; returns those whose play state changed."""
        with self._lock:
            if self._closed:
                return []
            changed = self._poll()
            if changed and self._on_change is not None:
                try:
                    self._on_change(changed)
                except Exception:  # what follows a change must never stop the following itself
                    log.exception("reacting to play state changes failed")
            return changed

    def _poll(self) -> list[Playback]:
        now = self._clock()
        due = self.table.due(now)
        by_account: dict[str, list[Playback]] = defaultdict(list)
        for item in due:
            by_account[item.account].append(item)
        changed: list[Playback] = []
        updates: list[tuple[int, str, PlayState, int, float]] = []
        for account, items in by_account.items():
            statuses = self._statuses(account, [i.media_id for i in items])
            for item in items:
                attempts = item.attempts + 1
                at = now + self.backoff.delay(item.attempts)
                if statuses is None:  # the service did not answer: try again later, state unchanged
                    updates.append((item.job_id, item.status, item.state, attempts, at))
                    continue
                status = statuses.get(item.media_id, "")
                state = play_state(status) if status else PlayState.GONE
                updates.append((item.job_id, status, state, attempts, at))
                if state is not item.state:
                    changed.append(_with(item, status, state, attempts, at))
        if updates:
            self.table.record(updates)
        return changed

    def _statuses(self, account: str, media_ids: Sequence[str]) -> dict[str, str] | None:
        try:
            infos = self._accounts.vod_client(account).get_video_infos(media_ids)
        except VodStudioError as exc:
            log.info("playback poll for %s failed: %s", account, exc.code)
            return None
        return {v.video_id: v.status for v in infos.videos}

    def check_now(self, job_ids: Iterable[int]) -> None:
        """Make these jobs due at once (a user's *Check again*, or a batch that just finished)."""
        known = self.table.of_jobs(job_ids)
        self.table.record(
            [(p.job_id, p.status, p.state, 0, 0.0) for p in known.values() if not p.state.is_final]
        )

    # ---- reading ------------------------------------------------------------------------------------
    def of_jobs(self, job_ids: Iterable[int]) -> dict[int, Playback]:
        return self.table.of_jobs(job_ids)

    def of_media(self, media_ids: Iterable[str]) -> dict[str, Playback]:
        return self.table.of_media(media_ids)

    def summary(self, job_ids: Iterable[int]) -> PlaybackSummary:
        known = self.table.of_jobs(job_ids)
        playable = tuple(p.file_name for p in known.values() if p.state is PlayState.PLAYABLE)
        failed = tuple((p.file_name, p.state) for p in known.values() if p.state.is_failure)
        pending = sum(1 for p in known.values() if not p.state.is_final)
        return PlaybackSummary(playable, failed, pending)

    def next_check_in(self) -> float | None:
        """Seconds until the next video is due (None: nothing is being followed)."""
        at = self.table.next_due_at()
        return None if at is None else max(0.0, at - self._clock())

    def wait(
        self,
        job_ids: Sequence[int],
        *,
        timeout: float | None = None,
        on_change: Callable[[Playback], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> PlaybackSummary:
        """Poll until every given video plays or failed (the CLI's ``--wait-playable``)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            for item in self.poll_once():
                if on_change is not None and item.job_id in job_ids:
                    on_change(item)
            summary = self.summary(job_ids)
            if summary.finished or (deadline is not None and time.monotonic() >= deadline):
                return summary
            pause = self.next_check_in()
            sleep(max(0.05, min(pause if pause is not None else 1.0, self.backoff.cap)))


def _with(item: Playback, status: str, state: PlayState, attempts: int, at: float) -> Playback:
    return Playback(item.job_id, item.account, item.media_id, item.file_name, status, state, attempts, at)
