"""RefreshMediaPlayUrls and GetMediaRefreshJobs: a CDN task per play URL of each media's chosen streams.

The play URLs are those GetPlayInfo would list for the same filters (``vod_media.select_streams``), plus,
with ``SliceFlag``, the first ``SliceCount`` TS slices named in each M3U8 playlist. Every URL costs one
unit of the daily quota RefreshVodObjectCaches (``url``) or PreloadVodObjectCaches (``preload``) spends,
all or nothing per call, and becomes a task in DescribeVodRefreshTasks that completes on the sandbox clock.
Submission itself is immediate, so each media's job Status is final (``success``/``fail``) at once.
"""

from __future__ import annotations

import json
import posixpath
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from vodstudio.sandbox import media_render, oss_store, quota, vod_cdn, vod_media, vod_upload
from vodstudio.sandbox.rpc import RpcContext, action
from vodstudio.sandbox.state import SandboxState

MEDIA_IDS_MAX = 20
FORMATS = frozenset({"mp4", "m3u8", "mp3", "flv", "webm", "ts"})
STREAM_TYPES = frozenset({"video", "audio"})
# TaskType -> (quota kind, cdn_tasks object type): the same books as the URL-based operations.
TASK_TYPES = {"Refresh": ("url", "file"), "Preload": ("preload", "preload")}
_PLAYLIST_READ = 256 * 1024  # the head of an M3U8 is enough to name its first 20 slices


@dataclass(frozen=True)
class _Filters:
    formats: set[str]
    definitions: set[str]
    kinds: set[str]
    multiple: bool
    slices: int  # TS slices per M3U8 stream; 0 without SliceFlag


@dataclass(frozen=True)
class _Plan:
    """One media's share of a job: the paths it will touch, or why it cannot be submitted."""

    media_id: str
    paths: list[str]
    error_code: str = ""
    error_message: str = ""


def _csv(ctx: RpcContext, name: str) -> set[str]:
    return {item.strip() for item in ctx.get(name).split(",") if item.strip()}


def _filters(ctx: RpcContext) -> _Filters:
    formats = {fmt.lower() for fmt in _csv(ctx, "Formats")}
    if formats - FORMATS:
        raise ctx.invalid("Formats")
    kinds = _csv(ctx, "StreamType")
    if kinds - STREAM_TYPES:
        raise ctx.invalid("StreamType")
    result_type = ctx.get("ResultType") or "Single"
    if result_type not in ("Single", "Multiple"):
        raise ctx.invalid("ResultType")
    slice_flag = ctx.get_bool("SliceFlag")
    slice_count = ctx.get_int("SliceCount", 5, low=1, high=20)
    return _Filters(
        formats=formats,
        definitions=_csv(ctx, "Definitions"),
        kinds=kinds,
        multiple=result_type == "Multiple",
        slices=slice_count if slice_flag else 0,
    )


def _policy(ctx: RpcContext, filters: _Filters) -> str:
    """FilterPolicy: the request's filters echoed back as JSON, as the reference sample shows it."""
    return json.dumps(
        {
            "Formats": ctx.get("Formats"),
            "Definitions": ctx.get("Definitions"),
            "StreamType": ctx.get("StreamType"),
            "ResultType": ctx.get("ResultType") or "Single",
            "SliceFlag": filters.slices > 0,
            "SliceCount": ctx.get_int("SliceCount", 5),
        },
        separators=(",", ":"),
    )


def _path_of(state: SandboxState, key: str) -> str:
    return urlsplit(media_render.object_url(state, key)).path or "/"


def _slices(state: SandboxState, conn: sqlite3.Connection, key: str, count: int) -> list[str]:
    """The first ``count`` segment paths a stored M3U8 names; none when the playlist is not there."""
    row = oss_store.find_object(conn, state.config.bucket, key)
    if row is None:
        return []
    with oss_store.open_object(state, conn, row) as reader:
        text = reader.read(_PLAYLIST_READ).decode("utf-8", errors="replace")
    names = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    base = posixpath.dirname(key)
    paths = []
    for name in names[:count]:
        if "://" in name:
            paths.append(urlsplit(name).path)
        else:
            paths.append(
                name if name.startswith("/") else "/" + posixpath.normpath(posixpath.join(base, name))
            )
    return paths


