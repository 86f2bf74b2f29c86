"""Cover thumbnails: fetched in the background through the account's proxy, cached on disk by URL hash."""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from vodstudio.cloud.http import make_http_client
from vodstudio.core.accounts import ProxySetting

log = logging.getLogger(__name__)

THUMB_SIZE = QSize(96, 54)
_MAX_BYTES = 8 * 1024 * 1024  # a cover larger than this is not a cover


def cache_key(url: str) -> str:
    """Signed CDN URLs change their query on every call; the object is the scheme, host and path."""
    parts = urlsplit(url)
    stable = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return hashlib.sha256(stable.encode("utf-8")).hexdigest()[:40]


def fetch_thumbnail(
    url: str, path: Path, proxy: ProxySetting, out: queue.SimpleQueue[tuple[str, Any]]
) -> None:
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
    out.put((url, image))


def _download(url: str, proxy: ProxySetting, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with make_http_client(proxy=proxy) as http, http.stream("GET", url) as response:
        response.raise_for_status()
        data = bytearray()
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > _MAX_BYTES:
                raise ValueError("cover too large")
    # Write then rename: a crash never leaves half an image that would be cached forever.
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
    tmp.write_bytes(bytes(data))
    tmp.replace(path)


class ThumbnailCache(QObject):
    """``pixmap(url)`` answers from memory or starts a fetch; ``ready(url)`` fires when one arrives.

    Workers get only plain values and a queue (never this QObject); a GUI timer drains the queue.
    """

    ready = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.proxy = ProxySetting()
        self._pixmaps: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._results: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="vodstudio-thumbs")
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._drain)

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
        self._pool.submit(fetch_thumbnail, url, self.path_for(url), self.proxy, self._results)
        self._timer.start()
        return None

    def pending(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def path_for(self, url: str) -> Path:
        return self.folder / f"{cache_key(url)}.img"

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                url, image = self._results.get_nowait()
            except queue.Empty:
                break
            self._pending.discard(url)
            if isinstance(image, QImage):
                self._pixmaps[url] = QPixmap.fromImage(image)
            else:
                self._failed.add(url)
            self.ready.emit(url)
        if not self._pending:
            self._timer.stop()
