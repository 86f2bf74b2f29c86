"""Prefetch on CDN when playable: a job's play URLs go to the CDN desk once its video plays."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.errors import VodStudioError
from vodstudio.core.playback import Playback, PlayState
from vodstudio.services.accounts import AccountsService
from vodstudio.services.cdn import CdnService
from vodstudio.store.queue_db import QueueDb

log = logging.getLogger("vodstudio.services.prefetch")

SUBMITTED = "submitted"
DEFERRED = "deferred"  # over today's quota: the desk sends it after the reset
FAILED = "failed"  # recorded as "failed:<code>"


def cache_url(url: str) -> str:
    """The URL the CDN caches: without its query, whose auth_key would expire before a viewer comes."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


class PlayablePrefetch:
    """Called with the play states that changed in a poll (``PlaybackService``, on its worker thread).

    A failure is recorded on the job (``prefetch_state``) and logged, never raised into the poll: the
    playback follow-up must go on whatever the CDN says.
    """

    def __init__(self, queue: QueueDb, accounts: AccountsService, cdn: CdnService) -> None:
        self._queue = queue
        self._accounts = accounts
        self._cdn = cdn

    def __call__(self, changed: Iterable[Playback]) -> None:
        for item in changed:
            if item.state is not PlayState.PLAYABLE:
                continue
            job = self._queue.job(item.job_id)
            if job is None or not job.prefetch_cdn or self.state_of(item.job_id):
                continue  # not asked for, or done before (a second Normal after a re-transcode)
            try:
                outcome = self._submit(item.account, item.media_id)
            except VodStudioError as exc:
                log.warning("CDN prefetch of job %s failed: %s", item.job_id, exc.code)
                outcome = f"{FAILED}:{exc.code}"
            except Exception:  # a bug must not end the poll loop
                log.exception("CDN prefetch of job %s crashed", item.job_id)
                outcome = f"{FAILED}:internal"
            self._queue.update(item.job_id, prefetch_state=outcome)

    def _submit(self, account: str, media_id: str) -> str:
        info = self._accounts.vod_client(account).get_play_info(media_id)
        urls = list(dict.fromkeys(cache_url(s.play_url) for s in info.streams if s.play_url))
        if not urls:
            return f"{FAILED}:no-play-url"
        result = self._cdn.open(account).submit(CdnTaskKind.PREFETCH, urls).result
        if result.failed and result.error is not None:
            return f"{FAILED}:{result.error.code}"
        return SUBMITTED if result.submitted else DEFERRED

    def state_of(self, job_id: int) -> str:
        """'' (not yet), ``submitted``, ``deferred`` or ``failed:<code>``."""
        return self._queue.prefetch_state(job_id)
