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
