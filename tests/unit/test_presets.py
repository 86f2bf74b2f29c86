"""Upload presets: title patterns (CJK, emoji, the 128-byte clip), the file format and its refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Any

import pytest

from vodstudio.core.errors import PresetError
from vodstudio.core.jobs import CoverRule, JobMetadata
from vodstudio.core.presets import (
    TITLE_MAX_BYTES,
    UploadPreset,
    check_name,
    expand_title,
    from_document,
    has_pattern,
    to_document,
)

WHEN = dt.datetime(2026, 12, 3, 23, 59, tzinfo=dt.UTC)
CLIP = PurePosixPath("/videos/Launch Day/clip 01.mp4")


def test_placeholders_are_filled_from_the_file_and_the_day() -> None:
    assert expand_title("{folder} – {stem} ({date})", CLIP, WHEN) == "Launch Day – clip 01 (2026-12-03)"


def test_unknown_placeholders_stay_and_plain_titles_are_not_patterns() -> None:
    assert expand_title("{stem} {size} {}", CLIP, WHEN) == "clip 01 {size} {}"
    assert not has_pattern("Quarterly {size} review")
    assert has_pattern("x {stem}")


def test_the_date_is_the_given_moment_in_its_own_zone() -> None:
    shanghai = WHEN.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert expand_title("{date}", CLIP, shanghai) == "2026-12-04"


def test_cjk_names_are_clipped_to_128_bytes_on_a_character_boundary() -> None:
    path = PurePosixPath("/素材/" + "发布会" * 30 + ".mp4")  # 270 bytes of stem
    title = expand_title("{stem}", path, WHEN)
    assert len(title.encode("utf-8")) <= TITLE_MAX_BYTES
    assert len(title.encode("utf-8")) == 126  # 42 characters of 3 bytes: the 43rd would make 129
    assert title == "发布会" * 14
    assert expand_title("{folder}", path, WHEN) == "素材"


def test_emoji_are_dropped_and_an_empty_result_falls_back_to_the_stem() -> None:
    path = PurePosixPath("/v/🎉 party 🎉.mov")
    assert expand_title("{stem} 🎬", path, WHEN) == "party"
    assert expand_title("{folder}", PurePosixPath("/clip.mp4"), WHEN) == "clip"
    assert expand_title("🎬", PurePosixPath("/only 🎉.mp4"), WHEN) == "only"


def _preset(**changes: Any) -> UploadPreset:
    base = UploadPreset(
        name="Weekly show",
        title_pattern="{folder} {stem}",
        description="每周节目",
        tags=("show", "周刊"),
        cate_id=1003,
        cover_rule=CoverRule.SAME_STEM,
        template_group_id="a" * 32,
        workflow_id="",
        storage_location="out-1.oss-cn-shanghai.aliyuncs.com",
        app_id="app-2000000",
        priority=5,
        accelerate=False,
        prefetch_when_playable=True,
    )
    return UploadPreset(**{**base.__dict__, **changes})


def test_a_file_round_trips_every_field() -> None:
    presets = [_preset(), _preset(name="Plain", accelerate=None, cate_id=None, cover_rule=CoverRule.NONE)]
    assert from_document(to_document(presets)) == presets


def test_to_metadata_carries_the_pattern_and_from_metadata_reverses_it() -> None:
    preset = _preset()
    meta = preset.to_metadata()
    assert (meta.title, meta.storage_location, meta.app_id) == (
        "{folder} {stem}",
        preset.storage_location,
        "app-2000000",
    )
    assert (meta.cover_rule, meta.prefetch_when_playable, meta.priority) == (CoverRule.SAME_STEM, True, 5)
    assert UploadPreset.from_metadata(" Weekly show ", meta) == preset
    assert UploadPreset.from_metadata("x", JobMetadata()).cover_rule is CoverRule.NONE


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ([], "format"),
        ({"format": "something-else", "version": 1, "presets": []}, "format"),
        ({"format": "vodstudio-presets", "version": 99, "presets": []}, "version"),
        ({"format": "vodstudio-presets", "version": True, "presets": []}, "version"),
        ({"format": "vodstudio-presets", "version": 1, "presets": {}}, "presets"),
        ({"format": "vodstudio-presets", "version": 1, "presets": [{"title_pattern": "x"}]}, "name"),
        (
            {"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "priority": "9"}]},
            "priority",
        ),
        (
            {"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "priority": True}]},
            "priority",
        ),
        ({"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "tags": "x,y"}]}, "tags"),
        (
            {"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "cover_rule": "any"}]},
            "cover_rule",
        ),
        (
            {"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "accelerate": "yes"}]},
            "accelerate",
        ),
        ({"format": "vodstudio-presets", "version": 1, "presets": [{"name": "A"}, {"name": "a"}]}, "name"),
        ({"format": "vodstudio-presets", "version": 1, "presets": ["a"]}, ""),
    ],
)
def test_bad_files_are_refused_with_a_stable_code_and_the_field(document: object, field: str) -> None:
    with pytest.raises(PresetError) as caught:
        from_document(document)
    assert (caught.value.code, caught.value.field) == ("preset.invalid-file", field)


def test_unknown_keys_are_ignored_for_newer_files() -> None:
    doc = {"format": "vodstudio-presets", "version": 1, "presets": [{"name": "a", "colour": "red"}]}
    assert from_document(doc) == [UploadPreset(name="a")]


@pytest.mark.parametrize("bad", ["", "   ", "two\nlines", "x" * 65])
def test_names_must_be_one_short_line(bad: str) -> None:
    with pytest.raises(PresetError) as caught:
        check_name(bad)
    assert caught.value.code == "preset.name"
