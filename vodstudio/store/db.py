"""The one SQLite opener every store uses: WAL, foreign keys, numbered migrations, backup before migrating.

Faults of the disk become typed ``StorageError``s (full, read-only, damaged) instead of tracebacks:
a damaged file is renamed aside (never deleted) and a fresh one started, a read-only profile is
opened read-only so the queue can still be shown.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vodstudio.core.errors import ConfigError, StorageError
from vodstudio.store.paths import create_private

log = logging.getLogger(__name__)

_SIDE_FILES = ("-wal", "-shm")


def _of_storage(exc: sqlite3.Error) -> bool:
    """Disk trouble (full, read-only, damaged, I/O) rather than a bug (a closed connection, bad SQL)."""
    return isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError


def storage_error(exc: sqlite3.Error, path: Path) -> StorageError:
    """What a SQLite failure means for the user, with a stable code."""
    text = str(exc).lower()
    if "full" in text:
        return StorageError(
            f"the disk holding {path} is full: free some space; the upload then resumes where it stopped",
            code="storage.full",
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(
            f"the profile is read-only ({path}): the queue can be shown, not changed",
            code="storage.read-only",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(f"{path} is damaged ({exc}); restart to set it aside", code="storage.corrupt")
    return StorageError(f"{path}: {exc}", code="storage.io")


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
        _check_intact(conn)
        migrate(conn, path, migrations, backup=existed)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_intact(conn: sqlite3.Connection) -> None:
    """A truncated or overwritten file may open fine and fail later: look once (60 ms per 100k jobs)."""
    verdict = conn.execute("PRAGMA quick_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed ({verdict[0] if verdict else '?'})")


def _open_read_only(path: Path, migrations: Sequence[str]) -> sqlite3.Connection:
    """The queue of a read-only profile, for showing it (``immutable``: no -shm can be created)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    if schema_version(conn) != len(migrations):
        conn.close()
        raise StorageError(
            f"the profile is read-only ({path}) and its queue needs an update: open it once writable",
            code="storage.read-only",
        )
    return conn


def _writable(path: Path) -> bool:
    """SQLite falls back to reading silently when the file cannot be written: ask the OS instead."""
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError:
        return False
    return True


def set_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL) next to itself; returns where it went."""
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    path.replace(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def open_resilient(path: Path, migrations: Sequence[str]) -> tuple[sqlite3.Connection, str]:
    """``open_db``, surviving a damaged file and a read-only profile; returns (connection, notice).

    The notice, empty when all went well, is the sentence the user must see once.
    """
    read_only = f"the profile is read-only ({path.parent}): the queue is shown, changes are not saved"
    # Asked before SQLite opens the file: closing any descriptor of it later would drop SQLite's
    # POSIX locks (they belong to the process, not the descriptor) and break WAL for every reader.
    writable = not path.exists() or _writable(path)
    try:
        conn = open_db(path, migrations)
        return conn, "" if writable else read_only
    except sqlite3.DatabaseError as exc:
        error = storage_error(exc, path)
        if error.code == "storage.corrupt" and path.exists():
            try:
                aside = set_aside(path)
            except OSError as move:
                raise StorageError(f"{path} is damaged and cannot be moved aside: {move}") from exc
            log.error("%s was damaged (%s); kept as %s, a new one started", path, exc, aside)
            notice = f"{path.name} was damaged; it was kept as {aside} and a new, empty one started"
            return open_db(path, migrations), notice
        if error.code == "storage.read-only" and path.exists():
            return _open_read_only(
                path, migrations
            ), f"the profile is read-only ({path.parent}): changes are not saved"
        raise error from exc


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
    """A connection shared by threads, serialised by a lock (SQLite writes are serial anyway).

    Every SQLite failure inside ``read()``/``write()`` leaves as a ``StorageError``.
    """

    def __init__(self, path: Path, migrations: Sequence[str]) -> None:
        self.path = path
        self._conn, self.notice = open_resilient(path, migrations)
        self._lock = threading.RLock()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                if not _of_storage(exc):
                    raise
                raise storage_error(exc, self.path) from exc

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                        self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if not _of_storage(exc):
                    raise
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise storage_error(exc, self.path) from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()
