"""Light, dark or the system's choice: the Fusion palette, and the few status colours read from it.

Everything custom-painted (progress bars, the drop zone, charts, status lines) takes its colours from
the palette or from ``tone()``, so a theme switch repaints it correctly; nothing is a fixed colour that
only works on white.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEME_PROPERTY = "vodstudioTheme"


class Theme(enum.StrEnum):
    SYSTEM = ""
    LIGHT = "light"
    DARK = "dark"


class Tone(enum.StrEnum):
    ERROR = "error"
    SUCCESS = "success"
    WARNING = "warning"


# (on a light background, on a dark one): readable contrast either way.
_TONES = {
    Tone.ERROR: ("#c62828", "#ff8a80"),
    Tone.SUCCESS: ("#2e7d32", "#81c784"),
    Tone.WARNING: ("#b45309", "#ffb74d"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone(kind: Tone, palette: QPalette) -> QColor:
    light, dark = _TONES[kind]
    return QColor(dark if is_dark(palette) else light)


def tone_style(kind: Tone, palette: QPalette) -> str:
    """A style sheet colouring a label's text in ``kind`` for this palette."""
    return f"color: {tone(kind, palette).name()};"


def dark_palette() -> QPalette:
    """A calm dark Fusion palette."""
    palette = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(40, 43, 48), QColor(228, 230, 235)
    disabled = QColor(120, 124, 130)
    accent = QColor(64, 140, 255)
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, QColor(36, 38, 43)),
        (roles.ToolTipBase, window),
        (roles.ToolTipText, text),
        (roles.Text, text),
        (roles.Button, window),
        (roles.ButtonText, text),
        (roles.BrightText, QColor(255, 90, 90)),
        (roles.Highlight, accent),
        (roles.HighlightedText, QColor(255, 255, 255)),
        (roles.Link, accent.lighter(120)),
        (roles.PlaceholderText, disabled),
        (roles.Mid, QColor(70, 74, 80)),
        (roles.Midlight, QColor(56, 60, 66)),
        (roles.Dark, QColor(20, 21, 24)),
        (roles.Light, QColor(90, 94, 100)),
    ):
        palette.setColor(role, color)
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette())
    palette.setColor(QPalette.ColorRole.Highlight, QColor(38, 117, 230))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(246, 247, 249))
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Fusion everywhere (the same look on Windows and macOS) with the chosen palette."""
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = system_is_dark() if theme is Theme.SYSTEM else theme is Theme.DARK
    app.setPalette(dark_palette() if dark else light_palette())
    app.setProperty(THEME_PROPERTY, theme.value)


def current_theme(app: QApplication) -> Theme:
    value = app.property(THEME_PROPERTY)
    return Theme(value) if value in {t.value for t in Theme} else Theme.SYSTEM


class SystemThemeFollower(QObject):
    """Re-applies the palette when the OS switches between light and dark (theme "System" only)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, _scheme: Qt.ColorScheme) -> None:
        if current_theme(self._app) is Theme.SYSTEM:
            apply_theme(self._app, Theme.SYSTEM)
