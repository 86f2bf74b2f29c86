"""Typed results of the VOD API (frozen dataclasses; ``raw`` keeps the service's own dict)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vodstudio.cloud.aliyun import parse as p

# Upload and CDN results live in their own modules; re-exported so callers need one import path.
from vodstudio.cloud.aliyun.cdn_models import (
    DomainLog,
    DomainLogPage,
    RefreshQuota,
    RefreshTask,
    RefreshTaskPage,
    UsagePoint,
    UsageSeries,
)
from vodstudio.cloud.aliyun.upload_models import (
    RegisteredMedia,
    RegisterResult,
    UploadTicket,
    UrlUploadInfo,
    UrlUploadInfos,
    UrlUploadJob,
)


@dataclass(frozen=True)
class Video:
    video_id: str
    title: str
    description: str
    status: str
    duration: float
    size: int
    cover_url: str
    cate_id: int | None
    cate_name: str
    tags: list[str]
    creation_time: dt.datetime | None
    modification_time: dt.datetime | None
    storage_location: str
    template_group_id: str
    snapshots: list[str]
    app_id: str = ""
    user_data: str = ""
    storage_class: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Video:
        return cls(
            video_id=p.text(d, "VideoId"),
            title=p.text(d, "Title"),
            description=p.text(d, "Description"),
            status=p.text(d, "Status"),
            duration=p.number(d, "Duration"),
            size=p.integer(d, "Size"),
            cover_url=p.text(d, "CoverURL"),
            cate_id=p.optional_int(d, "CateId"),
            cate_name=p.text(d, "CateName"),
            tags=p.tags(d),
            creation_time=p.timestamp(d, "CreationTime"),
            modification_time=p.timestamp(d, "ModificationTime"),
            storage_location=p.text(d, "StorageLocation"),
            template_group_id=p.text(d, "TemplateGroupId"),
            snapshots=p.strings(d, "Snapshots", "Snapshot"),
            app_id=p.text(d, "AppId"),
            user_data=p.text(d, "UserData"),
            storage_class=p.text(d, "StorageClass"),
            raw=d,
        )


@dataclass(frozen=True)
class ImageInfo:
    image_id: str
    title: str
    description: str
    status: str
    url: str
    image_type: str
    cate_id: int | None
    cate_name: str
    tags: list[str]
    storage_location: str
    creation_time: dt.datetime | None
    file_url: str = ""
    original_file_name: str = ""
    file_size: int = 0
    width: int = 0
    height: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ImageInfo:
        mezz = p.obj(d, "Mezzanine")
        return cls(
            image_id=p.text(d, "ImageId"),
            title=p.text(d, "Title"),
            description=p.text(d, "Description"),
            status=p.text(d, "Status"),
            url=p.text(d, "URL"),
            image_type=p.text(d, "ImageType"),
            cate_id=p.optional_int(d, "CateId"),
            cate_name=p.text(d, "CateName"),
            tags=p.tags(d),
            storage_location=p.text(d, "StorageLocation"),
            creation_time=p.timestamp(d, "CreationTime"),
            file_url=p.text(mezz, "FileURL"),
            original_file_name=p.text(mezz, "OriginalFileName"),
            file_size=p.integer(mezz, "FileSize"),
            width=p.integer(mezz, "Width"),
            height=p.integer(mezz, "Height"),
            raw=d,
        )


@dataclass(frozen=True)
class AttachedMedia:
    media_id: str
    title: str
    description: str
    status: str
    url: str
    business_type: str
    tags: list[str]
    storage_location: str
    creation_time: dt.datetime | None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> AttachedMedia:
        return cls(
            media_id=p.text(d, "MediaId"),
            title=p.text(d, "Title"),
            description=p.text(d, "Description"),
            status=p.text(d, "Status"),
            url=p.text(d, "URL"),
            business_type=p.text(d, "BusinessType"),
            tags=p.tags(d),
            storage_location=p.text(d, "StorageLocation"),
            creation_time=p.timestamp(d, "CreationTime"),
            raw=d,
        )


@dataclass(frozen=True)
class Audio:
    audio_id: str
    title: str
    status: str
    duration: float
    size: int
    creation_time: dt.datetime | None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Audio:
        return cls(
            audio_id=p.text(d, "AudioId") or p.text(d, "MediaId"),
            title=p.text(d, "Title"),
            status=p.text(d, "Status"),
            duration=p.number(d, "Duration"),
            size=p.integer(d, "Size"),
            creation_time=p.timestamp(d, "CreationTime"),
            raw=d,
        )


@dataclass(frozen=True)
class MediaItem:
    media_id: str
    media_type: str
    creation_time: dt.datetime | None
    video: Video | None
    image: ImageInfo | None
    attached: AttachedMedia | None
    audio: Audio | None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> MediaItem:
        def sub(key: str, build: Any) -> Any:
            inner = p.obj(d, key)
            return build(inner) if inner else None

        return cls(
            media_id=p.text(d, "MediaId"),
            media_type=p.text(d, "MediaType"),
            creation_time=p.timestamp(d, "CreationTime"),
            video=sub("Video", Video.from_json),
            image=sub("Image", ImageInfo.from_json),
            attached=sub("AttachedMedia", AttachedMedia.from_json),
            audio=sub("Audio", Audio.from_json),
            raw=d,
        )


@dataclass(frozen=True)
class SearchPage:
    total: int
    scroll_token: str
    items: list[MediaItem]
    request_id: str


@dataclass(frozen=True)
class VideoInfos:
    videos: list[Video]
    non_exist_video_ids: list[str]


@dataclass(frozen=True)
class BatchResult:
    """Ids a batch call could not act on (``forbidden_ids`` also holds UnRemoveableVideoIds)."""

    non_exist_ids: list[str]
    forbidden_ids: list[str]


@dataclass(frozen=True)
class Mezzanine:
    video_id: str
    file_name: str
    file_url: str
    size: int
    duration: float
    bitrate: float
    width: int
    height: int
    fps: float
    status: str
    output_type: str
    creation_time: dt.datetime | None
    file_md5: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Mezzanine:
        return cls(
            video_id=p.text(d, "VideoId"),
            file_name=p.text(d, "FileName"),
            file_url=p.text(d, "FileURL"),
            size=p.integer(d, "Size"),
            duration=p.number(d, "Duration"),
            bitrate=p.number(d, "Bitrate"),
            width=p.integer(d, "Width"),
            height=p.integer(d, "Height"),
            fps=p.number(d, "Fps"),
            status=p.text(d, "Status"),
            output_type=p.text(d, "OutputType"),
            creation_time=p.timestamp(d, "CreationTime"),
            file_md5=p.text(d, "FileMD5"),
            raw=d,
        )


@dataclass(frozen=True)
class VideoListPage:
    total: int
    videos: list[Video]
    request_id: str


@dataclass(frozen=True)
class PlayStream:
    job_id: str
    play_url: str
    format: str
    definition: str
    size: int
    duration: float
    width: int
    height: int
    bitrate: float
    status: str
    stream_type: str = ""
    fps: float = 0.0
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PlayStream:
        return cls(
            job_id=p.text(d, "JobId"),
            play_url=p.text(d, "PlayURL"),
            format=p.text(d, "Format"),
            definition=p.text(d, "Definition"),
            size=p.integer(d, "Size"),
            duration=p.number(d, "Duration"),
            width=p.integer(d, "Width"),
            height=p.integer(d, "Height"),
            bitrate=p.number(d, "Bitrate"),
            status=p.text(d, "Status"),
            stream_type=p.text(d, "StreamType"),
            fps=p.number(d, "Fps"),
            raw=d,
        )


@dataclass(frozen=True)
class VideoBase:
    video_id: str
    title: str
    status: str
    duration: float
    cover_url: str
    creation_time: dt.datetime | None
    media_type: str = "video"


@dataclass(frozen=True)
class PlayInfo:
    video_base: VideoBase
    streams: list[PlayStream]
    request_id: str = ""


@dataclass(frozen=True)
class Category:
    cate_id: int
    cate_name: str
    parent_id: int
    level: int
    sub_total: int = 0
    cate_type: str = ""

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Category:
        return cls(
            cate_id=p.integer(d, "CateId"),
            cate_name=p.text(d, "CateName"),
            parent_id=p.integer(d, "ParentId", -1),
            level=p.integer(d, "Level"),
            sub_total=p.integer(d, "SubTotal"),
            cate_type=p.text(d, "Type"),
        )


@dataclass(frozen=True)
class CategoryPage:
    category: Category | None
    subcategories: list[Category]
    total: int


__all__ = [
    "AttachedMedia",
    "Audio",
    "BatchResult",
    "Category",
    "CategoryPage",
    "DomainLog",
    "DomainLogPage",
    "ImageInfo",
    "MediaItem",
    "Mezzanine",
    "PlayInfo",
    "PlayStream",
    "RefreshQuota",
    "RefreshTask",
    "RefreshTaskPage",
    "RegisterResult",
    "RegisteredMedia",
    "SearchPage",
    "UploadTicket",
    "UrlUploadInfo",
    "UrlUploadInfos",
    "UrlUploadJob",
    "UsagePoint",
    "UsageSeries",
    "Video",
    "VideoBase",
    "VideoInfos",
    "VideoListPage",
]
