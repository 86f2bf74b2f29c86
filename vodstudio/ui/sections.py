"""What a main-window section is (``Section``), and drag-and-drop payload helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QMimeData, QSettings

from vodstudio.core.accounts import Account


@runtime_checkable
class Section(Protocol):
    """The contract of Uploads, Library and CDN. The window's menu actions call these on the section
    that is showing; a section for which an action means nothing does nothing (and says so)."""

    def set_account(self, account: Account | None) -> None:
        """The active account changed (``None``: no account yet)."""

    def refresh(self) -> None:
        """F5: load again from the service."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor where the user filters or searches."""

    def delete_selected(self) -> None:
        """Delete: remove what is selected (after asking)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths, splitters and the like in the window's layout file."""

    def restore_state(self, settings: QSettings) -> None:
        """Take back what ``save_state`` wrote (missing keys: keep the defaults)."""

    def shutdown(self) -> None:
        """The window closes: stop timers and background loaders."""


def local_paths_of(mime: QMimeData) -> list[Path] | None:
    """The local files/folders in a drag payload, or None when anything in it is not a local path."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return None
    return [Path(url.toLocalFile()) for url in urls]
