"""The CDN desk's own SQLite file (``cdn.sqlite3``): deferred items, submitted-task history, local usage."""

from __future__ import annotations

import datetime as dt

from vodstudio.store.db import Database
from vodstudio.store.paths import ProfilePaths

FILE_NAME = "cdn.sqlite3"

# Numbered migrations: MIGRATIONS[i] takes the schema from version i to i + 1. Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE pending (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        item TEXT NOT NULL,
        created_at TEXT NOT NULL,
        shanghai_day TEXT NOT NULL
    );
    CREATE INDEX pending_by_account ON pending (account, provider, kind, id);
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        item TEXT NOT NULL,
        task_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        shanghai_day TEXT NOT NULL
    );
    CREATE INDEX history_by_account ON history (account, provider, id);
    CREATE TABLE usage (
        account TEXT NOT NULL,
        provider TEXT NOT NULL,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        used INTEGER NOT NULL,
        PRIMARY KEY (account, provider, kind, day)
    );
    """,
    # 2: refresh/prefetch jobs by video id (RefreshMediaPlayUrls), so their outcome can be shown later.
    """
    CREATE TABLE media_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        job_id TEXT NOT NULL,
        task_type TEXT NOT NULL,
        media_ids TEXT NOT NULL,
        non_exist_ids TEXT NOT NULL,
        forbidden_ids TEXT NOT NULL,
        submitted_at TEXT NOT NULL
    );
    CREATE INDEX media_jobs_by_account ON media_jobs (account, id);
    """,
)


def open_cdn_db(paths: ProfilePaths) -> Database:
    """Open (and migrate) this profile's CDN database; share one instance per process."""
    return Database(paths.ensure().data_dir / FILE_NAME, MIGRATIONS)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
