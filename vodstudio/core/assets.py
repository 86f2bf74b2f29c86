"""Library assets as the app shows them: one row type for videos, audio, images and attached media."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vodstudio.core.match_builder import SearchType


@dataclass(frozen=True)
class Asset:
    """One library row, whatever the service's own type was (``kind`` says which)."""

    asset_id: str
    kind: SearchType
    title: str = ""
    status: str = ""
    description: str = ""
    duration: float = 0.0
    size: int = 0
    cover_url: str = ""  # the picture shown in the library (a video's cover, an image's URL)
    cate_id: int | None = None
    cate_name: str = ""
    tags: tuple[str, ...] = ()
    created: dt.datetime | None = None
    modified: dt.datetime | None = None
    file_name: str = ""
    storage_location: str = ""

    @property
    def is_playable_kind(self) -> bool:
        return self.kind in (SearchType.VIDEO, SearchType.AUDIO)


@dataclass(frozen=True)
class CategoryNode:
    """A category with its depth (1–3) in the tree, listed parents before children."""

    cate_id: int
    name: str
    level: int
    parent_id: int = -1

    @property
    def path_label(self) -> str:
        return "    " * max(self.level - 1, 0) + self.name


@dataclass(frozen=True)
class AssetEdit:
    """Only the fields the user chose to change; the others stay as they are on the server."""

    title: str | None = None
    description: str | None = None
    tags: tuple[str, ...] | None = None
    cate_id: int | None = None
    changed: frozenset[str] = field(default_factory=frozenset)

    def entry(self, asset_id: str, id_key: str = "VideoId") -> dict[str, object]:
        """One entry of UpdateVideoInfos / UpdateImageInfos ``UpdateContent``."""
        out: dict[str, object] = {id_key: asset_id}
        if "title" in self.changed:
            out["Title"] = self.title or ""
        if "description" in self.changed:
            out["Description"] = self.description or ""
        if "tags" in self.changed:
            out["Tags"] = ",".join(self.tags or ())
        if "cate_id" in self.changed and self.cate_id is not None:
            out["CateId"] = self.cate_id
        return out


@dataclass(frozen=True)
class CoverReplaced:
    video_id: str
    image_id: str
    new_url: str
    old_url: str
