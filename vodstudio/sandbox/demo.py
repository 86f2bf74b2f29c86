"""``--seed-demo``: a believable VOD library (videos, audio, images, attached media, CDN history)."""

from __future__ import annotations

import functools
import json
import random
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from vodstudio.sandbox import demo_data, oss_store
from vodstudio.sandbox.pngimg import cover_png
from vodstudio.sandbox.probe import MediaProbe, probe_file
from vodstudio.sandbox.state import SandboxState

SAMPLE_MP4 = Path(__file__).with_name("assets") / "sample.mp4"
SAMPLE_KEY = "demo/sample.mp4"
DAY = 86400.0
COVERS = 32  # distinct generated covers, shared round-robin (seeding stays well under 2 s)
MP4_BACKED = 12  # videos whose source object holds the sample's bytes under their own key
# (status, weight): mostly playable, a few in every other state a console shows.
STATUSES = [
    ("Normal", 200),
    ("Transcoding", 8),
    ("UploadSucc", 6),
    ("Uploading", 8),
    ("TranscodeFail", 6),
    ("Checking", 7),
    ("Blocked", 5),
]
OFFLINE_DOMAIN = "vod-archive.example.com"
RESOLUTIONS = [(1920, 1080), (1280, 720), (1080, 1920), (3840, 2160), (720, 1280)]


@dataclass
class _Seed:
    state: SandboxState
    conn: sqlite3.Connection
    rng: random.Random
    bucket: str
    now: float
    categories: list[int]
    covers: list[str]
    sample: oss_store.Written | None


def seed_demo(state: SandboxState, *, videos: int = 240, seed: int = 20260101) -> None:
    """Fill an empty sandbox; deterministic for a given seed (ids aside)."""
    rng = random.Random(seed)
    with state.db() as conn:
        ctx = _Seed(state, conn, rng, state.config.bucket, state.now(), [], [], None)
        ctx.categories = _categories(conn)
        ctx.covers = _covers(ctx)
        ctx.sample = _sample(ctx)
        for index in range(videos):
            _video(ctx, index)
        for index in range(6):
            _audio(ctx, index)
        for index in range(8):
            _image(ctx, index)
        _attached(ctx)
        _cdn_tasks(ctx)
        _access_log(ctx)
        _domains(ctx)


def _categories(conn: sqlite3.Connection) -> list[int]:
    ids: list[int] = []
    next_id = 1000000001

    def add(name: str, parent: int, level: int) -> int:
        nonlocal next_id
        cate_id, next_id = next_id, next_id + 1
        conn.execute(
            "INSERT OR REPLACE INTO categories (cate_id, cate_name, parent_id, level) VALUES (?, ?, ?, ?)",
            (cate_id, name, parent, level),
        )
        ids.append(cate_id)
        return cate_id

    for top, children in demo_data.CATEGORIES:
        top_id = add(top, -1, 0)
        for child, grandchildren in children:
            child_id = add(child, top_id, 1)
            for leaf in grandchildren:
                add(leaf, child_id, 2)
    return ids


def _covers(ctx: _Seed) -> list[str]:
    keys = []
    for index in range(COVERS):
        key = f"demo/covers/cover-{index:02d}.png"
        oss_store.put_bytes(ctx.state, ctx.conn, ctx.bucket, key, cover_png(f"demo-{index}"), "image/png")
        keys.append(key)
    return keys


@functools.cache
def _sample_probe() -> MediaProbe:
    return probe_file(SAMPLE_MP4)


def _sample(ctx: _Seed) -> oss_store.Written | None:
    if not SAMPLE_MP4.exists():
        return None
    data = SAMPLE_MP4.read_bytes()
    return oss_store.put_bytes(ctx.state, ctx.conn, ctx.bucket, SAMPLE_KEY, data, "video/mp4")


def _insert_media(ctx: _Seed, **columns: object) -> None:
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    ctx.conn.execute(f"INSERT INTO media ({names}) VALUES ({marks})", tuple(columns.values()))


def _technical(ctx: _Seed, backed: bool) -> tuple[int, int, float, float, float]:
    """(width, height, duration, bitrate, fps): the sample's own for MP4-backed videos."""
    if backed:
        info = _sample_probe()
        return info.width, info.height, info.duration, info.bitrate, info.fps
    width, height = ctx.rng.choice(RESOLUTIONS)
    duration = round(ctx.rng.uniform(15, 2400), 3)
    return width, height, duration, round(ctx.rng.uniform(1200, 8000), 2), ctx.rng.choice([24.0, 25.0, 30.0])


