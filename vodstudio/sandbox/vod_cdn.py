"""VOD CDN actions: refresh, preload, task listing and quota (traffic, bandwidth, logs: vod_cdn_stats)."""

from __future__ import annotations

import sqlite3
from typing import Any
from urllib.parse import urlsplit

from vodstudio.sandbox import quota
from vodstudio.sandbox.rpc import RpcContext, RpcError, action
from vodstudio.sandbox.state import SandboxState

TASK_WINDOW = 3 * 86400.0  # DescribeVodRefreshTasks sees the last 3 days
OBJECT_TYPES = {"file": "file", "directory": "directory"}
TASK_TYPES = ("file", "directory", "preload")
TASK_STATUSES = ("Complete", "Refreshing", "Failed", "Pending")


def domain_not_found() -> RpcError:
    return RpcError(404, "InvalidDomain.NotFound", "The domain provided does not belong to you.")


def malformed_path() -> RpcError:
    return RpcError(400, "InvalidObjectPath.Malformed", "Specified ObjectPath is malformed.")


def end_mismatch() -> RpcError:
    return RpcError(
        400, "InvalidEndTime.Mismatch", "Specified EndTime does not match the specified StartTime."
    )


def start_not_supported() -> RpcError:
    message = "The specified value of parameter StartTime is not supported."
    return RpcError(400, "InvalidStartTime.ValueNotSupported", message)


def quota_exceeded() -> RpcError:
    return RpcError(400, "QuotaExceeded.Refresh", "You’ve exceeded the prescribed refresh limits.")


def check_domain(state: SandboxState, domain: str) -> None:
    """The sandbox holds exactly one CDN domain: ``state.cdn_domain``."""
    if domain.strip().lower() != state.cdn_domain.lower():
        raise domain_not_found()


def split_object_path(state: SandboxState, raw: str) -> tuple[str, str]:
    """``[http(s)://]domain/path`` → (domain, ``/path``...); a foreign domain is InvalidDomain.NotFound."""
    text = raw.strip()
    if any(ch.isspace() for ch in text):
        raise malformed_path()
    lowered = text.lower()
    if not lowered.startswith(("http://", "https://")):
        text = "http://" + text
    parts = urlsplit(text)
    if not parts.netloc or "@" in parts.netloc:
        raise malformed_path()
    check_domain(state, parts.netloc)
    path = parts.path or "/"
    return parts.netloc.lower(), path + (f"?{parts.query}" if parts.query else "")


def render_path(state: SandboxState, stored: str) -> str:
    """Stored paths keep only the part after the domain: the sandbox's port changes between runs."""
    if "://" in stored:
        parts = urlsplit(stored)
        stored = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    elif not stored.startswith("/"):
        stored = "/" + stored.split("/", 1)[1] if "/" in stored else "/"
    return f"http://{state.cdn_domain}{stored}"


def _object_paths(ctx: RpcContext) -> list[str]:
    raw = ctx.require("ObjectPath")
    paths = [line.strip() for line in raw.replace("\r\n", "\n").split("\n") if line.strip()]
    if not paths:
        raise ctx.invalid("ObjectPath")
    return paths


def insert_tasks(
    conn: sqlite3.Connection,
    state: SandboxState,
    task_id: str,
    kind: str,
    paths: list[tuple[str, str]],
) -> None:
    """One ``task_id`` over (domain, path) pairs: Refreshing now, final after ``cdn_task_delay``."""
    now = state.now()
    for _domain, path in paths:
        final, description = "Complete", ""
        if kind == "preload" and not _object_exists(state, conn, path):
            final, description = "Failed", "Origin Return StatusCode 404"
        conn.execute(
            "INSERT OR REPLACE INTO cdn_tasks (task_id, object_path, object_type, domain, status, "
            "created_at, complete_at, final_status, description) "
            "VALUES (?, ?, ?, ?, 'Refreshing', ?, ?, ?, ?)",
            (
                task_id,
                path,
                kind,
                state.cdn_domain,
                now,
                now + state.config.cdn_task_delay,
                final,
                description,
            ),
        )


def _object_exists(state: SandboxState, conn: sqlite3.Connection, path: str) -> bool:
    key = path.split("?", 1)[0].lstrip("/")
    row = conn.execute(
        "SELECT 1 FROM objects WHERE bucket = ? AND key = ?", (state.config.bucket, key)
    ).fetchone()
    return row is not None


