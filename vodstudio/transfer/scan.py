"""Turning dropped files and folders into job candidates (media by extension, odd names welcome)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from vodstudio.core.jobs import JobKind, kind_for_name


@dataclass(frozen=True)
class Candidate:
    path: Path
    kind: JobKind
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    path: Path
    # "not-media", "file.missing", "file.not-regular", "file.unreadable", "name.not-utf8", "file.symlink-loop"
    reason: str


def displayable(path: Path | str) -> str:
    """The path as text that can be printed and stored (undecodable bytes shown as U+FFFD)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


def _utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 came through as lone surrogates
        return False
    return True


def _is_dir(path: Path) -> bool | None:
    """True/False, or None for a symlink loop (Path.is_dir would just say False)."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        return None if exc.errno == errno.ELOOP else False


def _walk(folder: Path) -> Iterator[Path]:
    # os.scandir instead of Path.rglob: no stat per entry until needed, and sorted for a stable order.
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def scan(
    paths: Sequence[Path],
    *,
    recurse: bool = True,
    include_all: bool = False,
    forced_kind: JobKind | None = None,
) -> Iterator[Candidate | Skipped]:
    """Yield a candidate (or the reason to skip) for every file below ``paths``, lazily.

    Files must look like media the service takes (``core/media_types.py``) unless ``include_all``
    (then an unknown extension goes up as a video): a dropped ``.bmp`` is reported, not queued to fail.
    A file named explicitly that is missing or special is still queued, so its job fails with a clear
    code in the queue; inside folders such files are reported. Nothing here raises.
    """
    for raw in paths:
        path = Path(raw)
        if not _utf8(path):
            yield Skipped(path, "name.not-utf8")
            continue
        is_dir = _is_dir(path)
        if is_dir is None:
            yield Skipped(path, "file.symlink-loop")
        elif is_dir:
            children = _walk(path) if recurse else (p for p in sorted(path.iterdir()) if not p.is_dir())
            for child in children:
                yield from _one(child, explicit=False, include_all=include_all, forced_kind=forced_kind)
        else:
            yield from _one(path, explicit=True, include_all=include_all, forced_kind=forced_kind)


def _one(
    path: Path, *, explicit: bool, include_all: bool, forced_kind: JobKind | None
) -> Iterator[Candidate | Skipped]:
    if not _utf8(path):  # SQLite, the API and the terminal all need text: report it, go on
        yield Skipped(path, "name.not-utf8")
        return
    kind = forced_kind or kind_for_name(path.name)
    if kind is None:
        if not include_all:
            yield Skipped(path, "not-media")
            return
        kind = JobKind.VIDEO
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            yield Skipped(path, "file.symlink-loop")
        elif explicit:  # queued anyway: the job then fails with a clear code, visible in the queue
            yield Candidate(path, kind, 0, 0)
        else:
            yield Skipped(path, "file.missing" if isinstance(exc, FileNotFoundError) else "file.unreadable")
        return
    if not stat.S_ISREG(st.st_mode) and not explicit:
        yield Skipped(path, "file.not-regular")
        return
    yield Candidate(path, kind, st.st_size if stat.S_ISREG(st.st_mode) else 0, st.st_mtime_ns)
