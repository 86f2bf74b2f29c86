"""The cover rule "the image beside each video with the same name": finding it and sparing it the queue."""

from __future__ import annotations

import os
from pathlib import Path

from vodstudio.core.jobs import USED_AS_COVER, JobKind, kind_for_name

COVER_EXTENSIONS = (".jpg", ".jpeg", ".png")
__all__ = ["COVER_EXTENSIONS", "USED_AS_COVER", "CoverFinder"]


class CoverFinder:
    """Answers from one listing per folder: a folder of 10,000 videos costs one ``scandir``, not
    30,000 ``stat`` calls. Names are matched exactly, and the extension in any case (A.JPG)."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, list[str]]] = {}

    def _by_stem(self, folder: Path) -> dict[str, list[str]]:
        known = self._folders.get(folder)
        if known is None:
            known = {}
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        name = Path(entry.name)
                        known.setdefault(name.stem, []).append(name.suffix)
            except OSError:
                pass  # an unreadable folder has no covers; the scan reports the folder itself
            self._folders[folder] = known
        return known

    def cover_for(self, video: Path) -> Path | None:
        """The image beside ``video`` with its stem (jpg, then jpeg, then png), or None."""
        exts = self._by_stem(video.parent).get(video.stem, [])
        for wanted in COVER_EXTENSIONS:
            for ext in exts:
                if ext.lower() == wanted and (video.parent / f"{video.stem}{ext}").is_file():
                    return video.parent / f"{video.stem}{ext}"
        return None

    def video_beside(self, image: Path) -> bool:
        """Whether ``image`` may be the cover of a video beside it (a same-stem file of a video type)."""
        if image.suffix.lower() not in COVER_EXTENSIONS:
            return False
        exts = self._by_stem(image.parent).get(image.stem, [])
        return any(kind_for_name(f"x{ext}") is JobKind.VIDEO for ext in exts)
