"""Typed results of the upload operations: tickets (address + credential), URL pulls, registrations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth


@dataclass(frozen=True)
class UploadTicket:
    """What a CreateUpload*/RefreshUploadVideo call returns: where to upload and with what credential."""

    media_id: str
    address: UploadAddress
    auth: UploadAuth
    request_id: str
    media_url: str = ""  # ImageURL / MediaURL for images and attached media
    file_url: str = ""


@dataclass(frozen=True)
class UrlUploadJob:
    job_id: str
    source_url: str


@dataclass(frozen=True)
class UrlUploadInfo:
    job_id: str
    upload_url: str
    media_id: str
    status: str
    error_code: str
    error_message: str
    file_size: int
    creation_time: dt.datetime | None
    complete_time: dt.datetime | None
    user_data: str
    raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> UrlUploadInfo:
        return cls(
            job_id=p.text(d, "JobId"),
            upload_url=p.text(d, "UploadURL"),
            media_id=p.text(d, "MediaId"),
            status=p.text(d, "Status"),
            error_code=p.text(d, "ErrorCode"),
            error_message=p.text(d, "ErrorMessage"),
            file_size=p.integer(d, "FileSize"),
            creation_time=p.timestamp(d, "CreationTime"),
            complete_time=p.timestamp(d, "CompleteTime"),
            user_data=p.text(d, "UserData"),
            raw=d,
        )


@dataclass(frozen=True)
class UrlUploadInfos:
    infos: list[UrlUploadInfo]
    non_exists: list[str]


@dataclass(frozen=True)
class RegisteredMedia:
    file_url: str
    media_id: str
    new_register: bool


@dataclass(frozen=True)
class RegisterResult:
    registered: list[RegisteredMedia]
    failed_file_urls: list[str]
