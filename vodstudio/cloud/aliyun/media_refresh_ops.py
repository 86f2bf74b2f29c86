"""Refresh and prefetch by media id: RefreshMediaPlayUrls (≤20 ids a call) and GetMediaRefreshJobs."""

from __future__ import annotations

from collections.abc import Sequence

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.cdn_models import (
    MEDIA_FORMATS,
    MEDIA_RESULT_TYPES,
    MEDIA_STREAM_TYPES,
    MEDIA_TASK_TYPES,
    SLICE_COUNT_MAX,
    MediaRefreshJob,
    MediaRefreshOptions,
    MediaRefreshSubmission,
)

MEDIA_REFRESH_BATCH = 20


def check_media_refresh_options(options: MediaRefreshOptions) -> None:
    """What the service would refuse, refused before a request (or a quota unit) is spent."""
    lim.check_choice("TaskType", options.task_type, MEDIA_TASK_TYPES)
    for fmt in options.formats:
        lim.check_choice("Formats", fmt, MEDIA_FORMATS)
    for kind in options.stream_types:
        lim.check_choice("StreamType", kind, MEDIA_STREAM_TYPES)
    lim.check_choice("ResultType", options.result_type, MEDIA_RESULT_TYPES)
    count = options.slice_count
    if count is not None and not 1 <= count <= SLICE_COUNT_MAX:
        raise lim.local_error("InvalidSliceCount", f"SliceCount must be 1..{SLICE_COUNT_MAX} (got {count}).")
    lim.check_text("UserData", options.user_data, 1024, unit="bytes", astral_ok=True)


def _params(media_ids: Sequence[str], options: MediaRefreshOptions) -> dict[str, object]:
    return {
        "MediaIds": list(media_ids),
        "TaskType": options.task_type,
        "Formats": list(options.formats) or None,
        "Definitions": list(options.definitions) or None,
        "StreamType": list(options.stream_types) or None,
        "ResultType": options.result_type,
        "SliceFlag": options.slice_flag,
        # The count only means something with the flag; alone the service would ignore it.
        "SliceCount": options.slice_count if options.slice_flag else None,
        "UserData": options.user_data,
    }


class MediaRefreshOps(RpcCaller):
    # Media ids live in the account's region, so these go to its endpoint, not to the CDN's (Shanghai).
    def refresh_media_play_urls(
        self, media_ids: Sequence[str], options: MediaRefreshOptions | None = None
    ) -> MediaRefreshSubmission:
        """One RefreshMediaPlayUrls call for at most 20 media ids (``refresh_media_play_urls_batched``
        splits more)."""
        wanted = lim.unique(media_ids)
        if not wanted:
            raise lim.local_error("MissingMediaIds", "At least one media id is required.")
        lim.check_count("MediaIds", len(wanted), MEDIA_REFRESH_BATCH)
        chosen = options or MediaRefreshOptions()
        check_media_refresh_options(chosen)
        body = self.call("RefreshMediaPlayUrls", _params(wanted, chosen))
        return MediaRefreshSubmission(
            job_id=p.require_text(body, "MediaRefreshJobId"),
            media_ids=wanted,
            non_exist_media_ids=p.comma_list(body, "NonExistMediaIds"),
            forbidden_media_ids=p.comma_list(body, "ForbiddenMediaIds"),
            request_id=p.text(body, "RequestId"),
        )

    def refresh_media_play_urls_batched(
        self, media_ids: Sequence[str], options: MediaRefreshOptions | None = None
    ) -> list[MediaRefreshSubmission]:
        """Any number of media ids, 20 per call: one submission (and one job id) per call."""
        chosen = options or MediaRefreshOptions()
        check_media_refresh_options(chosen)  # before the first call, not after a partial submit
        wanted = lim.unique(media_ids)
        if not wanted:
            raise lim.local_error("MissingMediaIds", "At least one media id is required.")
        chunks = lim.chunks(wanted, MEDIA_REFRESH_BATCH)
        return [self.refresh_media_play_urls(chunk, chosen) for chunk in chunks]

    def get_media_refresh_jobs(self, job_id: str, *, media_id: str | None = None) -> list[MediaRefreshJob]:
        """The media of one job (or just ``media_id``), each with its submission status and task ids."""
        if not job_id:
            raise lim.local_error("MissingMediaRefreshJobId", "MediaRefreshJobId is required.")
        body = self.call("GetMediaRefreshJobs", {"MediaRefreshJobId": job_id, "MediaId": media_id or None})
        return [MediaRefreshJob.from_json(d) for d in p.items(body, "MediaRefreshJobs", "MediaRefreshJob")]
