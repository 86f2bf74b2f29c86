"""Done-when of the upload record and Upload Next, over the sandbox: what was delivered, provably."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import Recorder, write_file
from tests.reliability.helpers import run_cli
from tests.ui.test_both_faces import cli
from vodstudio.core.jobs import JobMetadata, JobState, JobStateChanged
from vodstudio.core.record import COLUMNS
from vodstudio.services import Services, build_services
from vodstudio.services.record import NOTE_CHANGED, RecordFormat
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.store.paths import ProfilePaths

K = 1024
PART = 128 * K
SIZES = (90 * K, 700 * K, 20 * PART + 5)  # one simple PUT, two multipart uploads


@pytest.fixture
def services(sandbox: Any) -> Iterator[Services]:
    svc = build_services(ProfilePaths.default(), part_size=PART)
    svc.sandbox.ensure_accounts(sandbox.info)
    yield svc
    svc.close()


def object_crc(sandbox: Any, media_id: str) -> str:
    """The CRC-64 the sandbox's OSS holds for the video's object, as 16 hex digits."""
    with sandbox.state.db() as conn:
        media = conn.execute(
            "SELECT bucket, object_key FROM media WHERE media_id = ?", (media_id,)
        ).fetchone()
        row = conn.execute(
            "SELECT crc64 FROM objects WHERE bucket = ? AND key = ?", (media["bucket"], media["object_key"])
        ).fetchone()
    return f"{int(row[0]):016x}"


def upload_three(sandbox: Any, services: Services, tmp_path: Path) -> tuple[list[int], str]:
    paths = []
    for index, size in enumerate(SIZES):
        paths.append(tmp_path / f"clip{index}.mp4")
        write_file(paths[-1], size, seed=index + 1)
    # Connections dropped mid-part: the big file's parts are sent again, and the record says so.
    sandbox.state.update_faults({"drop_rate": {"UploadPart": 0.3}, "seed": 5})
    engine = services.uploads.engine(Recorder())
    try:
        result = engine.add_files(ALIYUN_NAME, paths, JobMetadata())
        engine.start()
        assert engine.wait_idle(120)
    finally:
        engine.close()
        sandbox.state.update_faults({"drop_rate": {}})
    return list(result.job_ids), result.batch_id


def test_the_record_lists_every_job_with_its_video_id_and_crc(
    sandbox: Any, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids, batch = upload_three(sandbox, services, tmp_path)
    assert len(ids) == 3 and batch
    out_csv, out_json = tmp_path / "record.csv", tmp_path / "record.json"
    assert cli(services, "queue", "export", str(out_csv)) == 0
    assert "Wrote 3 job(s)" in capsys.readouterr().out
    summary = services.uploads.record.export(out_json, batch_id=batch)
    assert summary.format is RecordFormat.JSON and summary.jobs == 3
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM for Excel; RFC 4180 line ends
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == list(COLUMNS)
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["accounts"] == [ALIYUN_NAME] and doc["app_version"] and doc["generated_at"].endswith("Z")
    for listed in (rows, doc["jobs"]):
        assert [int(r["job_id"]) for r in listed] == ids
        for row, size in zip(listed, SIZES, strict=True):
            assert row["state"] == JobState.DONE.value and int(row["size"]) == size
            assert row["media_id"] and row["batch_id"] == batch
            assert row["crc64"] == object_crc(sandbox, row["media_id"])
            assert int(row["bytes_sent"]) >= size
            assert row["started_at"] and row["finished_at"] >= row["started_at"]
    big = doc["jobs"][2]
    assert int(big["retries"]) >= 1 and int(big["bytes_sent"]) > SIZES[2]  # the drops were re-sent


def test_sha256_on_request_only_for_unchanged_files(sandbox: Any, services: Services, tmp_path: Path) -> None:
    ids, _batch = upload_three(sandbox, services, tmp_path)
    changed = tmp_path / "clip1.mp4"
    changed.write_bytes(changed.read_bytes() + b"edited")
    rows = {r.job_id: r for r in services.uploads.record.rows(job_ids=[ids[0], ids[1]], sha256=True)}
    assert set(rows) == {ids[0], ids[1]}
    expected = hashlib.sha256((tmp_path / "clip0.mp4").read_bytes()).hexdigest()
    assert rows[ids[0]].sha256 == expected and rows[ids[0]].note == ""
    assert rows[ids[1]].sha256 == "" and rows[ids[1]].note == NOTE_CHANGED
    assert all(r.sha256 == "" for r in services.uploads.record.rows())  # never unless asked


def test_the_record_streams_in_pages(services: Services, tmp_path: Path) -> None:
    """Many jobs are read a page at a time, in id order, each page a fresh read."""
    engine = services.uploads.engine(Recorder())
    try:
        urls = [f"https://example.invalid/v{i}.mp4" for i in range(25)]
        ids = engine.add_url_pull(ALIYUN_NAME, urls, JobMetadata())
    finally:
        engine.close()
    rows = list(services.uploads.record.table.rows(page=7))
    assert [r.job_id for r in rows] == ids
    assert len({r.batch_id for r in rows}) == 1  # one add, one batch
    hashed = list(services.uploads.record.rows(sha256=True))
    assert all(r.note == "not a local file" for r in hashed)


def test_upload_next_jumps_the_queue(sandbox: Any, services: Services, tmp_path: Path) -> None:
    services.settings.update(parallel_files=1)
    paths = [tmp_path / f"n{i}.mp4" for i in range(4)]
    for index, path in enumerate(paths):
        write_file(path, 60 * K, seed=10 + index)
    recorder = Recorder()
    engine = services.uploads.engine(recorder)
    try:
        ids = [engine.add_files(ALIYUN_NAME, [p], JobMetadata()).job_ids[0] for p in paths]
        engine.upload_next([ids[3]])
        assert cli(services, "queue", "next", str(ids[2])) == 0  # the CLI: same call, later wins
        engine.start()
        assert engine.wait_idle(60)
    finally:
        engine.close()
    started = [
        e.job_id for e in recorder.events if isinstance(e, JobStateChanged) and e.state is JobState.PREPARING
    ]
    assert started == [ids[2], ids[3], ids[0], ids[1]]


def test_queue_priority_and_export_from_the_cli(
    sandbox: Any, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids, batch = upload_three(sandbox, services, tmp_path)
    assert cli(services, "queue", "priority", str(ids[0]), "5") == 0
    job = services.uploads.job(ids[0])
    assert job is not None and job.priority == 5
    assert cli(services, "queue", "priority", "999", "5") == 1
    out = tmp_path / "only.txt"
    argv = ["queue", "export", str(out), "--format", "json", "--batch", batch, "--sha256"]
    status, _events, _err = run_cli(argv, capsys)
    assert status == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [j["job_id"] for j in doc["jobs"]] == ids
    assert all(len(j["sha256"]) == 64 for j in doc["jobs"])
