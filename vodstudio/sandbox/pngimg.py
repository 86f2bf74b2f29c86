"""A tiny PNG encoder (zlib + CRC-32) for generated cover images; no imaging library needed."""

from __future__ import annotations

import colorsys
import hashlib
import struct
import zlib

_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_rgb(width: int, height: int, rows: list[bytes]) -> bytes:
    """Encode 8-bit RGB rows (each ``3 * width`` bytes) as a PNG file."""
    if len(rows) != height or any(len(row) != 3 * width for row in rows):
        raise ValueError("rows do not match the image size")
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 (None) on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b"")
    )


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return int(r * 255), int(g * 255), int(b * 255)


def cover_png(seed: str, width: int = 320, height: int = 180) -> bytes:
    """A diagonal two-colour gradient whose colours come from ``seed`` (a media id): stable per media."""
    digest = hashlib.sha256(seed.encode()).digest()
    hue = digest[0] / 255.0
    start = _rgb(hue, 0.35, 0.65)
    end = _rgb(hue + 0.12 + digest[1] / 1020.0, 0.62, 0.7)
    span = max(1, width + height - 2)
    palette = [
        bytes(round(start[c] + (end[c] - start[c]) * step / span) for c in range(3))
        for step in range(span + 1)
    ]
    rows = [b"".join(palette[x + y] for x in range(width)) for y in range(height)]
    return encode_rgb(width, height, rows)
