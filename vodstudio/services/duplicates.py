"""No accidental duplicates: recognise a drop's files by content before any byte is sent."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from vodstudio.core.errors import VodStudioError
from vodstudio.core.fingerprint import Duplicate, DuplicatePolicy, IntakeCheck, IntakeFile, fingerprint
from vodstudio.core.jobs import AddResult, JobMetadata
from vodstudio.core.playback import PlayState, play_state
from vodstudio.services.accounts import AccountsService
from vodstudio.store.plays_db import FingerprintTable, KnownUpload
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.engine import UploadEngine
from vodstudio.transfer.scan import Candidate, displayable, scan

log = logging.getLogger("vodstudio.services.duplicates")

# An earlier copy in one of these states does not play: uploading the file again is no duplicate.
_DEAD = (PlayState.TRANSCODE_FAILED, PlayState.UPLOAD_FAILED, PlayState.BLOCKED)
REPEAT = "duplicate.queued"  # skip reason: the same file (or content) is already a job
KNOWN = "duplicate.uploaded"  # skip reason: the account has this content (policy skip)


class DuplicatesService:
    """``check`` looks at a drop (scan, fingerprints, the server); ``queue`` adds it under a policy."""

    def __init__(self, queue: QueueDb, accounts: AccountsService) -> None:
        self._queue = queue
        self._accounts = accounts
        self.table = FingerprintTable(queue.database)

    # ---- looking ----------------------------------------------------------------------------------
    def check(self, account: str, paths: Sequence[Path], *, include_all: bool = False) -> IntakeCheck:
        """Safe on a worker thread; reads three MiB of each file and asks the service about known ones."""
        files: list[IntakeFile] = []
        repeats: list[str] = []
        skipped: list[tuple[str, str]] = []
        seen_paths: set[str] = set()
        seen_fps: set[str] = set()
        for item in scan(paths, recurse=True, include_all=include_all):
            if not isinstance(item, Candidate):
                skipped.append((displayable(item.path), item.reason))
                continue
            path = str(item.path)
            fp = _fingerprint_or_empty(path)
            if path in seen_paths or (fp and fp in seen_fps):
                repeats.append(path)  # the same file twice in one drop is one job
                continue
            seen_paths.add(path)
            if fp:
                seen_fps.add(fp)
            files.append(IntakeFile(path, fp))
        known = self.table.known(account, [f.fingerprint for f in files if f.fingerprint])
        alive = self._alive_on_server(account, [k for k in known.values() if k.media_id])
        fresh: list[IntakeFile] = []
        duplicates: list[Duplicate] = []
        for f in files:
            hit = known.get(f.fingerprint)
            if hit is None or (hit.media_id and hit.media_id not in alive):
                fresh.append(f)
            elif not hit.media_id:
                repeats.append(f.path)  # still waiting in the queue: that job uploads it
            else:
                duplicates.append(Duplicate(f.path, f.fingerprint, hit.media_id, alive[hit.media_id]))
        return IntakeCheck(tuple(fresh), tuple(duplicates), tuple(repeats), tuple(skipped))

    def _alive_on_server(self, account: str, known: Sequence[KnownUpload]) -> dict[str, str]:
        """media id -> title of the remembered videos the service still has (and that play or will).

        When the service cannot be reached (a retryable error), the memory is trusted: skipping costs
        nothing, a needless second upload costs bandwidth and a duplicate video. A refused key or
        signature is raised: the upload would fail with it too, and must say why.
        """
        ids = list(dict.fromkeys(k.media_id for k in known))
        if not ids:
            return {}
        try:
            infos = self._accounts.vod_client(account).get_video_infos(ids)
        except VodStudioError as exc:
            if not exc.retryable:
                raise
            log.info("duplicate check could not ask the service (%s); trusting the profile", exc.code)
            return dict.fromkeys(ids, "")
        alive = {v.video_id: v.title for v in infos.videos if play_state(v.status) not in _DEAD}
        gone = [i for i in ids if i not in alive]
        if gone:
            self.table.forget_media(account, gone)  # deleted (or dead) on the server: new again
        return alive

    # ---- adding -------------------------------------------------------------------------------------
    def queue(
        self,
        engine: UploadEngine,
        account: str,
        check: IntakeCheck,
        metadata: JobMetadata,
        policy: DuplicatePolicy = DuplicatePolicy.SKIP,
    ) -> AddResult:
        """Queue the fresh files (and the known ones unless ``skip``); remember every fingerprint.

        ``replace`` uploads the new file and deletes the old video once the new one is uploaded
        (``finish_replacements``): never before, so a failed upload loses nothing.
        """
        wanted = list(check.fresh)
        replaces: dict[str, str] = {}
        if policy is not DuplicatePolicy.SKIP:
            wanted += [IntakeFile(d.path, d.fingerprint) for d in check.duplicates]
            if policy is DuplicatePolicy.REPLACE:
                replaces = {d.path: d.media_id for d in check.duplicates}
        skipped = list(check.skipped) + [(p, REPEAT) for p in check.repeats]
        if policy is DuplicatePolicy.SKIP:
            skipped += [(d.path, KNOWN) for d in check.duplicates]
        if not wanted:
            return AddResult((), tuple(skipped))
        by_path = {f.path: f.fingerprint for f in wanted}
        # include_all: every file here already passed the scan (a forced .mkv must not be dropped now).
        result = engine.add_files(account, [Path(f.path) for f in wanted], metadata, include_all=True)
        rows = []
        for job_id in result.job_ids:
            job = self._queue.job(job_id)
            if job is not None and by_path.get(job.path):
                rows.append((job_id, by_path[job.path], replaces.get(job.path, "")))
        self.table.note_jobs(account, rows)
        return AddResult(result.job_ids, tuple(skipped) + result.skipped, batch_id=result.batch_id)

    def finish_replacements(self) -> list[str]:
        """Delete the old videos of replacing jobs that are done; returns the deleted ids."""
        deleted: list[str] = []
        for item in self.table.pending_replacements():
            try:
                self._accounts.vod_client(item.account).delete_video([item.old_media_id])
            except VodStudioError as exc:
                log.warning("could not delete replaced video %s: %s", item.old_media_id, exc.code)
                self.table.replacement_done(item.job_id, ok=False)
                continue
            self.table.forget_media(item.account, [item.old_media_id])
            self.table.replacement_done(item.job_id, ok=True)
            deleted.append(item.old_media_id)
        return deleted


def _fingerprint_or_empty(path: str) -> str:
    """An unreadable file gets no fingerprint: it is queued and its job fails with the file's code."""
    try:
        return fingerprint(path)
    except OSError:
        return ""
