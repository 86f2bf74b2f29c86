"""``vodstudio --screenshot DIR``: render each main view of the sandbox account to PNG files.

Runs on a throwaway profile with an in-memory keychain, so it never touches the user's queue or keys.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTranslator
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from vodstudio.core.jobs import JobMetadata, JobState

if TYPE_CHECKING:
    from vodstudio.services import Services
    from vodstudio.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SHOT_SIZE = (1280, 800)
SMALL_SHOT = (800, 560)
# (file name, size in bytes): small enough to finish quickly, CJK to show the fonts.
DEMO_FILES = (
    ("Product launch keynote.mp4", 384 * 1024),
    ("城市夜景_第二集.mov", 512 * 1024),
    ("Interview — Ünïcödé résumé.mp4", 768 * 1024),
    ("Behind the scenes 4K.mp4", 6 * 1024 * 1024),
    ("Trailer (final).mp4", 6 * 1024 * 1024),
)


def wait_until(predicate: Callable[[], bool], timeout: float, *, settle: float = 0.0) -> bool:
    """Process events until ``predicate()`` holds (or ``timeout``), then keep processing ``settle`` s."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    ok = predicate()
    while not ok and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)
        ok = predicate()
    end = time.monotonic() + settle
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)
    return ok


def first_view_rows(widget: QWidget) -> int:
    """Rows in the first item view inside ``widget`` (how we tell a section has loaded its data)."""
    views = widget.findChildren(QAbstractItemView)
    for view in views:
        model = view.model()
        if model is not None and view.isVisible() and model.rowCount() > 0:
            return int(model.rowCount())
    return 0


