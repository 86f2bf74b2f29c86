"""Composite objects: a completed multipart upload is served from its part files, never concatenated."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from pathlib import Path
from typing import Any

import httpx
import oss2
import pytest
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from fastcrc import crc64

from vodstudio.sandbox import oss_store
from vodstudio.sandbox.oss import presign_url
from vodstudio.sandbox.probe import probe_file
from vodstudio.sandbox.schema import SCHEMA_VERSION
from vodstudio.sandbox.server import Sandbox
from vodstudio.sandbox.state import SandboxConfig, SandboxState

KIB = 1024
SAMPLE = Path(__file__).resolve().parents[2] / "vodstudio" / "sandbox" / "assets" / "sample.mp4"
# Odd sizes (every part but the last at least OSS's 100 KiB minimum), so boundaries fall mid-chunk.
PART_SIZES = (100 * KIB + 7, 100 * KIB + 123, 100 * KIB + 1, 333)


def _bucket(box: Sandbox, file_name: str = "composite.mp4") -> tuple[oss2.Bucket, str]:
    info = box.info
    client = AcsClient(info.access_key_id, info.access_key_secret, info.region, auto_retry=False)
    request = CreateUploadVideoRequest()
    request.set_endpoint(info.vod_endpoint.removeprefix("http://"))
    request.set_protocol_type("http")
    request.set_Title("composite")
    request.set_FileName(file_name)
    answer: dict[str, Any] = json.loads(client.do_action_with_exception(request))
    client.session.close()
    address = json.loads(base64.b64decode(answer["UploadAddress"]))
    auth = json.loads(base64.b64decode(answer["UploadAuth"]))
    credentials = oss2.StsAuth(auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"])
    bucket = oss2.Bucket(credentials, address["Endpoint"], address["Bucket"], enable_crc=True)
    return bucket, str(address["FileName"])


def _multipart(
    bucket: oss2.Bucket, key: str, data: bytes, sizes: tuple[int, ...], extra: bool = False
) -> Any:
    """Upload ``data`` in parts of ``sizes``; ``extra`` also uploads a part that Complete leaves out."""
    upload_id = bucket.init_multipart_upload(key).upload_id
    parts, offset = [], 0
    for number, size in enumerate(sizes, start=1):
        result = bucket.upload_part(key, upload_id, number, data[offset : offset + size])
        parts.append(oss2.models.PartInfo(number, result.etag))
        offset += size
    assert offset == len(data)
    if extra:
        bucket.upload_part(key, upload_id, len(sizes) + 1, b"left out" * 20_000)
    return bucket.complete_multipart_upload(key, upload_id, parts)


def _segment_files(box: Sandbox, key: str) -> list[Path]:
    with box.state.db() as conn:
        rows = conn.execute(
            "SELECT path FROM object_segments WHERE bucket = ? AND key = ? ORDER BY seq",
            (box.info.bucket, key),
        ).fetchall()
    return [Path(row["path"]) for row in rows]


def _boundary_ranges() -> list[tuple[int, int]]:
    """Inclusive byte ranges that start, end or cross at every segment boundary."""
    ranges = [(0, 0), (0, sum(PART_SIZES) - 1)]
    edge = 0
    for size in PART_SIZES[:-1]:
        edge += size
        ranges += [(edge - 1, edge), (edge - 5000, edge + 5000), (edge, edge), (edge - 1, edge - 1)]
    ranges.append((PART_SIZES[0] - 10, sum(PART_SIZES) - 2))  # spans three boundaries
    return [(start, min(end, sum(PART_SIZES) - 1)) for start, end in ranges]


def test_complete_keeps_parts_and_reads_back_identical(sandbox: Sandbox) -> None:
    bucket, key = _bucket(sandbox)
    data = os.urandom(sum(PART_SIZES))
    result = _multipart(bucket, key, data, PART_SIZES, extra=True)  # enable_crc: oss2 checks the CRC
    md5s = b"".join(hashlib.md5(p).digest() for p in _pieces(data))  # noqa: S324 - the OSS ETag rule
    assert result.etag == f"{hashlib.md5(md5s).hexdigest().upper()}-4"  # noqa: S324
    head = bucket.head_object(key)
    assert head.content_length == len(data)
    assert head.headers["x-oss-hash-crc64ecma"] == str(crc64.xz(data))
    assert head.headers["x-oss-object-type"] == "Multipart"
    files = _segment_files(sandbox, key)
    assert [f.stat().st_size for f in files] == list(PART_SIZES)
    assert not any(path.stat().st_size >= len(data) for path in _all_files(sandbox.state.objects_dir))
    assert not list(sandbox.state.parts_dir.iterdir())  # moved, and the left-out part is gone
    assert len(list(files[0].parent.iterdir())) == len(PART_SIZES)
    assert bucket.get_object(key).read() == data
    for start, end in _boundary_ranges():
        assert bucket.get_object(key, byte_range=(start, end)).read() == data[start : end + 1], (start, end)
    assert bucket.get_object(key, byte_range=(None, 400)).read() == data[-400:]


def _pieces(data: bytes) -> list[bytes]:
    pieces, offset = [], 0
    for size in PART_SIZES:
        pieces.append(data[offset : offset + size])
        offset += size
    return pieces


def _all_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_cdn_and_presigned_url_serve_composite_ranges(sandbox: Sandbox) -> None:
    bucket, key = _bucket(sandbox)
    data = os.urandom(sum(PART_SIZES))
    _multipart(bucket, key, data, PART_SIZES)
    with httpx.Client(base_url=f"http://{sandbox.info.cdn_domain}") as cdn:
        assert cdn.get(f"/{key}").content == data
        for start, end in _boundary_ranges():
            answer = cdn.get(f"/{key}", headers={"Range": f"bytes={start}-{end}"})
            assert answer.status_code == 206
            assert answer.headers["Content-Range"] == f"bytes {start}-{end}/{len(data)}"
            assert answer.content == data[start : end + 1]
        assert cdn.get(f"/{key}", headers={"Range": f"bytes={len(data)}-"}).status_code == 416
    with sandbox.state.db() as conn:
        sent = conn.execute("SELECT bytes_sent FROM cdn_access_log ORDER BY rowid").fetchall()
    expected = [len(data)] + [end - start + 1 for start, end in _boundary_ranges()] + [0]
    assert [row["bytes_sent"] for row in sent] == expected
    state = sandbox.state
    url = presign_url(state, sandbox.info.bucket, key, state.now() + 600)
    got = httpx.get(url, headers={"Range": f"bytes={PART_SIZES[0] - 3}-{PART_SIZES[0] + 2}"})
    assert got.status_code == 206
    assert got.content == data[PART_SIZES[0] - 3 : PART_SIZES[0] + 3]


def test_delete_and_overwrite_remove_segment_files(sandbox: Sandbox) -> None:
    bucket, key = _bucket(sandbox)
    data = os.urandom(sum(PART_SIZES))
    _multipart(bucket, key, data, PART_SIZES)
    first = _segment_files(sandbox, key)
    _multipart(bucket, key, data[::-1], PART_SIZES)  # a second upload to the same key replaces it
    assert not any(path.exists() for path in first) and not first[0].parent.exists()
    assert bucket.get_object(key).read() == data[::-1]
    second = _segment_files(sandbox, key)
    bucket.put_object(key, b"single file now")  # PutObject over a composite object
    assert not any(path.exists() for path in second) and not second[0].parent.exists()
    assert _segment_files(sandbox, key) == []
    assert bucket.get_object(key).read() == b"single file now"
    _multipart(bucket, key, data, PART_SIZES)  # and composite over a single file
    assert bucket.get_object(key).read() == data
    third = _segment_files(sandbox, key)
    bucket.delete_object(key)
    assert not any(path.exists() for path in third) and not third[0].parent.exists()
    assert [path for path in _all_files(sandbox.state.objects_dir) if "-parts-" in str(path)] == []
    with pytest.raises(oss2.exceptions.NoSuchKey):
        bucket.get_object(key)


def test_probe_reads_a_moov_split_across_parts(sandbox: Sandbox) -> None:
    """The lifecycle describes a composite MP4 whose moov box crosses a part boundary."""
    sample = SAMPLE.read_bytes()
    ftyp = sample[:32]
    padding = PART_SIZES[0] - 1000 - len(ftyp)  # the moov box starts 1000 bytes before the boundary
    data = ftyp + struct.pack(">I4s", padding, b"free") + bytes(padding - 8) + sample[32:]
    bucket, key = _bucket(sandbox)
    _multipart(bucket, key, data, (PART_SIZES[0], len(data) - PART_SIZES[0]))
    expected = probe_file(SAMPLE)
    with sandbox.state.db() as conn:
        media = conn.execute(
            "SELECT duration, width, height FROM media WHERE object_key = ?", (key,)
        ).fetchone()
    assert expected.duration > 0
    assert (media["duration"], media["width"], media["height"]) == (
        expected.duration,
        expected.width,
        expected.height,
    )


def test_old_data_folder_without_segments_table_still_opens(tmp_path: Path) -> None:
    state = SandboxState(tmp_path, SandboxConfig())
    with state.db() as conn:
        oss_store.put_bytes(state, conn, "b", "k", b"single", "text/plain")
        conn.execute("DROP TABLE object_segments")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    state.close()
    state = SandboxState(tmp_path, SandboxConfig())
    try:
        with state.db() as conn:
            row = oss_store.find_object(conn, "b", "k")
            assert row is not None
            with oss_store.open_object(state, conn, row) as reader:
                assert reader.read() == b"single"
            version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert version == str(SCHEMA_VERSION)
        assert {"object_segments", "media_refresh_jobs", "cdn_domains"} <= tables
    finally:
        state.close()
