"""A tiny MP4/MOV reader: duration, size, frame rate and bitrate from the moov box, nothing decoded."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from vodstudio.sandbox.segments import ByteSource

_MAX_MOOV = 64 * 1024 * 1024  # a moov larger than this is not a file we can describe cheaply
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl"}


@dataclass(frozen=True)
class MediaProbe:
    """What the sandbox reports for an uploaded file; zeros when the file is not a readable MP4."""

    duration: float = 0.0
    width: int = 0
    height: int = 0
    fps: float = 0.0
    bitrate: float = 0.0  # kbit/s over the whole file


def probe_file(path: Path) -> MediaProbe:
    try:
        size = path.stat().st_size
        with path.open("rb") as source:
            return probe_source(source, size)
    except OSError:
        return MediaProbe()


def probe_source(source: ByteSource, size: int) -> MediaProbe:
    """Describe ``size`` bytes readable from ``source`` (a file or a segmented object)."""
    try:
        moov = _find_box(source, size, b"moov")
    except OSError:
        return MediaProbe()
    if moov is None:
        return MediaProbe()
    return parse_moov(moov, size)


def _find_box(source: ByteSource, size: int, wanted: bytes) -> bytes | None:
    """Walk the top-level boxes and return the payload of the first ``wanted`` one."""
    offset = 0
    while offset + 8 <= size:
        source.seek(offset)
        header = source.read(16)
        if len(header) < 8:
            return None
        length, kind = struct.unpack(">I4s", header[:8])
        start = 8
        if length == 1 and len(header) == 16:
            length = struct.unpack(">Q", header[8:16])[0]
            start = 16
        elif length == 0:
            length = size - offset
        if length < start:
            return None
        if kind == wanted:
            if length > _MAX_MOOV:
                return None
            source.seek(offset + start)
            return source.read(length - start)
        offset += length
    return None


def iter_boxes(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, payload) pairs directly inside ``data``; stops quietly at a damaged box."""
    boxes: list[tuple[bytes, bytes]] = []
    offset = 0
    while offset + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        start = 8
        if length == 1 and offset + 16 <= len(data):
            length = struct.unpack_from(">Q", data, offset + 8)[0]
            start = 16
        elif length == 0:
            length = len(data) - offset
        if length < start or offset + length > len(data):
            break
        boxes.append((kind, data[offset + start : offset + length]))
        offset += length
    return boxes


def _children(data: bytes) -> dict[bytes, list[bytes]]:
    found: dict[bytes, list[bytes]] = {}
    for kind, payload in iter_boxes(data):
        found.setdefault(kind, []).append(payload)
    return found


def _timescale_duration(payload: bytes, *, mdhd: bool) -> tuple[int, int]:
    """(timescale, duration) from an mvhd or mdhd full box (version 0 or 1)."""
    if len(payload) < 4:
        return 0, 0
    if payload[0] == 1:
        if len(payload) < 32:
            return 0, 0
        return struct.unpack_from(">IQ", payload, 20)
    if len(payload) < 20:
        return 0, 0
    return struct.unpack_from(">II", payload, 12)


def _tkhd_size(payload: bytes) -> tuple[int, int]:
    """Width and height: the last two 16.16 fixed-point fields of tkhd."""
    if len(payload) < 84:
        return 0, 0
    width, height = struct.unpack_from(">II", payload, len(payload) - 8)
    return width >> 16, height >> 16


def _sample_count(stbl: bytes) -> int:
    stts = _children(stbl).get(b"stts")
    if not stts or len(stts[0]) < 8:
        return 0
    entries = struct.unpack_from(">I", stts[0], 4)[0]
    total = 0
    for index in range(entries):
        at = 8 + index * 8
        if at + 8 > len(stts[0]):
            break
        total += struct.unpack_from(">I", stts[0], at)[0]
    return total


def parse_moov(moov: bytes, file_size: int) -> MediaProbe:
    boxes = _children(moov)
    duration = 0.0
    if b"mvhd" in boxes:
        scale, length = _timescale_duration(boxes[b"mvhd"][0], mdhd=False)
        duration = length / scale if scale else 0.0
    width = height = 0
    fps = 0.0
    for trak in boxes.get(b"trak", []):
        parts = _children(trak)
        mdia = _children(parts.get(b"mdia", [b""])[0])
        handler = mdia.get(b"hdlr", [b""])[0]
        if handler[8:12] != b"vide":
            continue
        width, height = _tkhd_size(parts.get(b"tkhd", [b""])[0])
        scale, length = _timescale_duration(mdia.get(b"mdhd", [b""])[0], mdhd=True)
        stbl = _children(mdia.get(b"minf", [b""])[0]).get(b"stbl", [b""])[0]
        samples = _sample_count(stbl)
        if scale and length and samples:
            fps = round(samples / (length / scale), 3)
        break
    bitrate = round(file_size * 8 / duration / 1000, 2) if duration > 0 else 0.0
    return MediaProbe(duration=round(duration, 3), width=width, height=height, fps=fps, bitrate=bitrate)
