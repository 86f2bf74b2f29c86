"""The refresh/prefetch-by-video jobs an account submitted (``media_jobs`` in ``cdn.sqlite3``).

GetMediaRefreshJobs answers by job id only, so the ids are kept: the Tasks view and
``vodstudio cdn status --media`` show each video's outcome from them, also after a restart.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from vodstudio.cdn.store import utc_now
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshSubmission
from vodstudio.store.db import Database


@dataclass(frozen=True)
class MediaJobRecord:
    submission: MediaRefreshSubmission
    task_type: str  # "Refresh" or "Preload"
    submitted_at: dt.datetime


class MediaJobLog:
    def __init__(self, db: Database, account: str, *, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self._db = db
        self.account = account
        self._clock = clock

    def record(self, submissions: Sequence[MediaRefreshSubmission], task_type: str) -> None:
        now = self._clock().isoformat()
        rows = [
            (
                self.account,
                s.job_id,
                task_type,
                json.dumps(s.media_ids),
                json.dumps(s.non_exist_media_ids),
                json.dumps(s.forbidden_media_ids),
                now,
            )
            for s in submissions
        ]
        with self._db.write() as conn:
            conn.executemany(
                "INSERT INTO media_jobs (account, job_id, task_type, media_ids, non_exist_ids, "
                "forbidden_ids, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def recent(self, limit: int = 20) -> list[MediaJobRecord]:
        """The newest jobs first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT * FROM media_jobs WHERE account = ? ORDER BY id DESC LIMIT ?", (self.account, limit)
            ).fetchall()
        return [
            MediaJobRecord(
                MediaRefreshSubmission(
                    job_id=str(row["job_id"]),
                    media_ids=list(json.loads(row["media_ids"])),
                    non_exist_media_ids=list(json.loads(row["non_exist_ids"])),
                    forbidden_media_ids=list(json.loads(row["forbidden_ids"])),
                ),
                str(row["task_type"]),
                dt.datetime.fromisoformat(str(row["submitted_at"])),
            )
            for row in rows
        ]