def _plan(ctx: RpcContext, conn: sqlite3.Connection, row: sqlite3.Row, filters: _Filters) -> _Plan:
    media_id = str(row["media_id"])
    if row["status"] != "Normal":
        message = f"Status of the video is illegal. Current Status is {row['status']}."
        return _Plan(media_id, [], "Forbidden.IllegalStatus", message)
    streams = conn.execute(
        "SELECT * FROM streams WHERE media_id = ? ORDER BY created_at, job_id", (media_id,)
    ).fetchall()
    chosen = vod_media.select_streams(
        streams,
        formats=filters.formats,
        definitions=filters.definitions,
        kinds=filters.kinds,
        multiple=filters.multiple,
    )
    if not chosen:
        return _Plan(
            media_id, [], "InvalidVideo.NoneStream", "The video has no stream that matches the filter."
        )
    paths: list[str] = []
    for stream in chosen:
        paths.append(_path_of(ctx.state, stream["object_key"]))
        if stream["format"] == "m3u8" and filters.slices:
            paths += _slices(ctx.state, conn, stream["object_key"], filters.slices)
    # Definitions can share one file: a URL is purged (and paid for) once.
    return _Plan(media_id, list(dict.fromkeys(paths)))


def _media_ids(ctx: RpcContext) -> list[str]:
    ctx.require("MediaIds")
    ids = ctx.get_list("MediaIds", limit=MEDIA_IDS_MAX)
    return list(dict.fromkeys(ids))


def _record(ctx: RpcContext, conn: sqlite3.Connection, job_id: str, plans: list[_Plan], policy: str) -> None:
    state = ctx.state
    task_type = ctx.get("TaskType")
    object_type = TASK_TYPES[task_type][1]
    user_data = vod_upload.user_data_param(ctx)
    for position, plan in enumerate(plans):
        task_ids = []
        for path in plan.paths:  # one task per URL, as the reference says of TaskIds
            task_ids.append(state.new_numeric_id(11))
            vod_cdn.insert_tasks(conn, state, task_ids[-1], object_type, [(state.cdn_domain, path)])
        conn.execute(
            "INSERT INTO media_refresh_jobs (job_id, media_id, position, task_type, filter_policy, status, "
            "paths, task_ids, error_code, error_message, user_data, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job_id,
                plan.media_id,
                position,
                task_type,
                policy,
                "fail" if plan.error_code else "success",
                json.dumps(plan.paths),
                ",".join(task_ids),
                plan.error_code,
                plan.error_message,
                user_data,
                state.now(),
            ),
        )


@action("RefreshMediaPlayUrls")
def refresh_media_play_urls(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    media_ids = _media_ids(ctx)
    task_type = ctx.require("TaskType")
    if task_type not in TASK_TYPES:
        raise ctx.invalid("TaskType")
    filters = _filters(ctx)
    vod_upload.user_data_param(ctx)  # a malformed UserData fails the call before anything is spent
    job_id = uuid.uuid4().hex[:16]
    with state.db() as conn:
        plans: list[_Plan] = []
        missing: list[str] = []
        for media_id in media_ids:
            row = conn.execute(
                "SELECT * FROM media WHERE media_id = ? AND media_type IN ('video', 'audio')", (media_id,)
            ).fetchone()
            if row is None:
                missing.append(media_id)
            else:
                plans.append(_plan(ctx, conn, row, filters))
        kind = TASK_TYPES[task_type][0]
        cost = sum(len(plan.paths) for plan in plans)
        if not quota.consume(state, conn, "aliyun", kind, cost, quota.limit_of("aliyun", kind)):
            raise vod_cdn.quota_exceeded()
        _record(ctx, conn, job_id, plans, _policy(ctx, filters))
    # The SDK models both id lists as strings: comma-separated, empty when none.
    return {"MediaRefreshJobId": job_id, "NonExistMediaIds": ",".join(missing), "ForbiddenMediaIds": ""}


def _job(state: SandboxState, row: sqlite3.Row) -> dict[str, Any]:
    created = state.iso(row["created_at"])
    return {
        "MediaRefreshJobId": row["job_id"],
        "MediaId": row["media_id"],
        "TaskType": row["task_type"],
        "FilterPolicy": row["filter_policy"],
        "Status": row["status"],
        "SuccessPlayUrls": ",".join(vod_cdn.render_path(state, path) for path in json.loads(row["paths"])),
        "TaskIds": row["task_ids"],
        "ErrorCode": row["error_code"],
        "ErrorMessage": row["error_message"],
        "UserData": row["user_data"],
        "GmtCreate": created,
        "GmtModified": created,
    }


@action("GetMediaRefreshJobs")
def get_media_refresh_jobs(ctx: RpcContext) -> dict[str, Any]:
    job_id = ctx.require("MediaRefreshJobId")
    media_id = ctx.get("MediaId")
    query = "SELECT * FROM media_refresh_jobs WHERE job_id = ?"
    args: list[str] = [job_id]
    if media_id:
        query, args = query + " AND media_id = ?", [*args, media_id]
    with ctx.state.db() as conn:
        rows = conn.execute(query + " ORDER BY position", args).fetchall()
    # An unknown job has no documented error: its list is simply empty.
    return {"MediaRefreshJobs": [_job(ctx.state, row) for row in rows]}
