"""Upload operations: CreateUpload*, RefreshUploadVideo, URL pulls, GetURLUploadInfos, RegisterMedia."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.credentials import decode_upload_address, decode_upload_auth
from vodstudio.cloud.aliyun.upload_models import (
    RegisteredMedia,
    RegisterResult,
    UploadTicket,
    UrlUploadInfo,
    UrlUploadInfos,
    UrlUploadJob,
)
from vodstudio.core.media_types import ATTACHED_EXTENSIONS, IMAGE_EXTENSIONS

IMAGE_TYPES = ("default", "cover")
IMAGE_EXTS = tuple(sorted(IMAGE_EXTENSIONS))
ATTACHED_EXTS = ATTACHED_EXTENSIONS
URL_UPLOAD_BATCH = 20
URL_INFO_BATCH = 10
REGISTER_BATCH = 10
# Characters a URL may carry unencoded; everything else (commas above all: they separate the list) is escaped.
_URL_SAFE = ":/?#[]@!$&'()*+;=%~"


def _encode_url(url: str) -> str:
    """One URL as UploadURLs carries it (and so as UploadMetadatas' SourceURL must repeat it)."""
    return quote(url, safe=_URL_SAFE)


def _ticket(
    body: dict[str, Any], id_key: str, url_key: str = "", *, clock_offset: float = 0.0
) -> UploadTicket:
    issued_at = time.time()
    return UploadTicket(
        media_id=p.require_text(body, id_key),
        address=decode_upload_address(p.require_text(body, "UploadAddress")),
        auth=decode_upload_auth(p.require_text(body, "UploadAuth"), issued_at, clock_offset=clock_offset),
        request_id=p.text(body, "RequestId"),
        media_url=p.text(body, url_key) if url_key else "",
        file_url=p.text(body, "FileURL"),
    )


def _json_param(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class UploadOps(RpcCaller):
    def create_upload_video(
        self,
        title: str,
        file_name: str,
        *,
        file_size: int | None = None,
        description: str | None = None,
        cover_url: str | None = None,
        cate_id: int | None = None,
        tags: Iterable[str] | None = None,
        template_group_id: str | None = None,
        workflow_id: str | None = None,
        storage_location: str | None = None,
        user_data: str | Mapping[str, object] | None = None,
        app_id: str | None = None,
        reference_id: str | None = None,
    ) -> UploadTicket:
        """``reference_id`` (6–64 of ``[A-Za-z0-9_-]``, unique per account) makes the call idempotent:
        a second create with the same id is refused, and ``refresh_upload_video`` finds the video."""
        # Bytes, not characters: the official upload SDK truncates titles to 128 UTF-8 bytes, and
        # UpdateVideoInfo documents bytes; a 50-character Chinese title (150 bytes) must fail here.
        lim.check_text("Title", title, lim.TITLE_MAX, unit="bytes", required=True)
        lim.check_text("FileName", file_name, 1024, unit="bytes", required=True, astral_ok=True)
        if not PurePath(file_name).suffix.strip("."):
            raise lim.local_error(
                "InvalidFileName.Extension", "The specified FileName's extension is illegal."
            )
        lim.check_text("Description", description, lim.DESCRIPTION_MAX, unit="bytes")
        if reference_id is not None:
            lim.check_reference_id(reference_id)
        params = {
            "Title": title,
            "FileName": file_name,
            "FileSize": file_size,
            "Description": description,
            "CoverURL": cover_url,
            "CateId": cate_id,
            "Tags": lim.join_tags(tags),
            "TemplateGroupId": template_group_id,
            "WorkflowId": workflow_id,
            "StorageLocation": storage_location,
            "UserData": _json_param(user_data),
            "AppId": app_id,
            "ReferenceId": reference_id,
        }
        return _ticket(self.call("CreateUploadVideo", params), "VideoId", clock_offset=self.clock_offset)

    def refresh_upload_video(self, video_id: str = "", *, reference_id: str = "") -> UploadTicket:
        """A new credential for the same upload address (the old one keeps its object key)."""
        if not (video_id or reference_id):
            raise lim.local_error("MissingVideoId", "A video id or reference id is required.")
        params = {"VideoId": video_id} if video_id else {"ReferenceId": reference_id}
        body = self.call("RefreshUploadVideo", params)
        if not body.get("VideoId") and video_id:
            body = {**body, "VideoId": video_id}
        return _ticket(body, "VideoId", clock_offset=self.clock_offset)

    def delete_attached_media(self, media_ids: Sequence[str]) -> list[str]:
        """Delete watermarks, subtitles or materials (≤20 per call, split); returns the unknown ids."""
        missing: list[str] = []
        for chunk in lim.chunks(list(media_ids), 20):
            body = self.call("DeleteAttachedMedia", {"MediaIds": ",".join(chunk)})
            missing += p.strings(body, "NonExistMediaIds")
        return missing

    def create_upload_image(
        self,
        *,
        image_type: str = "default",
        image_ext: str | None = None,
        title: str | None = None,
        description: str | None = None,
        tags: Iterable[str] | None = None,
        cate_id: int | None = None,
        original_file_name: str | None = None,
        storage_location: str | None = None,
        user_data: str | Mapping[str, object] | None = None,
        app_id: str | None = None,
    ) -> UploadTicket:
        lim.check_choice("ImageType", image_type, IMAGE_TYPES)
        lim.check_choice("ImageExt", image_ext.lower() if image_ext else None, IMAGE_EXTS)
        lim.check_text("Title", title, lim.TITLE_MAX, unit="bytes")
        lim.check_text("Description", description, lim.DESCRIPTION_MAX, unit="bytes")
        params = {
            "ImageType": image_type,
            "ImageExt": image_ext,
            "Title": title,
            "Description": description,
            "Tags": lim.join_tags(tags),
            "CateId": cate_id,
            "OriginalFileName": original_file_name,
            "StorageLocation": storage_location,
            "UserData": _json_param(user_data),
            "AppId": app_id,
        }
        return _ticket(
            self.call("CreateUploadImage", params), "ImageId", "ImageURL", clock_offset=self.clock_offset
        )

    def create_upload_attached_media(
        self,
        *,
        business_type: str,
        media_ext: str,
        title: str | None = None,
        file_name: str | None = None,
        file_size: int | None = None,
        description: str | None = None,
        tags: Iterable[str] | None = None,
        cate_ids: Sequence[int] | None = None,
        storage_location: str | None = None,
        user_data: str | Mapping[str, object] | None = None,
        app_id: str | None = None,
    ) -> UploadTicket:
        lim.check_choice("BusinessType", business_type, tuple(ATTACHED_EXTS))
        lim.check_choice("MediaExt", media_ext.lower(), ATTACHED_EXTS[business_type])
        lim.check_text("Title", title, lim.TITLE_MAX, unit="bytes")
        lim.check_text("Description", description, lim.DESCRIPTION_MAX, unit="bytes")
        if cate_ids is not None:
            lim.check_count("CateIds", len(cate_ids), 5)
        params = {
            "BusinessType": business_type,
            "MediaExt": media_ext,
            "Title": title,
            "FileName": file_name,
            "FileSize": file_size,
            "Description": description,
            "Tags": lim.join_tags(tags, unit="bytes"),
            "CateIds": list(cate_ids) if cate_ids else None,
            "StorageLocation": storage_location,
            "UserData": _json_param(user_data),
            "AppId": app_id,
        }
        return _ticket(
            self.call("CreateUploadAttachedMedia", params),
            "MediaId",
            "MediaURL",
            clock_offset=self.clock_offset,
        )

    def upload_media_by_url(
        self,
        urls: Sequence[str],
        *,
        metadatas: Sequence[Mapping[str, object]] | None = None,
        template_group_id: str | None = None,
        workflow_id: str | None = None,
        storage_location: str | None = None,
        user_data: str | Mapping[str, object] | None = None,
        app_id: str | None = None,
    ) -> list[UrlUploadJob]:
        """Pull media from URLs (asynchronous), 20 URLs per call; ``metadatas`` matched by ``SourceURL``."""
        wanted = lim.unique(urls)
        for meta in metadatas or ():
            if not meta.get("SourceURL") or not meta.get("Title"):
                raise lim.local_error("InvalidParameter", "each UploadMetadata needs SourceURL and Title")
            lim.check_text("Title", str(meta["Title"]), lim.TITLE_MAX)
        jobs: list[UrlUploadJob] = []
        for chunk in lim.chunks(wanted, URL_UPLOAD_BATCH):
            # The service applies a metadata only when its SourceURL is the very string sent in
            # UploadURLs, so both carry the same encoding (as the official sample does).
            metas = [
                {**m, "SourceURL": _encode_url(str(m["SourceURL"]))}
                for m in metadatas or ()
                if m.get("SourceURL") in chunk
            ]
            params = {
                "UploadURLs": ",".join(_encode_url(url) for url in chunk),
                "UploadMetadatas": _json_param(metas) if metas else None,
                "TemplateGroupId": template_group_id,
                "WorkflowId": workflow_id,
                "StorageLocation": storage_location,
                "UserData": _json_param(user_data),
                "AppId": app_id,
            }
            body = self.call("UploadMediaByURL", params)
            jobs += [
                UrlUploadJob(job_id=p.text(job, "JobId"), source_url=p.text(job, "SourceURL"))
                for job in p.items(body, "UploadJobs", "UploadJob")
            ]
        return jobs

    def get_url_upload_infos(
        self, *, job_ids: Sequence[str] = (), upload_urls: Sequence[str] = ()
    ) -> UrlUploadInfos:
        """Status of URL pulls, 10 per call; if both are given, only ``job_ids`` count (as the API does)."""
        by_job = bool(job_ids)
        wanted = lim.unique(job_ids) if by_job else lim.unique(upload_urls)
        infos: list[UrlUploadInfo] = []
        missing: list[str] = []
        for chunk in lim.chunks(wanted, URL_INFO_BATCH):
            if by_job:
                params = {"JobIds": ",".join(chunk)}
            else:
                params = {"UploadURLs": ",".join(_encode_url(url) for url in chunk)}
            body = self.call("GetURLUploadInfos", params)
            infos += [UrlUploadInfo.from_json(d) for d in p.items(body, "URLUploadInfoList", "URLUploadInfo")]
            missing += p.strings(body, "NonExists")
        return UrlUploadInfos(infos=infos, non_exists=missing)

    def register_media(
        self,
        metadatas: Sequence[Mapping[str, object]],
        *,
        template_group_id: str | None = None,
        workflow_id: str | None = None,
        user_data: str | Mapping[str, object] | None = None,
    ) -> RegisterResult:
        """Register OSS objects as media, 10 per call. Each metadata needs ``FileURL`` and ``Title``."""
        for meta in metadatas:
            if not meta.get("FileURL") or not meta.get("Title"):
                raise lim.local_error("InvalidParameter", "each RegisterMetadata needs FileURL and Title")
            lim.check_text("Title", str(meta["Title"]), lim.TITLE_MAX, unit="bytes")
            lim.check_text("FileURL", str(meta["FileURL"]), 1024, unit="bytes")
        registered: list[RegisteredMedia] = []
        failed: list[str] = []
        for chunk in lim.chunks(list(metadatas), REGISTER_BATCH):
            params = {
                "RegisterMetadatas": _json_param([dict(m) for m in chunk]),
                "TemplateGroupId": template_group_id,
                "WorkflowId": workflow_id,
                "UserData": _json_param(user_data),
            }
            body = self.call("RegisterMedia", params)
            registered += [
                RegisteredMedia(
                    file_url=p.text(d, "FileURL"),
                    media_id=p.text(d, "MediaId"),
                    new_register=str(d.get("NewRegister", "")).lower() == "true",
                )
                for d in p.items(body, "RegisteredMediaList", "RegisteredMedia")
            ]
            failed += p.strings(body, "FailedFileURLs")
        return RegisterResult(registered=registered, failed_file_urls=failed)
