"""The window's sections, created by name so teammates' panels plug in (or show a placeholder)."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from vodstudio.core.accounts import Account

log = logging.getLogger(__name__)

# (key, module, class) of the sections. Library and CDN are teammate H8's: until they exist the
# window shows a placeholder, so only *their* ImportError is caught.
SECTION_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("uploads", "vodstudio.ui.uploads.panel", "QueuePanel"),
    ("library", "vodstudio.ui.library.panel", "LibraryPanel"),
    ("cdn", "vodstudio.ui.cdn.panel", "CdnPanel"),
)
_OPTIONAL_SECTIONS = frozenset({"vodstudio.ui.library.panel", "vodstudio.ui.cdn.panel"})


class PlaceholderPage(QWidget):
    """Shown for a section whose module is not available yet."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("%1 is not available in this build.").replace("%1", title), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        layout.addWidget(label)

    def set_account(self, account: Account | None) -> None:
        """Sections all accept the active account; a placeholder ignores it."""


def local_paths_of(mime: Any) -> list[Path] | None:
    """The local files/folders in a drag payload, or None when anything in it is not a local path."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return None
    return [Path(url.toLocalFile()) for url in urls]


def make_section(module_name: str, cls_name: str, title: str, parent: QWidget, *args: Any) -> QWidget:
    """``cls(*args, parent)`` from ``module_name``; a placeholder when an optional section is missing."""
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        if module_name not in _OPTIONAL_SECTIONS:
            raise
        log.warning("section %s not available: %s", module_name, exc)
        return PlaceholderPage(title, parent)
    return getattr(module, cls_name)(*args, parent)  # type: ignore[no-any-return]


def adopt_shortcuts(page: QWidget, window_keys: list[QKeySequence]) -> dict[str, QShortcut]:
    """Disable a section's own ``QShortcut`` for a key the window's menu owns, and return it by key.

    Two shortcuts for one key in one window are ambiguous and Qt then runs neither; the window's menu
    action instead forwards to the section (its method, or else the adopted shortcut's ``activated``).
    """
    owned = {key.toString() for key in window_keys if not key.isEmpty()}
    adopted: dict[str, QShortcut] = {}
    for shortcut in page.findChildren(QShortcut):
        key = shortcut.key().toString()
        if key in owned:
            shortcut.setEnabled(False)
            adopted[key] = shortcut
    return adopted
