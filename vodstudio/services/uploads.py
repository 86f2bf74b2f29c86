"""Uploads as a use case: the durable queue, the engine that runs it, limits and remembered defaults."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from vodstudio.core.jobs import JobMetadata, Limits, QueueTotals, UploadJob
from vodstudio.core.schedule import BandwidthSchedule
from vodstudio.services.accounts import AccountsService
from vodstudio.services.record import UploadRecord
from vodstudio.services.schedule import ScheduleApplier
from vodstudio.services.settings import SettingsService
from vodstudio.store.engine_lock import EngineLock
from vodstudio.store.link_memory import LinkMemory
from vodstudio.store.queue_db import QueueDb

# The engine type is part of this service's surface: the faces hold the engine it builds.
from vodstudio.transfer.engine import UploadEngine as UploadEngine
from vodstudio.transfer.events import Sink
from vodstudio.transfer.oneshot import OneShotUploader, UploadedImage


class UploadsService:
    """The GUI window and each CLI command build their engine here, so both run the same one."""

    def __init__(
        self,
        queue: QueueDb,
        accounts: AccountsService,
        settings: SettingsService,
        *,
        part_size: int | None = None,
    ) -> None:
        self.queue = queue
        self._accounts = accounts
        self._settings = settings
        self._part_size = part_size
        self._oneshot = OneShotUploader(queue)
        self.record = UploadRecord(queue)  # what was delivered: CSV / JSON export

    # ---- the engine -----------------------------------------------------------------------------
    def limits(self) -> Limits:
        s = self._settings.current
        return Limits(s.parallel_files, s.parallel_parts, s.bandwidth_limit)

    def engine(self, sink: Sink, *, limits: Limits | None = None) -> UploadEngine:
        """A new engine over the queue (not started); its owner closes it."""
        part_size = self._part_size if self._part_size is not None else self._settings.current.part_size
        return UploadEngine(
            self.queue,
            self._accounts.vod_client,
            limits=limits or self.limits(),
            sink=sink,
            part_size=part_size,
            lock=EngineLock(self.queue.path.with_name("engine.lock")),  # one uploading process per profile
            memory=LinkMemory(self.queue.path.with_name("links.json")),  # adaptive parallelism per network
        )

    def save_limits(self, limits: Limits) -> Limits:
        """Remember the limits the user set (the caller applies them to its running engine)."""
        s = self._settings.update(
            parallel_files=limits.parallel_files,
            parallel_parts=limits.parallel_parts,
            bandwidth_limit=limits.bandwidth_bps,
        )
        return Limits(s.parallel_files, s.parallel_parts, s.bandwidth_limit)

    # ---- the bandwidth schedule -------------------------------------------------------------------
    def schedule(self) -> BandwidthSchedule:
        return BandwidthSchedule.parse(self._settings.current.bandwidth_schedule)

    def set_schedule(self, schedule: BandwidthSchedule | str) -> BandwidthSchedule:
        """Save the weekly schedule (text is parsed: ``ValueError`` names the bad token); running
        engines with an applier follow it at once."""
        if isinstance(schedule, str):
            schedule = BandwidthSchedule.parse(schedule)
        self._settings.update(bandwidth_schedule=schedule.format())
        return schedule

    def apply_schedule(
        self, engine: UploadEngine, *, clock: Callable[[], datetime] | None = None
    ) -> ScheduleApplier:
        """Start following the schedule on ``engine`` (its owner closes the applier before the engine)."""
        return ScheduleApplier(engine, self._settings, clock or datetime.now).start()

    # ---- defaults of the metadata sheet ----------------------------------------------------------
    def defaults(self) -> tuple[JobMetadata, bool]:
        """What the sheet offers first, and whether folders include non-media files."""
        s = self._settings.current
        meta = JobMetadata(
            description=s.default_description,
            tags=tuple(s.default_tags),
            cate_id=s.default_cate_id,
            template_group_id=s.default_template_group_id,
        )
        return meta, s.include_all_files

    def remember_defaults(self, metadata: JobMetadata, include_all: bool) -> None:
        self._settings.update(
            default_description=metadata.description,
            default_tags=tuple(metadata.tags),
            default_cate_id=metadata.cate_id,
            default_template_group_id=metadata.template_group_id,
            include_all_files=include_all,
        )

    # ---- reading the queue ----------------------------------------------------------------------
    def job(self, job_id: int) -> UploadJob | None:
        return self.queue.job(job_id)

    def totals(self) -> QueueTotals:
        return self.queue.totals()

    # ---- one image outside the queue -------------------------------------------------------------
    def upload_image(self, account_name: str, path: Path, *, image_type: str = "cover") -> UploadedImage:
        account = self._accounts.get(account_name)
        client = self._accounts.vod_client(account_name)
        return self._oneshot.upload_image(client, path, proxy=account.proxy, image_type=image_type)

    def close(self) -> None:
        self._oneshot.close()
        self.queue.close()


def resolved(paths: Sequence[Path]) -> list[Path]:
    """Absolute paths (a relative CLI argument must still name the same file after a ``cd``).

    ``abspath``, not ``resolve()``: a symlink loop must reach the scan (skipped and reported), not
    raise here and take the other files down with it.
    """
    return [Path(os.path.abspath(Path(p).expanduser())) for p in paths]  # noqa: PTH100
