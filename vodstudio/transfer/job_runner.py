"""One job's whole flow: validate, cover, ticket (recorded before any byte), upload, verify, finish."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import (
    CancelledError,
    IntegrityError,
    ServiceError,
    SourceFileError,
    StorageError,
    VodStudioError,
)
from vodstudio.core.jobs import Checkpoint, JobKind, JobState, JobStateChanged, UploadJob
from vodstudio.store.record_db import RecordTable
from vodstudio.transfer import remote_jobs, tickets
from vodstudio.transfer.crc import combine_parts
from vodstudio.transfer.credentials import CredentialKeeper
from vodstudio.transfer.multipart import abort, file_crc, sweep_strays, upload_multipart
from vodstudio.transfer.oss_call import AddressChanged, JobControl, JobTransfer, Shared, StopReason
from vodstudio.transfer.planner import plan
from vodstudio.transfer.simple_put import upload_simple
from vodstudio.transfer.tickets import VodApi

log = logging.getLogger("vodstudio.transfer.job")

MAX_RECREATES = 3
CLEANUP_RETRY = RetryPolicy(max_attempts=3, base_delay=0.2, max_delay=1.0, max_total=5.0)


def _unreadable(path: str, exc: OSError) -> SourceFileError:
    return SourceFileError(f"cannot read the file: {exc.strerror}", code="file.unreadable", path=path)


def validate_file(path: str) -> os.stat_result:
    """The file as it is now, or a ``SourceFileError`` with a stable code."""
    try:
        st = Path(path).stat()
    except FileNotFoundError as exc:
        raise SourceFileError("the file does not exist", code="file.missing", path=path) from exc
    except OSError as exc:
        raise SourceFileError(
            f"cannot read the file: {exc.strerror}", code="file.unreadable", path=path
        ) from exc
    if not stat.S_ISREG(st.st_mode):
        raise SourceFileError("not a regular file", code="file.not-regular", path=path)
    if st.st_size == 0:
        raise SourceFileError("the file is empty", code="file.empty", path=path)
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise SourceFileError(
            f"cannot read the file: {exc.strerror}", code="file.unreadable", path=path
        ) from exc
    return st


class JobRunner:
    """Runs jobs on the caller's thread; every outcome ends in a recorded state and an event."""

    def __init__(self, shared: Shared, client_for: Callable[[str], VodApi]) -> None:
        self.shared = shared
        self.client_for = client_for
        self._live: dict[int, JobTransfer] = {}  # running jobs' transfers: cleanup reuses the credential
        self._record = RecordTable(shared.queue.database)

    # ---- state bookkeeping -------------------------------------------------------------------
    def set_state(
        self, job: UploadJob, state: JobState, *, error: VodStudioError | None = None, **extra: object
    ) -> None:
        code = error.code if error else ""
        message = error.message if error else ""
        request_id = error.request_id if isinstance(error, ServiceError) else ""
        self._note_counts(job.id)  # before the state: whoever sees "done" sees what it sent
        self.shared.queue.update(
            job.id, state=state, error_code=code, error_message=message, request_id=request_id, **extra
        )
        current = self.shared.queue.job(job.id)
        media_id = current.media_id if current else job.media_id
        event = JobStateChanged(job.id, state, code, message, request_id, media_id)
        self.shared.hub.state(event, final=state.is_final or state is JobState.PAUSED)

    def _note_counts(self, job_id: int) -> None:
        sent, retries = self.shared.ledger.take(job_id)
        if sent or retries:
            self._record.add_counts(job_id, sent, retries)

    # ---- entry point -------------------------------------------------------------------------
    def run(self, job: UploadJob, control: JobControl) -> None:
        try:
            self._run_guarded(job, control)
            self._note_counts(job.id)  # a stop for shutdown records no state of its own
        except StorageError as exc:  # also raised while recording another outcome
            self._storage_failed(job, exc)
        finally:
            self._live.pop(job.id, None)

    def _run_guarded(self, job: UploadJob, control: JobControl) -> None:
        try:
            if job.state is JobState.CANCELLING:
                self.cleanup(job)
                self.set_state(job, JobState.CANCELLED)
            elif job.kind is JobKind.URL_PULL:
                self.set_state(job, JobState.PREPARING)
                remote_jobs.run_url_pull(self, job, control)
            elif job.kind is JobKind.REGISTER:
                self.set_state(job, JobState.PREPARING)
                remote_jobs.run_register(self, job)
            else:
                self._run_file(job, control)
        except CancelledError:
            self._stopped(job, control)
        except StorageError:
            raise  # not the job's fault: its upload stays open for the resume
        except SourceFileError as exc:
            self._failed(job, exc)
        except IntegrityError as exc:
            self._failed_integrity(job, exc)
        except VodStudioError as exc:
            log.info("job %s failed: %s", job.id, exc)
            self._failed(job, exc)
        except Exception as exc:  # a bug must fail one job, not the worker thread
            log.exception("job %s crashed", job.id)
            self._failed(job, VodStudioError(f"{type(exc).__name__}: {exc}", code="internal"))

    def _storage_failed(self, job: UploadJob, exc: StorageError) -> None:
        """The queue cannot be written: say so (event), record it if the disk allows, stop the engine.

        The checkpoint and the server's upload stay: the next start resumes the job byte for byte.
        """
        log.error("job %s stopped: %s", job.id, exc)
        try:
            self.set_state(job, JobState.FAILED, error=exc)
        except StorageError:
            event = JobStateChanged(job.id, JobState.FAILED, exc.code, exc.message, "", job.media_id)
            self.shared.hub.state(event, final=True)
        self.shared.on_storage_error(exc)

    def _stopped(self, job: UploadJob, control: JobControl) -> None:
        if control.reason == StopReason.CANCEL:
            self.set_state(job, JobState.CANCELLING)
            fresh = self.shared.queue.job(job.id) or job
            self.cleanup(fresh)
            self.set_state(job, JobState.CANCELLED, bytes_done=0)
        elif control.reason == StopReason.PAUSE:
            self.set_state(job, JobState.PAUSED)
        else:  # engine shutdown: back to the queue, checkpoint kept, resumed by the next start
            self.shared.queue.update(job.id, state=JobState.QUEUED)
            self.shared.hub.state(JobStateChanged(job.id, JobState.QUEUED), final=True)

    def _failed(self, job: UploadJob, exc: VodStudioError) -> None:
        # An ended job leaves nothing open on the server: its multipart upload is aborted (a retry
        # starts the object anew; a pause or a crash, which do not end the job, keep it for resume).
        self._drop_upload(job)
        self.set_state(job, JobState.FAILED, error=exc)

    def _failed_integrity(self, job: UploadJob, exc: IntegrityError) -> None:
        # The stored object is not our file: remove the record so no corrupt asset goes Normal.
        self._drop_upload(job)
        current = self.shared.queue.job(job.id) or job
        try:
            tickets.delete_media(self.client_for(job.account), job.kind, current.media_id)
            self.shared.queue.update(job.id, media_id="")
        except VodStudioError:
            log.warning("job %s: could not delete the corrupt media", job.id)
        self.set_state(job, JobState.FAILED, error=exc)

    def _drop_upload(self, job: UploadJob) -> None:
        """Abort the job's multipart upload (and any stray one of its object), forget the checkpoint.

        Reads the job afresh: the one handed to ``run`` is as it was at dispatch, before it had a
        media id. Cleanup trouble is logged, never raised over the error that ended the job.
        """
        cp = self.shared.queue.checkpoint(job.id)
        if cp is not None and cp.part_size:
            fresh = self.shared.queue.job(job.id) or job
            try:
                live = self._live.get(job.id)
                jt = live or self._transfer_for_cleanup(fresh, cp)
                if jt is not None:
                    jt = replace(
                        jt, shared=replace(jt.shared, retry=CLEANUP_RETRY), control=JobControl(job.id)
                    )
                    abort(jt, cp)
                    sweep_strays(jt, cp.object_key)
            except Exception as exc:
                log.warning("job %s: could not abort upload %s: %s", job.id, cp.upload_id or "(none)", exc)
        self.shared.queue.clear_checkpoint(job.id)

    # ---- cancel cleanup -----------------------------------------------------------------------
    def cleanup(self, job: UploadJob) -> None:
        """Abort the multipart upload and delete the VOD record this job created."""
        self._drop_upload(job)
        if job.media_id and job.kind in (JobKind.VIDEO, JobKind.IMAGE, JobKind.ATTACHED):
            tickets.delete_media(self.client_for(job.account), job.kind, job.media_id)
        self.shared.queue.update(job.id, media_id="", bytes_done=0)

    def _transfer_for_cleanup(self, job: UploadJob, cp: Checkpoint) -> JobTransfer | None:
        if job.kind is not JobKind.VIDEO or not job.media_id:
            return None  # other kinds cannot get a credential for their old address
        client = self.client_for(job.account)
        ticket = client.refresh_upload_video(job.media_id)
        keeper = CredentialKeeper(ticket.auth, ticket.address, lambda: (ticket.auth, ticket.address))
        return JobTransfer(self.shared, JobControl(job.id), keeper, job.path)

    # ---- local files --------------------------------------------------------------------------
    def _run_file(self, job: UploadJob, control: JobControl) -> None:
        self.set_state(job, JobState.PREPARING)
        st = validate_file(job.path)
        cp = self.shared.queue.checkpoint(job.id)
        if cp is not None and (cp.file_size, cp.mtime_ns) != (st.st_size, st.st_mtime_ns):
            raise SourceFileError(
                "the file changed since its upload started; retry to upload it anew",
                code="file.changed",
                path=job.path,
            )
        if cp is None:
            self.shared.queue.update(job.id, size=st.st_size, mtime_ns=st.st_mtime_ns)
            job = replace(job, size=st.st_size, mtime_ns=st.st_mtime_ns)
        client = self.client_for(job.account)
        cover_url = self._cover(job, client, control) if job.kind is JobKind.VIDEO else ""
        for _ in range(MAX_RECREATES):
            try:
                self._upload_once(job, client, control, cover_url)
                return
            except AddressChanged:
                job = self.shared.queue.job(job.id) or job
                log.info("job %s: upload re-created with a new credential; starting over", job.id)
        raise VodStudioError(
            "the upload credential kept expiring before the file was sent", code="upload.expired"
        )

    def _cover(self, job: UploadJob, client: VodApi, control: JobControl) -> str:
        if not job.cover_path:
            return ""
        known = self.shared.queue.cover_url(job.id)
        if known:
            return known
        validate_file(job.cover_path)
        cover_job = replace(
            job, kind=JobKind.IMAGE, path=job.cover_path, title=f"{tickets.default_title(job)} cover"
        )
        ticket = tickets.create_image(client, cover_job, image_type="cover")
        size = Path(job.cover_path).stat().st_size
        cp = Checkpoint(job.id, ticket.address.endpoint, ticket.address.bucket, ticket.address.file_name)
        cp = replace(cp, file_size=size, mtime_ns=Path(job.cover_path).stat().st_mtime_ns)
        keeper = CredentialKeeper(ticket.auth, ticket.address, lambda: (ticket.auth, ticket.address))
        upload_simple(JobTransfer(self.shared, control, keeper, job.cover_path), cp)
        url = ticket.media_url or ticket.file_url
        self.shared.queue.update(job.id, cover_url=url)
        return url

    def _ticket(self, job: UploadJob, client: VodApi, cover_url: str) -> tuple[UploadJob, CredentialKeeper]:
        """A credential for the job, with the media id and address recorded before any byte is sent."""
        queue = self.shared.queue
        if job.kind is JobKind.VIDEO and job.media_id:
            ticket = client.refresh_upload_video(job.media_id)
        else:
            if job.media_id:  # images/attached media cannot be refreshed: replace the old record
                tickets.delete_media(client, job.kind, job.media_id)
                queue.clear_checkpoint(job.id)
            ticket = tickets.create_ticket(client, job, cover_url)
        job = replace(job, media_id=ticket.media_id)
        queue.update(job.id, media_id=ticket.media_id, media_url=ticket.media_url or ticket.file_url)
        cp = queue.checkpoint(job.id)
        addr = ticket.address
        if cp is None or (cp.bucket, cp.object_key) != (addr.bucket, addr.file_name):
            queue.clear_checkpoint(job.id)
            queue.save_checkpoint(
                Checkpoint(job.id, addr.endpoint, addr.bucket, addr.file_name, "", 0, job.size, job.mtime_ns)
            )
        keeper = CredentialKeeper(ticket.auth, ticket.address, self._fetcher(job, client))
        return job, keeper

    def _fetcher(self, job: UploadJob, client: VodApi) -> Callable[[], tuple[UploadAuth, UploadAddress]]:
        def refresh() -> tuple[UploadAuth, UploadAddress]:
            if job.kind is JobKind.VIDEO:
                ticket = client.refresh_upload_video(job.media_id)
                return ticket.auth, ticket.address
            current = self.shared.queue.job(job.id) or job
            tickets.delete_media(client, job.kind, current.media_id)  # the old ImageId would be orphaned
            ticket = tickets.create_ticket(client, current)
            self.shared.queue.update(job.id, media_id=ticket.media_id, media_url=ticket.media_url)
            self.shared.queue.clear_checkpoint(job.id)
            return ticket.auth, ticket.address

        return refresh

    def _upload_once(self, job: UploadJob, client: VodApi, control: JobControl, cover_url: str) -> None:
        job, keeper = self._ticket(job, client, cover_url)
        cp = self.shared.queue.checkpoint(job.id)
        assert cp is not None
        self.set_state(job, JobState.UPLOADING)
        self.shared.hub.start(job.id, job.size, 0)
        jt = JobTransfer(self.shared, control, keeper, job.path)
        self._live[job.id] = jt
        self.shared.on_route(job.account, keeper.grant.address.endpoint)
        if not cp.upload_id and not cp.part_size:
            fixed = self.shared.part_size
            preferred = fixed or self.shared.part_size_for(job.size)
            part_plan = plan(job.size, preferred=preferred, threshold=fixed or None)
            if part_plan.multipart:
                cp = replace(cp, part_size=part_plan.part_size)
                self.shared.queue.save_checkpoint(cp)
        if cp.part_size:
            cp = upload_multipart(jt, cp)
            sweep_strays(jt, cp.object_key)  # a retried or killed run may have left one behind
            # Verified equal to the object's CRC; no parts: it was already complete, checked whole.
            crc = combine_parts((p.crc64, p.size) for p in cp.parts) if cp.parts else None
            self._record.set_crc(job.id, crc if crc is not None else file_crc(job.path, 0, job.size))
        else:
            self._record.set_crc(job.id, upload_simple(jt, cp))
        self.set_state(job, JobState.VERIFYING)
        self.shared.hub.set_done(job.id, job.size, force=True)
        self.shared.queue.clear_checkpoint(job.id)
        self.set_state(job, JobState.DONE, bytes_done=job.size)
