"""Cover thumbnails: fetched in the background through the account's proxy, cached on disk by URL hash."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from vodstudio.core.accounts import ProxySetting
from vodstudio.services import downloads
from vodstudio.ui.bridge import GuiInbox

log = logging.getLogger(__name__)

THUMB_SIZE = QSize(96, 54)
_MAX_BYTES = 8 * 1024 * 1024  # a cover larger than this is not a cover


def cache_key(url: str) -> str:
    """Signed CDN URLs change their query on every call; the object is the scheme, host and path."""
    parts = urlsplit(url)
    stable = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return hashlib.sha256(stable.encode("utf-8")).hexdigest()[:40]


def fetch_thumbnail(url: str, path: Path, proxy: ProxySetting, post: Callable[[Any], None]) -> None:
    """Worker thread: download (if not cached) and decode one cover, then post ``(url, QImage|None)``."""
    image: QImage | None = None
    try:
        if not path.exists():
            _download(url, proxy, path)
        loaded = QImage(str(path))  # QImage (not QPixmap) is safe off the GUI thread
        if not loaded.isNull():
            image = loaded.scaled(
                THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
    except Exception as exc:  # a broken cover must never break the library
        log.debug("thumbnail %s failed: %s", path.name, exc)
    post((url, image))


def _download(url: str, proxy: ProxySetting, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = downloads.fetch_small(url, proxy=proxy, max_bytes=_MAX_BYTES)
    # Write then rename: a crash never leaves half an image that would be cached forever.
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
    tmp.write_bytes(data)
    tmp.replace(path)


class ThumbnailCache(QObject):
    """``pixmap(url)`` answers from memory or starts a fetch; ``ready(url)`` fires when one arrives.

    Workers get only plain values and the inbox's ``post`` (never this QObject).
    """

    ready = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.proxy = ProxySetting()
        self._pixmaps: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="vodstudio-thumbs")
        self._inbox = GuiInbox(self._deliver, interval_ms=100, parent=self)
        self._inbox.stop()  # runs only while covers are on their way

    def set_proxy(self, proxy: ProxySetting) -> None:
        self.proxy = proxy
        self._failed.clear()

    def pixmap(self, url: str) -> QPixmap | None:
        if not url:
            return None
        cached = self._pixmaps.get(url)
        if cached is not None or url in self._pending or url in self._failed:
            return cached
        self._pending.add(url)
        self._pool.submit(fetch_thumbnail, url, self.path_for(url), self.proxy, self._inbox.post)
        self._inbox.resume()
        return None

    def pending(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        self._inbox.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def path_for(self, url: str) -> Path:
        return self.folder / f"{cache_key(url)}.img"

    def _deliver(self, results: list[tuple[str, Any]]) -> None:
        for url, image in results:
            self._pending.discard(url)
            if isinstance(image, QImage):
                self._pixmaps[url] = QPixmap.fromImage(image)
            else:
                self._failed.add(url)
            self.ready.emit(url)
        if not self._pending:
            self._inbox.stop()
