"""The sandbox's MP4 reader and PNG cover encoder, on a real sample and on hand-built boxes."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from vodstudio.sandbox.pngimg import cover_png, encode_rgb
from vodstudio.sandbox.probe import MediaProbe, parse_moov, probe_file

SAMPLE = Path(__file__).resolve().parents[2] / "vodstudio" / "sandbox" / "assets" / "sample.mp4"


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mvhd_v1(timescale: int, duration: int) -> bytes:
    return box(b"mvhd", b"\x01\x00\x00\x00" + struct.pack(">QQIQ", 0, 0, timescale, duration) + bytes(80))


def video_trak(width: int, height: int, timescale: int, duration: int, samples: int) -> bytes:
    tkhd = box(b"tkhd", bytes(76) + struct.pack(">II", width << 16, height << 16))
    mdhd = box(b"mdhd", bytes(12) + struct.pack(">II", timescale, duration) + bytes(4))
    hdlr = box(b"hdlr", bytes(8) + b"vide" + bytes(12))
    stts = box(b"stts", bytes(4) + struct.pack(">III", 1, samples, 1))
    minf = box(b"minf", box(b"stbl", stts))
    return box(b"trak", tkhd + box(b"mdia", mdhd + hdlr + minf))


def test_sample_mp4_is_described() -> None:
    info = probe_file(SAMPLE)
    assert info.duration > 0
    assert (info.width, info.height) != (0, 0)
    assert info.fps > 0
    assert info.bitrate > 0


def test_hand_built_moov_v1_with_moov_after_mdat(tmp_path: Path) -> None:
    moov = box(b"moov", mvhd_v1(1000, 90_500) + video_trak(1920, 1080, 12800, 12800 * 90, 2700))
    path = tmp_path / "late-moov.mp4"
    path.write_bytes(box(b"ftyp", b"isom" + bytes(4)) + box(b"mdat", bytes(5000)) + moov)
    info = probe_file(path)
    assert info.duration == 90.5
    assert (info.width, info.height) == (1920, 1080)
    assert info.fps == 30.0
    assert info.bitrate == round(path.stat().st_size * 8 / 90.5 / 1000, 2)


def test_not_mp4_and_damaged_files_give_zeros(tmp_path: Path) -> None:
    text = tmp_path / "notes.mp4"
    text.write_bytes(b"this is not an mp4 file at all")
    assert probe_file(text) == MediaProbe()
    assert probe_file(tmp_path / "missing.mp4") == MediaProbe()
    truncated = tmp_path / "cut.mp4"
    truncated.write_bytes(SAMPLE.read_bytes()[:200])
    assert probe_file(truncated).width == 0
    assert parse_moov(b"\x00\x00\x00\x10mvhd\x00", 10) == MediaProbe()


def read_png(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack_from(">I", data, offset)
        kind = data[offset + 4 : offset + 8]
        payload = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack_from(">I", data, offset + 8 + length)
        assert crc == zlib.crc32(kind + payload)
        chunks[kind] = payload
        offset += 12 + length
    width, height = struct.unpack_from(">II", chunks[b"IHDR"])
    return width, height, zlib.decompress(chunks[b"IDAT"])


def test_png_encoder_round_trip() -> None:
    rows = [bytes([255, 0, 0, 0, 255, 0]), bytes([0, 0, 255, 9, 9, 9])]
    width, height, raw = read_png(encode_rgb(2, 2, rows))
    assert (width, height) == (2, 2)
    assert raw == b"\x00" + rows[0] + b"\x00" + rows[1]


def test_cover_is_stable_per_media_and_differs_between_media() -> None:
    first = cover_png("a" * 32, 32, 18)
    assert first == cover_png("a" * 32, 32, 18)
    assert first != cover_png("b" * 32, 32, 18)
    width, height, raw = read_png(first)
    assert (width, height, len(raw)) == (32, 18, 18 * (1 + 32 * 3))
