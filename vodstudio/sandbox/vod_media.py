"""VOD video actions: info, updates, deletion, streams, mezzanine and play info."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from vodstudio.sandbox import media_ops as ops
from vodstudio.sandbox import media_render as render
from vodstudio.sandbox import vod_images as _images  # noqa: F401 - registers image and category actions
from vodstudio.sandbox.rpc import RpcContext, RpcError, action


def num(value: float) -> str:
    """Numbers the API sends as strings: ``3.1667``, ``30``."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text or "0"


@action("GetVideoInfo")
def get_video_info(ctx: RpcContext) -> dict[str, Any]:
    with ctx.state.db() as conn:
        row = ops.find_video(ctx, conn)
        names = render.category_names(conn)
        return {"Video": render.video(ctx.state, conn, row, names, nested_snapshots=True)}


@action("GetVideoInfos")
def get_video_infos(ctx: RpcContext) -> dict[str, Any]:
    ids, by_reference = ops.id_list(ctx)
    with ctx.state.db() as conn:
        rows, missing = ops.rows_by_ids(conn, ids, by_reference)
        names = render.category_names(conn)
        videos = [render.video(ctx.state, conn, row, names, nested_snapshots=False) for row in rows]
    return {"VideoList": videos, **ops.missing_lists(missing, by_reference)}


@action("UpdateVideoInfo")
def update_video_info(ctx: RpcContext) -> dict[str, Any]:
    changes = ops.metadata_changes(ctx.state, ctx.params)
    with ctx.state.db() as conn:
        row = ops.find_video(ctx, conn)
        ops.apply_changes(conn, row["media_id"], changes, ctx.state.now())
    return {}


@action("UpdateVideoInfos")
def update_video_infos(ctx: RpcContext) -> dict[str, Any]:
    content = ctx.get_json("UpdateContent")
    if not isinstance(content, list) or not all(isinstance(item, dict) for item in content):
        raise ctx.invalid("UpdateContent")
    if len(content) > 20:
        raise RpcError(400, "CountExceededMax", "The UpdateContent count has exceeded the max limit 20.")
    plans = [(item, ops.metadata_changes(ctx.state, item)) for item in content]
    missing_ids: list[str] = []
    missing_refs: list[str] = []
    with ctx.state.db() as conn:
        for item, changes in plans:
            by_reference = not item.get("VideoId") and bool(item.get("ReferenceId"))
            key = str(item.get("ReferenceId") if by_reference else item.get("VideoId", ""))
            if not key:
                raise ctx.invalid("UpdateContent")
            rows, missing = ops.rows_by_ids(conn, [key], by_reference)
            (missing_refs if by_reference else missing_ids).extend(missing)
            for row in rows:
                ops.apply_changes(conn, row["media_id"], changes, ctx.state.now())
    return {"NonExistVideoIds": missing_ids, "ForbiddenVideoIds": [], "NonExistReferenceIds": missing_refs}


@action("DeleteVideo")
def delete_video(ctx: RpcContext) -> dict[str, Any]:
    ids, by_reference = ops.id_list(ctx)
    files = []
    with ctx.state.db() as conn:
        rows, missing = ops.rows_by_ids(conn, ids, by_reference, ("video", "audio"))
        for row in rows:
            keys = ops.media_keys(conn, row)
            conn.execute("DELETE FROM media WHERE media_id = ?", (row["media_id"],))  # cascades
            files += ops.drop_objects(ctx.state, conn, row["bucket"], keys)
    ops.unlink_all(files)
    return {"ForbiddenVideoIds": [], **ops.missing_lists(missing, by_reference)}


@action("DeleteStream")
def delete_stream(ctx: RpcContext) -> dict[str, Any]:
    job_ids = ctx.get_list("JobIds", limit=20, code="JobIdsExceededMax")
    if not job_ids:
        ctx.require("JobIds")
    with ctx.state.db() as conn:
        row = ops.find_video(ctx, conn)
        marks = ",".join("?" * len(job_ids))
        streams = conn.execute(
            f"SELECT job_id, object_key FROM streams WHERE media_id = ? AND job_id IN ({marks})",
            (row["media_id"], *job_ids),
        ).fetchall()
        if len(streams) != len(set(job_ids)):
            raise RpcError(404, "InvalidStream.NotFound", "The stream does not exist.")
        conn.execute(f"DELETE FROM streams WHERE job_id IN ({marks})", job_ids)
        files = ops.drop_objects(ctx.state, conn, row["bucket"], {s["object_key"] for s in streams})
    ops.unlink_all(files)
    return {}


