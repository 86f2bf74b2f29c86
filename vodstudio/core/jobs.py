"""Upload jobs and the events the engine reports about them (plain frozen dataclasses, no I/O)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from vodstudio.core.media_types import MediaClass, media_class


class JobKind(enum.StrEnum):
    VIDEO = "video"  # video or audio file -> CreateUploadVideo
    IMAGE = "image"  # CreateUploadImage
    ATTACHED = "attached"  # CreateUploadAttachedMedia (watermark, subtitle, material)
    URL_PULL = "url_pull"  # UploadMediaByURL, polled with GetURLUploadInfos
    REGISTER = "register"  # RegisterMedia for a file already in the VOD bucket


class JobState(enum.StrEnum):
    QUEUED = "queued"
    PREPARING = "preparing"
    UPLOADING = "uploading"
    VERIFYING = "verifying"
    PAUSED = "paused"
    CANCELLING = "cancelling"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (JobState.DONE, JobState.FAILED, JobState.CANCELLED)

    @property
    def is_active(self) -> bool:
        """Work is (or was, before a crash) in flight for this job."""
        return self in (JobState.PREPARING, JobState.UPLOADING, JobState.VERIFYING, JobState.CANCELLING)


class CoverRule(enum.StrEnum):
    """Where each video's cover comes from when no cover file is chosen for the whole batch."""

    NONE = "none"
    SAME_STEM = "same-stem"  # the image beside the video with the same name (a.mp4 -> a.jpg)


@dataclass(frozen=True)
class JobMetadata:
    """What the user sets before an upload; applied to every file added in one go."""

    title: str = ""  # empty: the file name; with {stem} {date} {folder}: a pattern (core/presets.py)
    description: str = ""
    tags: tuple[str, ...] = ()
    cate_id: int | None = None
    template_group_id: str = ""
    workflow_id: str = ""
    cover_path: str = ""  # a local image uploaded first; its URL becomes CoverURL
    user_data: str = ""
    kind: JobKind | None = None  # None: decided per file by extension
    business_type: str = ""  # attached media: watermark | subtitle | material; image: default/cover
    priority: int = 0
    accelerate: bool | None = None  # this upload's route; None: the account's (services/routes.py)
    storage_location: str = ""  # empty: the account's default storage
    app_id: str = ""  # empty: the account's default application
    cover_rule: CoverRule = CoverRule.NONE
    prefetch_when_playable: bool = False  # CDN prefetch of the play URLs once the video plays


@dataclass(frozen=True)
class UploadJob:
    """One queued upload as stored in the queue database."""

    id: int
    kind: JobKind
    account: str
    path: str  # local file, or source URL for URL_PULL / REGISTER
    size: int = 0
    mtime_ns: int = 0
    title: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    cate_id: int | None = None
    template_group_id: str = ""
    workflow_id: str = ""
    cover_path: str = ""
    user_data: str = ""
    business_type: str = ""
    uuid: str = ""  # stable identity; sent as ReferenceId so a crash cannot create a second video
    media_id: str = ""
    media_url: str = ""
    state: JobState = JobState.QUEUED
    bytes_done: int = 0
    error_code: str = ""
    error_message: str = ""
    request_id: str = ""
    priority: int = 0
    storage_location: str = ""
    app_id: str = ""
    prefetch_cdn: bool = False
    position: float = 0.0
    attempts: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0

    @property
    def file_name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class PartRecord:
    """A multipart part recorded durably after the server acknowledged it."""

    part_number: int
    size: int
    etag: str
    crc64: int


@dataclass(frozen=True)
class Checkpoint:
    """Which OSS upload a job continues after a pause or a crash (ListParts says which parts exist)."""

    job_id: int
    endpoint: str
    bucket: str
    object_key: str
    upload_id: str = ""  # empty: simple PUT or multipart not yet initiated
    part_size: int = 0
    file_size: int = 0
    mtime_ns: int = 0
    parts: tuple[PartRecord, ...] = ()


@dataclass(frozen=True)
class JobProgress:
    job_id: int
    bytes_done: int
    bytes_total: int
    speed_bps: float
    eta_s: float | None


@dataclass(frozen=True)
class JobStateChanged:
    job_id: int
    state: JobState
    error_code: str = ""
    error_message: str = ""
    request_id: str = ""
    media_id: str = ""


@dataclass(frozen=True)
class JobsAdded:
    """Jobs were added (the GUI re-counts its virtual table)."""

    job_ids: tuple[int, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason code)


# Everything the engine reports to its sink; consumers match on the type (``isinstance`` / ``match``).
TransferEvent = JobProgress | JobStateChanged | JobsAdded


@dataclass(frozen=True)
class QueueTotals:
    total: int = 0
    by_state: dict[JobState, int] = field(default_factory=dict)
    bytes_total: int = 0
    bytes_done: int = 0

    def count(self, state: JobState) -> int:
        return self.by_state.get(state, 0)

    @property
    def pending(self) -> int:
        return sum(n for s, n in self.by_state.items() if not s.is_final and s is not JobState.PAUSED)

    @property
    def failed(self) -> int:
        return self.count(JobState.FAILED)


# The skip reason of an image left out because it is the cover of a video beside it (CoverRule.SAME_STEM).
USED_AS_COVER = "cover"


@dataclass(frozen=True)
class AddResult:
    job_ids: tuple[int, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason code) e.g. ("a.txt", "not-media")
    batch_id: str = ""  # the upload record's batch (one per add call)


@dataclass(frozen=True)
class Limits:
    parallel_files: int = 2
    parallel_parts: int = 64  # most connections for parts (adaptive finds how many fill the link)
    bandwidth_bps: int = 0  # 0 = unlimited
    # Find the connection count that fills the link (transfer/adaptive.py); parallel_parts is then
    # the most it may use. False: exactly parallel_parts, as before.
    adaptive: bool = True

    @property
    def connections(self) -> int:
        """The one connection budget shared by parallel files and parallel parts."""
        return max(self.parallel_parts, self.parallel_files, 1)


def kind_for_name(name: str) -> JobKind | None:
    """The job kind a file name implies (``core/media_types.py`` decides), or None when it is not media."""
    media = media_class(name)
    if media in (MediaClass.VIDEO, MediaClass.AUDIO):
        return JobKind.VIDEO
    if media is MediaClass.IMAGE:
        return JobKind.IMAGE
    if media is MediaClass.SUBTITLE:
        return JobKind.ATTACHED
    return None
