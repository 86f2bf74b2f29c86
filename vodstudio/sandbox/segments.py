"""An object's bytes as a list of segment files, read through one file-like ``ObjectReader``."""

from __future__ import annotations

import bisect
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class ByteSource(Protocol):
    """What readers of object bytes need: a plain binary file or an ``ObjectReader``."""

    def read(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


@dataclass(frozen=True)
class Segment:
    """One file holding ``size`` consecutive bytes of an object."""

    path: Path
    size: int


class ObjectReader:
    """A read-only, seekable file over the concatenation of segments; files open one at a time, lazily.

    A segment file shorter than recorded ends the object early (reads return short), as a truncated
    single file would.
    """

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = list(segments)
        self._starts: list[int] = []
        total = 0
        for segment in self.segments:
            self._starts.append(total)
            total += segment.size
        self.size = total
        self._pos = 0
        self._open_index = -1
        self._file: io.FileIO | None = None
        self._file_pos = 0

    def __enter__(self) -> ObjectReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET, /) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes (all that remain when negative), crossing segment boundaries."""
        remaining = max(0, self.size - self._pos)
        wanted = remaining if size < 0 else min(size, remaining)
        pieces: list[bytes] = []
        while wanted > 0:
            piece = self._read_in_segment(wanted)
            if not piece:
                break
            pieces.append(piece)
            wanted -= len(piece)
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def _read_in_segment(self, wanted: int) -> bytes:
        index = bisect.bisect_right(self._starts, self._pos) - 1
        while index < len(self.segments) - 1 and self.segments[index].size == 0:
            index += 1  # empty segments hold nothing; the next one starts at the same offset
        offset = self._pos - self._starts[index]
        source = self._segment_file(index)
        if self._file_pos != offset:
            source.seek(offset)
        piece = source.read(min(wanted, self.segments[index].size - offset)) or b""
        self._file_pos = offset + len(piece)
        self._pos += len(piece)
        return piece

    def _segment_file(self, index: int) -> io.FileIO:
        if index != self._open_index or self._file is None:
            self.close()
            # Unbuffered: the callers read large pieces, a buffer would only add a copy.
            self._file = io.FileIO(self.segments[index].path, "rb")
            self._open_index, self._file_pos = index, 0
        return self._file

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file, self._open_index = None, -1