@action("DeleteMezzanines")
def delete_mezzanines(ctx: RpcContext) -> dict[str, Any]:
    ids, by_reference = ops.id_list(ctx)
    force = ctx.get_bool("Force")
    unremovable: list[str] = []
    files = []
    with ctx.state.db() as conn:
        rows, missing = ops.rows_by_ids(conn, ids, by_reference, ("video", "audio"))
        for row in rows:
            source = row["object_key"]
            plays_source = conn.execute(
                "SELECT COUNT(*) FROM streams WHERE media_id = ? AND object_key = ?",
                (row["media_id"], source),
            ).fetchone()[0]
            if plays_source and not force:
                # NoTranscode: the source is the only playable stream; removing it needs Force.
                unremovable.append(row["reference_id"] if by_reference else row["media_id"])
                continue
            conn.execute(
                "DELETE FROM streams WHERE media_id = ? AND object_key = ?", (row["media_id"], source)
            )
            conn.execute(
                "UPDATE media SET mezzanine_status = 'Deleted', modified_at = ? WHERE media_id = ?",
                (ctx.state.now(), row["media_id"]),
            )
            conn.execute("UPDATE media SET object_key = '' WHERE media_id = ?", (row["media_id"],))
            files += ops.drop_objects(ctx.state, conn, row["bucket"], {source})
    ops.unlink_all(files)
    return {"UnRemoveableVideoIds": unremovable, **ops.missing_lists(missing, by_reference)}


def _file_url(ctx: RpcContext, row: sqlite3.Row, key: str, output_type: str, timeout: int) -> str:
    if output_type == "oss":
        return ops.presigned(ctx.state, row["bucket"], key, timeout)
    return render.object_url(ctx.state, key)


def _output(ctx: RpcContext) -> tuple[str, int]:
    output_type = ctx.get("OutputType", "cdn") or "cdn"
    if output_type not in ("cdn", "oss"):
        raise ctx.invalid("OutputType")
    return output_type, ctx.get_int("AuthTimeout", 3600, low=1, high=2592000)


@action("GetMezzanineInfo")
def get_mezzanine_info(ctx: RpcContext) -> dict[str, Any]:
    output_type, timeout = _output(ctx)
    additions = {a.strip() for a in ctx.get("AdditionType").split(",") if a.strip()}
    with ctx.state.db() as conn:
        row = ops.find_video(ctx, conn)
        if not row["object_key"] or row["mezzanine_status"] == "Deleted":
            raise RpcError(404, "InvalidFile.NotFound", "The file does not exist.")
        obj = conn.execute(
            "SELECT etag FROM objects WHERE bucket = ? AND key = ?", (row["bucket"], row["object_key"])
        ).fetchone()
        mezzanine = _mezzanine(ctx, row, obj, output_type, timeout)
    if "video" in additions:
        mezzanine["VideoStreamList"] = [_video_stream(row)]
    if "audio" in additions:
        mezzanine["AudioStreamList"] = [_audio_stream(row)]
    return {"Mezzanine": mezzanine}


def _mezzanine(
    ctx: RpcContext, row: sqlite3.Row, obj: sqlite3.Row | None, output_type: str, timeout: int
) -> dict[str, Any]:
    etag = str(obj["etag"]) if obj is not None else ""
    more = render.extra_fields(row)
    return {
        "VideoId": row["media_id"],
        "FileName": row["file_name"] or row["object_key"].rsplit("/", 1)[-1],
        "FileURL": _file_url(ctx, row, row["object_key"], output_type, timeout),
        "Size": int(row["size"]),
        "Duration": num(row["duration"]),
        "Bitrate": num(row["bitrate"]),
        "Width": int(row["width"]),
        "Height": int(row["height"]),
        "Fps": num(row["fps"]),
        "CreationTime": ctx.state.iso(row["created_at"]),
        "Status": row["mezzanine_status"],
        "OutputType": output_type,
        "PreprocessStatus": more.get("PreprocessStatus", "UnPreprocess"),
        "StorageClass": row["storage_class"],
        "FileMD5": etag.lower() if "-" not in etag else "",
        "RestoreStatus": "",
        "RestoreExpiration": "",
    }


def _video_stream(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "Index": "0",
        "CodecName": "h264",
        "CodecLongName": "H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10",
        "Profile": "High",
        "Width": str(int(row["width"])),
        "Height": str(int(row["height"])),
        "PixFmt": "yuv420p",
        "Fps": num(row["fps"]),
        "AvgFPS": num(row["fps"]),
        "Duration": num(row["duration"]),
        "Bitrate": num(row["bitrate"]),
        "Lang": "und",
    }


def _audio_stream(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "Index": "1",
        "CodecName": "aac",
        "CodecLongName": "AAC (Advanced Audio Coding)",
        "SampleRate": "44100",
        "Channels": "2",
        "ChannelLayout": "stereo",
        "Duration": num(row["duration"]),
        "Bitrate": "128",
        "Lang": "und",
    }