@action("RefreshVodObjectCaches")
def refresh_object_caches(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    raw_paths = _object_paths(ctx)
    kind = OBJECT_TYPES.get(ctx.get("ObjectType", "File").lower())
    if kind is None:
        raise RpcError(400, "InvalidObjectType.ValueNotSupported", "Specified ObjectType is not supported.")
    ctx.get_bool("Force")
    paths = [split_object_path(state, raw) for raw in raw_paths]
    if kind == "directory" and any(not path.split("?", 1)[0].endswith("/") for _, path in paths):
        raise malformed_path()
    quota_kind = "dir" if kind == "directory" else "url"
    with state.db() as conn:
        if not quota.consume(
            state, conn, "aliyun", quota_kind, len(paths), quota.limit_of("aliyun", quota_kind)
        ):
            raise quota_exceeded()
        if kind == "file":
            # URL tasks of one call share one id; each directory gets its own.
            ids = [state.new_numeric_id(11)]
            insert_tasks(conn, state, ids[0], kind, paths)
        else:
            ids = []
            for path in paths:
                ids.append(state.new_numeric_id(11))
                insert_tasks(conn, state, ids[-1], kind, [path])
    return {"RefreshTaskId": ",".join(ids)}


@action("PreloadVodObjectCaches")
def preload_object_caches(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    paths = [split_object_path(state, raw) for raw in _object_paths(ctx)]
    if any(path.split("?", 1)[0].endswith("/") for _, path in paths):
        raise malformed_path()  # no directory prefetch
    area = ctx.get("Area")
    if area and area not in ("domestic", "overseas"):
        raise ctx.invalid("Area")
    ctx.get_bool("L2Preload")
    with state.db() as conn:
        limit = quota.limit_of("aliyun", "preload")
        if not quota.consume(state, conn, "aliyun", "preload", len(paths), limit):
            # The documented error table for preload is the refresh one: QuotaExceeded.Refresh.
            raise quota_exceeded()
        task_id = state.new_numeric_id(11)
        insert_tasks(conn, state, task_id, "preload", paths)
    return {"PreloadTaskId": task_id}


@action("DescribeVodRefreshQuota")
def describe_refresh_quota(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    with state.db() as conn:

        def left(kind: str) -> str:
            return str(quota.remaining(state, conn, "aliyun", kind, quota.limit_of("aliyun", kind)))

        return {
            "UrlQuota": str(quota.limit_of("aliyun", "url")),
            "UrlRemain": left("url"),
            "DirQuota": str(quota.limit_of("aliyun", "dir")),
            "DirRemain": left("dir"),
            "PreloadQuota": str(quota.limit_of("aliyun", "preload")),
            "PreloadRemain": left("preload"),
            "BlockQuota": str(quota.limit_of("aliyun", "block")),
            "blockRemain": left("block"),
        }


def task_status(state: SandboxState, row: sqlite3.Row) -> tuple[str, str]:
    """(Status, Process) of a task now: Refreshing until ``complete_at``, then its final status."""
    if state.now() < row["complete_at"]:
        status = "Pending" if row["status"] == "Pending" else "Refreshing"
        return status, "0%" if status == "Pending" else "50%"
    final = row["final_status"]
    return final, "100%" if final == "Complete" else "0%"


def _time_window(ctx: RpcContext) -> tuple[float, float]:
    state = ctx.state
    now = state.now()
    start_raw, end_raw = ctx.get("StartTime"), ctx.get("EndTime")
    try:
        start = state.parse_iso(start_raw) if start_raw else now - TASK_WINDOW
        end = state.parse_iso(end_raw) if end_raw else now
    except ValueError:
        raise RpcError(400, "InvalidTime.Malformed", "Specified StartTime or EndTime is malformed.") from None
    if end <= start:
        raise RpcError(
            400, "InvalidEndTime.Mismatch", "Specified EndTime does not match the specified StartTime."
        )
    if start < now - TASK_WINDOW - 60:
        raise RpcError(
            400,
            "InvalidStartTime.ValueNotSupported",
            "The specified value of parameter StartTime is not supported.",
        )
    return start, end


def _task_filters(ctx: RpcContext) -> tuple[str, list[Any]]:
    clauses = ["created_at >= ? AND created_at < ?"]
    args: list[Any] = [*_time_window(ctx)]
    if task_id := ctx.get("TaskId"):
        clauses.append("task_id = ?")
        args.append(task_id)
    object_type = ctx.get("ObjectType").lower()
    if (ctx.get("DomainName") or ctx.get("Status")) and not object_type:
        ctx.require("ObjectType")
    if object_type:
        if object_type not in TASK_TYPES:
            raise ctx.invalid("ObjectType")
        clauses.append("object_type = ?")
        args.append(object_type)
    if domain := ctx.get("DomainName"):
        check_domain(ctx.state, domain)
    return " AND ".join(clauses), args


@action("DescribeVodRefreshTasks")
def describe_refresh_tasks(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    where, args = _task_filters(ctx)
    status_filter = ctx.get("Status")
    if status_filter and status_filter not in TASK_STATUSES:
        raise ctx.invalid("Status")
    page_number = ctx.get_int("PageNumber", 1, low=1, high=100000)
    page_size = ctx.get_int("PageSize", 20, low=1, high=50)
    wanted_path = ctx.get("ObjectPath").strip()
    if wanted_path and "://" not in wanted_path:
        wanted_path = "http://" + wanted_path
    with state.db() as conn:
        rows = conn.execute(
            f"SELECT * FROM cdn_tasks WHERE {where} ORDER BY created_at DESC, task_id, object_path", args
        ).fetchall()
    tasks = []
    for row in rows:
        path = render_path(state, row["object_path"])
        if wanted_path and path != wanted_path:
            continue
        status, process = task_status(state, row)
        if status_filter and status != status_filter:
            continue
        tasks.append(
            {
                "TaskId": row["task_id"],
                "ObjectPath": path,
                "ObjectType": row["object_type"],
                "Status": status,
                "Process": process,
                "CreationTime": state.iso(row["created_at"]),
                "Description": row["description"] if status == "Failed" else "",
            }
        )
    first = (page_number - 1) * page_size
    return {
        "PageNumber": page_number,
        "PageSize": page_size,
        "TotalCount": len(tasks),
        "Tasks": {"Task": tasks[first : first + page_size]},
    }


# Traffic, bandwidth and log actions live next door; importing registers them with this module.
from vodstudio.sandbox import vod_cdn_stats  # noqa: E402, F401
