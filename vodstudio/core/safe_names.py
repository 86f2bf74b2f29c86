"""Turn server-provided names into file names that cannot leave the folder they are saved in."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
# Characters Windows forbids in names, plus both separators.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_MAX_BYTES = 200  # below every common file system's 255-byte limit, with room for " (2)"


def _printable(text: str) -> str:
    return "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)


def _shorten(name: str) -> str:
    if len(name.encode("utf-8")) <= _MAX_BYTES:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16:
        stem, ext = name, ""
    keep = _MAX_BYTES - len(ext.encode("utf-8")) - (1 if ext else 0)
    cut = stem.encode("utf-8")[:keep].decode("utf-8", "ignore")
    return f"{cut}.{ext}" if ext else cut


def safe_file_name(name: str, fallback: str = "download") -> str:
    """One path component, safe on Windows, macOS and Linux.

    Only the last segment of a path-like name survives (``../../etc/passwd`` → ``passwd``);
    drive letters, control characters, Windows-forbidden characters, trailing dots/spaces and reserved
    device names (``CON``, ``NUL.txt``, ``COM1``) are neutralised. Never returns ``""``, ``.`` or ``..``.
    """
    text = unicodedata.normalize("NFC", _printable(name))
    text = re.sub(r"^[A-Za-z]:", "", text.strip())  # C:evil, C:\evil
    segments = [s for s in re.split(r"[/\\]+", text) if s.strip() not in ("", ".", "..")]
    text = segments[-1] if segments else ""
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if not text:
        text = fallback
    stem = text.split(".", 1)[0].strip().upper()
    if stem in _RESERVED:
        text = f"_{text}"
    return _shorten(text)


def safe_join(folder: Path, name: str, fallback: str = "download") -> Path:
    """``folder / safe_file_name(name)``, checked to resolve inside ``folder``."""
    base = folder.resolve()
    target = (base / safe_file_name(name, fallback)).resolve()
    if target.parent != base:
        raise ValueError(f"{name!r} would leave {base}")
    return target


def unique_path(path: Path) -> Path:
    """``a.gz`` → ``a (2).gz`` … when the file already exists (downloads never overwrite silently)."""
    if not path.exists():
        return path
    stem, suffix = path.stem, path.suffix
    for index in range(2, 10_000):
        candidate = path.with_name(f"{stem} ({index}){suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(path)
