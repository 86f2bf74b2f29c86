"""Server-provided file names never leave the chosen folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from vodstudio.core.safe_names import safe_file_name, safe_join, unique_path

HOSTILE = [
    "../../etc/passwd",
    "..\\..\\Windows\\system32\\drivers\\etc\\hosts",
    "/absolute/path.gz",
    "C:\\evil.gz",
    "C:evil.gz",
    "\\\\server\\share\\x.gz",
    "..",
    ".",
    "",
    "   ",
    "a/../../b.gz",
    "name\x00with\x1fcontrol\x7f.gz",
    "CON",
    "nul.txt",
    "com1.log",
    "LPT9",
    "trailing. . .",
    'bad<>:"|?*.gz',
    "x" * 400 + ".gz",
    "视频日志/../../日志.gz",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_inside(tmp_path: Path, name: str) -> None:
    target = safe_join(tmp_path, name)
    assert target.parent == tmp_path.resolve()
    assert target.name not in ("", ".", "..")
    assert len(target.name.encode()) <= 200
    target.write_bytes(b"x")  # the name is valid on this file system
    assert target.read_bytes() == b"x"


def test_last_segment_survives() -> None:
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("C:\\logs\\a.gz") == "a.gz"
    assert safe_file_name("cdn.example.com_2024_01_01_000000_010000.gz") == (
        "cdn.example.com_2024_01_01_000000_010000.gz"
    )
    assert safe_file_name("视频日志/../../日志.gz") == "日志.gz"


def test_reserved_and_empty_names() -> None:
    assert safe_file_name("CON") == "_CON"
    assert safe_file_name("nul.txt") == "_nul.txt"
    assert safe_file_name("..") == "download"
    assert safe_file_name("", fallback="log") == "log"
    assert safe_file_name("a\x00b") == "a b"


def test_long_names_keep_their_extension() -> None:
    name = safe_file_name("日" * 300 + ".gz")
    assert name.endswith(".gz")
    assert len(name.encode()) <= 200


def test_unique_path_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "a.gz"
    assert unique_path(first) == first
    first.write_bytes(b"1")
    second = unique_path(first)
    assert second.name == "a (2).gz"
