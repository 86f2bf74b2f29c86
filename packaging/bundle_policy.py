"""What a VOD Studio bundle keeps of PySide6: the Qt plugins, libraries and translations it really uses.

PyInstaller's Qt hooks collect every plugin of every used Qt module (EGLFS, VNC, Wayland shells, the
virtual keyboard with QtQuick behind it, ...). Both specs (the app and the bench's hello-world) pass their
``Analysis`` through :func:`apply`, so the size comparison is made under one policy. Plugins are filtered
by folder and name; a shared library is then dropped only when nothing that stays still links it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TocEntry = tuple[str, str, str]


# Each of the two executables embeds its own compressed copy of the PYZ archive (9 MB here). Loose .pyc
# files (noarchive=True) were measured larger than both copies together (226 vs 223 MB), so keep the PYZ.
NOARCHIVE = False

# Python modules never imported by a VOD Studio bundle: Qt modules outside Essentials' widgets + Charts +
# Multimedia, and dev tools that a hook might otherwise follow. PySide6.QtOpenGL (8.5 MB) is only the
# Python binding: QtCharts links the C++ libQt6OpenGL, which stays, but never imports the binding.
EXCLUDES = (
    "tkinter", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuick3D",
    "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2", "PySide6.Qt3DCore", "PySide6.Qt3DRender",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtBluetooth", "PySide6.QtLocation",
    "PySide6.QtPositioning", "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtNfc", "PySide6.QtTextToSpeech", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtScxml", "PySide6.QtRemoteObjects", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtSpatialAudio", "PySide6.QtHttpServer", "PySide6.QtCanvasPainter",
    "pytest", "mypy", "ruff", "IPython",
)  # fmt: skip
# Plugin folders no VOD Studio window needs: embedded-Linux input/display, network status, Wayland
# (xcb covers X11 and XWayland desktops), accessibility bridges, native widget styles (Fusion is forced).
DROP_PLUGIN_TYPES = frozenset(
    {
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "networkaccess",
        "accessiblebridge",
        "styles",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
        "qmltooling",
        "scenegraph",
    }
)
# Plugin folders filtered to the names listed (a name is the file stem without "lib"/"q" prefixes).
KEEP_PLUGINS: dict[str, frozenset[str]] = {
    # offscreen for smoke runs and CI; xcb for Linux desktops; the native platform elsewhere
    "platforms": frozenset({"offscreen", "xcb", "windows", "cocoa"}),
    # covers and thumbnails (jpeg/webp/gif), our icons (svg/ico/icns)
    "imageformats": frozenset({"jpeg", "webp", "gif", "svg", "ico", "icns"}),
    # the FFmpeg preview backend only (the Windows Media / AVFoundation backends are not used)
    "multimedia": frozenset({"ffmpegmediaplugin"}),
    # each OS's native TLS backend for QtNetwork; the cert-only fallback is not needed
    "tls": frozenset({"opensslbackend", "schannelbackend", "securetransportbackend"}),
    # compose keys and IBus (CJK input on Linux); not the QtQuick virtual keyboard
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # desktop portal file dialogs; the GTK3 theme would drag GTK, cairo and pango into the bundle
    "platformthemes": frozenset({"xdgdesktopportal"}),
}
# Qt's own catalogues for the languages the app ships (plus those of any resources/i18n/*.qm).
QT_CATALOGUES = ("qtbase", "qtmultimedia")
BASE_LOCALES = frozenset({"zh_CN"})

_PLUGIN = re.compile(r"(?:^|/)PySide6/(?:Qt/)?plugins/([^/]+)/([^/]+)$")
_TRANSLATION = re.compile(r"(?:^|/)PySide6/(?:Qt/)?translations/([^/]+)\.qm$")


def plugin_key(filename: str) -> str:
    """Plugin name without prefix or suffix: ``libqjpeg.so`` and ``qjpeg.dll`` are both ``jpeg``."""
    stem = filename.split(".", 1)[0]
    stem = stem.removeprefix("lib")
    return stem[1:] if stem.startswith("q") and not stem.startswith("qt-") else stem


def keeps_plugin(dest: str) -> bool:
    match = _PLUGIN.search(dest.replace("\\", "/"))
    if match is None:
        return True
    kind, filename = match.groups()
    if kind in DROP_PLUGIN_TYPES:
        return False
    allowed = KEEP_PLUGINS.get(kind)
    return allowed is None or plugin_key(filename) in allowed


def keeps_translation(dest: str, locales: Iterable[str]) -> bool:
    match = _TRANSLATION.search(dest.replace("\\", "/"))
    if match is None:
        return True
    name = match.group(1)
    return any(name == f"{catalogue}_{locale}" for catalogue in QT_CATALOGUES for locale in locales)


def shipped_locales(i18n_dir: Path) -> frozenset[str]:
    """zh_CN plus every locale with a compiled ``vodstudio_<locale>.qm``."""
    found = {p.stem.removeprefix("vodstudio_") for p in i18n_dir.glob("vodstudio_*.qm")}
    return BASE_LOCALES | found


def _imports(src: str) -> set[str]:
    from PyInstaller.depend import bindepend

    try:
        return {os.path.realpath(path) for _name, path in bindepend.get_imports(src) if path}
    except Exception:  # an unreadable binary keeps everything it might link (conservative)
        return set()


def prune_orphans(kept: list[TocEntry], dropped: list[TocEntry]) -> tuple[list[TocEntry], list[TocEntry]]:
    """Move to ``dropped`` the shared libraries that only dropped entries linked (transitively)."""
    by_src = {os.path.realpath(src): entry for entry in kept for src in [entry[1]]}
    candidates: set[str] = set()
    frontier = [os.path.realpath(src) for _d, src, _t in dropped]
    while frontier:
        for path in _imports(frontier.pop()):
            if path in by_src and path not in candidates:
                candidates.add(path)
                frontier.append(path)
    alive = [src for src in by_src if src not in candidates]
    reached: set[str] = set()
    while alive:
        for path in _imports(alive.pop()):
            if path in candidates and path not in reached:
                reached.add(path)
                alive.append(path)
    orphans = candidates - reached
    return (
        [e for e in kept if os.path.realpath(e[1]) not in orphans],
        dropped + [e for e in kept if os.path.realpath(e[1]) in orphans],
    )


def apply(analysis: Any, *, i18n_dir: Path, verbose: bool = True) -> list[TocEntry]:
    """Filter ``analysis.binaries`` and ``analysis.datas`` in place; return what was dropped."""
    locales = shipped_locales(i18n_dir)
    kept = [e for e in analysis.binaries if keeps_plugin(e[0])]
    dropped = [e for e in analysis.binaries if not keeps_plugin(e[0])]
    kept, dropped = prune_orphans(kept, dropped)
    analysis.binaries = kept
    datas = list(analysis.datas)
    analysis.datas = [e for e in datas if keeps_plugin(e[0]) and keeps_translation(e[0], locales)]
    dropped += [e for e in datas if e not in analysis.datas]
    if verbose:
        print(f"bundle_policy: dropped {len(dropped)} files (Qt locales kept: {', '.join(sorted(locales))})")
        for dest, _src, _kind in sorted(dropped):
            if not _TRANSLATION.search(dest.replace("\\", "/")):
                print(f"  - {dest}")
    return dropped


def strip_debug_info(bundle: Path) -> int:
    """Linux: drop debug sections from the ELF files that carry them; return the bytes saved.

    A self-built libpython carries ~23 MB of DWARF. PyInstaller's own ``strip=True`` re-strips files that
    are already stripped, which breaks Qt's FFmpeg libraries ("ELF load command ... not page-aligned"),
    so only files with a ``.debug_info`` section are touched. Windows and macOS bundles are left alone
    (signatures; python.org builds ship stripped).
    """
    if not sys.platform.startswith("linux") or not (shutil.which("strip") and shutil.which("readelf")):
        return 0
    saved = 0
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as head:
            if head.read(4) != b"\x7fELF":
                continue
        sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True)
        if ".debug_info" not in sections.stdout:
            continue
        before = path.stat().st_size
        subprocess.run(["strip", "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved
