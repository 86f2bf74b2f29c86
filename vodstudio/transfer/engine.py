"""UploadEngine: a bounded worker pool over the durable queue, job control and live limits (Qt-free)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from vodstudio.core.errors import VodStudioError
from vodstudio.core.jobs import (
    AddResult,
    JobKind,
    JobMetadata,
    JobsAdded,
    JobState,
    JobStateChanged,
    Limits,
    QueueTotals,
    UploadJob,
)
from vodstudio.store.engine_lock import EngineLock
from vodstudio.store.link_memory import LinkMemory
from vodstudio.store.queue_db import NewJob, QueueDb
from vodstudio.store.record_db import RecordTable
from vodstudio.transfer.adaptive_run import AdaptiveRunner
from vodstudio.transfer.events import EventHub, Sink
from vodstudio.transfer.intake import jobs_from_scan, new_job, url_name
from vodstudio.transfer.job_runner import JobRunner
from vodstudio.transfer.oss_call import ConnectionBudget, JobControl, Shared, StopReason
from vodstudio.transfer.oss_session import OssSession
from vodstudio.transfer.ratelimit import TokenBucket
from vodstudio.transfer.scan import Candidate, scan
from vodstudio.transfer.tickets import VodApi

log = logging.getLogger("vodstudio.transfer.engine")

MAX_FILES = 16  # upper bound of parallel_files (threads are created lazily up to this)
MAX_CONNECTIONS = 64
ADD_BATCH = 1000
_STOPPABLE = (JobState.QUEUED, JobState.PREPARING, JobState.UPLOADING, JobState.VERIFYING)
_RETRYABLE = (JobState.FAILED, JobState.CANCELLED)


class UploadEngine:
    """Runs queued jobs on a bounded pool: ``parallel_files`` jobs at a time, their parts sharing one
    connection budget and one bandwidth bucket. Jobs are fetched from the database a few at a time,
    so 100,000 queued jobs cost rows on disk, not memory. ``sink`` is called from worker threads.
    """

    def __init__(
        self,
        queue: QueueDb,
        client_for: Callable[[str], VodApi],
        *,
        limits: Limits,
        sink: Sink,
        session: OssSession | None = None,
        part_size: int = 0,
        lock: EngineLock | None = None,
        memory: LinkMemory | None = None,
    ) -> None:
        self.queue = queue
        self._record = RecordTable(queue.database)
        self._profile_lock = lock
        self._limits = limits
        self._hub = EventHub(sink)
        self._shared = Shared(
            queue=queue,
            session=session or OssSession(pool_size=MAX_CONNECTIONS),
            limiter=TokenBucket(limits.bandwidth_bps),
            budget=ConnectionBudget(limits.connections),
            pool=ThreadPoolExecutor(MAX_CONNECTIONS, thread_name_prefix="vod-part"),
            hub=self._hub,
            parallel_parts=self._parts_now,
            part_size=part_size,
        )
        self._shared.on_storage_error = self._halt
        self._adaptive = (  # finds the connection count that fills the link (transfer/adaptive.py)
            AdaptiveRunner.attach(self._shared, limits.parallel_parts, lambda: self._limits, memory)
            if limits.adaptive
            else None
        )
        self.storage_error: VodStudioError | None = None  # set when the queue could not be written
        self._runner = JobRunner(self._shared, client_for)
        self._jobs_pool = ThreadPoolExecutor(MAX_FILES, thread_name_prefix="vod-job")
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._running: dict[int, JobControl] = {}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def limits(self) -> Limits:
        return self._limits

    @property
    def adaptive(self) -> AdaptiveRunner | None:
        return self._adaptive

    def _parts_now(self) -> int:
        return self._adaptive.connections() if self._adaptive is not None else self._limits.parallel_parts

    # ---- lifecycle ----------------------------------------------------------------------------
    def claim(self) -> None:
        """Take the profile's engine lock (``EngineBusyError`` if another process runs this queue).

        ``start`` claims by itself; commands that change running jobs without starting (pause,
        cancel) claim first so they cannot fight the owner. ``close`` lets go.
        """
        if self._profile_lock is not None and not self._profile_lock.held:
            self._profile_lock.acquire()

    def start(self) -> None:
        """Resume what a previous run left behind (checkpoints kept) and start dispatching.

        Raises ``EngineBusyError`` when another process owns this profile's queue: recovering its
        in-flight jobs as "interrupted" would run them twice.
        """
        if self._thread is not None:
            return
        self.claim()
        self.queue.recover_interrupted()
        self.storage_error = None
        self._stopping.clear()
        self._thread = threading.Thread(target=self._dispatch, name="vod-dispatch", daemon=True)
        self._thread.start()
        if self._adaptive is not None:
            self._adaptive.start()

    def stop(self, *, wait: bool = True) -> None:
        """Stop dispatching; running jobs stop mid-transfer and go back to the queue with their state.

        The engine can be started again; ``close()`` also releases its threads.
        """
        self._stopping.set()
        with self._lock:
            for control in self._running.values():
                control.stop(StopReason.SHUTDOWN)
        self._wake.set()
        thread, self._thread = self._thread, None
        if self._adaptive is not None:
            self._adaptive.stop()
        if not wait:
            return
        if thread is not None:
            thread.join()
        with self._lock:
            while self._running:
                self._idle.wait(0.2)

    def close(self) -> None:
        """Stop and release the worker threads (the engine cannot be started again)."""
        self.stop(wait=True)
        self._jobs_pool.shutdown(wait=True)
        self._shared.pool.shutdown(wait=True)
        self._shared.session.close()
        if self._profile_lock is not None:
            self._profile_lock.release()

    def _halt(self, error: VodStudioError) -> None:
        """The queue database refused a write (disk full): dispatching more jobs would fail them all.

        Running jobs stop as at shutdown; ``wait_idle`` returns; the next ``start`` resumes.
        """
        self.storage_error = error
        self._stopping.set()
        with self._lock:
            for control in self._running.values():
                control.stop(StopReason.SHUTDOWN)
            self._idle.notify_all()

    def _dispatch(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                self._fill()
            except Exception:  # a database hiccup must not end dispatching for good
                log.exception("dispatching failed; retrying")
            self._wake.wait(0.5)

    def _fill(self) -> None:
        with self._lock:
            free = self._limits.parallel_files - len(self._running)
            busy = list(self._running)
        if free <= 0:
            return
        for job in self.queue.next_runnable(free, exclude=busy):
            if self._stopping.is_set():
                return
            control = JobControl(job.id)
            with self._lock:
                self._running[job.id] = control
            self._jobs_pool.submit(self._run, job, control)

    def _run(self, job: UploadJob, control: JobControl) -> None:
        try:
            self._runner.run(job, control)
        finally:
            with self._lock:
                self._running.pop(job.id, None)
                self._idle.notify_all()
            self._wake.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until nothing runs and nothing runnable is queued; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                running = bool(self._running)
            if not running and self.storage_error is not None:
                return True  # halted: nothing more will run until the disk is fixed
            if not running and not self.queue.next_runnable(1):
                with self._lock:
                    if not self._running:
                        return True
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            with self._lock:
                self._idle.wait(0.2 if left is None else min(left, 0.2))

    # ---- adding ---------------------------------------------------------------------------------
    def add_files(
        self,
        account: str,
        paths: Sequence[Path],
        metadata: JobMetadata,
        *,
        recurse: bool = True,
        include_all: bool = False,
    ) -> AddResult:
        """Queue every media file below ``paths`` (folders recurse); safe to call from a background thread."""
        ids: list[int] = []
        skipped: list[tuple[str, str]] = []
        batch: list[NewJob] = []
        batch_id = uuid.uuid4().hex  # one per add: the upload record groups by it
        items = scan(paths, recurse=recurse, include_all=include_all, forced_kind=metadata.kind)
        for item in jobs_from_scan(account, items, metadata):
            if isinstance(item, NewJob):
                batch.append(item)
                if len(batch) >= ADD_BATCH:
                    ids += self._add(batch, batch_id)
                    batch = []
            else:
                skipped.append(item)
        if batch:
            ids += self._add(batch, batch_id)
        return AddResult(tuple(ids), tuple(skipped), batch_id=batch_id if ids else "")

    def _add(self, jobs: Sequence[NewJob], batch_id: str = "") -> list[int]:
        ids = self.queue.add(jobs)
        self._record.tag_batch(ids, batch_id or uuid.uuid4().hex)
        self._hub.emit(JobsAdded(tuple(ids)))
        self._wake.set()
        return ids

    def _add_remote(self, account: str, kind: JobKind, urls: Sequence[str], meta: JobMetadata) -> list[int]:
        when = dt.datetime.now().astimezone()
        jobs = [
            replace(new_job(account, Candidate(Path(), kind, 0, 0), meta, when=when, name=url_name(url)),
                    kind=kind, path=url)
            for url in urls
        ]  # fmt: skip
        return self._add(jobs)

    def add_url_pull(self, account: str, urls: Sequence[str], metadata: JobMetadata) -> list[int]:
        return self._add_remote(account, JobKind.URL_PULL, urls, metadata)

    def add_register(self, account: str, file_urls: Sequence[str], metadata: JobMetadata) -> list[int]:
        return self._add_remote(account, JobKind.REGISTER, file_urls, metadata)

    # ---- control --------------------------------------------------------------------------------
    def _announce(self, ids: Iterable[int], state: JobState) -> None:
        for job_id in ids:
            self._hub.emit(JobStateChanged(job_id, state))

    def _stop_running(self, job_ids: Iterable[int], reason: str) -> set[int]:
        with self._lock:
            hit = {i for i in job_ids if i in self._running}
            for job_id in hit:
                self._running[job_id].stop(reason)
        return hit

    def pause(self, job_ids: Iterable[int]) -> None:
        ids = list(job_ids)
        running = self._stop_running(ids, StopReason.PAUSE)
        rest = [i for i in ids if i not in running]
        self._announce(self.queue.set_state(rest, JobState.PAUSED, only_from=_STOPPABLE), JobState.PAUSED)

    def resume(self, job_ids: Iterable[int]) -> None:
        moved = self.queue.set_state(job_ids, JobState.QUEUED, only_from=[JobState.PAUSED])
        self._announce(moved, JobState.QUEUED)
        self._wake.set()

    def cancel(self, job_ids: Iterable[int]) -> None:
        """Stop the jobs, abort their multipart uploads and delete the VOD records they created."""
        ids = list(job_ids)
        running = self._stop_running(ids, StopReason.CANCEL)
        waiting = (JobState.QUEUED, JobState.PAUSED, JobState.FAILED)
        rest = [i for i in ids if i not in running]
        needs_cleanup = []
        for job_id in rest:
            job = self.queue.job(job_id)
            if job is not None and (job.media_id or self.queue.checkpoint(job_id) is not None):
                needs_cleanup.append(job_id)
        # Jobs with server-side leftovers are cleaned up by a worker (CANCELLING survives a crash).
        self._announce(
            self.queue.set_state(needs_cleanup, JobState.CANCELLING, only_from=waiting), JobState.CANCELLING
        )
        plain = [i for i in rest if i not in needs_cleanup]
        self._announce(self.queue.set_state(plain, JobState.CANCELLED, only_from=waiting), JobState.CANCELLED)
        self._wake.set()

    def finish_cancels(self) -> list[int]:
        """Clean up cancelled jobs now, on this thread (for the CLI, without starting the engine).

        Returns the ids whose cleanup failed (they stay visible with the error).
        """
        failed: list[int] = []
        while jobs := [j for j in self.queue.next_runnable(100) if j.state is JobState.CANCELLING]:
            for job in jobs:
                self._runner.run(job, JobControl(job.id))
                after = self.queue.job(job.id)
                if after is not None and after.state is not JobState.CANCELLED:
                    failed.append(job.id)
            if len(jobs) < 100 or failed:
                break
        return failed

    def retry(self, job_ids: Iterable[int]) -> None:
        ids = list(job_ids)
        for job_id in ids:
            job = self.queue.job(job_id)
            if (
                job is not None
                and job.state in _RETRYABLE
                and job.error_code in ("file.changed", "integrity")
            ):
                self.queue.clear_checkpoint(job_id)  # start the object anew from the current file
        moved = self.queue.set_state(ids, JobState.QUEUED, only_from=_RETRYABLE, clear_error=True)
        self._announce(moved, JobState.QUEUED)
        self._wake.set()

    def remove(self, job_ids: Iterable[int]) -> list[int]:
        """Take finished jobs (done, failed, cancelled) off the list; others stay. Returns the removed.

        Only the queue row goes: a failed job's video record stays in the library, where it can be
        deleted on purpose (nothing on the server is deleted by tidying the list).
        """
        with self._lock:
            running = set(self._running)
        finished = []
        for job_id in job_ids:
            job = self.queue.job(job_id)
            if job is not None and job.state.is_final and job_id not in running:
                finished.append(job_id)
        self.queue.delete(finished)
        return finished

    def clear_finished(self, states: Iterable[JobState] = (JobState.DONE, JobState.CANCELLED)) -> list[int]:
        """Remove every job in ``states`` (default: done and cancelled; failed ones stay to be seen)."""
        wanted = [s for s in states if s.is_final]
        return self.remove(self.queue.ids_in_order(wanted)) if wanted else []

    def pause_all(self) -> None:
        self.pause(self.queue.ids_in_order(_STOPPABLE))

    def resume_all(self) -> None:
        self.resume(self.queue.ids_in_order([JobState.PAUSED]))

    def retry_failed(self) -> None:
        self.retry(self.queue.ids_in_order([JobState.FAILED]))

    def move(self, job_id: int, before_job_id: int | None) -> None:
        self.queue.move(job_id, before_job_id)

    def set_priority(self, job_id: int, priority: int) -> None:
        self.queue.update(job_id, priority=priority)
        self._wake.set()

    def upload_next(self, job_ids: Iterable[int]) -> int:
        """Put the jobs ahead of every other (their order among themselves kept); returns the priority.

        Only waiting jobs move: a running or finished job has nothing left to jump.
        """
        waiting = (JobState.QUEUED, JobState.PAUSED, JobState.FAILED, JobState.CANCELLED)
        ids = [i for i in job_ids if (job := self.queue.job(i)) is not None and job.state in waiting]
        top = self.queue.page(0, 1)  # ordered by priority first: its head holds the highest
        priority = (top[0].priority + 1) if top else 1
        for job_id in ids:
            self.set_priority(job_id, priority)
        return priority

    def set_limits(self, limits: Limits) -> None:
        """Change parallel files, parallel parts and bandwidth while running."""
        self._limits = Limits(
            parallel_files=max(1, min(limits.parallel_files, MAX_FILES)),
            parallel_parts=max(1, min(limits.parallel_parts, MAX_CONNECTIONS)),
            bandwidth_bps=max(0, limits.bandwidth_bps),
            adaptive=limits.adaptive,
        )
        self._shared.limiter.set_rate(self._limits.bandwidth_bps)
        if self._adaptive is not None:
            self._adaptive.set_maximum(self._limits.parallel_parts)
        else:
            self._shared.budget.resize(self._limits.connections)
        self._wake.set()

    def totals(self) -> QueueTotals:
        return self.queue.totals()

    def running_ids(self) -> list[int]:
        with self._lock:
            return list(self._running)
