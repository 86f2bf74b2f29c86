"""Refresh or prefetch whole videos by id: the quota it will spend, the submission, each video's outcome.

RefreshMediaPlayUrls turns every matching play URL of a video (and, for M3U8 with ``slice_flag``, its
first TS slices) into one CDN task, each paid from the same daily quota as a URL refresh or prefetch.
The service does not say the count beforehand, so ``estimate_media_refresh`` asks GetPlayInfo for each
video with the same filters and counts: distinct URLs, plus ``slices`` per M3U8 stream (an upper bound:
a playlist may hold fewer slices).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from vodstudio.cdn.desk import AliyunCdnDesk
from vodstudio.cloud.aliyun.cdn_models import (
    MediaRefreshJob,
    MediaRefreshOptions,
    MediaRefreshSubmission,
)
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.media_refresh_ops import check_media_refresh_options
from vodstudio.core.cdn import CdnTask, CdnTaskStatus, TaskRef
from vodstudio.core.errors import CancelledError, QuotaExceededError, ServiceError, ServiceFacts

# Answers of GetPlayInfo that mean "this video will touch no URL", not "the estimate failed".
UNPLAYABLE_CODES = frozenset({"InvalidVideo.NotFound", "InvalidVideo.NoneStream", "Forbidden.IllegalStatus"})
NOT_FOUND_CODE = "InvalidVideo.NotFound"
FORBIDDEN_CODE = "Forbidden"


@dataclass(frozen=True)
class MediaRefreshEstimate:
    """What a refresh/prefetch of ``media_ids`` will cost, against today's remaining quota."""

    options: MediaRefreshOptions
    media_ids: list[str]
    urls: dict[str, list[str]]  # per video: the play URLs (query stripped) it will touch
    cost_by_media: dict[str, int]  # per video: URLs plus the M3U8 slices counted for it
    skipped: dict[str, str]  # per video: the service code saying why it touches nothing
    remaining: int  # today's UrlRemain (refresh) or PreloadRemain (prefetch)

    @property
    def cost(self) -> int:
        return sum(self.cost_by_media.values())

    @property
    def fits(self) -> bool:
        return self.cost <= self.remaining


@dataclass(frozen=True)
class MediaRefreshOutcome:
    """One video of a submitted job. ``status``: PENDING until the service has submitted its URLs,
    RUNNING while any URL's task runs, then SUCCEEDED, or FAILED (not submitted, or any URL failed)."""

    media_id: str
    job_id: str
    status: CdnTaskStatus
    tasks: list[CdnTask] = field(default_factory=list)  # one per URL
    error_code: str = ""
    error_message: str = ""

    @property
    def succeeded_urls(self) -> list[str]:
        return [task.item for task in self.tasks if task.status is CdnTaskStatus.SUCCEEDED]

    @property
    def failed_urls(self) -> list[str]:
        return [task.item for task in self.tasks if task.status is CdnTaskStatus.FAILED]


def _base_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.netloc else url


def _video_urls(client: VodClient, media_id: str, options: MediaRefreshOptions) -> tuple[list[str], int]:
    """(distinct play URLs, their cost) of one video under ``options``; raises the GetPlayInfo error."""
    play = client.get_play_info(
        media_id,
        definition=list(options.definitions) or None,
        stream_type=",".join(options.stream_types) or None,
        result_type=options.result_type,
    )
    # GetPlayInfo knows fewer formats than RefreshMediaPlayUrls (no webm, ts): filter here.
    wanted = {fmt.lower() for fmt in options.formats}
    streams = [s for s in play.streams if not wanted or s.format.lower() in wanted]
    urls = list(dict.fromkeys(_base_url(s.play_url) for s in streams))
    m3u8 = {_base_url(s.play_url) for s in streams if s.format.lower() == "m3u8"}
    return urls, len(urls) + options.slices * len(m3u8)


def estimate_media_refresh(
    client: VodClient, media_ids: Sequence[str], options: MediaRefreshOptions
) -> MediaRefreshEstimate:
    """One GetPlayInfo per video and one DescribeVodRefreshQuota: show this before submitting."""
    check_media_refresh_options(options)
    ids = list(dict.fromkeys(i for i in media_ids if i))
    urls: dict[str, list[str]] = {}
    costs: dict[str, int] = {}
    skipped: dict[str, str] = {}
    for media_id in ids:
        try:
            urls[media_id], costs[media_id] = _video_urls(client, media_id, options)
        except ServiceError as error:
            if error.service_code not in UNPLAYABLE_CODES:
                raise
            skipped[media_id] = error.service_code
    quota = client.describe_vod_refresh_quota()
    remaining = quota.preload_remain if options.preload else quota.url_remain
    return MediaRefreshEstimate(options, ids, urls, costs, skipped, remaining)


