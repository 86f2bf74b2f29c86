"""CRC-64/XZ (OSS's crc64ecma) through fastcrc, and combining per-part CRCs into the object's CRC."""

from __future__ import annotations

from collections.abc import Iterable

from fastcrc import crc64 as _fast

# Reflected ECMA-182 polynomial, as CRC-64/XZ processes bits LSB first.
_POLY_REFLECTED = 0xC96C5795D7870F42
_MASK = 0xFFFFFFFFFFFFFFFF


def crc64(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    """CRC-64/XZ of ``data``, continuing from ``crc`` (the CRC of everything before it; 0 to start)."""
    if not crc:
        return int(_fast.xz(data))
    return int(_fast.xz(data, crc))


def _gf2_times(matrix: list[int], vec: int) -> int:
    total = 0
    i = 0
    while vec:
        if vec & 1:
            total ^= matrix[i]
        vec >>= 1
        i += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(64)]


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC of A+B from crc(A), crc(B) and len(B), without the data (zlib's crc32_combine method).

    The CRC register after B equals ``crc2`` xor (``crc1`` pushed through ``len2`` zero bytes), where
    pushing through zeros is a linear map over GF(2) built by repeated squaring of the one-bit operator.
    Pre/post inversion cancels out because both CRCs carry it.
    """
    if len2 <= 0:
        return crc1
    odd = [_POLY_REFLECTED] + [1 << (n - 1) for n in range(1, 64)]  # operator for one zero bit
    even = _gf2_square(odd)  # two zero bits
    odd = _gf2_square(even)  # four zero bits
    while True:
        even = _gf2_square(odd)  # first pass: one zero byte
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return (crc1 ^ crc2) & _MASK


def combine_parts(parts: Iterable[tuple[int, int]]) -> int:
    """The object's CRC from ``(crc64, size)`` of each part in part-number order."""
    total = 0
    for part_crc, size in parts:
        total = crc64_combine(total, part_crc, size)
    return total
