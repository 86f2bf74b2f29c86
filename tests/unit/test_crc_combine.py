"""crc64_combine against fastcrc on real concatenations."""

from __future__ import annotations

import os
import random

import pytest
from fastcrc import crc64 as fast

from vodstudio.transfer.crc import combine_parts, crc64, crc64_combine


def test_check_value() -> None:
    assert crc64(b"123456789") == 11051210869376104954
    assert crc64(b"") == 0


def test_streaming_equals_one_shot() -> None:
    data = os.urandom(10_000)
    assert crc64(data[5000:], crc64(data[:5000])) == fast.xz(data)


@pytest.mark.parametrize("len_a,len_b", [(0, 5), (5, 0), (1, 1), (7, 300), (4096, 12345), (100_003, 1)])
def test_combine_matches_concatenation(len_a: int, len_b: int) -> None:
    rng = random.Random(len_a * 31 + len_b)
    a = rng.randbytes(len_a)
    b = rng.randbytes(len_b)
    assert crc64_combine(crc64(a), crc64(b), len(b)) == fast.xz(a + b)


def test_combine_parts_many() -> None:
    rng = random.Random(7)
    chunks = [rng.randbytes(rng.randint(1, 5000)) for _ in range(20)]
    assert combine_parts((crc64(c), len(c)) for c in chunks) == fast.xz(b"".join(chunks))


def test_combine_detects_wrong_part() -> None:
    a, b = b"hello ", b"world"
    assert crc64_combine(crc64(a), crc64(b"World"), 5) != fast.xz(a + b)
