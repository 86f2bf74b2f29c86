"""Attached media (watermarks, subtitles, materials): DeleteAttachedMedia."""

from __future__ import annotations

from typing import Any

from vodstudio.sandbox import media_ops as ops
from vodstudio.sandbox.rpc import RpcContext, action


@action("DeleteAttachedMedia")
def delete_attached_media(ctx: RpcContext) -> dict[str, Any]:
    """``MediaIds`` (≤20, comma-separated); unknown ids come back in ``NonExistMediaIds``."""
    ids = ctx.get_list("MediaIds", limit=20, code="MediaIdsExceededMax")
    if not ids:
        ctx.require("MediaIds")
    files = []
    with ctx.state.db() as conn:
        rows, missing = ops.rows_by_ids(conn, ids, False, ("attached",))
        for row in rows:
            keys = ops.media_keys(conn, row)
            conn.execute("DELETE FROM media WHERE media_id = ?", (row["media_id"],))
            files += ops.drop_objects(ctx.state, conn, row["bucket"], keys)
    ops.unlink_all(files)
    return {"NonExistMediaIds": missing}
