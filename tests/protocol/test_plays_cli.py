"""Issue 13 B from the CLI against the sandbox: duplicates, until it plays, upload routes and the probe."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import media_file, run_cli
from vodstudio.sandbox import routes as sandbox_routes
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME


def _videos(sandbox: Any, title_part: str = "") -> list[str]:
    with sandbox.state.db() as conn:
        rows = conn.execute(
            "SELECT media_id FROM media WHERE media_type = 'video' AND title LIKE ? AND status != 'Deleted'",
            (f"%{title_part}%",),
        ).fetchall()
    return [str(r[0]) for r in rows]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "shoot"
    folder.mkdir()
    media_file(folder / "alpha.mp4", 300_000, seed=1)
    media_file(folder / "beta.mp4", 200_000, seed=2)
    return folder


def _upload(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status, _events, err = run_cli(["upload", *args, "--account", ALIYUN_NAME], capsys)
    return status, err


def test_dropping_the_same_folder_twice_creates_no_second_video(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    # The same file named twice in one drop (inside the folder and on its own) is one job.
    status, err = _upload([str(folder), str(folder / "alpha.mp4")], capsys)
    assert status == 0, err
    assert "1 file(s) already in this batch or the queue: queued once" in err
    assert len(_videos(sandbox)) == 2
    copy = tmp_path / "copy-of-alpha.mp4"  # same content under another name is known too
    shutil.copy(folder / "alpha.mp4", copy)
    status, err = _upload([str(folder), str(copy)], capsys)
    assert status == 0, err
    assert "2 file(s) this account already has: skipped" in err
    assert "1 file(s) already in this batch" in err  # the copy repeats alpha's content in this drop
    assert len(_videos(sandbox)) == 2


def test_again_uploads_a_second_copy_and_replace_deletes_the_old_one_after(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "gamma.mp4"
    media_file(clip, 150_000, seed=3)
    assert _upload([str(clip)], capsys)[0] == 0
    first = _videos(sandbox, "gamma")
    assert _upload([str(clip), "--duplicates", "again"], capsys)[0] == 0
    both = _videos(sandbox, "gamma")
    assert len(both) == 2
    status, err = _upload([str(clip), "--duplicates", "replace"], capsys)
    assert status == 0, err
    assert "replaced: deleted the old video" in err
    after = _videos(sandbox, "gamma")
    assert len(after) == 2 and len(set(both) - set(after)) == 1  # one old copy went, the new one came
    assert first[0] in after  # the profile remembers the latest copy: that one was replaced


def test_a_video_deleted_on_the_server_is_no_duplicate_any_more(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "delta.mp4"
    media_file(clip, 120_000, seed=4)
    assert _upload([str(clip)], capsys)[0] == 0
    stored.accounts.vod_client(ALIYUN_NAME).delete_video(_videos(sandbox, "delta"))
    status, err = _upload([str(clip)], capsys)
    assert status == 0 and "already has" not in err
    assert len(_videos(sandbox, "delta")) == 1


def test_wait_playable_follows_the_states_and_queue_list_shows_them(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "epsilon.mp4"
    media_file(clip, 100_000, seed=5)
    status, err = _upload([str(clip), "--wait-playable"], capsys)
    assert status == 0, err
    assert "epsilon.mp4: playable" in err and "1 playable, 0 failed" in err
    assert "[playable]" in run_cli_list(capsys)


def run_cli_list(capsys: pytest.CaptureFixture[str]) -> str:
    from vodstudio.cli import main

    main(["queue", "list"])
    return capsys.readouterr().out


def test_a_transcode_failure_is_named_and_the_exit_status_says_so(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sandbox.state.update_config({"transcode_fail_title": "broken"})
    good, bad = tmp_path / "fine.mp4", tmp_path / "broken-take.mp4"
    media_file(good, 100_000, seed=6)
    media_file(bad, 110_000, seed=7)
    status, err = _upload([str(good), str(bad), "--wait-playable"], capsys)
    assert status == 1
    assert "error: broken-take.mp4: transcode failed" in err
    assert "1 playable, 1 failed" in err
    assert "[transcode failed]" in run_cli_list(capsys)


@pytest.mark.parametrize("slow", ["normal", "accelerated"])
def test_the_probe_picks_the_faster_route_and_uploads_then_take_it(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], slow: str
) -> None:
    book = sandbox_routes.book(sandbox.state)
    book.configure({slow: {"delay_ms": 400}})
    status, events, err = run_cli(
        ["account", "probe-speed", ALIYUN_NAME, "--sample-mib", "0.5", "--json"], capsys
    )
    assert status == 0, err
    fast = "accelerated" if slow == "normal" else "normal"
    assert events[0]["route"] == fast
    assert _videos(sandbox, "speed test") == []  # the probe's records are deleted again
    assert run_cli(["account", "route", ALIYUN_NAME, "auto"], capsys)[0] == 0
    book.configure({"reset_counts": True})
    clip = tmp_path / "zeta.mp4"
    media_file(clip, 100_000, seed=8)
    assert _upload([str(clip)], capsys)[0] == 0
    assert book.count(fast, "PutObject") + book.count(fast, "UploadPart") >= 1
    assert book.count(slow, "PutObject") + book.count(slow, "UploadPart") == 0


def test_no_accelerate_wins_over_the_account_setting(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = sandbox_routes.book(sandbox.state)
    assert run_cli(["account", "route", ALIYUN_NAME, "on"], capsys)[0] == 0
    clip = tmp_path / "eta.mp4"
    media_file(clip, 100_000, seed=9)
    assert _upload([str(clip), "--no-accelerate"], capsys)[0] == 0
    assert book.count("normal", "PutObject") == 1 and book.count("accelerated", "PutObject") == 0
    other = tmp_path / "theta.mp4"
    media_file(other, 100_000, seed=10)
    assert _upload([str(other)], capsys)[0] == 0
    assert book.count("accelerated", "PutObject") == 1
