"""CRC-64/XZ (OSS's crc64ecma) through fastcrc; combining per-part CRCs lives in ``core.crc64``."""

from __future__ import annotations

from fastcrc import crc64 as _fast

from vodstudio.core.crc64 import combine_parts, crc64_combine

__all__ = ["combine_parts", "crc64", "crc64_combine"]


def crc64(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """CRC-64/XZ of ``data``, continuing from ``crc`` (the CRC of everything before it; 0 to start)."""
    if not crc:
        return int(_fast.xz(data))
    return int(_fast.xz(data, crc))
