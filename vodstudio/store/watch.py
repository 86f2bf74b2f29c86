"""Watch folders on disk: their definitions in ``watch.json`` and what they queued in ``watch.db``."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vodstudio.core.errors import ConfigError
from vodstudio.core.watch import WatchFolder
from vodstudio.store.atomic import read_json, write_json
from vodstudio.store.db import Database

log = logging.getLogger(__name__)

FILE_FORMAT = "vodstudio-watch"

# What a watched folder already handed over, by account and content: a file renamed or moved (same
# fingerprint) is known, an edited one (new fingerprint) is new. The path, size and mtime of the
# last sighting let a restart skip unchanged files without reading them again.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE handled (
        account TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        job_id INTEGER NOT NULL DEFAULT 0,
        at REAL NOT NULL,
        PRIMARY KEY (account, fingerprint)
    );
    CREATE INDEX handled_path ON handled (account, path);
    """,
]


class WatchFolderStore:
    """``watch.json``: the folders the GUI runs (and ``vodstudio watch list|add|remove`` edits)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[WatchFolder]:
        """The saved folders; a bad entry is logged and left out, a bad file is kept aside."""
        raw = read_json(self.path)
        if not isinstance(raw, dict) or not isinstance(raw.get("folders"), list):
            return []
        folders: list[WatchFolder] = []
        for entry in raw["folders"]:
            try:
                folders.append(WatchFolder.from_dict(entry if isinstance(entry, dict) else {}))
            except ConfigError as exc:
                log.warning("ignoring a watch folder in %s: %s", self.path.name, exc)
        return folders

    def save(self, folders: Sequence[WatchFolder]) -> None:
        write_json(
            self.path, {"format": FILE_FORMAT, "version": 1, "folders": [f.to_dict() for f in folders]}
        )


@dataclass(frozen=True)
class Handled:
    account: str
    fingerprint: str
    path: str
    outcome: str  # queued | known (the account had it) | skipped (with the reason)
    job_id: int = 0


class WatchMemory:
    """``watch.db`` (WAL, numbered migrations); thread-safe through ``Database``."""

    def __init__(self, path: Path) -> None:
        self._db = Database(path, MIGRATIONS)

    def by_content(self, account: str, fingerprint: str) -> Handled | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT account, fingerprint, path, outcome, job_id FROM handled"
                " WHERE account = ? AND fingerprint = ?",
                (account, fingerprint),
            ).fetchone()
        return None if row is None else Handled(*row)

    def unchanged(self, account: str, path: str, size: int, mtime_ns: int) -> bool:
        """Whether this very file (path, size, mtime) was handled: no need to read it again."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM handled WHERE account = ? AND path = ? AND size = ? AND mtime_ns = ?",
                (account, path, size, mtime_ns),
            ).fetchone()
        return row is not None

    def note(self, item: Handled, size: int, mtime_ns: int) -> None:
        """Remember a file handed over (or seen again under a new name: its latest path wins)."""
        now = time.time()
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO handled (account, fingerprint, path, size, mtime_ns, outcome, job_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, fingerprint) DO UPDATE SET"
                " path = excluded.path, size = excluded.size, mtime_ns = excluded.mtime_ns",
                (
                    item.account,
                    item.fingerprint,
                    item.path,
                    size,
                    mtime_ns,
                    item.outcome,
                    item.job_id,
                    now,
                ),
            )

    def close(self) -> None:
        self._db.close()
