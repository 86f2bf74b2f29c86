"""Watch folders: what a folder watches for, and when a new file has stopped growing (no I/O, no Qt).

A file is *ready* once its size and mtime have not changed for ``settle`` seconds and it is not empty:
a recording or a render still being written keeps moving one or the other. The time is the tracker's
own clock (injected), counted from the first observation of the current (size, mtime), so a file that
arrives by rename with an old mtime is still watched for ``settle`` seconds before it counts as done.
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from vodstudio.core.errors import ConfigError
from vodstudio.core.media_types import AUDIO_EXTENSIONS, VIDEO_EXTENSIONS

SETTLE_DEFAULT = 10.0
SETTLE_MIN = 1.0
# Recordings and renders: video and audio. Stills are left out on purpose (a render's exported
# thumbnails would otherwise become image uploads of their own); add ``*.png`` to watch them too.
DEFAULT_INCLUDE: tuple[str, ...] = tuple(f"*.{e}" for e in sorted(VIDEO_EXTENSIONS | AUDIO_EXTENSIONS))
# Partial downloads, temporary files, Office lock files and hidden files or folders.
DEFAULT_EXCLUDE: tuple[str, ...] = ("*.part", "*.tmp", "*.crdownload", "*.partial", "~$*", ".*")


def _matches(name: str, patterns: Iterable[str]) -> bool:
    folded = name.casefold()
    return any(fnmatch.fnmatchcase(folded, p.casefold()) for p in patterns)


@dataclass(frozen=True)
class WatchFolder:
    """One watched folder: its new files are queued for ``account`` with the preset ``preset``."""

    path: str
    preset: str = ""  # '' : the plain defaults, as an upload without --preset
    account: str = ""
    recursive: bool = False
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    settle: float = SETTLE_DEFAULT
    enabled: bool = True

    def __post_init__(self) -> None:
        if not self.path:
            raise ConfigError("a watch folder needs a path", code="watch.no-path")
        if not self.settle >= SETTLE_MIN:  # also NaN
            raise ConfigError(f"the settle time must be at least {SETTLE_MIN:g} s", code="watch.settle")

    def wants(self, relative: str) -> bool:
        """Whether a file (its path relative to the folder, ``/``-separated) is one to queue.

        Patterns are case-insensitive globs on the file name; a pattern with a ``/`` is matched
        against the relative path. An exclude also hides every file below an excluded folder name.
        """
        parts = relative.split("/")
        name = parts[-1]
        if any(_matches(p, self.exclude) for p in parts[:-1]) or _matches(name, self.exclude):
            return False
        if any("/" in p for p in self.exclude) and _matches(relative, [p for p in self.exclude if "/" in p]):
            return False
        plain = [p for p in self.include if "/" not in p]
        nested = [p for p in self.include if "/" in p]
        return _matches(name, plain) or _matches(relative, nested)

    def descends(self, relative_dir: str) -> bool:
        """Whether a recursive scan goes into this sub-folder (an excluded folder name is skipped)."""
        return self.recursive and not any(_matches(p, self.exclude) for p in relative_dir.split("/"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "preset": self.preset,
            "account": self.account,
            "recursive": self.recursive,
            "include": list(self.include),
            "exclude": list(self.exclude),
            "settle": self.settle,
            "enabled": self.enabled,
        }

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> WatchFolder:
        """``ConfigError`` (code ``watch.invalid``) for a document that is not a watch folder."""
        try:
            return cls(
                path=str(raw["path"]),
                preset=str(raw.get("preset", "")),
                account=str(raw.get("account", "")),
                recursive=bool(raw.get("recursive", False)),
                include=tuple(str(p) for p in raw.get("include", DEFAULT_INCLUDE)),
                exclude=tuple(str(p) for p in raw.get("exclude", DEFAULT_EXCLUDE)),
                settle=float(raw.get("settle", SETTLE_DEFAULT)),
                enabled=bool(raw.get("enabled", True)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"not a watch folder: {exc}", code="watch.invalid") from exc


def split_patterns(text: str) -> tuple[str, ...]:
    """``"*.mp4; *.mov, *.mkv"`` → the patterns (the dialog's and the CLI's one spelling)."""
    return tuple(p.strip() for p in text.replace(",", ";").split(";") if p.strip())


class Stability(enum.StrEnum):
    GROWING = "growing"  # changed within the settle time (or first seen): wait
    READY = "ready"  # unchanged for the settle time and not empty
    EMPTY = "empty"  # unchanged for the settle time but empty: never queued as it is


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


@dataclass
class StabilityTracker:
    """Fed observations ``(path, size, mtime_ns)`` from each scan; says when a file has settled."""

    settle: float
    clock: Callable[[], float]
    _seen: dict[str, _Seen] = field(default_factory=dict)

    def observe(self, path: str, size: int, mtime_ns: int) -> Stability:
        now = self.clock()
        seen = self._seen.get(path)
        if seen is None or (seen.size, seen.mtime_ns) != (size, mtime_ns):
            self._seen[path] = _Seen(size, mtime_ns, now)
            return Stability.GROWING
        if now - seen.since < self.settle:
            return Stability.GROWING
        return Stability.READY if size > 0 else Stability.EMPTY

    def restart(self, path: str) -> None:
        """Count the settle time again from now (a writer still holds the file)."""
        seen = self._seen.get(path)
        if seen is not None:
            seen.since = self.clock()

    def keep_only(self, present: Iterable[str]) -> None:
        """Forget files that are gone (deleted, or renamed away) since the last scan."""
        keep = set(present)
        for path in [p for p in self._seen if p not in keep]:
            del self._seen[path]
