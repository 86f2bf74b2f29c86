"""The README's pictures of the creator's workflow: a preset in the upload sheet, the weekly bandwidth
schedule, the upload record written from the queue, and the watch folders.

Part of ``vodstudio --screenshot DIR`` (see ``screenshots.py``); each picture is made by driving the
same dialogs a user opens, on the throwaway sandbox profile the runner builds.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from vodstudio.core.jobs import CoverRule
from vodstudio.core.presets import UploadPreset
from vodstudio.core.schedule import BandwidthSchedule
from vodstudio.core.watch import WatchFolder
from vodstudio.ui.screenshots import grab, make_demo_files, wait_until

if TYPE_CHECKING:
    from vodstudio.ui.main_window import MainWindow

PRESET_NAME = "Weekly show"
# Office hours at 2 MB/s, a lighter limit on weekend mornings, the night unlimited: the README's example.
DEMO_SCHEDULE = "mon-fri 09-18 2M; sat,sun 10-13 500K; daily 00-07 unlimited"


def demo_preset(window: MainWindow) -> UploadPreset:
    """Save (or overwrite) the demo preset: a title pattern, tags, a second-level category, covers."""
    assert window.account is not None
    categories = window.services.library.categories(window.account.name)
    nested = [c for c in categories if c.path_label.startswith("    ")] or categories
    preset = UploadPreset(
        name=PRESET_NAME,
        title_pattern="{folder} · {stem}",
        description="每周更新 / weekly episode",
        tags=("show", "weekly"),
        cate_id=nested[0].cate_id if nested else None,
        cover_rule=CoverRule.SAME_STEM,
        priority=5,
        prefetch_when_playable=True,
    )
    return window.services.presets.save(preset, overwrite=True)


def shoot_preset_sheet(window: MainWindow, out: Path, media: Path, suffix: str) -> Path:
    """The upload sheet for a drop, with the demo preset chosen (its fields filled in)."""
    demo_preset(window)
    window.show_section("uploads")
    window.uploads.add_paths(make_demo_files(media)[:2])
    sheet = window.uploads.pending_sheet
    assert sheet is not None
    wait_until(lambda: sheet.categories_loaded and sheet.advanced.templates.loaded, 15.0)
    index = max(sheet.preset_combo.findText(PRESET_NAME), 0)
    sheet.preset_combo.setCurrentIndex(index)
    sheet.preset_combo.activated.emit(index)  # what a click on the item sends: the sheet fills itself
    wait_until(lambda: False, 0.4)
    path = grab(sheet, out / f"workflow-preset{suffix}.png")
    sheet.reject()
    return path


def shoot_schedule(window: MainWindow, out: Path, suffix: str) -> Path:
    """Preferences → Bandwidth with the demo schedule drawn (not saved: the dialog is cancelled)."""
    window.open_preferences()
    dialog = window.preferences_dialog
    dialog.schedule_grid.set_schedule(BandwidthSchedule.parse(DEMO_SCHEDULE))
    dialog.tabs.setCurrentWidget(dialog.schedule_grid)
    wait_until(lambda: False, 0.4)
    path = grab(dialog, out / f"workflow-schedule{suffix}.png")
    dialog.reject()
    return path


def shoot_record(window: MainWindow, out: Path, target: Path, suffix: str) -> Path:
    """The queue right after *File → Export Upload Record…* wrote ``target`` (the status bar says so)."""
    window.show_section("uploads")
    exported: list[object] = []
    window.record.exported.connect(exported.append)
    window.record.export_to(target)
    wait_until(lambda: bool(exported), 15.0, settle=0.3)
    return grab(window, out / f"workflow-record{suffix}.png")


def shoot_watch(window: MainWindow, out: Path, media: Path, suffix: str) -> Path:
    """*Tools → Watch Folders…* with two saved folders, the first selected; both are removed again so
    the later looks do not watch them."""
    watch = window.services.watch
    saved: list[WatchFolder] = []
    for name, recursive, include in (("OBS recordings", True, "*.mp4 *.mkv"), ("Renders", False, "")):
        folder = media / name
        folder.mkdir(parents=True, exist_ok=True)
        wanted = WatchFolder(str(folder), preset=PRESET_NAME, recursive=recursive, settle=30)
        if include:
            wanted = replace(wanted, include=tuple(include.split()))
        saved.append(watch.add(wanted))
    window.watch.restart()
    window.watch.open_dialog()
    dialog = window.watch.dialog
    assert dialog is not None
    dialog.reload(select=0)
    wait_until(lambda: False, 0.6)  # the status line says "Watching 2 folders"
    path = grab(dialog, out / f"workflow-watch{suffix}.png")
    dialog.reject()
    for done in saved:
        watch.remove(done.path)
    window.watch.restart()
    return path


def shoot_workflow(window: MainWindow, out: Path, media: Path, suffix: str) -> list[Path]:
    return [
        shoot_preset_sheet(window, out, media / "sheet", suffix),
        shoot_schedule(window, out, suffix),
        shoot_record(window, out, media / "upload-record.csv", suffix),
        shoot_watch(window, out, media / "watched", suffix),
    ]
