"""OSS object storage on disk: streamed writes with MD5/CRC-64, object rows, file locations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fastcrc import crc64

from vodstudio.sandbox.state import SandboxState


@dataclass(frozen=True)
class Written:
    """A body stored on disk: its size, ``md5`` (raw digest) and CRC-64/XZ."""

    path: Path
    size: int
    md5: bytes
    crc: int

    @property
    def etag(self) -> str:
        return self.md5.hex().upper()


def object_path(state: SandboxState, bucket: str, key: str) -> Path:
    """Where an object's bytes live: a hash name, so any key (``../``, 1 KiB long) is safe."""
    digest = hashlib.sha256(f"{bucket}/{key}".encode()).hexdigest()
    return state.objects_dir / digest[:2] / digest


def part_path(state: SandboxState, upload_id: str, part_number: int) -> Path:
    return state.parts_dir / upload_id / f"{part_number:05d}"


def write_stream(target: Path, pieces: Iterable[bytes], *, rate_limit: float = 0.0) -> Written:
    """Write pieces to ``target`` atomically (temp file + rename), hashing on the way.

    ``rate_limit`` (bytes/s, 0 = none) slows the reading side down, as a thin uplink would.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.{time.monotonic_ns()}.tmp")
    md5 = hashlib.md5()  # noqa: S324 - OSS ETags are MD5 by definition
    crc = 0
    size = 0
    began = time.monotonic()
    try:
        with temp.open("wb") as sink:
            for piece in pieces:
                sink.write(piece)
                md5.update(piece)
                crc = crc64.xz(piece, crc)
                size += len(piece)
                if rate_limit > 0:
                    ahead = size / rate_limit - (time.monotonic() - began)
                    if ahead > 0:
                        time.sleep(ahead)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return Written(target, size, md5.digest(), crc)


def iter_file(path: Path, chunk: int = 1024 * 1024) -> Iterable[bytes]:
    with path.open("rb") as source:
        while piece := source.read(chunk):
            yield piece


def record_object(
    state: SandboxState,
    conn: sqlite3.Connection,
    bucket: str,
    key: str,
    written: Written,
    *,
    etag: str | None = None,
    content_type: str = "application/octet-stream",
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO objects (bucket, key, size, etag, crc64, content_type, path, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bucket,
            key,
            written.size,
            etag or written.etag,
            str(written.crc),
            content_type,
            str(written.path),
            state.now(),
        ),
    )


def put_bytes(
    state: SandboxState,
    conn: sqlite3.Connection,
    bucket: str,
    key: str,
    data: bytes,
    content_type: str = "application/octet-stream",
) -> Written:
    """Store a small generated object (a cover, a log file) in one call."""
    written = write_stream(object_path(state, bucket, key), [data])
    record_object(state, conn, bucket, key, written, content_type=content_type)
    return written


def find_object(conn: sqlite3.Connection, bucket: str, key: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM objects WHERE bucket = ? AND key = ?", (bucket, key)
    ).fetchone()
    return row


def delete_object(conn: sqlite3.Connection, bucket: str, key: str) -> bool:
    """Remove an object's row and bytes (teammates call this when media is deleted)."""
    row = find_object(conn, bucket, key)
    if row is None:
        return False
    conn.execute("DELETE FROM objects WHERE bucket = ? AND key = ?", (bucket, key))
    # Seeded objects may share one file (the demo sample); the last reference removes the bytes.
    shared = conn.execute("SELECT 1 FROM objects WHERE path = ? LIMIT 1", (row["path"],)).fetchone()
    if shared is None:
        Path(row["path"]).unlink(missing_ok=True)
    return True