def make_demo_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, (name, size) in enumerate(DEMO_FILES):
        path = folder / name
        # Varied bytes (not zeros) so nothing along the way can shortcut the transfer.
        path.write_bytes(bytes((index * 31 + i) % 251 for i in range(4096)) * (size // 4096))
        files.append(path)
    return files


def grab(widget: QWidget, target: Path) -> Path:
    widget.grab().save(str(target))
    log.info("screenshot %s", target)
    return target


def shoot_uploads(window: MainWindow, out: Path, media: Path, suffix: str) -> Path:
    """A queue with finished, running and waiting rows: a slow limit keeps the big files in flight."""
    window.show_section("uploads")
    engine, panel = window.engine, window.uploads
    panel.files_spin.setValue(1)
    panel.parts_spin.setValue(2)
    panel.limit_spin.setValue(1.0)  # MB/s
    panel.apply_limits()
    assert window.account is not None
    before = engine.totals().count(JobState.DONE)
    engine.add_files(window.account.name, make_demo_files(media), JobMetadata(tags=("demo",)), recurse=False)
    window.uploads.model.reload()

    def progressed() -> bool:
        totals = engine.totals()
        return bool(totals.count(JobState.DONE) >= before + 3 and totals.count(JobState.UPLOADING) >= 1)

    wait_until(progressed, 30.0, settle=1.5)
    window.bridge.drain()
    window.uploads.refresh()
    wait_until(lambda: False, 1.2)  # the totals line refreshes once a second
    return grab(window, out / f"uploads{suffix}.png")


def _empty_queue(window: MainWindow) -> None:
    """Let the look's uploads finish unthrottled and clear them, so the next look starts on an empty
    queue (the runner adds with the engine directly, which does not ask about duplicates)."""
    window.uploads.limit_spin.setValue(0)
    window.uploads.apply_limits()
    wait_until(lambda: window.engine.wait_idle(0), 60.0)
    window.engine.clear_finished()


def shoot_section(window: MainWindow, key: str, out: Path, timeout: float, suffix: str) -> Path:
    window.show_section(key)
    page = window.sections[key]
    assert isinstance(page, QWidget)
    wait_until(lambda: first_view_rows(page) > 0, timeout, settle=2.0)  # settle: thumbnails, quota
    return grab(window, out / f"{key}{suffix}.png")


def shoot_cdn_usage(window: MainWindow, out: Path, timeout: float, suffix: str) -> tuple[Path, bool]:
    """The CDN section's Usage tab for the sandbox domain's last 24 h; False if the charts got no points."""
    window.show_section("cdn")
    panel = window.cdn
    from vodstudio.ui.cdn.charts import ChartsPage

    charts = panel.charts_page
    target = out / f"cdn-usage{suffix}.png"
    if not isinstance(charts, ChartsPage):  # QtCharts missing: no chart picture to make
        return grab(window, target), False
    panel.tabs.setCurrentWidget(panel.charts_widget)  # the tab loads the last 24 hours by itself

    def loaded() -> bool:
        return charts.last_series is not None and charts.bps_chart.series.count() > 0

    has_points = wait_until(loaded, timeout, settle=0.5)
    path = grab(window, target)
    panel.tabs.setCurrentIndex(0)
    if not has_points:  # an empty chart is no picture for the README: the run fails
        print(f"usage charts still empty after {timeout:.0f} s: {charts.status.text()}", file=sys.stderr)
    return path, has_points


def shoot_accounts(window: MainWindow, out: Path, suffix: str) -> Path:
    window.open_accounts()
    dialog = window.accounts_dialog
    wait_until(lambda: False, 0.3)
    path = grab(dialog, out / f"accounts{suffix}.png")
    dialog.close()
    return path


def shoot_welcome(window: MainWindow, out: Path, suffix: str) -> Path:
    """The first-run window: no account yet."""
    wait_until(lambda: False, 0.3)
    return grab(window, out / f"welcome{suffix}.png")


# (language, theme, file-name suffix): English light keeps the plain names the README has used.
LOOKS = (
    ("en", "light", ""),
    ("zh_CN", "light", "-zh_CN"),
    ("en", "dark", "-dark"),
    ("zh_CN", "dark", "-zh_CN-dark"),
)


def run_screenshots(out: Path) -> int:
    """Start the sandbox on a temporary profile and render every main view in English and Chinese,
    light and dark (and the library at 800 x 560); exit 0 when every PNG exists and the charts drew.

    The runner builds its own services (the same builder) on a throwaway profile with an in-memory
    keychain, so it never touches the user's queue, settings or keys.
    """
    from vodstudio.services import build_throwaway_services

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # pictures, not a window on screen
    out = out.expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vodstudio-shots-") as tmp:
        services = build_throwaway_services(Path(tmp) / "profile")
        try:
            return _render_all(out, Path(tmp), services)
        finally:
            services.close()


def _render_all(out: Path, tmp: Path, services: Services) -> int:
    from vodstudio.ui.app import start_qt
    from vodstudio.ui.bridge import shutdown_background

    app, translators = start_qt(services)
    written: list[Path] = []
    charts_ok = True
    try:
        for index, (language, theme, suffix) in enumerate(LOOKS):
            translators = _speak(app, translators, language, theme)
            paths, drew = _render_look(
                services, out, tmp / f"media{index}", suffix, first=index == 0, workflow=theme == "light"
            )
            written += paths
            charts_ok = charts_ok and drew
        ok = charts_ok and all(p.exists() and p.stat().st_size > 0 for p in written)
        print("\n".join(str(p) for p in written), flush=True)
        return 0 if ok else 1
    finally:
        app.processEvents()
        shutdown_background(wait=False)


def _speak(app: QApplication, old: list[QTranslator], language: str, theme: str) -> list[QTranslator]:
    from vodstudio.ui.i18n import install_translators, remove_translators
    from vodstudio.ui.theme import Theme, apply_theme

    remove_translators(app, old)
    apply_theme(app, Theme(theme))
    return install_translators(app, language)


def _render_look(
    services: Services, out: Path, media: Path, suffix: str, *, first: bool, workflow: bool
) -> tuple[list[Path], bool]:
    from vodstudio.ui.main_window import MainWindow
    from vodstudio.ui.screenshots_workflow import shoot_workflow

    window = MainWindow(services)
    try:
        window.resize(*SHOT_SIZE)
        window.show()
        written = [shoot_welcome(window, out, suffix)] if first else []
        window.reload_accounts(select=services.sandbox.start())
        wait_until(lambda: window.connection_ok is not None, 10.0)
        written.append(shoot_uploads(window, out, media, suffix))
        if workflow:  # presets, schedule, record: light only (the dark look adds nothing new there)
            written += shoot_workflow(window, out, media, suffix)
        written.append(shoot_section(window, "library", out, 15.0, suffix))
        written.append(shoot_section(window, "cdn", out, 8.0, suffix))
        usage, has_points = shoot_cdn_usage(window, out, 10.0, suffix)
        written += [usage, shoot_accounts(window, out, suffix)]
        window.resize(*SMALL_SHOT)  # the smallest window we support, in the same look
        written.append(shoot_section(window, "library", out, 8.0, f"{suffix}-small"))
        window.show_section("uploads")
        _empty_queue(window)
        return written, has_points
    finally:
        window.shutdown()
        window.close()
