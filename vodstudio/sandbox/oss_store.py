"""OSS object storage on disk: streamed writes with MD5/CRC-64, object rows, file locations."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fastcrc import crc64

from vodstudio.sandbox.segments import ObjectReader, Segment
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


def segment_dir(state: SandboxState, bucket: str, key: str, upload_id: str) -> Path:
    """Where a completed multipart upload's part files move: next to the object's single-file name."""
    single = object_path(state, bucket, key)
    return single.with_name(f"{single.name}-parts-{upload_id}")


def resolve(state: SandboxState, stored: str) -> Path:
    """A stored path may be absolute or relative to the objects folder."""
    path = Path(stored)
    return path if path.is_absolute() else state.objects_dir / path


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


def _replace_row(
    state: SandboxState,
    conn: sqlite3.Connection,
    bucket: str,
    key: str,
    values: tuple[int, str, str, str, str],
) -> list[Path]:
    """Write the object row (size, etag, crc64, content type, path); returns the old row's orphans."""
    old = _row_files(conn, bucket, key)
    conn.execute("DELETE FROM object_segments WHERE bucket = ? AND key = ?", (bucket, key))
    conn.execute(
        "INSERT OR REPLACE INTO objects (bucket, key, size, etag, crc64, content_type, path, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (bucket, key, *values, state.now()),
    )
    return _orphans(state, conn, old)


def record_object(
    state: SandboxState,
    conn: sqlite3.Connection,
    bucket: str,
    key: str,
    written: Written,
    *,
    etag: str | None = None,
    content_type: str = "application/octet-stream",
) -> list[Path]:
    """Record a single-file object; returns files of a replaced version to ``discard`` after commit."""
    values = (written.size, etag or written.etag, str(written.crc), content_type, str(written.path))
    return _replace_row(state, conn, bucket, key, values)


def record_composite(
    state: SandboxState,
    conn: sqlite3.Connection,
    bucket: str,
    key: str,
    folder: Path,
    segments: list[Segment],
    *,
    etag: str,
    crc: int,
    content_type: str,
) -> list[Path]:
    """Record an object made of segment files in ``folder`` (metadata only: no byte is read)."""
    size = sum(segment.size for segment in segments)
    stale = _replace_row(state, conn, bucket, key, (size, etag, str(crc), content_type, str(folder)))
    conn.executemany(
        "INSERT INTO object_segments (bucket, key, seq, path, size) VALUES (?, ?, ?, ?, ?)",
        [(bucket, key, seq, str(s.path), s.size) for seq, s in enumerate(segments)],
    )
    return stale


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
    discard(record_object(state, conn, bucket, key, written, content_type=content_type))
    return written


def find_object(conn: sqlite3.Connection, bucket: str, key: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM objects WHERE bucket = ? AND key = ?", (bucket, key)
    ).fetchone()
    return row


def segments_of(state: SandboxState, conn: sqlite3.Connection, row: sqlite3.Row) -> list[Segment]:
    """An object row's segments: the recorded list, or its one file (objects from before segments)."""
    found = conn.execute(
        "SELECT path, size FROM object_segments WHERE bucket = ? AND key = ? ORDER BY seq",
        (row["bucket"], row["key"]),
    ).fetchall()
    if found:
        return [Segment(resolve(state, r["path"]), int(r["size"])) for r in found]
    return [Segment(resolve(state, row["path"]), int(row["size"]))]


def open_object(state: SandboxState, conn: sqlite3.Connection, row: sqlite3.Row) -> ObjectReader:
    """The one way to read an object's bytes: a file-like over its segments (opened lazily)."""
    return ObjectReader(segments_of(state, conn, row))


def _row_files(conn: sqlite3.Connection, bucket: str, key: str) -> list[str]:
    """The stored paths an object row holds: its segment files then its folder, or its one file."""
    row = find_object(conn, bucket, key)
    if row is None:
        return []
    segments = conn.execute(
        "SELECT path FROM object_segments WHERE bucket = ? AND key = ?", (bucket, key)
    ).fetchall()
    return [str(r["path"]) for r in segments] + [str(row["path"])]


def _orphans(state: SandboxState, conn: sqlite3.Connection, stored: list[str]) -> list[Path]:
    """The files no object row references any more (seeded demo objects share one file)."""
    orphans: list[Path] = []
    for path in stored:
        used = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM objects WHERE path = ?)"
            " OR EXISTS (SELECT 1 FROM object_segments WHERE path = ?)",
            (path, path),
        ).fetchone()[0]
        if not used:
            orphans.append(resolve(state, path))
    return orphans


def remove_object(state: SandboxState, conn: sqlite3.Connection, bucket: str, key: str) -> list[Path]:
    """Delete an object's rows; returns its files no other row uses, to ``discard`` after commit."""
    files = _row_files(conn, bucket, key)
    conn.execute("DELETE FROM object_segments WHERE bucket = ? AND key = ?", (bucket, key))
    conn.execute("DELETE FROM objects WHERE bucket = ? AND key = ?", (bucket, key))
    return _orphans(state, conn, files)


def discard(paths: list[Path]) -> None:
    """Remove files (and segment folders) after the transaction committed: a rollback keeps the bytes."""
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def delete_object(state: SandboxState, conn: sqlite3.Connection, bucket: str, key: str) -> bool:
    """Remove an object's rows and bytes at once (for callers without a later commit point)."""
    if find_object(conn, bucket, key) is None:
        return False
    discard(remove_object(state, conn, bucket, key))
    return True
