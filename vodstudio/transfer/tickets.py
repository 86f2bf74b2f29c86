"""Upload tickets per job kind: create (idempotent via ReferenceId), refresh, or re-create, and delete."""

from __future__ import annotations

import logging
from pathlib import PurePath

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.limits import TITLE_MAX, truncate_utf8
from vodstudio.cloud.aliyun.upload_models import UploadTicket
from vodstudio.core.errors import NotFoundError, ServiceError, VodStudioError
from vodstudio.core.jobs import JobKind, UploadJob
from vodstudio.core.presets import printable_title

log = logging.getLogger("vodstudio.transfer.tickets")


VodApi = VodClient  # the engine's view of the VOD API (one client per account, thread-safe)


def default_title(job: UploadJob) -> str:
    if job.title:
        return job.title
    stem = PurePath(job.file_name).stem or job.file_name
    # 128 UTF-8 bytes, as the official upload SDK truncates: long CJK file names still make a title.
    return truncate_utf8(printable_title(stem), TITLE_MAX).strip() or "untitled"


def create_video(client: VodApi, job: UploadJob, cover_url: str) -> UploadTicket:
    """CreateUploadVideo with ``ReferenceId`` = the job's uuid, so a crash between the call and our
    commit cannot create a second video: the retry finds the first by its ReferenceId.
    """
    try:
        return client.create_upload_video(
            default_title(job),
            job.file_name,
            file_size=job.size or None,
            description=job.description or None,
            cover_url=cover_url or None,
            cate_id=job.cate_id,
            tags=list(job.tags) or None,
            template_group_id=job.template_group_id or None,
            workflow_id=job.workflow_id or None,
            storage_location=job.storage_location or None,
            user_data=job.user_data or None,
            app_id=job.app_id or None,
            reference_id=job.uuid or None,
        )
    except ServiceError as exc:
        if exc.service_code != "InvalidParameter.ReferenceId" or not job.uuid:
            raise
    log.info("job %s: video already created before a crash; continuing it", job.id)
    return client.refresh_upload_video(reference_id=job.uuid)


def create_image(client: VodApi, job: UploadJob, *, image_type: str = "default") -> UploadTicket:
    ext = PurePath(job.file_name).suffix.lstrip(".").lower() or None
    return client.create_upload_image(
        image_type=image_type,
        image_ext=ext,
        title=default_title(job),
        description=job.description or None,
        tags=list(job.tags) or None,
        cate_id=job.cate_id,
        original_file_name=job.file_name,
        storage_location=job.storage_location or None,
        user_data=job.user_data or None,
        app_id=job.app_id or None,
    )


def create_attached(client: VodApi, job: UploadJob) -> UploadTicket:
    ext = PurePath(job.file_name).suffix.lstrip(".").lower()
    business = job.business_type or (
        "subtitle" if ext in ("srt", "ass", "stl", "ttml", "vtt") else "material"
    )
    return client.create_upload_attached_media(
        business_type=business,
        media_ext=ext,
        title=default_title(job),
        file_name=job.file_name,
        file_size=job.size or None,
        description=job.description or None,
        tags=list(job.tags) or None,
        cate_ids=[job.cate_id] if job.cate_id is not None else None,
        storage_location=job.storage_location or None,
        user_data=job.user_data or None,
        app_id=job.app_id or None,
    )


def create_ticket(client: VodApi, job: UploadJob, cover_url: str = "") -> UploadTicket:
    if job.kind is JobKind.VIDEO:
        return create_video(client, job, cover_url)
    if job.kind is JobKind.IMAGE:
        return create_image(client, job)
    return create_attached(client, job)


def delete_media(client: VodApi, kind: JobKind, media_id: str) -> None:
    """Delete the VOD record a job created; one that is already gone is fine."""
    if not media_id:
        return
    try:
        if kind is JobKind.VIDEO:
            client.delete_video([media_id])
        elif kind is JobKind.IMAGE:
            client.delete_image(image_ids=[media_id])
        elif kind is JobKind.ATTACHED:
            client.delete_attached_media([media_id])
    except NotFoundError:
        pass
    except VodStudioError:
        log.warning("could not delete %s %s", kind.value, media_id, exc_info=True)
        raise
