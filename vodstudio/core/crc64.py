"""Combining CRC-64/XZ values (OSS's crc64ecma) of consecutive pieces without the data: pure GF(2) math."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

# Reflected ECMA-182 polynomial, as CRC-64/XZ processes bits LSB first.
_POLY_REFLECTED = 0xC96C5795D7870F42
_MASK = 0xFFFFFFFFFFFFFFFF


def _gf2_times(matrix: Sequence[int], vec: int) -> int:
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


@functools.lru_cache(maxsize=64)
def _zeros_operator(length: int) -> tuple[int, ...]:
    """The GF(2) matrix that pushes a CRC register through ``length`` zero bytes.

    Cached: every part of an upload but the last has the same size, so combining 10,000 parts
    builds two matrices instead of 10,000 (pure-Python matrix squaring costs ~30 ms each).
    """
    bit = [_POLY_REFLECTED] + [1 << (n - 1) for n in range(1, 64)]  # operator for one zero bit
    power = _gf2_square(_gf2_square(_gf2_square(bit)))  # one zero byte
    result = [1 << n for n in range(64)]  # identity
    while length:
        if length & 1:
            result = [_gf2_times(power, column) for column in result]
        length >>= 1
        if length:
            power = _gf2_square(power)
    return tuple(result)


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC of A+B from crc(A), crc(B) and len(B), without the data (zlib's crc32_combine method).

    The CRC register after B equals ``crc2`` xor (``crc1`` pushed through ``len2`` zero bytes), where
    pushing through zeros is a linear map over GF(2) built by repeated squaring of the one-bit operator.
    Pre/post inversion cancels out because both CRCs carry it.
    """
    if len2 <= 0:
        return crc1
    return (_gf2_times(_zeros_operator(len2), crc1) ^ crc2) & _MASK


def combine_parts(parts: Iterable[tuple[int, int]]) -> int:
    """The object's CRC from ``(crc64, size)`` of each part in part-number order."""
    total = 0
    for part_crc, size in parts:
        total = crc64_combine(total, part_crc, size)
    return total
