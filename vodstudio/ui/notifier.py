"""Notifications: the system tray's message where the platform has a tray, else the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from vodstudio.app_info import NAME

STATUS_MS = 20_000  # a status-bar notice stays long enough to be read after coming back to the window


class Notifier(QObject):
    """``notify`` says one thing once; ``sent`` keeps (route, text) so tests can see what was said."""

    def __init__(self, window: QMainWindow, tray: QSystemTrayIcon | None) -> None:
        super().__init__(window)
        self._window = window
        self._tray = tray
        self.sent: list[tuple[str, str]] = []  # ("tray" | "status", text)

    @property
    def uses_tray(self) -> bool:
        return self._tray is not None and self._tray.isVisible() and QSystemTrayIcon.supportsMessages()

    def notify(self, text: str, *, warning: bool = False) -> None:
        if self._tray is not None and self.uses_tray:
            icon = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
            self._tray.showMessage(NAME, text, icon)
            self.sent.append(("tray", text))
        else:
            self._window.statusBar().showMessage(text, STATUS_MS)
            self.sent.append(("status", text))
