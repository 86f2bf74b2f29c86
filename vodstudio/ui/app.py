"""Desktop app start-up: QApplication, style and palette, translators, logging, services, the window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from vodstudio.app_info import NAME, ORG_DOMAIN, ORGANIZATION, SLUG, VERSION
from vodstudio.ui.theme import SystemThemeFollower, Theme, apply_theme

if TYPE_CHECKING:
    from vodstudio.services import Services

log = logging.getLogger(__name__)
qt_log = logging.getLogger("vodstudio.qt")

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to our log file instead of a console nobody sees."""
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_qt_message)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = ICON_DIR / f"vodstudio-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    return icon


def use_offscreen_without_display() -> None:
    """Headless jobs (screenshots, the self-test) on a Linux box without a display use the offscreen
    platform instead of letting Qt abort on a failed X11/Wayland connection."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication with our identity, Fusion style and a palette matching the OS scheme."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setOrganizationDomain(ORG_DOMAIN)
    QApplication.setApplicationName(SLUG)
    QApplication.setApplicationDisplayName(NAME)
    QApplication.setApplicationVersion(VERSION)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    apply_theme(app, Theme.SYSTEM)
    app.setWindowIcon(app_icon())
    return app


def self_test_qt() -> tuple[bool, list[str]]:
    """Qt platform, plugins, image formats and QtMultimedia, for ``vodstudio --self-test``."""
    use_offscreen_without_display()
    install_qt_message_handler()
    app = make_application()
    lines = [f"Qt: platform {app.platformName()}, Qt {QLibraryInfo.version().toString()}"]
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = sorted(p.name for p in plugins.iterdir()) if plugins.is_dir() else []
    lines.append(f"Qt plugins ({plugins}): {', '.join(found) or 'none'}")
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    lines.append(f"Qt image formats: {', '.join(formats)}")
    ok = bool(app.platformName()) and {"png", "jpg"} <= set(formats)
    try:
        from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer

        player = QMediaPlayer()
        available = player.isAvailable()
        outputs = len(QMediaDevices.audioOutputs())
        lines.append(
            f"QtMultimedia: player {'available' if available else 'unavailable'}, {outputs} audio output(s)"
        )
        del player  # Python owns it (no parent): never deleteLater as well (double delete, stack.md §3)
    except Exception as exc:  # preview playback is optional; say why it is off
        lines.append(f"QtMultimedia: unavailable ({exc!r})")
    return ok, lines


STARTUP_MARKER_ENV = "VODSTUDIO_STARTUP_MARKER"
_followers: list[SystemThemeFollower] = []  # kept alive with the application


def _print_shown_marker() -> None:
    print("main window shown", flush=True)


def start_qt(services: Services) -> tuple[QApplication, list[QTranslator]]:
    """Logging into the profile, Qt's messages into our log, the application and its translators."""
    from vodstudio.ui.i18n import install_translators

    services.start_logging()
    install_qt_message_handler()
    app = make_application()
    settings = services.settings.current
    theme = Theme(settings.theme) if settings.theme in {t.value for t in Theme} else Theme.SYSTEM
    apply_theme(app, theme)
    if not _followers:
        _followers.append(SystemThemeFollower(app))
    translators = install_translators(app, settings.language)
    log.info("%s %s starting (platform %s)", NAME, VERSION, app.platformName())
    return app, translators


def run_gui(args: argparse.Namespace, services: Services) -> int:
    """``vodstudio`` without a command: the desktop app over the services ``main`` built."""
    app, _translators = start_qt(services)
    from vodstudio.ui.bridge import shutdown_background
    from vodstudio.ui.main_window import MainWindow

    try:
        if getattr(args, "sandbox", False):
            services.sandbox.start()
        window = MainWindow(services)
        window.show()
        if os.environ.get(STARTUP_MARKER_ENV):  # tests/bench/bench_bundle.py times start-up by it
            QTimer.singleShot(0, _print_shown_marker)
        quit_after = getattr(args, "quit_after", None)
        if quit_after is not None:
            QTimer.singleShot(int(quit_after * 1000), window.close)
        status = app.exec()
        window.shutdown()
        return status
    finally:
        shutdown_background(wait=False)