AUDIO_FORMATS = frozenset({"mp3", "m4a", "aac"})


def _wanted(ctx: RpcContext, name: str) -> set[str]:
    return {item.strip() for item in ctx.get(name).split(",") if item.strip()}


def _select_streams(ctx: RpcContext, streams: list[sqlite3.Row]) -> list[sqlite3.Row]:
    return select_streams(
        streams,
        formats={f.lower() for f in _wanted(ctx, "Formats")},
        definitions=_wanted(ctx, "Definition"),
        kinds=_wanted(ctx, "StreamType"),
        multiple=(ctx.get("ResultType") or "Single") != "Single",
    )


def select_streams(
    streams: list[sqlite3.Row], *, formats: set[str], definitions: set[str], kinds: set[str], multiple: bool
) -> list[sqlite3.Row]:
    """Streams (oldest first) passing the filters (empty: all); one per format+definition unless
    ``multiple``. GetPlayInfo and RefreshMediaPlayUrls choose alike."""
    chosen: dict[tuple[str, str], sqlite3.Row] = {}
    picked: list[sqlite3.Row] = []
    for stream in streams:
        kind = "audio" if stream["format"] in AUDIO_FORMATS else "video"
        if (formats and stream["format"] not in formats) or (kinds and kind not in kinds):
            continue
        if definitions and "AUTO" not in definitions and stream["definition"] not in definitions:
            continue
        picked.append(stream)
        chosen[(stream["format"], stream["definition"])] = stream  # the newest wins in Single mode
    if not multiple:
        return [s for s in picked if chosen[(s["format"], s["definition"])] is s]
    return picked


def _play_domain(ctx: RpcContext) -> str:
    raw = ctx.get("PlayConfig")
    if not raw:
        return ""
    try:
        config = json.loads(raw)
    except json.JSONDecodeError:
        raise ctx.invalid("PlayConfig") from None
    return str(config.get("PlayDomain", "")) if isinstance(config, dict) else ""


def _play_info(ctx: RpcContext, row: sqlite3.Row, stream: sqlite3.Row, url: str) -> dict[str, Any]:
    audio = stream["format"] in AUDIO_FORMATS
    created = ctx.state.iso(stream["created_at"])
    return {
        "JobId": stream["job_id"],
        "PlayURL": url,
        "Format": stream["format"],
        "Definition": stream["definition"],
        "Specification": f"{'AAC' if audio else 'H264'}.{stream['definition']}",
        "StreamType": "audio" if audio else "video",
        "Status": "Normal",
        "Size": int(stream["size"]),
        "Duration": num(stream["duration"]),
        "Bitrate": num(stream["bitrate"]),
        "Fps": num(stream["fps"]),
        "Width": int(stream["width"]),
        "Height": int(stream["height"]),
        "Encrypt": 0,
        "EncryptType": "",
        "EncryptMode": "",
        "NarrowBandType": "0",
        "WatermarkId": "",
        "HDRType": "",
        "BitDepth": 8,
        "CodecName": "aac" if audio else "h264",
        "JobType": 1,
        "JobExt": "",
        "CreationTime": created,
        "ModificationTime": created,
    }


@action("GetPlayInfo")
def get_play_info(ctx: RpcContext) -> dict[str, Any]:
    output_type, timeout = _output(ctx)
    domain = _play_domain(ctx)
    with ctx.state.db() as conn:
        row = ops.find_video(ctx, conn)
        if row["status"] != "Normal":
            raise RpcError(
                403,
                "Forbidden.IllegalStatus",
                f"Status of the video is illegal. Current Status is {row['status']}.",
            )
        streams = conn.execute(
            "SELECT * FROM streams WHERE media_id = ? ORDER BY created_at, job_id", (row["media_id"],)
        ).fetchall()
        selected = _select_streams(ctx, streams)
        if not selected:
            raise RpcError(404, "InvalidVideo.NoneStream", "The video has no stream that can be played.")
        infos = []
        for stream in selected:
            if domain and output_type == "cdn":
                url = f"http://{domain}/{stream['object_key']}"
            else:
                url = _file_url(ctx, row, stream["object_key"], output_type, timeout)
            infos.append(_play_info(ctx, row, stream, url))
        base = {
            "VideoId": row["media_id"],
            "Title": row["title"],
            "Status": row["status"],
            "MediaType": row["media_type"],
            "Duration": num(row["duration"]),
            "CoverURL": render.cover_url(ctx.state, conn, row),
            "CreationTime": ctx.state.iso(row["created_at"]),
            "StorageClass": row["storage_class"],
            "DanMuURL": "",
        }
    return {"VideoBase": base, "PlayInfoList": {"PlayInfo": infos}}
