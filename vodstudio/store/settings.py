"""User settings as a small typed dataclass, saved atomically; unknown or bad values fall back to defaults."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from vodstudio.store.atomic import read_json, write_json
from vodstudio.store.paths import ProfilePaths

log = logging.getLogger(__name__)


@dataclass
class Settings:
    parallel_files: int = 2
    parallel_parts: int = 4  # connection budget shared by all files (house style: one budget)
    bandwidth_limit: int = 0  # bytes per second, 0 = unlimited
    part_size: int = 0  # bytes, 0 = let the planner adapt to the file and the link
    include_all_files: bool = False  # queue non-media files dropped in folders too
    # Defaults of the metadata sheet, remembered between uploads.
    default_description: str = ""
    default_tags: list[str] = field(default_factory=list)
    default_cate_id: int | None = None
    default_template_group_id: str = ""
    # CDN domain per account name (the VOD API has no "list my domains" call in our operation set).
    cdn_domains: dict[str, str] = field(default_factory=dict)
    language: str = ""  # "" = follow the system


def _coerce(name: str, value: Any, default: Any) -> Any:
    if default is None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default
    if isinstance(default, str | list | dict):
        return value if isinstance(value, type(default)) else default
    log.debug("setting %s has an unexpected type", name)
    return default


def load_settings(paths: ProfilePaths) -> Settings:
    raw = read_json(paths.settings_path)
    settings = Settings()
    if not isinstance(raw, dict):
        return settings
    for item in fields(Settings):
        if item.name in raw:
            setattr(settings, item.name, _coerce(item.name, raw[item.name], getattr(settings, item.name)))
    settings.parallel_files = max(1, min(settings.parallel_files, 16))
    settings.parallel_parts = max(1, min(settings.parallel_parts, 64))
    return settings


def save_settings(paths: ProfilePaths, settings: Settings) -> None:
    write_json(paths.settings_path, asdict(settings))
