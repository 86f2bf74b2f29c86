"""Issue 13 B without sockets: fingerprints, play states and backoff, UserData acceleration, the
profile's tables (duplicates waiting in the queue, fingerprints recorded by trigger), route knobs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vodstudio.core.errors import ConfigError
from vodstudio.core.fingerprint import SAMPLE, fingerprint
from vodstudio.core.jobs import JobKind, JobState
from vodstudio.core.playback import Backoff, PlayState, play_state
from vodstudio.sandbox.routes import RouteBook, wants_acceleration
from vodstudio.services.routes import ACCELERATE_CONFIG, current_network, with_acceleration
from vodstudio.store.plays_db import FingerprintTable, PlaybackTable, RouteChoice, RouteTable
from vodstudio.store.queue_db import NewJob, QueueDb


def test_fingerprint_reads_samples_and_tells_sizes_apart(tmp_path: Path) -> None:
    big = tmp_path / "big.mp4"
    data = bytearray(os.urandom(5 * SAMPLE))
    big.write_bytes(data)
    same = tmp_path / "same.mov"
    same.write_bytes(data)
    assert fingerprint(big) == fingerprint(same)  # content, not the name
    data[2 * SAMPLE + SAMPLE // 2] ^= 0xFF  # inside the middle sample
    same.write_bytes(data)
    assert fingerprint(big) != fingerprint(same)
    longer = tmp_path / "longer.mp4"
    longer.write_bytes(bytes(data) + b"\0")
    assert fingerprint(longer).split(":")[0] == str(5 * SAMPLE + 1)
    tiny = tmp_path / "tiny.mp4"
    tiny.write_bytes(b"abc")  # smaller than one sample: the samples overlap, still one stable key
    assert fingerprint(tiny) == fingerprint(tiny)


def test_play_states_and_backoff() -> None:
    assert play_state("UploadSucc") is PlayState.WAITING
    assert play_state("Transcoding") is PlayState.TRANSCODING
    assert play_state("Normal") is PlayState.PLAYABLE
    assert play_state("TranscodeFail").is_failure and play_state("TranscodeFail").is_final
    assert play_state("SomethingNew") is PlayState.UNKNOWN and PlayState.UNKNOWN.is_final
    assert not PlayState.TRANSCODING.is_final
    backoff = Backoff(first=1.0, factor=2.0, cap=10.0)
    assert [backoff.delay(n) for n in range(6)] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]


def test_acceleration_goes_into_user_data_and_out_again() -> None:
    on = with_acceleration('{"Extend":{"shoot":"day 2"}}', True)
    assert json.loads(on) == {"Extend": {"shoot": "day 2"}, "AccelerateConfig": ACCELERATE_CONFIG}
    assert wants_acceleration(on)
    assert json.loads(with_acceleration(on, False)) == {"Extend": {"shoot": "day 2"}}
    assert with_acceleration("", False) == ""
    with pytest.raises(ConfigError):
        with_acceleration("[1]", True)
    assert not wants_acceleration('{"AccelerateConfig":{"Type":"cdn"}}')
    assert len(current_network()) == 16  # a hash, never the raw address


def _queue(tmp_path: Path) -> QueueDb:
    return QueueDb(tmp_path / "queue.sqlite3")


def test_a_queued_copy_counts_and_a_done_one_is_remembered_by_the_trigger(tmp_path: Path) -> None:
    queue = _queue(tmp_path)
    table = FingerprintTable(queue.database)
    [job] = queue.add([NewJob(JobKind.VIDEO, "acc", "/a.mp4", size=10)])
    table.note_jobs("acc", [(job, "10:ff", "")])
    assert table.known("acc", ["10:ff"])["10:ff"].job_id == job  # waiting: a repeat, not a duplicate
    assert table.known("other", ["10:ff"]) == {}  # per account
    queue.update(job, media_id="m1")
    queue.update(job, state=JobState.DONE)
    hit = table.known("acc", ["10:ff"])["10:ff"]
    assert (hit.media_id, hit.job_id) == ("m1", 0)
    queue.delete([job])  # clearing the list keeps what the account has
    assert table.known("acc", ["10:ff"])["10:ff"].media_id == "m1"
    table.forget_media("acc", ["m1"])
    assert table.known("acc", ["10:ff"]) == {}
    queue.close()


def test_done_video_jobs_are_followed_and_routes_are_kept_per_network(tmp_path: Path) -> None:
    queue = _queue(tmp_path)
    plays = PlaybackTable(queue.database)
    video, image = queue.add([NewJob(JobKind.VIDEO, "acc", "/v.mp4"), NewJob(JobKind.IMAGE, "acc", "/i.png")])
    for job in (video, image):
        queue.update(job, media_id=f"m{job}", state=JobState.DONE)
    assert list(plays.due(now=1e12)) and [p.job_id for p in plays.due(now=1e12)] == [video]
    plays.record([(video, "Normal", PlayState.PLAYABLE, 1, 5.0)])
    assert plays.due(now=1e12) == [] and plays.of_jobs([video])[video].state is PlayState.PLAYABLE
    routes = RouteTable(queue.database)
    assert routes.mode("acc") == "off"
    routes.set_mode("acc", "auto")
    routes.remember(RouteChoice("acc", "net-a", "accelerated", 1.0, 2.0, 0.0))
    assert routes.mode("acc") == "auto" and routes.choice("acc", "net-a") is not None
    assert routes.choice("acc", "net-b") is None
    queue.close()


def test_route_knobs_are_checked() -> None:
    book = RouteBook()
    book.configure({"accelerated": {"delay_ms": 5}})
    assert book.snapshot()["knobs"]["accelerated"]["delay_ms"] == 5.0
    with pytest.raises(ValueError, match="accelerated"):
        book.configure({"accelerated": {"speed": 1}})