def _video(ctx: _Seed, index: int) -> None:
    rng = ctx.rng
    media_id = uuid.UUID(int=rng.getrandbits(128)).hex
    backed = index < MP4_BACKED and ctx.sample is not None
    status = "Normal" if backed else rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    meta = width, height, duration, bitrate, fps = _technical(ctx, backed)
    created = ctx.now - rng.uniform(60, 60 * DAY)
    key = f"sv/{media_id[:8]}-{media_id[8:16]}/{media_id}.mp4"
    title = demo_data.title(rng)
    no_transcode = rng.random() < 0.15
    # Unfinished work moves on by itself, as it would in a live account.
    moving = status in ("UploadSucc", "Transcoding")
    _insert_media(
        ctx,
        media_id=media_id,
        media_type="video",
        title=title,
        description=demo_data.description(rng, title),
        tags=demo_data.tags(rng),
        cate_id=rng.choice(ctx.categories) if rng.random() < 0.8 else None,
        status=status,
        next_transition_at=ctx.now + rng.uniform(30, 600) if moving else None,
        created_at=created,
        modified_at=min(created + rng.uniform(5, 3600), ctx.now),
        uploaded_at=None if status == "Uploading" else created + 2,
        template_group_id="VOD_NO_TRANSCODE" if no_transcode else "",
        storage_location=f"{ctx.bucket}.oss-cn-shanghai.aliyuncs.com",
        bucket=ctx.bucket,
        object_key=key,
        file_name=f"{title}.mp4" if rng.random() < 0.5 else f"VID_{int(created)}.mp4",
        ext="mp4",
        size=0 if backed else int(duration * bitrate * 125),  # backed: set from the stored copy
        duration=duration,
        width=width,
        height=height,
        fps=fps,
        bitrate=bitrate,
        mezzanine_status="Uploading" if status == "Uploading" else "Normal",
        extra=json.dumps({"TranscodeMode": "NoTranscode" if no_transcode else "FastTranscode"}),
    )
    if status != "Uploading":
        _video_files(ctx, index, media_id, key, backed)
    if status not in ("Uploading", "TranscodeFail"):
        _streams(ctx, media_id, key, meta, no_transcode)


def _video_files(ctx: _Seed, index: int, media_id: str, key: str, backed: bool) -> None:
    _source_object(ctx, media_id, key, backed)
    for kind, offset in (("CoverSnapshot", 0), ("NormalSnapshot", 7)):
        cover = ctx.covers[(index + offset) % len(ctx.covers)]
        ctx.conn.execute("INSERT INTO snapshots VALUES (?, ?, ?)", (media_id, kind, cover))


def _source_object(ctx: _Seed, media_id: str, key: str, backed: bool) -> None:
    """Every source is playable: the first few hold a copy of the sample, the rest share its file."""
    if ctx.sample is None:
        return
    if backed:
        written = oss_store.put_bytes(
            ctx.state, ctx.conn, ctx.bucket, key, SAMPLE_MP4.read_bytes(), "video/mp4"
        )
        ctx.conn.execute("UPDATE media SET size = ? WHERE media_id = ?", (written.size, media_id))
    else:
        oss_store.record_object(ctx.state, ctx.conn, ctx.bucket, key, ctx.sample, content_type="video/mp4")


def _streams(
    ctx: _Seed, media_id: str, key: str, meta: tuple[int, int, float, float, float], no_transcode: bool
) -> None:
    width, height, duration, bitrate, fps = meta
    ladder = [("OD", 1.0)] if no_transcode else [("LD", 0.33), ("SD", 0.5), ("HD", 0.75)]
    for definition, scale in ladder:
        ctx.conn.execute(
            "INSERT INTO streams (job_id, media_id, format, definition, object_key, size, duration, width, "
            "height, bitrate, fps, created_at) VALUES (?, ?, 'mp4', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uuid.UUID(int=ctx.rng.getrandbits(128)).hex,
                media_id,
                definition,
                key,
                int(duration * bitrate * scale * 125),
                duration,
                int(width * scale) // 2 * 2,
                int(height * scale) // 2 * 2,
                round(bitrate * scale, 2),
                fps,
                ctx.now - DAY,
            ),
        )


def _simple_media(ctx: _Seed, kind: str, title: str, **columns: object) -> str:
    media_id = uuid.UUID(int=ctx.rng.getrandbits(128)).hex
    created = ctx.now - ctx.rng.uniform(60, 60 * DAY)
    values: dict[str, object] = {
        "media_id": media_id,
        "media_type": kind,
        "title": title,
        "tags": demo_data.tags(ctx.rng),
        "status": "Normal",
        "created_at": created,
        "modified_at": created + 60,
        "uploaded_at": created + 1,
        "storage_location": f"{ctx.bucket}.oss-cn-shanghai.aliyuncs.com",
        "bucket": ctx.bucket,
        "mezzanine_status": "Normal",
    }
    values.update(columns)
    _insert_media(ctx, **values)
    return media_id


def _audio(ctx: _Seed, index: int) -> None:
    duration = round(ctx.rng.uniform(60, 3600), 3)
    media_id = _simple_media(
        ctx,
        "audio",
        demo_data.title(ctx.rng, demo_data.AUDIO_TITLES),
        cate_id=ctx.categories[-5 + index % 3],
        duration=duration,
        size=int(duration * 128 * 125),
        bitrate=128.0,
        ext="mp3",
        object_key=f"audio/demo-{index:02d}.mp3",
        file_name=f"episode-{index + 1:02d}.mp3",
    )
    ctx.conn.execute(
        "INSERT INTO snapshots VALUES (?, 'CoverSnapshot', ?)",
        (media_id, ctx.covers[index % len(ctx.covers)]),
    )


