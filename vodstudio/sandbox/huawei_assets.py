"""Huawei VOD sandbox assets: the seeded list, play URLs the sandbox "holds", and ListAssetList."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from typing import Any
from urllib.parse import urlsplit

from vodstudio.sandbox.state import SandboxState

PLAY_PREFIX = "/hw/asset/"  # play URLs render as http://<cdn_domain>/hw/asset/<asset_id>/<file>.mp4
ASSET_STATUSES = ("CREATING", "FAILED", "CREATED", "PUBLISHED", "DELETED")
_TITLES = (
    "产品发布会 2024 精华",
    "Product launch teaser v2",
    "第3集 城市夜景延时",
    "Onboarding tutorial part 1",
    "Onboarding tutorial part 2",
    "春节特别节目 预告",
    "Drone footage – coastline",
    "客户访谈 张女士",
    "Weekly update #42",
    "健身课程 第7节",
)
_CATEGORIES = ("教程 Tutorials", "发布会 Launches", "纪录片 Documentary", "Marketing")


def _asset_id(index: int) -> str:
    """Stable ids across restarts (a fresh data folder seeds the same list)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"vodstudio-sandbox-huawei-{index}").hex


def _status_for(index: int) -> tuple[str, str]:
    if index % 10 == 7:
        return "CREATED", "TRANSCODING"
    if index % 10 == 9:
        return "FAILED", "TRANSCODE_FAILED"
    return "PUBLISHED", "TRANSCODE_SUCCEED"


def ensure_seeded(state: SandboxState, count: int = 30) -> None:
    """Insert ``count`` believable assets when the table is empty (URLs stored without a host)."""
    with state.db() as conn:
        if conn.execute("SELECT COUNT(*) FROM huawei_assets").fetchone()[0]:
            return
        now = state.now()
        for index in range(count):
            asset_id = _asset_id(index)
            created = now - (count - index) * 2 * 86400 + index * 977
            status, transcode = _status_for(index)
            title = f"{_TITLES[index % len(_TITLES)]} ({index + 1})"
            conn.execute(
                "INSERT INTO huawei_assets (asset_id, title, description, duration, size, original_url, "
                "play_url, category, cover_url, create_time, asset_status, transcode_status, media_type) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'MP4')",
                (
                    asset_id,
                    title,
                    f"Sandbox asset {index + 1}",
                    30 + (index * 37) % 900,
                    5_000_000 + index * 1_234_567,
                    f"{PLAY_PREFIX}{asset_id}/origin.mp4",
                    f"{PLAY_PREFIX}{asset_id}/play_video_{index:03d}.mp4",
                    _CATEGORIES[index % len(_CATEGORIES)],
                    f"{PLAY_PREFIX}{asset_id}/cover.jpg",
                    dt.datetime.fromtimestamp(created, tz=dt.UTC).strftime("%Y%m%d%H%M%S"),
                    status,
                    transcode,
                ),
            )


def render(state: SandboxState, stored: str) -> str:
    """A stored host-less path as a URL on the current CDN domain."""
    if not stored or "://" in stored:
        return stored
    return f"http://{state.cdn_domain}{stored}"


def play_urls(state: SandboxState, conn: sqlite3.Connection, asset_ids: list[str]) -> dict[str, str]:
    """asset_id → rendered play URL for the known ones."""
    if not asset_ids:
        return {}
    marks = ",".join("?" * len(asset_ids))
    rows = conn.execute(
        f"SELECT asset_id, play_url FROM huawei_assets WHERE asset_id IN ({marks})", asset_ids
    ).fetchall()
    return {row["asset_id"]: render(state, row["play_url"]) for row in rows}


def holds(state: SandboxState, conn: sqlite3.Connection, url: str) -> bool:
    """Does the sandbox CDN hold this URL: a seeded asset's play URL or an object it serves?"""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.netloc.lower() != state.cdn_domain.lower():
        return False
    path = parts.path
    if conn.execute("SELECT 1 FROM huawei_assets WHERE play_url = ?", (path,)).fetchone():
        return True
    row = conn.execute(
        "SELECT 1 FROM objects WHERE bucket = ? AND key = ?", (state.config.bucket, path.lstrip("/"))
    ).fetchone()
    return row is not None


def _summary(state: SandboxState, row: sqlite3.Row) -> dict[str, Any]:
    return {
        "asset_id": row["asset_id"],
        "title": row["title"],
        "description": row["description"],
        "duration": row["duration"],
        "duration_ms": row["duration"] * 1000,
        "size": row["size"],
        "original_url": render(state, row["original_url"]),
        "category": row["category"],
        "covers": [{"cover_url": render(state, row["cover_url"])}],
        "create_time": row["create_time"],
        "asset_status": row["asset_status"],
        "transcode_status": row["transcode_status"],
        "thumbnail_status": "UN_THUMBNAIL",
        "review_status": "UN_REVIEW",
        "exec_desc": "",
        "media_type": row["media_type"],
    }


def list_assets(
    state: SandboxState,
    conn: sqlite3.Connection,
    query: dict[str, list[str]],
    page: int,
    size: int,
) -> dict[str, Any]:
    """ListAssetList over the seeded table: filters, newest first, 0-based pages."""
    clauses = ["asset_status != 'DELETED'"]
    args: list[Any] = []
    for name, column in (("asset_id", "asset_id"), ("media_type", "media_type")):
        if values := query.get(name):
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            args.extend(values)
    if statuses := query.get("status"):
        marks = ",".join("?" * len(statuses))
        clauses.append(f"(asset_status IN ({marks}) OR transcode_status IN ({marks}))")
        args.extend(statuses + statuses)
    if start := query.get("start_time", [""])[0]:
        clauses.append("create_time >= ?")
        args.append(start)
    if end := query.get("end_time", [""])[0]:
        clauses.append("create_time <= ?")
        args.append(end)
    if text := query.get("query_string", [""])[0]:
        clauses.append("(title LIKE ? OR description LIKE ?)")
        args.extend([f"%{text}%", f"%{text}%"])
    order = "ASC" if query.get("order", ["desc"])[0].lower() == "asc" else "DESC"
    where = " AND ".join(clauses)
    total = conn.execute(f"SELECT COUNT(*) FROM huawei_assets WHERE {where}", args).fetchone()[0]
    rows = conn.execute(
        f"SELECT * FROM huawei_assets WHERE {where} ORDER BY create_time {order}, asset_id LIMIT ? OFFSET ?",
        [*args, size, page * size],
    ).fetchall()
    return {"total": min(int(total), 20000), "assets": [_summary(state, row) for row in rows]}
