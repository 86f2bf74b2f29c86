"""VOD image actions (UpdateImageInfos, GetImageInfo, DeleteImage) and GetCategories."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from vodstudio.sandbox import media_ops as ops
from vodstudio.sandbox import media_render as render
from vodstudio.sandbox.rpc import RpcContext, RpcError, action

SNAPSHOT_KINDS = ("CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot")


@action("UpdateImageInfos")
def update_image_infos(ctx: RpcContext) -> dict[str, Any]:
    content = ctx.get_json("UpdateContent")
    if not isinstance(content, list) or not all(isinstance(item, dict) for item in content):
        raise ctx.invalid("UpdateContent")
    if len(content) > 20:
        raise RpcError(400, "CountExceededMax", "The UpdateContent count has exceeded the max limit 20.")
    plans = []
    for item in content:
        if not item.get("ImageId"):
            raise ctx.invalid("UpdateContent")
        # Images have no cover or user data: only the descriptive fields apply.
        given = {k: v for k, v in item.items() if k in ("Title", "Description", "Tags", "CateId")}
        plans.append((str(item["ImageId"]), ops.metadata_changes(ctx.state, given)))
    missing: list[str] = []
    with ctx.state.db() as conn:
        for image_id, changes in plans:
            rows, absent = ops.rows_by_ids(conn, [image_id], False, ("image",))
            missing += absent
            for row in rows:
                ops.apply_changes(conn, row["media_id"], changes, ctx.state.now())
    return {"NonExistImageIds": {"ImageId": missing}}


@action("GetImageInfo")
def get_image_info(ctx: RpcContext) -> dict[str, Any]:
    image_id = ctx.require("ImageId")
    output_type = ctx.get("OutputType", "cdn") or "cdn"
    if output_type not in ("cdn", "oss"):
        raise ctx.invalid("OutputType")
    timeout = ctx.get_int("AuthTimeout", 3600, low=1, high=2592000)
    with ctx.state.db() as conn:
        row = conn.execute(
            "SELECT * FROM media WHERE media_id = ? AND media_type = 'image'", (image_id,)
        ).fetchone()
        if row is None:
            raise ops.no_such_resource()
        names = render.category_names(conn)
    if output_type == "oss":
        url = ops.presigned(ctx.state, row["bucket"], row["object_key"], timeout)
    else:
        url = render.object_url(ctx.state, row["object_key"])
    return {"ImageInfo": render.image_info(ctx.state, row, names, url)}


def _delete_images(ctx: RpcContext, conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Path]:
    files: list[Path] = []
    for row in rows:
        conn.execute("DELETE FROM media WHERE media_id = ?", (row["media_id"],))
        files += ops.drop_objects(ctx.state, conn, row["bucket"], {row["object_key"]})
    return files


def _by_urls(ctx: RpcContext, conn: sqlite3.Connection) -> list[Path]:
    urls = ctx.get_list("ImageURLs", limit=20, code="ImageURLsExceededMax")
    if not urls:
        ctx.require("ImageURLs")
    files: list[Path] = []
    found = 0
    for url in urls:
        key = ops.url_key(url)
        rows = conn.execute(
            "SELECT * FROM media WHERE media_type = 'image' AND object_key = ?", (key,)
        ).fetchall()
        files += _delete_images(ctx, conn, rows)
        snaps = conn.execute("SELECT media_id FROM snapshots WHERE object_key = ?", (key,)).fetchall()
        conn.execute("DELETE FROM snapshots WHERE object_key = ?", (key,))
        conn.execute("UPDATE media SET cover_url = '' WHERE cover_url = ?", (key,))
        found += len(rows) + len(snaps)
        files += ops.drop_objects(ctx.state, conn, ctx.state.config.bucket, {key})
    if not found:
        raise ops.no_such_resource()
    return files


def _by_ids(ctx: RpcContext, conn: sqlite3.Connection) -> list[Path]:
    ids = ctx.get_list("ImageIds", limit=20, code="ImageIdsExceededMax")
    if not ids:
        ctx.require("ImageIds")
    rows, _missing = ops.rows_by_ids(conn, ids, False, ("image",))
    if not rows:
        raise ops.no_such_resource()
    return _delete_images(ctx, conn, rows)


def _by_video(ctx: RpcContext, conn: sqlite3.Connection) -> list[Path]:
    video = ops.find_video(ctx, conn)
    wanted = [kind.strip() for kind in ctx.require("ImageType").split(",") if kind.strip()]
    kinds = list(SNAPSHOT_KINDS) if "All" in wanted else wanted
    if any(kind not in SNAPSHOT_KINDS for kind in kinds):
        raise ctx.invalid("ImageType")
    marks = ",".join("?" * len(kinds))
    keys = {
        r["object_key"]
        for r in conn.execute(
            f"SELECT object_key FROM snapshots WHERE media_id = ? AND kind IN ({marks})",
            (video["media_id"], *kinds),
        )
    }
    if not keys:
        raise ops.no_such_resource()
    conn.execute(
        f"DELETE FROM snapshots WHERE media_id = ? AND kind IN ({marks})", (video["media_id"], *kinds)
    )
    if video["cover_url"] in keys:
        conn.execute("UPDATE media SET cover_url = '' WHERE media_id = ?", (video["media_id"],))
    return ops.drop_objects(ctx.state, conn, video["bucket"], keys)


@action("DeleteImage")
def delete_image(ctx: RpcContext) -> dict[str, Any]:
    handlers = {"ImageURL": _by_urls, "ImageId": _by_ids, "VideoId": _by_video}
    handler = handlers.get(ctx.require("DeleteImageType"))
    if handler is None:
        raise ctx.invalid("DeleteImageType")
    with ctx.state.db() as conn:
        files = handler(ctx, conn)
    ops.unlink_all(files)
    return {}


def _category(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "CateId": int(row["cate_id"]),
        "CateName": row["cate_name"],
        "ParentId": int(row["parent_id"]),
        "Level": int(row["level"]),
        "Type": row["cate_type"],
    }


@action("GetCategories")
def get_categories(ctx: RpcContext) -> dict[str, Any]:
    cate_id = ctx.get_int("CateId", -1)
    page_no = ctx.get_int("PageNo", 1, low=1)
    page_size = ctx.get_int("PageSize", 10, low=1, high=100)
    sort_by = ctx.get("SortBy") or "CreationTime:Asc"
    if sort_by not in ("CreationTime:Asc", "CreationTime:Desc"):
        raise ctx.invalid("SortBy")
    cate_type = ctx.get("Type") or "default"
    if cate_type not in ("default", "material"):
        raise ctx.invalid("Type")
    order = "ASC" if sort_by.endswith("Asc") else "DESC"  # ids grow with creation
    with ctx.state.db() as conn:
        if cate_id == -1:
            category = {"CateId": -1, "CateName": "", "ParentId": -1, "Level": -1, "Type": cate_type}
        else:
            row = conn.execute("SELECT * FROM categories WHERE cate_id = ?", (cate_id,)).fetchone()
            if row is None:
                raise RpcError(404, "InvalidCateId.NotFound", "The CateId does not exist.")
            category = _category(row)
        where = "parent_id = ? AND cate_type = ?"
        params = (cate_id, cate_type)
        total = conn.execute(f"SELECT COUNT(*) FROM categories WHERE {where}", params).fetchone()[0]
        subs = conn.execute(
            f"SELECT c.*, (SELECT COUNT(*) FROM categories s WHERE s.parent_id = c.cate_id) AS sub_total"
            f" FROM categories c WHERE {where} ORDER BY cate_id {order} LIMIT ? OFFSET ?",
            (*params, page_size, (page_no - 1) * page_size),
        ).fetchall()
        items = [{**_category(sub), "SubTotal": int(sub["sub_total"])} for sub in subs]
    return {"SubTotal": int(total), "Category": category, "SubCategories": {"Category": items}}
