"""Shared pieces of the media actions: lookups by id or ReferenceId, field limits, object deletion."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from vodstudio.sandbox import oss_store
from vodstudio.sandbox.oss_auth import presign_url
from vodstudio.sandbox.rpc import RpcContext, RpcError
from vodstudio.sandbox.state import SandboxState

TITLE_MAX = 128
DESCRIPTION_MAX = 1024
TAGS_MAX = 16
TAG_MAX = 32


def video_not_found() -> RpcError:
    return RpcError(404, "InvalidVideo.NotFound", "The video does not exist.")


def no_such_resource() -> RpcError:
    return RpcError(404, "NoSuchResource", "The specified resource does not exist.")


def find_video(ctx: RpcContext, conn: sqlite3.Connection) -> sqlite3.Row:
    """The video named by ``VideoId`` or, failing that, ``ReferenceId``."""
    video_id, reference = ctx.get("VideoId"), ctx.get("ReferenceId")
    if not video_id and not reference:
        ctx.require("VideoId")
    column, value = ("media_id", video_id) if video_id else ("reference_id", reference)
    row = conn.execute(
        f"SELECT * FROM media WHERE {column} = ? AND media_type IN ('video', 'audio')", (value,)
    ).fetchone()
    if row is None:
        raise video_not_found()
    found: sqlite3.Row = row
    return found


def id_list(ctx: RpcContext) -> tuple[list[str], bool]:
    """``VideoIds`` (≤20) or ``ReferenceIds`` (≤20); the flag says the ids are reference ids."""
    ids = ctx.get_list("VideoIds", limit=20, code="VideoIdsExceededMax")
    if ids:
        return ids, False
    references = ctx.get_list("ReferenceIds", limit=20, code="ReferenceIdsExceededMax")
    if references:
        return references, True
    ctx.require("VideoIds")
    return [], False


def rows_by_ids(
    conn: sqlite3.Connection, ids: list[str], by_reference: bool, media_types: tuple[str, ...] = ("video",)
) -> tuple[list[sqlite3.Row], list[str]]:
    """The rows found, in request order, and the ids that do not exist."""
    column = "reference_id" if by_reference else "media_id"
    kinds = ",".join("?" * len(media_types))
    found: list[sqlite3.Row] = []
    missing: list[str] = []
    for item in ids:
        row = conn.execute(
            f"SELECT * FROM media WHERE {column} = ? AND media_type IN ({kinds})", (item, *media_types)
        ).fetchone()
        if row is None:
            missing.append(item)
        else:
            found.append(row)
    return found, missing


def missing_lists(missing: list[str], by_reference: bool) -> dict[str, list[str]]:
    return {
        "NonExistVideoIds": [] if by_reference else missing,
        "NonExistReferenceIds": missing if by_reference else [],
    }


# ---- metadata limits -----------------------------------------------------------------------------
def _is_emoji(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or code in (0xFE0F, 0x200D)


def check_text(name: str, value: str, limit: int) -> str:
    if any(_is_emoji(char) for char in value):
        raise RpcError(400, "IllegalCharacters", f"The {name} contains illegal characters.")
    if len(value.encode("utf-8")) > limit:
        raise RpcError(400, "LengthExceededMax", f"The {name} length has exceeded the max limit {limit}.")
    return value


def check_tags(value: str) -> str:
    tags = [tag.strip() for tag in value.split(",") if tag.strip()]
    if len(tags) > TAGS_MAX:
        raise RpcError(400, "TagsExceededMax", f"The Tags count has exceeded the max limit {TAGS_MAX}.")
    for tag in tags:
        check_text("Tags", tag, TAG_MAX)
    return ",".join(tags)


def metadata_changes(state: SandboxState, given: dict[str, Any]) -> dict[str, Any]:
    """Column updates for the metadata fields present in ``given`` (absent fields stay untouched)."""
    changes: dict[str, Any] = {}
    if "Title" in given:
        title = str(given["Title"])
        if not title.strip():
            raise RpcError(400, "InvalidParameter", 'The specified parameter "Title" is not valid.')
        changes["title"] = check_text("Title", title, TITLE_MAX)
    if "Description" in given:
        changes["description"] = check_text("Description", str(given["Description"]), DESCRIPTION_MAX)
    if "Tags" in given:
        changes["tags"] = check_tags(str(given["Tags"]))
    if "CateId" in given and str(given["CateId"]) != "":
        try:
            changes["cate_id"] = int(given["CateId"])
        except ValueError:
            raise RpcError(
                400, "InvalidParameter", 'The specified parameter "CateId" is not valid.'
            ) from None
    if "CoverURL" in given:
        changes["cover_url"] = storable_url(state, str(given["CoverURL"]))
    if "UserData" in given:
        changes["user_data"] = str(given["UserData"])
    return changes


def apply_changes(conn: sqlite3.Connection, media_id: str, changes: dict[str, Any], now: float) -> None:
    if not changes:
        return
    columns = ", ".join(f"{name} = ?" for name in changes)
    conn.execute(
        f"UPDATE media SET {columns}, modified_at = ? WHERE media_id = ?",
        (*changes.values(), now, media_id),
    )


def storable_url(state: SandboxState, url: str) -> str:
    """URLs on our own CDN domain are kept as object keys so they survive a port change."""
    prefix = f"http://{state.cdn_domain}/"
    if state.cdn_domain and url.startswith(prefix):
        return unquote(urlsplit(url).path).lstrip("/")
    return url


def url_key(url: str) -> str:
    """The object key of a CDN or OSS URL; DeleteImage's ImageURLs may arrive percent-encoded whole."""
    if "://" not in url:
        url = unquote(url)
    return unquote(urlsplit(url).path).lstrip("/")


# ---- object deletion -----------------------------------------------------------------------------
def _referenced(conn: sqlite3.Connection, key: str) -> bool:
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM media WHERE object_key = ? OR cover_url = ?)"
        " OR EXISTS (SELECT 1 FROM streams WHERE object_key = ?)"
        " OR EXISTS (SELECT 1 FROM snapshots WHERE object_key = ?)",
        (key, key, key, key),
    ).fetchone()
    return bool(row[0])


def drop_objects(state: SandboxState, conn: sqlite3.Connection, bucket: str, keys: set[str]) -> list[Path]:
    """Delete object rows no longer referenced by any media; returns their files to unlink later."""
    files: list[Path] = []
    for key in sorted(k for k in keys if k):
        if not _referenced(conn, key):
            files += oss_store.remove_object(state, conn, bucket, key)  # shared demo files stay
    return files


def unlink_all(files: list[Path]) -> None:
    """Remove files (and segment folders) after the transaction committed (a rollback must not lose bytes)."""
    oss_store.discard(files)


def media_keys(conn: sqlite3.Connection, row: sqlite3.Row) -> set[str]:
    """Every object key a media row owns: source, cover, streams and snapshots."""
    keys = {row["object_key"], row["cover_url"]}
    for table in ("streams", "snapshots"):
        keys.update(
            r["object_key"]
            for r in conn.execute(f"SELECT object_key FROM {table} WHERE media_id = ?", (row["media_id"],))
        )
    return {key for key in keys if key and not key.startswith(("http://", "https://"))}


def presigned(state: SandboxState, bucket: str, key: str, timeout: int) -> str:
    """A signed OSS URL for the sandbox storage, valid for ``timeout`` seconds."""
    return presign_url(state, bucket, key, state.now() + timeout)
