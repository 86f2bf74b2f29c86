"""The one SQLite opener every store uses: WAL, foreign keys, numbered migrations, backup before migrating."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vodstudio.core.errors import ConfigError
from vodstudio.store.paths import create_private


def open_db(path: Path, migrations: Sequence[str], *, check_same_thread: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and bring it to ``len(migrations)``.

    ``migrations[i]`` is the SQL script that takes the schema from version ``i`` to ``i + 1``; the
    version lives in ``PRAGMA user_version``. Before migrating a database that already holds data, the
    file is copied next to itself (``name.v3.bak``) so a broken migration never costs the user their state.
    ``synchronous=NORMAL`` with WAL is durable against process crashes (kill -9): a committed
    transaction is in the WAL file before ``commit()`` returns; only an OS crash or power loss can
    lose the last few commits, which the server-side truth (ListParts) then repairs.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    create_private(path)  # SQLite gives its -wal and -shm files the database file's mode
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=check_same_thread)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        migrate(conn, path, migrations, backup=existed)
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path, migrations: Sequence[str], *, backup: bool) -> int:
    """Apply the migrations the database has not seen yet; returns the new version."""
    current = schema_version(conn)
    target = len(migrations)
    if current > target:
        raise ConfigError(
            f"{path.name} was written by a newer version (schema {current} > {target})", code="db.too-new"
        )
    if current == target:
        return current
    if backup and current > 0:
        _backup(conn, path, current)
    for version in range(current, target):
        # executescript commits any open transaction first; wrap each step so it lands whole or not at all.
        conn.executescript(f"BEGIN;\n{migrations[version]}\nPRAGMA user_version={version + 1};\nCOMMIT;")
    return target


def _backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        target = path.with_name(f"{path.name}.v{version}.{int(time.time())}.bak")
    shutil.copy2(path, target)
    return target


class Database:
    """A connection shared by threads, serialised by a lock (SQLite writes are serial anyway)."""

    def __init__(self, path: Path, migrations: Sequence[str]) -> None:
        self.path = path
        self._conn = open_db(path, migrations)
        self._lock = threading.RLock()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
