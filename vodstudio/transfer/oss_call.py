"""What one job's OSS requests share: the connection budget, stop signals, retry with credential refresh."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vodstudio.cloud.retry import RetryPolicy
from vodstudio.core.errors import (
    CancelledError,
    CredentialExpiredError,
    IntegrityError,
    SourceFileError,
    StalledError,
    VodStudioError,
)
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer import deadline
from vodstudio.transfer.credentials import CredentialKeeper
from vodstudio.transfer.delivered import DeliveredMeter, PartCounter
from vodstudio.transfer.events import EventHub
from vodstudio.transfer.ledger import SendLedger
from vodstudio.transfer.oss_session import OssSession, SliceReader, oss_error
from vodstudio.transfer.ratelimit import TokenBucket

log = logging.getLogger("vodstudio.transfer")

MAX_REFRESHES_PER_REQUEST = 4
PART_RETRY = RetryPolicy(max_attempts=8, base_delay=0.2, max_delay=10.0, max_total=120.0)


class ConnectionBudget:
    """A semaphore whose size can change while running: all parts of all files share it."""

    def __init__(self, size: int) -> None:
        self._cond = threading.Condition()
        self._size = max(size, 1)
        self._used = 0

    def resize(self, size: int) -> None:
        with self._cond:
            self._size = max(size, 1)
            self._cond.notify_all()

    def acquire(self, cancel: threading.Event | None = None) -> None:
        with self._cond:
            while self._used >= self._size:
                if cancel is not None and cancel.is_set():
                    raise CancelledError("transfer stopped")
                self._cond.wait(0.2)
            self._used += 1

    def release(self) -> None:
        with self._cond:
            self._used -= 1
            self._cond.notify()

    def busy(self) -> bool:
        """Every connection of the budget is in use (adaptive parallelism judges only such periods)."""
        with self._cond:
            return self._used >= self._size


class StopReason:
    PAUSE = "pause"
    CANCEL = "cancel"
    SHUTDOWN = "shutdown"


@dataclass
class JobControl:
    """The stop switch of one running job; ``reason`` says what the stop means."""

    job_id: int
    cancel: threading.Event = field(default_factory=threading.Event)
    reason: str = ""

    def stop(self, reason: str) -> None:
        # cancel beats pause beats shutdown: a cancel during a pause request must still clean up.
        order = [StopReason.SHUTDOWN, StopReason.PAUSE, StopReason.CANCEL]
        if not self.reason or order.index(reason) > order.index(self.reason):
            self.reason = reason
        self.cancel.set()


@dataclass
class Shared:
    """Engine-wide resources, one of each."""

    queue: QueueDb
    session: OssSession
    limiter: TokenBucket
    budget: ConnectionBudget
    pool: ThreadPoolExecutor  # part uploads of all jobs
    hub: EventHub
    parallel_parts: Callable[[], int]
    retry: RetryPolicy = PART_RETRY
    meter: DeliveredMeter = field(default_factory=DeliveredMeter)  # progress as the link takes it
    ledger: SendLedger = field(default_factory=SendLedger)  # bytes sent and retries, for the record
    part_size: int = 0  # 0: the planner adapts; else this size (and multipart above it)
    # Called when the queue database cannot be written (disk full): the engine stops dispatching.
    on_storage_error: Callable[[VodStudioError], None] = lambda _error: None
    # Adaptive parallelism (transfer/adaptive_run.py): a retried failure, a job's route, a part size.
    on_retry: Callable[[VodStudioError], None] = lambda _error: None
    on_route: Callable[[str, str], None] = lambda _account, _endpoint: None
    part_size_for: Callable[[int], int | None] = lambda _size: None


class AddressChanged(VodStudioError):
    """A non-refreshable credential was re-created: the object must be uploaded again from the start."""

    default_code = "upload.restart"


@dataclass
class JobTransfer:
    """One job's view of the shared resources plus its credential keeper and stop switch."""

    shared: Shared
    control: JobControl
    keeper: CredentialKeeper
    path: str

    @property
    def job_id(self) -> int:
        return self.control.job_id

    def check_stop(self) -> None:
        if self.control.cancel.is_set():
            raise CancelledError(f"job {self.job_id} stopped ({self.control.reason})")

    def call(self, op: Callable[[Any], Any], *, on_failure: Callable[[], None] | None = None) -> Any:
        """Run ``op(bucket)`` with per-request retries and single-flight credential refresh.

        Only this request is retried; a refresh triggered here is shared with every other part that
        failed with the same (old) credential. ``on_failure`` undoes per-attempt side effects
        (progress counted for bytes that must be sent again).
        """
        attempt = 0
        refreshes = 0
        stalls = 0
        start_address = self.keeper.grant.address
        while True:
            self.check_stop()
            grant = self.keeper.current()
            if grant.address != start_address:
                raise AddressChanged("the upload was re-created with a new address")
            bucket = self.shared.session.bucket(grant.address, grant.auth)
            with deadline.scope() as guards:
                try:
                    return op(bucket)
                except (CancelledError, SourceFileError, AddressChanged):
                    if on_failure:
                        on_failure()
                    raise
                except Exception as exc:  # oss2 raises its own hierarchy and requests' errors
                    if on_failure:
                        on_failure()
                    error = self._stalled(guards) or oss_error(exc)
            if self.control.cancel.is_set():
                raise CancelledError(f"job {self.job_id} stopped ({self.control.reason})") from error
            if isinstance(error, CredentialExpiredError) and refreshes < MAX_REFRESHES_PER_REQUEST:
                refreshes += 1
                self.keeper.refresh(grant.generation)
                continue
            attempt += 1
            stalls += isinstance(error, StalledError)
            self.shared.on_retry(error)
            policy = self.shared.retry
            if not error.retryable or attempt >= policy.max_attempts or stalls >= policy.max_stalls:
                raise error
            self.shared.ledger.retried(self.job_id)
            delay = policy.delay(attempt, error)
            log.info("job %s: retrying OSS request after %s in %.2fs", self.job_id, error.code, delay)
            if self.control.cancel.wait(delay):
                raise CancelledError(f"job {self.job_id} stopped ({self.control.reason})") from error

    def _stalled(self, guards: list[deadline.RequestGuard]) -> StalledError | None:
        fired = [g for g in guards if g.fired]
        if not fired:
            return None
        return StalledError(
            f"the server stopped answering (no complete answer within {fired[0].seconds:g} s)"
        )

    def send_slice(
        self, offset: int, size: int, send: Callable[[Any, Any], Any], what: str
    ) -> tuple[Any, int]:
        """Send bytes ``[offset, offset + size)`` of the file with ``send(bucket, body)``.

        Holds one connection of the shared budget, streams through the rate limiter, counts progress
        as the link takes the bytes (``delivered.PartCounter``: the socket's unsent queue is not progress;
        taken back when an attempt fails, so retried bytes are not counted twice) and checks the CRC64
        OSS says it stored against ours. Returns (OSS result, CRC64 of the slice).
        """
        shared = self.shared
        shared.budget.acquire(self.control.cancel)
        try:
            counter = PartCounter(lambda n: shared.hub.add(self.job_id, n))

            def written(amount: int) -> None:
                shared.ledger.sent(self.job_id, amount)  # every attempt's bytes: the wire carried them
                counter.written(amount)

            def op(bucket: Any) -> tuple[Any, int]:
                shared.meter.track(counter)
                try:
                    with SliceReader(
                        Path(self.path), offset, size, limiter=shared.limiter, cancel=self.control.cancel,
                        on_bytes=written,
                    ) as reader:  # fmt: skip
                        result = send(bucket, reader.body())
                finally:
                    shared.meter.untrack(counter)
                if result.crc is not None and int(result.crc) != reader.crc:
                    raise IntegrityError(
                        f"{what}: OSS stored CRC64 {result.crc}, we sent {reader.crc}", retryable=True
                    )
                counter.answered()
                return result, reader.crc

            outcome: tuple[Any, int] = self.call(op, on_failure=counter.undo)
            return outcome
        finally:
            shared.budget.release()
