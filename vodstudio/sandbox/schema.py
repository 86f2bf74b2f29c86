"""The sandbox's SQLite schema: one database for VOD media, OSS objects, CDN and Huawei state."""

from __future__ import annotations

SCHEMA_VERSION = (
    3  # 2: object_segments (multipart objects kept as their part files); 3: media refresh, domains
)

# Times are UNIX seconds (REAL) on the sandbox clock (SandboxState.now()); they are rendered as
# ISO 8601 UTC ("%Y-%m-%dT%H:%M:%SZ") on the wire.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every VOD media asset: video, audio, image or attached media.
CREATE TABLE IF NOT EXISTS media (
    media_id            TEXT PRIMARY KEY,          -- 32 lowercase hex
    media_type          TEXT NOT NULL,             -- video | audio | image | attached
    title               TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '',  -- comma-separated, as the API returns them
    cate_id             INTEGER,                   -- NULL: uncategorised
    cover_url           TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL,             -- Uploading, UploadSucc, Transcoding, Normal, ...
    next_transition_at  REAL,                      -- when lifecycle.advance() moves status on; NULL = final
    created_at          REAL NOT NULL,
    modified_at         REAL NOT NULL,
    uploaded_at         REAL,                      -- when the source object completed
    template_group_id   TEXT NOT NULL DEFAULT '',
    workflow_id         TEXT NOT NULL DEFAULT '',
    storage_location    TEXT NOT NULL DEFAULT '',  -- "<bucket>.oss-cn-shanghai.aliyuncs.com"-style
    bucket              TEXT NOT NULL DEFAULT '',
    object_key          TEXT NOT NULL DEFAULT '',  -- source object in the bucket
    file_name           TEXT NOT NULL DEFAULT '',  -- FileName / OriginalFileName as the client gave it
    ext                 TEXT NOT NULL DEFAULT '',  -- lowercase extension without dot
    size                INTEGER NOT NULL DEFAULT 0,
    duration            REAL NOT NULL DEFAULT 0,
    width               INTEGER NOT NULL DEFAULT 0,
    height              INTEGER NOT NULL DEFAULT 0,
    fps                 REAL NOT NULL DEFAULT 0,
    bitrate             REAL NOT NULL DEFAULT 0,   -- kbit/s
    user_data           TEXT NOT NULL DEFAULT '',
    app_id              TEXT NOT NULL DEFAULT 'app-1000000',
    reference_id        TEXT,
    media_source        TEXT NOT NULL DEFAULT 'general',
    business_type       TEXT NOT NULL DEFAULT '', -- attached: watermark...; image: default/cover
    mezzanine_status    TEXT NOT NULL DEFAULT 'Uploading',  -- Uploading | Normal | Deleted
    download_switch     TEXT NOT NULL DEFAULT 'on',
    storage_class       TEXT NOT NULL DEFAULT 'Standard',
    extra               TEXT NOT NULL DEFAULT '{}' -- JSON for rarely used fields
);
CREATE INDEX IF NOT EXISTS media_type_created ON media (media_type, created_at);
CREATE INDEX IF NOT EXISTS media_next_transition ON media (next_transition_at)
    WHERE next_transition_at IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS media_reference ON media (reference_id) WHERE reference_id IS NOT NULL;

