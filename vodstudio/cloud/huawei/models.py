"""Typed results of the Huawei VOD CDN and asset APIs."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class HuaweiTaskStatus(enum.StrEnum):
    PROCESSING = "PROCESSING"
    SUCCEED = "SUCCEED"
    FAILED = "FAILED"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def parse(cls, text: object) -> HuaweiTaskStatus:
        """Case-insensitive: the SDK model says ``SUCCEED``, the documentation's example ``succeed``."""
        try:
            return cls(str(text).strip().upper())
        except ValueError:
            return cls.UNKNOWN


@dataclass(frozen=True)
class TaskItem:
    url: str
    status: HuaweiTaskStatus


@dataclass(frozen=True)
class HuaweiAsset:
    asset_id: str
    title: str = ""
    description: str = ""
    duration: int = 0  # seconds
    size: int = 0  # bytes
    original_url: str = ""
    cover_url: str = ""
    create_time: str = ""  # yyyymmddhhmmss, UTC
    asset_status: str = ""  # CREATING, FAILED, CREATED, PUBLISHED, DELETED
    transcode_status: str = ""
    media_type: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HuaweiAsset:
        covers = data.get("covers") or []
        cover = covers[0].get("cover_url", "") if covers and isinstance(covers[0], dict) else ""
        return cls(
            asset_id=str(data.get("asset_id", "")),
            title=str(data.get("title") or ""),
            description=str(data.get("description") or ""),
            duration=int(data.get("duration") or 0),
            size=int(data.get("size") or 0),
            original_url=str(data.get("original_url") or ""),
            cover_url=str(cover or ""),
            create_time=str(data.get("create_time") or ""),
            asset_status=str(data.get("asset_status") or ""),
            transcode_status=str(data.get("transcode_status") or ""),
            media_type=str(data.get("media_type") or ""),
        )


@dataclass(frozen=True)
class AssetPage:
    total: int
    assets: list[HuaweiAsset] = field(default_factory=list)
