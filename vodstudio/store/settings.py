"""User settings as a small frozen dataclass, saved atomically; unknown or bad values fall back to defaults.

Frozen on purpose: the one writer is ``services.settings.SettingsService.update``, which replaces the
whole value under a lock and saves it; nobody changes a shared instance in place from another thread.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from vodstudio.core.schedule import BandwidthSchedule
from vodstudio.store.atomic import read_json, write_json
from vodstudio.store.paths import ProfilePaths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    parallel_files: int = 2
    parallel_parts: int = 64  # most connections, shared by all files; adaptive picks how many
    bandwidth_limit: int = 0  # bytes per second, 0 = unlimited
    part_size: int = 0  # bytes, 0 = let the planner adapt to the file and the link
    include_all_files: bool = False  # queue non-media files dropped in folders too
    # Defaults of the metadata sheet, remembered between uploads.
    default_description: str = ""
    default_tags: tuple[str, ...] = ()
    default_cate_id: int | None = None
    default_template_group_id: str = ""
    # The CDN domain last used per account name.
    cdn_domains: Mapping[str, str] = field(default_factory=dict)
    language: str = ""  # "" = follow the system
    theme: str = ""  # "" = follow the system; "light" or "dark"
    last_folder: str = ""  # where the file dialogs start (the folder used last)
    # The weekly bandwidth schedule in its text form (core/schedule.py); "" = the limit above always.
    bandwidth_schedule: str = ""


def _schedule_text(value: Any) -> str:
    """The canonical text of a readable schedule; an unreadable one (hand-edited file) is dropped."""
    if not isinstance(value, str):
        return ""
    try:
        return BandwidthSchedule.parse(value).format()
    except ValueError as exc:
        log.warning("ignoring the bandwidth schedule in the settings: %s", exc)
        return ""


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "bandwidth_schedule":
        return _schedule_text(value)
    if name == "default_cate_id":
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default
    if isinstance(default, tuple):
        return tuple(str(v) for v in value) if isinstance(value, list) else default
    if isinstance(default, Mapping):
        if isinstance(value, dict):
            return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}
        return default
    if isinstance(default, str):
        return value if isinstance(value, str) else default
    log.debug("setting %s has an unexpected type", name)
    return default


def normalised(settings: Settings) -> Settings:
    """Clamp the values the engine relies on into their ranges."""
    from dataclasses import replace

    return replace(
        settings,
        parallel_files=max(1, min(settings.parallel_files, 16)),
        parallel_parts=max(1, min(settings.parallel_parts, 64)),
        bandwidth_limit=max(0, settings.bandwidth_limit),
        default_tags=tuple(settings.default_tags),
        cdn_domains=dict(settings.cdn_domains),
        bandwidth_schedule=_schedule_text(settings.bandwidth_schedule),
    )


def load_settings(paths: ProfilePaths) -> Settings:
    raw = read_json(paths.settings_path)
    defaults = Settings()
    if not isinstance(raw, dict):
        return defaults
    values = {
        item.name: _coerce(item.name, raw[item.name], getattr(defaults, item.name))
        for item in fields(Settings)
        if item.name in raw
    }
    return normalised(Settings(**values))


def save_settings(paths: ProfilePaths, settings: Settings) -> None:
    data = asdict(settings)
    data["default_tags"] = list(settings.default_tags)
    data["cdn_domains"] = dict(settings.cdn_domains)
    write_json(paths.settings_path, data)
