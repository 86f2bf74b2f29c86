"""The media status machine: Uploading → UploadSucc → Transcoding → Normal, advanced lazily per request."""

from __future__ import annotations

import sqlite3
import uuid

from vodstudio.sandbox import oss_store
from vodstudio.sandbox.pngimg import cover_png
from vodstudio.sandbox.probe import MediaProbe, probe_source
from vodstudio.sandbox.state import SandboxState

NO_TRANSCODE = "VOD_NO_TRANSCODE"
# Definitions the default template group "produces", by target height. The sandbox does not
# transcode: every stream points at the source object and only its metadata is scaled.
_LADDER = (("LD", 360), ("SD", 540), ("HD", 720), ("FHD", 1080))


def advance(state: SandboxState, conn: sqlite3.Connection) -> int:
    """Move every row whose transition time has come; returns how many steps were taken."""
    steps = 0
    cfg = state.config
    while True:
        rows = conn.execute(
            "SELECT media_id, status, next_transition_at, template_group_id, title FROM media "
            "WHERE next_transition_at IS NOT NULL AND next_transition_at <= ?",
            (state.now(),),
        ).fetchall()
        if not rows:
            return steps
        for row in rows:
            due = float(row["next_transition_at"])
            if row["status"] == "UploadSucc" and row["template_group_id"] != NO_TRANSCODE:
                new_status, following = "Transcoding", due + cfg.transcode_delay
            elif row["status"] in ("UploadSucc", "Transcoding"):
                new_status, following = _outcome(cfg.transcode_fail_title, str(row["title"])), None
            else:
                new_status, following = row["status"], None  # nothing scheduled for other states
            conn.execute(
                "UPDATE media SET status = ?, next_transition_at = ?, modified_at = ? WHERE media_id = ?",
                (new_status, following, due, row["media_id"]),
            )
            steps += 1


def _outcome(fail_title: str, title: str) -> str:
    """Normal, or TranscodeFail for titles the test asked to fail (``transcode_fail_title``)."""
    return "TranscodeFail" if fail_title and fail_title in title else "Normal"


def on_object_completed(state: SandboxState, conn: sqlite3.Connection, bucket: str, key: str) -> str | None:
    """A recorded object finished uploading: a media's source moves its media on. Returns its id."""
    stored = oss_store.find_object(conn, bucket, key)
    if stored is None:
        return None
    size = int(stored["size"])
    row = conn.execute(
        "SELECT media_id, media_type, template_group_id, cover_url FROM media "
        "WHERE bucket = ? AND object_key = ? AND mezzanine_status = 'Uploading'",
        (bucket, key),
    ).fetchone()
    if row is None:
        return None
    media_id = str(row["media_id"])
    now = state.now()
    if row["media_type"] in ("image", "attached"):
        conn.execute(
            "UPDATE media SET size = ?, status = 'Normal', mezzanine_status = 'Normal', uploaded_at = ?, "
            "modified_at = ?, next_transition_at = NULL WHERE media_id = ?",
            (size, now, now, media_id),
        )
        return media_id
    with oss_store.open_object(state, conn, stored) as reader:
        info = probe_source(reader, reader.size)
    conn.execute(
        "UPDATE media SET size = ?, duration = ?, width = ?, height = ?, fps = ?, bitrate = ?, "
        "status = 'UploadSucc', mezzanine_status = 'Normal', uploaded_at = ?, modified_at = ?, "
        "next_transition_at = ? WHERE media_id = ?",
        (
            size,
            info.duration,
            info.width,
            info.height,
            info.fps,
            info.bitrate,
            now,
            now,
            now + state.config.upload_succ_delay,
            media_id,
        ),
    )
    create_streams(
        state, conn, media_id, key, size, info, no_transcode=row["template_group_id"] == NO_TRANSCODE
    )
    if not row["cover_url"] and row["media_type"] == "video":
        make_cover(state, conn, media_id, bucket)
    return media_id


def create_streams(
    state: SandboxState,
    conn: sqlite3.Connection,
    media_id: str,
    key: str,
    size: int,
    info: MediaProbe,
    *,
    no_transcode: bool,
) -> None:
    """The play streams GetPlayInfo lists: the source as ``OD``, or a definition ladder (all the source)."""
    conn.execute("DELETE FROM streams WHERE media_id = ?", (media_id,))
    fmt = "mp3" if key.lower().endswith((".mp3", ".m4a", ".aac", ".wav", ".flac")) else "mp4"
    if no_transcode or fmt == "mp3":
        ladder = [("OD", info.height)]
    else:
        ladder = [(name, h) for name, h in _LADDER if not info.height or h <= info.height] or [_LADDER[0]]
    for definition, target in ladder:
        height = min(target, info.height) if info.height else 0
        width = round(info.width * height / info.height) if info.height else 0
        scale = height / info.height if info.height else 1.0
        conn.execute(
            "INSERT INTO streams (job_id, media_id, format, definition, object_key, size, duration, width, "
            "height, bitrate, fps, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uuid.uuid4().hex,
                media_id,
                fmt,
                definition,
                key,
                size,
                info.duration,
                width - width % 2,
                height,
                round(info.bitrate * scale, 2),
                info.fps,
                state.now(),
            ),
        )


def cover_key(media_id: str) -> str:
    return f"{media_id}/snapshots/cover-00001.png"


def make_cover(state: SandboxState, conn: sqlite3.Connection, media_id: str, bucket: str) -> str:
    """Generate a PNG cover object and record it as the media's CoverSnapshot; returns its key.

    The media row's ``cover_url`` stays empty: URLs are rendered at answer time from the snapshot key
    and the CDN domain of the current run.
    """
    key = cover_key(media_id)
    oss_store.put_bytes(state, conn, bucket, key, cover_png(media_id), "image/png")
    conn.execute(
        "INSERT OR IGNORE INTO snapshots (media_id, kind, object_key) VALUES (?, 'CoverSnapshot', ?)",
        (media_id, key),
    )
    return key