def _image(ctx: _Seed, index: int) -> None:
    key = f"image/default/demo-{index:02d}.png"
    data = cover_png(f"image-{index}")
    oss_store.put_bytes(ctx.state, ctx.conn, ctx.bucket, key, data, "image/png")
    _simple_media(
        ctx,
        "image",
        demo_data.title(ctx.rng, demo_data.IMAGE_TITLES),
        business_type="cover" if index % 2 else "default",
        cate_id=ctx.rng.choice(ctx.categories),
        object_key=key,
        file_name=f"image-{index + 1:02d}.png",
        ext="png",
        size=len(data),
        width=320,
        height=180,
    )


def _attached(ctx: _Seed) -> None:
    watermark = cover_png("watermark", 120, 40)
    subtitle = (
        "1\n00:00:00,000 --> 00:00:02,500\n城市夜景延时 / City nights\n\n"
        "2\n00:00:02,500 --> 00:00:03,000\nFin\n"
    )
    items = [
        ("watermark", "Logo watermark", "attached/watermark/logo.png", watermark, "image/png"),
        (
            "subtitles",
            "城市夜景 字幕 zh-CN",
            "attached/subtitles/city-nights.zh-CN.srt",
            subtitle.encode(),
            "text/plain",
        ),
        (
            "subtitles",
            "City nights subtitles en",
            "attached/subtitles/city-nights.en.srt",
            subtitle.encode(),
            "text/plain",
        ),
    ]
    for business, title, key, data, content_type in items:
        oss_store.put_bytes(ctx.state, ctx.conn, ctx.bucket, key, data, content_type)
        _simple_media(
            ctx,
            "attached",
            title,
            business_type=business,
            object_key=key,
            file_name=key.rsplit("/", 1)[-1],
            ext=key.rsplit(".", 1)[-1],
            size=len(data),
        )


def _cdn_tasks(ctx: _Seed) -> None:
    """A few dozen refresh / preload tasks over the last three days, two still running."""
    keys = [r[0] for r in ctx.conn.execute("SELECT object_key FROM media WHERE object_key != '' LIMIT 40")]
    for index in range(36):
        kind = ("file", "file", "directory", "preload")[index % 4]
        path = "/sv/" if kind == "directory" else f"/{ctx.rng.choice(keys)}"
        running = index < 2
        created = ctx.now - (ctx.rng.uniform(5, 20) if running else ctx.rng.uniform(600, 3 * DAY - 600))
        failed = index % 17 == 5
        ctx.conn.execute(
            "INSERT OR REPLACE INTO cdn_tasks (task_id, object_path, object_type, domain, status, "
            "created_at, complete_at, final_status, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(ctx.rng.randrange(10**10, 10**11)),
                path,
                kind,
                ctx.state.cdn_domain,
                "Refreshing" if running else ("Failed" if failed else "Complete"),
                created,
                created + (ctx.rng.uniform(60, 240) if running else ctx.rng.uniform(3, 120)),
                "Failed" if failed else "Complete",
                "Origin Timeout" if failed else "",
            ),
        )


def _domains(ctx: _Seed) -> None:
    """Beside the live CDN domain, a retired one: DescribeVodUserDomains lists it as offline."""
    ctx.conn.execute(
        "INSERT OR REPLACE INTO cdn_domains (domain_name, status, description, ssl_protocol, scope, "
        "created_at, modified_at) VALUES (?, 'offline', ?, 'on', 'domestic', ?, ?)",
        (OFFLINE_DOMAIN, "旧域名 / retired 2025", ctx.now - 400 * DAY, ctx.now - 30 * DAY),
    )


def _access_log(ctx: _Seed) -> None:
    """About 2,000 CDN requests over the last week, busier in the (Shanghai) evening."""
    keys = [r[0] for r in ctx.conn.execute("SELECT key FROM objects ORDER BY key LIMIT 60")]
    agents = ["Mozilla/5.0 (Windows NT 10.0)", "AliyunPlayer/5.4", "okhttp/4.12", "VODStudio/0.1"]
    rows = []
    for _ in range(2000):
        ts = ctx.now - ctx.rng.uniform(60, 7 * DAY)
        hour = int((ts + 8 * 3600) // 3600) % 24
        if hour < 8 and ctx.rng.random() < 0.6:
            ts += 12 * 3600 if ts + 12 * 3600 < ctx.now else 0
        status = ctx.rng.choices([200, 206, 304, 404], [60, 30, 8, 2])[0]
        sent = 0 if status in (304, 404) else ctx.rng.randint(20_000, 8_000_000)
        rows.append(
            (
                ts,
                f"10.{ctx.rng.randint(0, 255)}.{ctx.rng.randint(0, 255)}.{ctx.rng.randint(1, 254)}",
                "GET",
                f"/{ctx.rng.choice(keys)}",
                status,
                sent,
                "-",
                ctx.rng.choice(agents),
                "bytes=0-" if status == 206 else "-",
            )
        )
    ctx.conn.executemany(
        "INSERT INTO cdn_access_log (ts, client_ip, method, path, status, bytes_sent, referer, user_agent, "
        "range_hdr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
