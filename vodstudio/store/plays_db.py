"""Fingerprints, playback states and upload routes: small tables in the queue database."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from vodstudio.core.playback import Playback, PlayState
from vodstudio.store.db import Database

BATCH = 500


@dataclass(frozen=True)
class KnownUpload:
    fingerprint: str
    media_id: str  # '' while the earlier job is still queued or running
    path: str
    job_id: int = 0


@dataclass(frozen=True)
class Replacement:
    job_id: int
    account: str
    old_media_id: str


@dataclass(frozen=True)
class RouteChoice:
    account: str
    network: str
    route: str  # normal | accelerated
    normal_bps: float
    accelerated_bps: float
    measured_at: float


def _marks(n: int) -> str:
    return ",".join("?" * n)


class FingerprintTable:
    """What each account already has, by content (recorded by a trigger when a job is done)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def note_jobs(self, account: str, rows: Sequence[tuple[int, str, str]]) -> None:
        """(job id, fingerprint, media id it replaces or '') for jobs just queued."""
        with self._db.write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO job_fingerprints (job_id, account, fingerprint, replaces_media_id,"
                " replace_state) VALUES (?, ?, ?, ?, ?)",
                [(j, account, fp, old, "pending" if old else "") for j, fp, old in rows],
            )
            # A small file may be done before its fingerprint was noted: the trigger missed it.
            conn.executemany(
                "INSERT OR REPLACE INTO fingerprints (account, fingerprint, media_id, path, recorded_at)"
                " SELECT j.account, f.fingerprint, j.media_id, j.path, j.updated_at FROM job_fingerprints f"
                " JOIN jobs j ON j.id = f.job_id"
                " WHERE f.job_id = ? AND j.state = 'done' AND j.media_id != ''",
                [(j,) for j, _fp, _old in rows],
            )

    def known(self, account: str, fingerprints: Iterable[str]) -> dict[str, KnownUpload]:
        """Uploaded (media id) or still waiting in the queue (job id), per fingerprint."""
        wanted = list(dict.fromkeys(fingerprints))
        found: dict[str, KnownUpload] = {}
        with self._db.read() as conn:
            for start in range(0, len(wanted), BATCH):
                chunk = wanted[start : start + BATCH]
                for row in conn.execute(
                    "SELECT f.fingerprint, j.id, j.path FROM job_fingerprints f"
                    " JOIN jobs j ON j.id = f.job_id"
                    f" WHERE f.account = ? AND j.state NOT IN ('done', 'failed', 'cancelled')"
                    f" AND f.fingerprint IN ({_marks(len(chunk))})",
                    [account, *chunk],
                ):
                    found[row[0]] = KnownUpload(row[0], "", row[2], int(row[1]))
                for row in conn.execute(
                    "SELECT fingerprint, media_id, path FROM fingerprints"
                    f" WHERE account = ? AND fingerprint IN ({_marks(len(chunk))})",
                    [account, *chunk],
                ):
                    found.setdefault(row[0], KnownUpload(row[0], row[1], row[2]))
        return found

    def forget_media(self, account: str, media_ids: Iterable[str]) -> None:
        """The server no longer has these videos: their content is new again."""
        ids = list(media_ids)
        with self._db.write() as conn:
            conn.executemany(
                "DELETE FROM fingerprints WHERE account = ? AND media_id = ?", [(account, m) for m in ids]
            )

    def pending_replacements(self) -> list[Replacement]:
        """Replacing jobs that are done: their old video may now be deleted."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT f.job_id, f.account, f.replaces_media_id FROM job_fingerprints f"
                " JOIN jobs j ON j.id = f.job_id WHERE f.replace_state = 'pending' AND j.state = 'done'"
            ).fetchall()
        return [Replacement(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def replacement_done(self, job_id: int, *, ok: bool) -> None:
        with self._db.write() as conn:
            conn.execute(
                "UPDATE job_fingerprints SET replace_state = ? WHERE job_id = ?",
                ("done" if ok else "failed", job_id),
            )


def _playback(r: sqlite3.Row) -> Playback:
    return Playback(
        job_id=int(r["job_id"]),
        account=str(r["account"]),
        media_id=str(r["media_id"]),
        file_name=str(r["path"]).replace("\\", "/").rsplit("/", 1)[-1],
        status=str(r["status"]),
        state=PlayState(r["state"]),
        attempts=int(r["attempts"]),
        next_check_at=float(r["next_check_at"]),
    )


_SELECT = (
    "SELECT p.job_id, p.account, p.media_id, p.status, p.state, p.attempts, p.next_check_at, j.path"
    " FROM playback p JOIN jobs j ON j.id = p.job_id"
)


class PlaybackTable:
    """The last known server state of each done video upload (rows appear by trigger)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def due(self, now: float, limit: int = 200) -> list[Playback]:
        with self._db.read() as conn:
            rows = conn.execute(
                f"{_SELECT} WHERE p.state IN ('waiting', 'transcoding') AND p.next_check_at <= ?"
                " ORDER BY p.next_check_at LIMIT ?",
                (now, limit),
            ).fetchall()
        return [_playback(r) for r in rows]

    def next_due_at(self) -> float | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT MIN(next_check_at) FROM playback WHERE state IN ('waiting', 'transcoding')"
            ).fetchone()
        return None if row[0] is None else float(row[0])

    def of_jobs(self, job_ids: Iterable[int]) -> dict[int, Playback]:
        return {int(row["job_id"]): _playback(row) for row in self._rows_where_in("job_id", list(job_ids))}

    def of_media(self, media_ids: Iterable[str]) -> dict[str, Playback]:
        return {
            str(row["media_id"]): _playback(row) for row in self._rows_where_in("media_id", list(media_ids))
        }

    def _rows_where_in(self, column: str, values: Sequence[object]) -> list[sqlite3.Row]:
        """Playback rows whose ``column`` is one of ``values``, asked in chunks of BATCH."""
        rows: list[sqlite3.Row] = []
        with self._db.read() as conn:
            for start in range(0, len(values), BATCH):
                chunk = list(values[start : start + BATCH])
                rows += conn.execute(f"{_SELECT} WHERE p.{column} IN ({_marks(len(chunk))})", chunk)
        return rows

    def record(self, updates: Sequence[tuple[int, str, PlayState, int, float]]) -> None:
        """(job id, raw status, state, attempts, next check at) after one poll."""
        now = time.time()
        with self._db.write() as conn:
            conn.executemany(
                "UPDATE playback SET status = ?, state = ?, attempts = ?, next_check_at = ?, updated_at = ?"
                " WHERE job_id = ?",
                [(status, state.value, n, at, now, job) for job, status, state, n, at in updates],
            )


class RouteTable:
    """The account's acceleration mode (network '') and the probe's choice per network."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def mode(self, account: str) -> str:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT route FROM upload_routes WHERE account = ? AND network = ''", (account,)
            ).fetchone()
        return str(row[0]) if row else "off"

    def set_mode(self, account: str, mode: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO upload_routes (account, network, route, measured_at)"
                " VALUES (?, '', ?, ?)",
                (account, mode, time.time()),
            )

    def choice(self, account: str, network: str) -> RouteChoice | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT route, normal_bps, accelerated_bps, measured_at FROM upload_routes"
                " WHERE account = ? AND network = ?",
                (account, network),
            ).fetchone()
        if row is None or not network:
            return None
        return RouteChoice(account, network, str(row[0]), float(row[1]), float(row[2]), float(row[3]))

    def remember(self, choice: RouteChoice) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO upload_routes (account, network, route, normal_bps, accelerated_bps,"
                " measured_at) VALUES (?, ?, ?, ?, ?, ?)",
                (choice.account, choice.network, choice.route, choice.normal_bps, choice.accelerated_bps,
                 choice.measured_at),
            )  # fmt: skip
