"""File dialogs that start in the folder used last and offer the media types VOD takes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from vodstudio.core.media_types import MediaClass, dialog_filters
from vodstudio.services.settings import SettingsService


class MediaFilters(QObject):
    """The words of the type list, translated (the patterns come from ``core/media_types.py``)."""

    def names(self) -> dict[MediaClass | None, str]:
        return {
            None: self.tr("All media"),
            MediaClass.VIDEO: self.tr("Videos"),
            MediaClass.AUDIO: self.tr("Audio"),
            MediaClass.IMAGE: self.tr("Images"),
            MediaClass.SUBTITLE: self.tr("Subtitles"),
        }

    def all_files(self) -> str:
        return self.tr("All files (*)")


def filter_string(classes: Iterable[MediaClass], *, all_files: bool = True) -> str:
    words = MediaFilters()
    names = words.names()
    lines = [f"{names[line.media]} ({' '.join(line.patterns)})" for line in dialog_filters(classes)]
    if all_files:
        lines.append(words.all_files())
    return ";;".join(lines)


def start_folder(settings: SettingsService) -> str:
    last = settings.current.last_folder
    return last if last and Path(last).is_dir() else str(Path.home())


def remember(settings: SettingsService, chosen: Path) -> None:
    folder = chosen if chosen.is_dir() else chosen.parent
    settings.update(last_folder=str(folder))


def open_files(
    parent: QWidget, settings: SettingsService, title: str, classes: Iterable[MediaClass]
) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(settings), filter_string(classes))
    paths = [Path(n) for n in names]
    if paths:
        remember(settings, paths[0])
    return paths


def open_file(
    parent: QWidget, settings: SettingsService, title: str, classes: Iterable[MediaClass]
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), filter_string(classes))
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name)


def open_document(parent: QWidget, settings: SettingsService, title: str, filters: str) -> Path | None:
    """One file that is not media (a presets file), with the caller's ``filters``."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings), filters)
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name)


def open_folder(parent: QWidget, settings: SettingsService, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, start_folder(settings))
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name)


def save_file(parent: QWidget, settings: SettingsService, title: str, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder(settings)) / suggested))
    if not name:
        return None
    remember(settings, Path(name))
    return Path(name)


def choose_folder(parent: QWidget, settings: SettingsService, title: str) -> Path | None:
    return open_folder(parent, settings, title)