-- Transcoded outputs (what GetPlayInfo lists). The sandbox does not transcode: a stream points at
-- an object (usually the source itself) and carries believable metadata.
CREATE TABLE IF NOT EXISTS streams (
    job_id        TEXT PRIMARY KEY,
    media_id      TEXT NOT NULL REFERENCES media(media_id) ON DELETE CASCADE,
    format        TEXT NOT NULL,    -- mp4 | m3u8 | mp3 ...
    definition    TEXT NOT NULL,    -- FD | LD | SD | HD | OD ...
    object_key    TEXT NOT NULL,    -- object in the media's bucket that the CDN serves
    size          INTEGER NOT NULL DEFAULT 0,
    duration      REAL NOT NULL DEFAULT 0,
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    bitrate       REAL NOT NULL DEFAULT 0,
    fps           REAL NOT NULL DEFAULT 0,
    created_at    REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS streams_media ON streams (media_id);

-- Snapshots and covers generated for a video (DeleteImage with DeleteImageType=VideoId removes them).
CREATE TABLE IF NOT EXISTS snapshots (
    media_id      TEXT NOT NULL REFERENCES media(media_id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,    -- CoverSnapshot | NormalSnapshot | SpriteSnapshot | SpriteOriginSnapshot
    object_key    TEXT NOT NULL,
    PRIMARY KEY (media_id, kind, object_key)
);

CREATE TABLE IF NOT EXISTS categories (
    cate_id    INTEGER PRIMARY KEY,
    cate_name  TEXT NOT NULL,
    parent_id  INTEGER NOT NULL DEFAULT -1,
    level      INTEGER NOT NULL DEFAULT 0,   -- 0, 1, 2 (three levels)
    cate_type  TEXT NOT NULL DEFAULT 'default'  -- default | material
);

-- OSS: complete objects. ``path`` is the file under data_dir/objects holding the bytes, or, for an
-- object listed in object_segments (a completed multipart upload), the folder holding its segments.
CREATE TABLE IF NOT EXISTS objects (
    bucket        TEXT NOT NULL,
    key           TEXT NOT NULL,
    size          INTEGER NOT NULL,
    etag          TEXT NOT NULL,     -- without quotes, uppercase hex (multipart: "<hex>-<n>")
    crc64         TEXT NOT NULL,     -- decimal string, as x-oss-hash-crc64ecma
    content_type  TEXT NOT NULL DEFAULT 'application/octet-stream',
    path          TEXT NOT NULL,
    created_at    REAL NOT NULL,
    PRIMARY KEY (bucket, key)
);

CREATE INDEX IF NOT EXISTS objects_path ON objects (path);

-- The files of a composite object in order (seq 0..n-1): CompleteMultipartUpload moves the part files
-- here instead of concatenating them, as real OSS completes by metadata only. No rows: one file.
CREATE TABLE IF NOT EXISTS object_segments (
    bucket  TEXT NOT NULL,
    key     TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    path    TEXT NOT NULL,
    size    INTEGER NOT NULL,
    PRIMARY KEY (bucket, key, seq)
);
CREATE INDEX IF NOT EXISTS object_segments_path ON object_segments (path);

CREATE TABLE IF NOT EXISTS multipart_uploads (
    upload_id     TEXT PRIMARY KEY,
    bucket        TEXT NOT NULL,
    key           TEXT NOT NULL,
    content_type  TEXT NOT NULL DEFAULT 'application/octet-stream',
    initiated_at  REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS parts (
    upload_id     TEXT NOT NULL REFERENCES multipart_uploads(upload_id) ON DELETE CASCADE,
    part_number   INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    etag          TEXT NOT NULL,
    crc64         TEXT NOT NULL,
    path          TEXT NOT NULL,
    last_modified REAL NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);

-- STS-style upload credentials handed out in UploadAuth. They grant access to one object prefix.
CREATE TABLE IF NOT EXISTS sts_credentials (
    access_key_id  TEXT PRIMARY KEY,   -- "STS.<random>"
    secret         TEXT NOT NULL,
    token          TEXT NOT NULL,
    bucket         TEXT NOT NULL,
    key_prefix     TEXT NOT NULL,      -- object key (or prefix) this credential may write
    media_id       TEXT NOT NULL,
    issued_at      REAL NOT NULL,
    expires_at     REAL NOT NULL
);

-- UploadMediaByURL jobs.
CREATE TABLE IF NOT EXISTS url_jobs (
    job_id         TEXT PRIMARY KEY,
    source_url     TEXT NOT NULL,
    media_id       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,      -- PENDING ... SUCCESS / DOWNLOAD_FAIL / UPLOAD_FAIL
    error_code     TEXT NOT NULL DEFAULT '',
    error_message  TEXT NOT NULL DEFAULT '',
    file_size      INTEGER NOT NULL DEFAULT 0,
    user_data      TEXT NOT NULL DEFAULT '',
    created_at     REAL NOT NULL,
    completed_at   REAL
);

-- Alibaba CDN refresh / preload tasks (DescribeVodRefreshTasks).
CREATE TABLE IF NOT EXISTS cdn_tasks (
    task_id       TEXT NOT NULL,
    object_path   TEXT NOT NULL,
    object_type   TEXT NOT NULL,       -- file | directory | preload
    domain        TEXT NOT NULL,
    status        TEXT NOT NULL,       -- Pending | Refreshing | Complete | Failed
    created_at    REAL NOT NULL,
    complete_at   REAL NOT NULL,       -- when it reaches its final status
    final_status  TEXT NOT NULL DEFAULT 'Complete',
    description   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (task_id, object_path)
);
CREATE INDEX IF NOT EXISTS cdn_tasks_created ON cdn_tasks (created_at);

-- Daily quota use; ``day`` is the Asia/Shanghai calendar date (YYYY-MM-DD) of the sandbox clock.
CREATE TABLE IF NOT EXISTS quota_usage (
    provider  TEXT NOT NULL,   -- aliyun | huawei
    kind      TEXT NOT NULL,   -- url | dir | preload (aliyun); refresh | preheat (huawei)
    day       TEXT NOT NULL,
    used      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (provider, kind, day)
);

-- RefreshMediaPlayUrls: one row per media of a job (GetMediaRefreshJobs). ``paths`` holds the paths of
-- its play URLs (a JSON list, rendered on the CDN domain of the current run), ``task_ids`` a cdn_tasks
-- id for each.
CREATE TABLE IF NOT EXISTS media_refresh_jobs (
    job_id         TEXT NOT NULL,
    media_id       TEXT NOT NULL,
    position       INTEGER NOT NULL,           -- order of MediaIds in the request
    task_type      TEXT NOT NULL,              -- Refresh | Preload
    filter_policy  TEXT NOT NULL,              -- JSON of the request's filters, as the service echoes it
    status         TEXT NOT NULL,              -- success | fail (the submission of the URLs)
    paths          TEXT NOT NULL DEFAULT '[]',
    task_ids       TEXT NOT NULL DEFAULT '',   -- comma-separated
    error_code     TEXT NOT NULL DEFAULT '',
    error_message  TEXT NOT NULL DEFAULT '',
    user_data      TEXT NOT NULL DEFAULT '',
    created_at     REAL NOT NULL,
    PRIMARY KEY (job_id, media_id)
);

-- Accelerated domains besides the live CDN domain (that one follows each run's port and is always
-- online): the demo seeds an offline one, as a real account keeps retired domains.
CREATE TABLE IF NOT EXISTS cdn_domains (
    domain_name   TEXT PRIMARY KEY,
    status        TEXT NOT NULL,               -- online | offline | configuring | ...
    description   TEXT NOT NULL DEFAULT '',
    ssl_protocol  TEXT NOT NULL DEFAULT 'off',
    scope         TEXT NOT NULL DEFAULT 'domestic',
    created_at    REAL NOT NULL,
    modified_at   REAL NOT NULL
);

-- Every request the CDN domain served: the source of access logs and of real traffic figures.
CREATE TABLE IF NOT EXISTS cdn_access_log (
    ts          REAL NOT NULL,
    client_ip   TEXT NOT NULL,
    method      TEXT NOT NULL,
    path        TEXT NOT NULL,
    status      INTEGER NOT NULL,
    bytes_sent  INTEGER NOT NULL,
    referer     TEXT NOT NULL DEFAULT '-',
    user_agent  TEXT NOT NULL DEFAULT '-',
    range_hdr   TEXT NOT NULL DEFAULT '-'
);
CREATE INDEX IF NOT EXISTS cdn_access_log_ts ON cdn_access_log (ts);

-- Huawei Cloud VOD: the seeded asset list and CDN refresh / preheating tasks.
CREATE TABLE IF NOT EXISTS huawei_assets (
    asset_id         TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    duration         INTEGER NOT NULL DEFAULT 0,
    size             INTEGER NOT NULL DEFAULT 0,
    original_url     TEXT NOT NULL DEFAULT '',
    play_url         TEXT NOT NULL DEFAULT '',  -- a URL the sandbox "holds" on its Huawei CDN
    category         TEXT NOT NULL DEFAULT '',
    cover_url        TEXT NOT NULL DEFAULT '',
    create_time      TEXT NOT NULL,             -- yyyymmddhhmmss UTC
    asset_status     TEXT NOT NULL DEFAULT 'PUBLISHED',
    transcode_status TEXT NOT NULL DEFAULT 'TRANSCODE_SUCCEED',
    media_type       TEXT NOT NULL DEFAULT 'MP4'
);

CREATE TABLE IF NOT EXISTS huawei_tasks (
    task_id       TEXT NOT NULL,
    kind          TEXT NOT NULL,      -- refresh | preheating
    url           TEXT NOT NULL,
    final_status  TEXT NOT NULL,      -- succeed | failed
    created_at    REAL NOT NULL,
    complete_at   REAL NOT NULL,
    PRIMARY KEY (task_id, url)
);
"""