def quota_short(estimate: MediaRefreshEstimate) -> QuotaExceededError:
    """The error a submission beyond today's quota would get from the service, raised locally."""
    kind = "prefetch" if estimate.options.preload else "refresh"
    message = f"The {kind} needs {estimate.cost} URLs of quota; {estimate.remaining} are left today."
    return QuotaExceededError(
        ServiceFacts(provider="aliyun", service_code="QuotaExceeded.Refresh", message=message)
    )


def submit_media_refresh(
    client: VodClient, estimate: MediaRefreshEstimate, *, allow_over_quota: bool = False
) -> list[MediaRefreshSubmission]:
    """Send the estimated videos, 20 per call; refuses (``QuotaExceededError``) what will not fit.

    Videos the estimate found unplayable are sent too: the job then carries the service's own verdict
    for each, which is what the Tasks view shows.
    """
    if not estimate.fits and not allow_over_quota:
        raise quota_short(estimate)
    if not estimate.media_ids:
        return []
    return client.refresh_media_play_urls_batched(estimate.media_ids, estimate.options)


def _refused(submission: MediaRefreshSubmission) -> list[MediaRefreshOutcome]:
    out = [
        MediaRefreshOutcome(m, submission.job_id, CdnTaskStatus.FAILED, error_code=NOT_FOUND_CODE)
        for m in submission.non_exist_media_ids
    ]
    return out + [
        MediaRefreshOutcome(m, submission.job_id, CdnTaskStatus.FAILED, error_code=FORBIDDEN_CODE)
        for m in submission.forbidden_media_ids
    ]


def _aggregate(tasks: list[CdnTask]) -> CdnTaskStatus:
    if not all(task.status.finished for task in tasks):
        pending = all(task.status is CdnTaskStatus.PENDING for task in tasks)
        return CdnTaskStatus.PENDING if pending else CdnTaskStatus.RUNNING
    if any(task.status is CdnTaskStatus.FAILED for task in tasks):
        return CdnTaskStatus.FAILED
    return CdnTaskStatus.SUCCEEDED


def _outcome(desk: AliyunCdnDesk, job: MediaRefreshJob) -> MediaRefreshOutcome:
    if not job.succeeded:
        status = CdnTaskStatus.FAILED if job.failed else CdnTaskStatus.PENDING
        return MediaRefreshOutcome(job.media_id, job.job_id, status, [], job.error_code, job.error_message)
    tasks = desk.tasks([TaskRef(task_id) for task_id in job.task_ids]) if job.task_ids else []
    status = _aggregate(tasks) if tasks else CdnTaskStatus.SUCCEEDED
    return MediaRefreshOutcome(job.media_id, job.job_id, status, tasks)


def media_refresh_status(
    client: VodClient, submissions: Sequence[MediaRefreshSubmission]
) -> list[MediaRefreshOutcome]:
    """Each video's outcome now, in submission order: one GetMediaRefreshJobs per job and one
    DescribeVodRefreshTasks per URL task (poll it every few seconds, not faster)."""
    desk = AliyunCdnDesk(client)
    outcomes: list[MediaRefreshOutcome] = []
    for submission in submissions:
        jobs = {job.media_id: job for job in client.get_media_refresh_jobs(submission.job_id)}
        for media_id in submission.accepted_media_ids:
            job = jobs.get(media_id)
            if job is None:  # accepted, not yet submitted by the service
                outcomes.append(MediaRefreshOutcome(media_id, submission.job_id, CdnTaskStatus.PENDING))
            else:
                outcomes.append(_outcome(desk, job))
        outcomes += _refused(submission)
    return outcomes


def wait_media_refresh(
    client: VodClient,
    submissions: Sequence[MediaRefreshSubmission],
    *,
    interval: float = 5.0,
    cancel: threading.Event | None = None,
    on_update: Callable[[list[MediaRefreshOutcome]], None] | None = None,
) -> list[MediaRefreshOutcome]:
    """Poll ``media_refresh_status`` until every video has finished; ``cancel`` stops it (CancelledError)."""
    stop = cancel or threading.Event()
    while True:
        outcomes = media_refresh_status(client, submissions)
        if on_update is not None:
            on_update(outcomes)
        if all(outcome.status.finished for outcome in outcomes):
            return outcomes
        if stop.wait(interval):
            raise CancelledError("stopped while waiting for the media refresh")
