"""Playable sandbox videos with chosen streams (MP4 ladder, optional HLS with a real playlist)."""

from __future__ import annotations

import time
import uuid
from typing import Any

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.retry import RetryPolicy
from vodstudio.sandbox import oss_store

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05, jitter=lambda cap: cap)


def add_video(
    sandbox: Any,
    *,
    status: str = "Normal",
    definitions: tuple[str, ...] = ("LD", "SD"),
    hls_segments: int = 0,
    stored_segments: int | None = None,
) -> str:
    """A video whose MP4 ``definitions`` share one stored file; ``hls_segments`` > 0 adds an HD M3U8
    stream whose playlist names that many TS slices, the first ``stored_segments`` of them stored."""
    state, bucket = sandbox.state, sandbox.info.bucket
    media_id = uuid.uuid4().hex
    mp4 = f"sv/{media_id}/{media_id}.mp4"
    now = time.time()
    with state.db() as conn:
        conn.execute(
            "INSERT INTO media (media_id, media_type, title, status, created_at, modified_at, bucket, "
            "object_key, mezzanine_status) VALUES (?, 'video', ?, ?, ?, ?, ?, ?, 'Normal')",
            (media_id, f"video {media_id[:6]}", status, now, now, bucket, mp4),
        )
        oss_store.put_bytes(state, conn, bucket, mp4, b"\0" * 2048, "video/mp4")
        streams = [("mp4", d, mp4) for d in definitions]
        if hls_segments:
            playlist = f"sv/{media_id}/hls/{media_id}.m3u8"
            names = [f"seg-{i:05d}.ts" for i in range(hls_segments)]
            text = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n" + "".join(f"#EXTINF:4.0,\n{n}\n" for n in names)
            oss_store.put_bytes(state, conn, bucket, playlist, text.encode(), "application/vnd.apple.mpegurl")
            for name in names[: hls_segments if stored_segments is None else stored_segments]:
                segment = f"sv/{media_id}/hls/{name}"
                oss_store.put_bytes(state, conn, bucket, segment, b"\0" * 188, "video/mp2t")
            streams.append(("m3u8", "HD", playlist))
        for fmt, definition, key in streams:
            conn.execute(
                "INSERT INTO streams (job_id, media_id, format, definition, object_key, size, created_at) "
                "VALUES (?, ?, ?, ?, ?, 2048, ?)",
                (uuid.uuid4().hex, media_id, fmt, definition, key, now),
            )
    return media_id


def open_client(sandbox: Any) -> VodClient:
    info = sandbox.info
    return VodClient(
        info.access_key_id, info.access_key_secret, endpoint=info.vod_endpoint, retry=FAST_RETRY, timeout=10.0
    )


def cdn_url(sandbox: Any, key: str) -> str:
    return f"http://{sandbox.info.cdn_domain}/{key}"
