"""`vodstudio preset ...` and `vodstudio upload --preset` against the sandbox, in this process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.test_engine_basic import _png
from tests.reliability.helpers import media_file, run_cli
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.sandbox import vod_templates, vod_upload
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from vodstudio.cli import main

    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _media(box: Any, file_name: str) -> dict[str, Any]:
    with box.state.db() as conn:
        row = conn.execute("SELECT * FROM media WHERE file_name = ?", (file_name,)).fetchone()
    assert row is not None, file_name
    return dict(row)


def test_save_list_show_rename_delete(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["preset", "save", "Weekly", "--title-pattern", "{folder} {stem}", "--tags", "a, b，c"]
    argv += [
        "--cate-id",
        "7",
        "--priority",
        "3",
        "--cover-rule",
        "same-stem",
        "--prefetch",
        "--no-accelerate",
    ]
    assert _cli(argv, capsys)[0] == 0
    status, _out, err = _cli(["preset", "save", "weekly"], capsys)
    assert status == 1 and "exists" in err and "--replace" in err
    status, out, _err = _cli(["preset", "list"], capsys)
    assert status == 0 and out == "Weekly\t{folder} {stem}\n"
    shown = json.loads(_cli(["preset", "show", "WEEKLY"], capsys)[1])
    assert shown["tags"] == ["a", "b", "c"] and shown["cate_id"] == 7 and shown["priority"] == 3
    assert (shown["cover_rule"], shown["prefetch_when_playable"], shown["accelerate"]) == (
        "same-stem",
        True,
        False,
    )
    assert _cli(["preset", "rename", "weekly", "Monthly"], capsys)[0] == 0
    assert [p["name"] for p in json.loads(_cli(["preset", "list", "--json"], capsys)[1])] == ["Monthly"]
    assert _cli(["preset", "delete", "monthly"], capsys)[0] == 0
    status, _out, err = _cli(["preset", "show", "Monthly"], capsys)
    assert status == 1 and "no preset named" in err


def test_export_then_import_merges_with_numbered_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("One", "Two"):
        assert _cli(["preset", "save", name, "--description", f"{name} desc"], capsys)[0] == 0
    out_file = tmp_path / "mine.json"
    assert _cli(["preset", "export", str(out_file), "two"], capsys)[0] == 0
    assert [p["name"] for p in json.loads(out_file.read_text("utf-8"))["presets"]] == ["Two"]
    assert _cli(["preset", "export", str(tmp_path / "all.json")], capsys)[0] == 0
    status, _out, err = _cli(["preset", "import", str(tmp_path / "all.json")], capsys)
    assert status == 0 and "'One' exists: imported as 'One (2)'" in err
    names = [p["name"] for p in json.loads(_cli(["preset", "list", "--json"], capsys)[1])]
    assert names == ["One", "One (2)", "Two", "Two (2)"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "vodstudio-presets", "version": 1, "presets": [{"name": 3}]}', "utf-8")
    status, _out, err = _cli(["preset", "import", str(bad)], capsys)
    assert status == 1 and "a preset needs a name" in err
    status, _out, err = _cli(["preset", "import", str(tmp_path / "missing.json")], capsys)
    assert status == 1 and "does not exist" in err


def test_template_groups_and_workflows_of_the_account(
    stored: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = _cli(["preset", "template-groups", "--account", ALIYUN_NAME], capsys)
    assert status == 0
    assert out.splitlines()[0] == f"{vod_templates.DEFAULT_GROUP_ID}\tDefault (LD, SD, HD)  [default]"
    flows = json.loads(_cli(["preset", "workflows", "--account", ALIYUN_NAME, "--json"], capsys)[1])
    assert [f["id"] for f in flows] == [vod_templates.WORKFLOW_ID]


def test_upload_with_a_preset_flags_win_and_the_video_is_prefetched(
    sandbox: Any, stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shoot = tmp_path / "shoot"
    shoot.mkdir()
    media_file(shoot / "take1.mp4", 120_000, seed=1)
    (shoot / "take1.png").write_bytes(_png())
    argv = ["preset", "save", "Shoot", "--title-pattern", "{folder}/{stem}", "--tags", "raw"]
    argv += ["--cover-rule", "same-stem", "--prefetch", "--app-id", "app-3000000"]
    argv += ["--storage-location", vod_upload.storage_location(sandbox.state)]
    assert _cli(argv, capsys)[0] == 0
    argv = ["upload", str(shoot), "--preset", "shoot", "--tags", "final", "--wait-playable"]
    status, _events, err = run_cli([*argv, "--account", ALIYUN_NAME], capsys)
    assert status == 0, err
    assert f"cover    {shoot / 'take1.png'}" in err  # the still went up as the cover, not on its own
    video = _media(sandbox, "take1.mp4")
    assert (video["title"], video["tags"], video["app_id"]) == ("shoot/take1", "final", "app-3000000")
    assert "/image/cover/" in video["cover_url"]
    play = stored.accounts.vod_client(ALIYUN_NAME).get_play_info(video["media_id"])
    tasks = stored.cdn.open(ALIYUN_NAME).tasks().tasks
    assert {t.item for t in tasks if t.kind is CdnTaskKind.PREFETCH} == {s.play_url for s in play.streams}


def test_a_refused_storage_location_is_said_plainly(
    stored: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clip = tmp_path / "nowhere.mp4"
    media_file(clip, 60_000, seed=2)
    argv = ["upload", str(clip), "--storage-location", "other.oss-cn-beijing.aliyuncs.com"]
    status, out, err = _cli([*argv, "--account", ALIYUN_NAME], capsys)
    assert status == 1 and "0 done, 1 failed" in err
    assert "failed  nowhere.mp4 InvalidStorage.NotFound: The storage location does not exist." in out
    status, _out, err = _cli(["upload", str(clip), "--preset", "nope", "--account", ALIYUN_NAME], capsys)
    assert status == 1 and "no preset named 'nope'" in err
