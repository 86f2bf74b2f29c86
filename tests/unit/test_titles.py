"""Titles made from file names fit VOD's 128-byte limit and carry no emoji."""

from __future__ import annotations

from vodstudio.cloud.aliyun.limits import truncate_utf8
from vodstudio.core.jobs import JobKind, UploadJob
from vodstudio.transfer.tickets import default_title


def test_truncate_never_splits_a_character() -> None:
    assert truncate_utf8("ab", 128) == "ab"
    cut = truncate_utf8("视频" * 100, 128)
    assert len(cut.encode()) <= 128 and cut == "视频" * 21  # 42 characters, 126 bytes: a 43rd would need 129


def test_default_title_from_a_long_cjk_emoji_name() -> None:
    job = UploadJob(id=1, kind=JobKind.VIDEO, account="a", path="/x/" + "城市夜景🎬 " * 30 + ".mp4")
    title = default_title(job)
    assert 0 < len(title.encode()) <= 128
    assert "🎬" not in title and title.startswith("城市夜景 城市夜景")


def test_one_media_table_for_scanner_api_and_dialogs() -> None:
    """Review defect 4: four image lists disagreed; a dropped .bmp became a job bound to fail."""
    from vodstudio.cloud.aliyun.upload_ops import IMAGE_EXTS
    from vodstudio.core.jobs import JobKind, kind_for_name
    from vodstudio.core.media_types import IMAGE_EXTENSIONS, MediaClass, dialog_filters

    assert kind_for_name("poster.bmp") is None
    assert kind_for_name("poster.WEBP") is JobKind.IMAGE and kind_for_name("a.heic") is JobKind.IMAGE
    assert set(IMAGE_EXTS) == IMAGE_EXTENSIONS
    (line,) = dialog_filters([MediaClass.IMAGE])
    assert set(line.patterns) == {f"*.{e}" for e in IMAGE_EXTENSIONS}
    every = dialog_filters([MediaClass.VIDEO, MediaClass.IMAGE])
    assert every[0].media is None and len(every) == 3
