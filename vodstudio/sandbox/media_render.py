"""Render ``media`` rows as the API's Video / Audio / Image / AttachedMedia dictionaries."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from vodstudio.sandbox.state import SandboxState

REGION = "cn-shanghai"


def object_url(state: SandboxState, key: str) -> str:
    """A stored reference as a URL on the *current* CDN domain (absolute URLs pass through)."""
    if not key:
        return ""
    if key.startswith(("http://", "https://")):
        return key
    return f"http://{state.cdn_domain}/{key.lstrip('/')}"


def extra_fields(row: sqlite3.Row) -> dict[str, Any]:
    try:
        value = json.loads(row["extra"] or "{}")
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def category_names(conn: sqlite3.Connection) -> dict[int, str]:
    return {int(r["cate_id"]): str(r["cate_name"]) for r in conn.execute("SELECT * FROM categories")}


def snapshot_urls(state: SandboxState, conn: sqlite3.Connection, media_id: str, kind: str) -> list[str]:
    rows = conn.execute(
        "SELECT object_key FROM snapshots WHERE media_id = ? AND kind = ? ORDER BY object_key",
        (media_id, kind),
    )
    return [object_url(state, r["object_key"]) for r in rows]


def cover_url(state: SandboxState, conn: sqlite3.Connection, row: sqlite3.Row) -> str:
    if row["cover_url"]:
        return object_url(state, row["cover_url"])
    covers = snapshot_urls(state, conn, row["media_id"], "CoverSnapshot")
    return covers[0] if covers else ""


def _category(row: sqlite3.Row, names: dict[int, str]) -> dict[str, Any]:
    if row["cate_id"] is None:
        return {}
    cate = int(row["cate_id"])
    return {"CateId": cate, "CateName": names.get(cate, "")}


def _playable_base(state: SandboxState, row: sqlite3.Row, names: dict[int, str]) -> dict[str, Any]:
    more = extra_fields(row)
    base: dict[str, Any] = {
        "Title": row["title"],
        "Description": row["description"],
        "Tags": row["tags"],
        "Status": row["status"],
        "Duration": round(float(row["duration"]), 3),
        "Size": int(row["size"]),
        "CreationTime": state.iso(row["created_at"]),
        "ModificationTime": state.iso(row["modified_at"]),
        "StorageLocation": row["storage_location"],
        "AppId": row["app_id"],
        "MediaSource": row["media_source"],
        "PreprocessStatus": more.get("PreprocessStatus", "UnPreprocess"),
        "StorageClass": row["storage_class"],
        "DownloadSwitch": row["download_switch"],
        "TranscodeMode": more.get("TranscodeMode", "FastTranscode"),
    }
    base.update(_category(row, names))
    return base


def video(
    state: SandboxState,
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    names: dict[int, str],
    *,
    nested_snapshots: bool,
) -> dict[str, Any]:
    """The Video of GetVideoInfo / GetVideoList (``{"Snapshot": [...]}``) or GetVideoInfos (``[...]``)."""
    data = {"VideoId": row["media_id"], **_playable_base(state, row, names)}
    for key in ("MediaSource", "PreprocessStatus", "TranscodeMode"):
        data.pop(key)
    snapshots = snapshot_urls(state, conn, row["media_id"], "NormalSnapshot")
    data.update(
        {
            "CoverURL": cover_url(state, conn, row),
            "TemplateGroupId": row["template_group_id"],
            "RegionId": REGION,
            "AuditStatus": "Blocked" if row["status"] == "Blocked" else "Normal",
            "UserData": row["user_data"],
            "RestoreStatus": "",
            "RestoreExpiration": "",
            "Snapshots": {"Snapshot": snapshots} if nested_snapshots else snapshots,
        }
    )
    if row["reference_id"]:
        data["ReferenceId"] = row["reference_id"]
    return data


# Fields SearchMedia only returns when asked for them in ``Fields``.
RETURN_ONLY = frozenset(
    {"CateName", "CoverURL", "Snapshots", "SpriteSnapshots", "DownloadSwitch", "TranscodeMode"}
)


def search_item(
    state: SandboxState,
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    names: dict[int, str],
    fields: frozenset[str],
) -> dict[str, Any]:
    """One SearchMedia ``MediaList`` entry: basic fields plus the requested return-only ones."""
    kind = row["media_type"]
    if kind in ("video", "audio"):
        body = {("VideoId" if kind == "video" else "AudioId"): row["media_id"]}
        body.update(_playable_base(state, row, names))
        body["CoverURL"] = cover_url(state, conn, row)
        body["Snapshots"] = snapshot_urls(state, conn, row["media_id"], "NormalSnapshot")
        body["SpriteSnapshots"] = snapshot_urls(state, conn, row["media_id"], "SpriteSnapshot")
        for key in RETURN_ONLY - fields:
            body.pop(key, None)
        wrapper = "Video" if kind == "video" else "Audio"
    elif kind == "image":
        body, wrapper = image(state, row, names), "Image"
    else:
        body, wrapper = attached(state, row, names), "AttachedMedia"
    created = state.iso(row["created_at"])
    return {"MediaId": row["media_id"], "MediaType": kind, "CreationTime": created, wrapper: body}


def image(state: SandboxState, row: sqlite3.Row, names: dict[int, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ImageId": row["media_id"],
        "Title": row["title"],
        "Description": row["description"],
        "Tags": row["tags"],
        "ImageType": row["business_type"] or "default",
        "Status": row["status"],
        "StorageLocation": row["storage_location"],
        "URL": object_url(state, row["object_key"]),
        "CreationTime": state.iso(row["created_at"]),
        "ModificationTime": state.iso(row["modified_at"]),
        "AppId": row["app_id"],
    }
    data.update(_category(row, names))
    return data


def image_info(state: SandboxState, row: sqlite3.Row, names: dict[int, str], url: str) -> dict[str, Any]:
    """GetImageInfo's ``ImageInfo`` with its ``Mezzanine``; ``url`` is the CDN or signed OSS URL."""
    data = image(state, row, names)
    data["URL"] = url
    data.pop("ModificationTime")
    data["Mezzanine"] = {
        "FileURL": url,
        "OriginalFileName": row["file_name"],
        "FileSize": str(int(row["size"])),
        "Width": int(row["width"]),
        "Height": int(row["height"]),
    }
    return data


def attached(state: SandboxState, row: sqlite3.Row, names: dict[int, str]) -> dict[str, Any]:
    categories = []
    if row["cate_id"] is not None:
        cate = int(row["cate_id"])
        categories.append({"CateId": cate, "CateName": names.get(cate, "")})
    return {
        "MediaId": row["media_id"],
        "Title": row["title"],
        "Description": row["description"],
        "Tags": row["tags"],
        "BusinessType": row["business_type"],
        "Status": row["status"],
        "StorageLocation": row["storage_location"],
        "URL": object_url(state, row["object_key"]),
        "FileSize": int(row["size"]),
        "CreationTime": state.iso(row["created_at"]),
        "ModificationTime": state.iso(row["modified_at"]),
        "AppId": row["app_id"],
        "Categories": categories,
    }
