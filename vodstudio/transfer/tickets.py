"""Upload tickets per job kind: create (idempotent via ReferenceId), refresh, or re-create, and delete."""

from __future__ import annotations

import logging
import time
import unicodedata
from pathlib import PurePath
from typing import Any

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.credentials import decode_upload_address, decode_upload_auth
from vodstudio.cloud.aliyun.upload_models import UploadTicket
from vodstudio.core.errors import NotFoundError, ServiceError, VodStudioError
from vodstudio.core.jobs import JobKind, UploadJob

log = logging.getLogger("vodstudio.transfer.tickets")


VodApi = VodClient  # the engine's view of the VOD API (one client per account, thread-safe)


def _printable_title(text: str) -> str:
    """VOD rejects emoji in titles (IllegalCharacters): a title made from a file name drops them."""
    kept = "".join(
        ch
        for ch in text
        if ord(ch) <= 0xFFFF and unicodedata.category(ch) not in ("So", "Cs", "Co", "Cc", "Mn")
    )
    return " ".join(kept.split())


def default_title(job: UploadJob) -> str:
    if job.title:
        return job.title
    stem = PurePath(job.file_name).stem or job.file_name
    return _printable_title(stem)[:128] or "untitled"


def _ticket(body: dict[str, Any], id_key: str) -> UploadTicket:
    return UploadTicket(
        media_id=str(body.get(id_key) or ""),
        address=decode_upload_address(str(body.get("UploadAddress") or "")),
        auth=decode_upload_auth(str(body.get("UploadAuth") or ""), time.time()),
        request_id=str(body.get("RequestId") or ""),
    )


def create_video(client: VodApi, job: UploadJob, cover_url: str) -> UploadTicket:
    """CreateUploadVideo with ``ReferenceId`` = the job's uuid, so a crash between the call and our
    commit cannot create a second video: the retry finds the first by its ReferenceId.

    Called through ``client.call`` because ``VodClient.create_upload_video`` has no ReferenceId yet.
    """
    params: dict[str, object] = {
        "Title": default_title(job),
        "FileName": job.file_name,
        "FileSize": job.size or None,
        "Description": job.description or None,
        "CoverURL": cover_url or None,
        "CateId": job.cate_id,
        "Tags": ",".join(job.tags) if job.tags else None,
        "TemplateGroupId": job.template_group_id or None,
        "WorkflowId": job.workflow_id or None,
        "UserData": job.user_data or None,
        "ReferenceId": job.uuid or None,
    }
    try:
        return _ticket(client.call("CreateUploadVideo", params), "VideoId")
    except ServiceError as exc:
        if exc.service_code != "InvalidParameter.ReferenceId" or not job.uuid:
            raise
    log.info("job %s: video already created before a crash; continuing it", job.id)
    body = client.call("RefreshUploadVideo", {"ReferenceId": job.uuid})
    return _ticket(body, "VideoId")


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
        user_data=job.user_data or None,
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
        user_data=job.user_data or None,
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
            client.call("DeleteAttachedMedia", {"MediaIds": media_id})
    except NotFoundError:
        pass
    except VodStudioError:
        log.warning("could not delete %s %s", kind.value, media_id, exc_info=True)
        raise
