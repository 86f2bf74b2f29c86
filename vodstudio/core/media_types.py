"""The one table of media VOD takes: which job a file makes, what each upload call accepts, dialog filters.

The scanner (``transfer/scan.py``), the API argument checks (``cloud/aliyun/upload_ops.py``), the cover
checks and the file dialogs all read these sets, so a file the app queues is one the service accepts.
BMP is not here on purpose: CreateUploadImage refuses ``bmp`` (ImageExt: png, jpg, jpeg, gif, heic,
webp), so a dropped ``.bmp`` is reported as "not media" instead of becoming a job bound to fail.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class MediaClass(enum.StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    IMAGE = "image"
    SUBTITLE = "subtitle"


_VIDEO = "mp4 ts 3gp mpg mpeg mpe dat vob asf avi wmv asx mov mkv rm rmvb flv f4v webm m4v 3g2 m3u8 mts m2ts"
_VIDEO += " mxf ogv dv"
_AUDIO = "mp3 wma wav aac m4a flac ogg ape amr aiff aif"

VIDEO_EXTENSIONS = frozenset(_VIDEO.split())
AUDIO_EXTENSIONS = frozenset(_AUDIO.split())
# CreateUploadImage's ImageExt values (also what a cover may be).
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "heic", "webp"})
COVER_EXTENSIONS = IMAGE_EXTENSIONS
SUBTITLE_EXTENSIONS = frozenset({"srt", "ass", "stl", "ttml", "vtt"})
# CreateUploadAttachedMedia: BusinessType -> the MediaExt values it takes.
ATTACHED_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "watermark": ("png", "gif", "apng", "mov"),
    "subtitle": tuple(sorted(SUBTITLE_EXTENSIONS)),
    "material": ("jpg", "gif", "png", "mp4", "mat", "zip", "apk"),
}
MAX_COVER_BYTES = 20 * 1024 * 1024

_BY_CLASS: dict[MediaClass, frozenset[str]] = {
    MediaClass.VIDEO: VIDEO_EXTENSIONS,
    MediaClass.AUDIO: AUDIO_EXTENSIONS,
    MediaClass.IMAGE: IMAGE_EXTENSIONS,
    MediaClass.SUBTITLE: SUBTITLE_EXTENSIONS,
}


def extension(name: str) -> str:
    """``"Clip.MP4"`` → ``"mp4"``; ``""`` without one."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def media_class(name: str) -> MediaClass | None:
    """What a file name says the file is, or None when VOD would not take it as media."""
    ext = extension(name)
    for kind, extensions in _BY_CLASS.items():
        if ext in extensions:
            return kind
    return None


@dataclass(frozen=True)
class DialogFilter:
    """One line of a file dialog's type list: a class and its ``*.ext`` patterns (the UI adds words)."""

    media: MediaClass | None  # None: every media class together
    patterns: tuple[str, ...]


def dialog_filters(classes: Iterable[MediaClass]) -> list[DialogFilter]:
    """ "All media" first, then one line per class, for the file dialogs of the uploads and the cover."""
    wanted = list(classes)
    lines = [DialogFilter(c, tuple(f"*.{e}" for e in sorted(_BY_CLASS[c]))) for c in wanted]
    if len(lines) > 1:
        every = tuple(p for line in lines for p in line.patterns)
        lines.insert(0, DialogFilter(None, every))
    return lines
