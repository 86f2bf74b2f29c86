"""VOD actions SearchMedia (Match, Fields, SortBy, the 5,000 window, ScrollToken) and GetVideoList."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from vodstudio.sandbox import media_render
from vodstudio.sandbox.match import MatchError, compile_match
from vodstudio.sandbox.rpc import RpcContext, RpcError, action

WINDOW = 5000  # without a ScrollToken only the first 5,000 matches are reachable
SCROLL_SPAN = 1200  # with one, at most this many records between the current and the target page
SORTABLE = {"CreationTime": "created_at", "ModificationTime": "modified_at"}
SCROLL_PREFIX = "scroll:"
SCROLL_TTL = 86400.0


def invalid(name: str, detail: str = "") -> RpcError:
    suffix = f" {detail}" if detail else ""
    return RpcError(400, "InvalidParameter", f'The specified parameter "{name}" is not valid.{suffix}')


def order_by(sort_by: str, *, limit: int, default: str = "CreationTime:Desc") -> str:
    """``CreationTime:Desc,ModificationTime:Asc`` as an ORDER BY clause with a stable tie-breaker."""
    terms: list[str] = []
    for item in (sort_by or default).split(","):
        name, _, direction = item.strip().partition(":")
        direction = direction or "Desc"
        if name not in SORTABLE or direction.lower() not in ("asc", "desc"):
            raise invalid("SortBy")
        terms.append(f"{SORTABLE[name]} {direction.upper()}")
    if len(terms) > limit:
        raise invalid("SortBy", f"At most {limit} sort fields are allowed.")
    last = terms[0].rsplit(" ", 1)[1]
    return ", ".join([*terms, f"media_id {last}"])


@dataclass(frozen=True)
class Query:
    where: str
    params: tuple[object, ...]
    order: str


def _count(conn: sqlite3.Connection, query: Query) -> int:
    row = conn.execute(f"SELECT COUNT(*) FROM media WHERE {query.where}", query.params).fetchone()
    return int(row[0])


def _page(conn: sqlite3.Connection, query: Query, offset: int, size: int) -> list[sqlite3.Row]:
    sql = f"SELECT * FROM media WHERE {query.where} ORDER BY {query.order} LIMIT ? OFFSET ?"
    return list(conn.execute(sql, (*query.params, size, offset)))


# ---- ScrollToken: a 32-char handle on (query identity, current page) kept in the meta table -----
def _scroll_key(search_type: str, match: str, order: str, page_size: int) -> str:
    identity = json.dumps([search_type, match, order, page_size])
    return hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest()


def _save_scroll(conn: sqlite3.Connection, token: str, page: int, now: float) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (SCROLL_PREFIX + token, json.dumps({"page": page, "at": now})),
    )
    # Tokens of abandoned queries expire, as the real ones do.
    for row in conn.execute("SELECT key, value FROM meta WHERE key LIKE 'scroll:%'").fetchall():
        if json.loads(row["value"]).get("at", 0) < now - SCROLL_TTL:
            conn.execute("DELETE FROM meta WHERE key = ?", (row["key"],))


def _scroll_position(conn: sqlite3.Connection, token: str, expected: str) -> int:
    if token != expected:
        raise invalid("ScrollToken", "The token does not belong to this query.")
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCROLL_PREFIX + token,)).fetchone()
    if row is None:
        raise invalid("ScrollToken", "The token is unknown or has expired.")
    return int(json.loads(row["value"])["page"])


def _search_fields(ctx: RpcContext) -> frozenset[str]:
    return frozenset(item.strip() for item in ctx.get("Fields").split(",") if item.strip())


@action("SearchMedia")
def search_media(ctx: RpcContext) -> dict[str, Any]:
    search_type = ctx.get("SearchType", "video") or "video"
    if search_type not in ("video", "audio", "image", "attached"):
        raise invalid("SearchType")
    page_no = ctx.get_int("PageNo", 1, low=1)
    page_size = ctx.get_int("PageSize", 10, low=1, high=100)
    token = ctx.get("ScrollToken")
    scrollable = search_type in ("video", "audio")
    if token and not scrollable:
        raise invalid("ScrollToken", "ScrollToken only applies to video and audio.")
    order = order_by(ctx.get("SortBy"), limit=1 if token else 3)
    match_text = ctx.get("Match")
    try:
        compiled = compile_match(match_text, search_type)
    except MatchError as exc:
        raise invalid("Match", str(exc)) from None
    query = Query(f"media_type = ? AND ({compiled.sql})", (search_type, *compiled.params), order)
    key = _scroll_key(search_type, match_text, order, page_size)
    with ctx.state.db() as conn:
        if token:
            current = _scroll_position(conn, token, key)
            if abs(page_no - current) * page_size >= SCROLL_SPAN:
                raise invalid("PageNo", f"At most {SCROLL_SPAN} records may lie between pages.")
        elif page_no * page_size > WINDOW:
            raise invalid("PageNo", f"Only the first {WINDOW} records are reachable without ScrollToken.")
        total = _count(conn, query)
        rows = _page(conn, query, (page_no - 1) * page_size, page_size)
        names = media_render.category_names(conn)
        fields = _search_fields(ctx)
        items = [media_render.search_item(ctx.state, conn, row, names, fields) for row in rows]
        if scrollable:
            _save_scroll(conn, key, page_no, ctx.state.now())
    body: dict[str, Any] = {"Total": total, "MediaList": items}
    if scrollable:
        body["ScrollToken"] = key
    return body


def _video_list_filters(ctx: RpcContext) -> tuple[list[str], list[object]]:
    clauses = ["media_type = 'video'"]
    params: list[object] = []
    statuses = ctx.get_list("Status", limit=20)
    if statuses:
        clauses.append(f"status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    for name, op in (("StartTime", ">="), ("EndTime", "<=")):
        if ctx.get(name):
            try:
                params.append(ctx.state.parse_iso(ctx.get(name)))
            except ValueError:
                raise invalid(name) from None
            clauses.append(f"created_at {op} ?")
    if ctx.get("CateId"):
        clauses.append("cate_id = ?")
        params.append(ctx.get_int("CateId", 0))
    if ctx.get("StorageLocation"):
        clauses.append("storage_location = ?")
        params.append(ctx.get("StorageLocation"))
    references = ctx.get_list("ReferenceIds", limit=20, code="ReferenceIdsExceededMax")
    if references:
        clauses.append(f"reference_id IN ({','.join('?' * len(references))})")
        params.extend(references)
    return clauses, params


@action("GetVideoList")
def get_video_list(ctx: RpcContext) -> dict[str, Any]:
    page_no = ctx.get_int("PageNo", 1, low=1)
    page_size = ctx.get_int("PageSize", 10, low=1, high=100)
    sort_by = ctx.get("SortBy")
    if sort_by and sort_by not in ("CreationTime:Desc", "CreationTime:Asc"):
        raise invalid("SortBy")
    if page_no * page_size > WINDOW:
        raise invalid("PageNo", f"Only the first {WINDOW} records are reachable.")
    clauses, params = _video_list_filters(ctx)
    query = Query(" AND ".join(clauses), tuple(params), order_by(sort_by, limit=1))
    with ctx.state.db() as conn:
        total = _count(conn, query)
        rows = _page(conn, query, (page_no - 1) * page_size, page_size)
        names = media_render.category_names(conn)
        videos = [media_render.video(ctx.state, conn, row, names, nested_snapshots=True) for row in rows]
    return {"Total": total, "VideoList": {"Video": videos}}
