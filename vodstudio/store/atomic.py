"""Atomic files (JSON, streamed text): write to a temporary sibling, fsync, then replace."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


def write_json(path: Path, payload: Any) -> None:
    """``payload`` as UTF-8 JSON, whole or not at all (see ``atomic_text``)."""
    with atomic_text(path) as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=2, sort_keys=True)


def read_json(path: Path) -> Any:
    """The parsed file, or None if it does not exist. A corrupt file is kept aside, not lost."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        path.replace(path.with_name(path.name + ".corrupt"))
        return None


@contextlib.contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """Write a text file whole or not at all: a temporary sibling, fsynced, then renamed over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp_name).replace(path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
