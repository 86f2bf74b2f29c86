"""Upload presets: a named bundle of upload settings, title patterns and the presets file format (no I/O)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from vodstudio.core.errors import PresetError
from vodstudio.core.jobs import CoverRule, JobMetadata

__all__ = [
    "FILE_FORMAT",
    "CoverRule",
    "TemplateGroup",
    "UploadPreset",
    "Workflow",
    "expand_title",
    "has_pattern",
]

# VOD's Title limit counts UTF-8 bytes (cloud/aliyun/limits.TITLE_MAX; reference/vod-protocols.md).
TITLE_MAX_BYTES = 128
NAME_MAX = 64
FILE_FORMAT = "vodstudio-presets"
FILE_VERSION = 1
PLACEHOLDERS = ("stem", "date", "folder")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


def clip_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-8 bytes, never cut inside a character."""
    encoded = text.encode("utf-8")
    return text if len(encoded) <= limit else encoded[:limit].decode("utf-8", errors="ignore")


def printable_title(text: str) -> str:
    """VOD rejects emoji in titles (IllegalCharacters): a title made from file names drops them."""
    kept = "".join(
        ch
        for ch in text
        if ord(ch) <= 0xFFFF and unicodedata.category(ch) not in ("So", "Cs", "Co", "Cc", "Mn")
    )
    return " ".join(kept.split())


def has_pattern(title: str) -> bool:
    """Whether a title names a placeholder (a plain title is sent as typed)."""
    return any(m.group(1) in PLACEHOLDERS for m in _PLACEHOLDER.finditer(title))


def expand_title(pattern: str, path: PurePath, when: dt.datetime) -> str:
    """``{stem}`` (file name without extension), ``{date}`` (``when``, YYYY-MM-DD) and ``{folder}``
    (the parent folder's name) filled in; an unknown ``{x}`` stays as typed. Clipped to VOD's title
    limit; an empty result falls back to the file's stem."""
    values = {"stem": path.stem or path.name, "date": when.strftime("%Y-%m-%d"), "folder": path.parent.name}

    def fill(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    title = clip_utf8(printable_title(_PLACEHOLDER.sub(fill, pattern)), TITLE_MAX_BYTES).strip()
    return title or clip_utf8(printable_title(values["stem"]), TITLE_MAX_BYTES).strip()


@dataclass(frozen=True)
class UploadPreset:
    """What the upload sheet and ``vodstudio upload --preset`` fill in. Empty fields: the defaults."""

    name: str
    title_pattern: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    cate_id: int | None = None
    cover_rule: CoverRule = CoverRule.NONE
    template_group_id: str = ""
    workflow_id: str = ""
    storage_location: str = ""
    app_id: str = ""
    priority: int = 0
    accelerate: bool | None = None
    prefetch_when_playable: bool = False

    def to_metadata(self) -> JobMetadata:
        return JobMetadata(
            title=self.title_pattern,
            description=self.description,
            tags=self.tags,
            cate_id=self.cate_id,
            template_group_id=self.template_group_id,
            workflow_id=self.workflow_id,
            priority=self.priority,
            accelerate=self.accelerate,
            storage_location=self.storage_location,
            app_id=self.app_id,
            cover_rule=self.cover_rule,
            prefetch_when_playable=self.prefetch_when_playable,
        )

    @classmethod
    def from_metadata(cls, name: str, meta: JobMetadata) -> UploadPreset:
        """A preset of what the sheet shows (a chosen cover file is per upload, not a preset's)."""
        return cls(
            name=check_name(name),
            title_pattern=meta.title,
            description=meta.description,
            tags=meta.tags,
            cate_id=meta.cate_id,
            cover_rule=meta.cover_rule,
            template_group_id=meta.template_group_id,
            workflow_id=meta.workflow_id,
            storage_location=meta.storage_location,
            app_id=meta.app_id,
            priority=meta.priority,
            accelerate=meta.accelerate,
            prefetch_when_playable=meta.prefetch_when_playable,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title_pattern": self.title_pattern,
            "description": self.description,
            "tags": list(self.tags),
            "cate_id": self.cate_id,
            "cover_rule": self.cover_rule.value,
            "template_group_id": self.template_group_id,
            "workflow_id": self.workflow_id,
            "storage_location": self.storage_location,
            "app_id": self.app_id,
            "priority": self.priority,
            "accelerate": self.accelerate,
            "prefetch_when_playable": self.prefetch_when_playable,
        }

    @classmethod
    def from_dict(cls, data: object) -> UploadPreset:
        """A preset from a file entry; unknown keys are ignored (a newer version may add some)."""
        if not isinstance(data, Mapping):
            raise _invalid("", "", "a preset must be an object")
        name = data.get("name")
        if not isinstance(name, str):
            raise _invalid("", "name", "a preset needs a name")
        name = check_name(name)
        rule = _get(data, name, "cover_rule", str, CoverRule.NONE.value)
        if rule not in {r.value for r in CoverRule}:
            raise _invalid(name, "cover_rule", f"unknown cover rule {rule!r}")
        return cls(
            name=name,
            title_pattern=_get(data, name, "title_pattern", str, ""),
            description=_get(data, name, "description", str, ""),
            tags=_tags(data, name),
            cate_id=_optional_int(data, name, "cate_id"),
            cover_rule=CoverRule(rule),
            template_group_id=_get(data, name, "template_group_id", str, "").strip(),
            workflow_id=_get(data, name, "workflow_id", str, "").strip(),
            storage_location=_get(data, name, "storage_location", str, "").strip(),
            app_id=_get(data, name, "app_id", str, "").strip(),
            priority=_get(data, name, "priority", int, 0),
            accelerate=_optional_bool(data, name, "accelerate"),
            prefetch_when_playable=_get(data, name, "prefetch_when_playable", bool, False),
        )


@dataclass(frozen=True)
class TemplateGroup:
    """One transcoding template group (fields as in the official SDK's ListTranscodeTemplateGroup)."""

    group_id: str
    name: str
    is_default: bool = False
    locked: bool = False
    app_id: str = ""
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class Workflow:
    """One workflow; ``WorkflowId`` wins over a template group when an upload names both."""

    workflow_id: str
    name: str
    status: str = ""
    kind: str = ""
    app_id: str = ""
    created_at: dt.datetime | None = None


def check_name(name: str) -> str:
    """A preset name as stored: trimmed, 1–64 characters, one line."""
    clean = name.strip()
    if not clean or len(clean) > NAME_MAX or any(unicodedata.category(c) == "Cc" for c in clean):
        raise PresetError(
            f"a preset name must be 1 to {NAME_MAX} characters on one line", code="preset.name", name=clean
        )
    return clean


def to_document(presets: Iterable[UploadPreset]) -> dict[str, Any]:
    """The presets file (the profile's ``presets.json`` and an exported file share it)."""
    return {"format": FILE_FORMAT, "version": FILE_VERSION, "presets": [p.to_dict() for p in presets]}


def from_document(document: object) -> list[UploadPreset]:
    """The presets of a file; ``PresetError`` (``preset.invalid-file``) for anything else."""
    if not isinstance(document, Mapping) or document.get("format") != FILE_FORMAT:
        raise _invalid("", "format", "not a VOD Studio presets file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= FILE_VERSION:
        raise _invalid("", "version", f"presets file version {version!r} is not supported")
    entries = document.get("presets")
    if not isinstance(entries, list):
        raise _invalid("", "presets", "the presets file has no list of presets")
    presets = [UploadPreset.from_dict(entry) for entry in entries]
    seen: set[str] = set()
    for preset in presets:
        if preset.name.casefold() in seen:
            raise _invalid(preset.name, "name", f"the preset name {preset.name!r} appears twice")
        seen.add(preset.name.casefold())
    return presets


def _invalid(name: str, field: str, message: str) -> PresetError:
    return PresetError(message, code="preset.invalid-file", name=name, field=field)


def _get[T](data: Mapping[str, Any], name: str, key: str, kind: type[T], default: T) -> T:
    value = data.get(key, default)
    # bool is an int in Python: a priority of ``true`` is a broken file, not 1.
    if value is None or not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _invalid(name, key, f"{key} must be a {kind.__name__}")
    return value


def _optional_int(data: Mapping[str, Any], name: str, key: str) -> int | None:
    value = data.get(key)
    return None if value is None else _get(data, name, key, int, 0)


def _optional_bool(data: Mapping[str, Any], name: str, key: str) -> bool | None:
    value = data.get(key)
    return None if value is None else _get(data, name, key, bool, False)


def _tags(data: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = data.get("tags", [])
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise _invalid(name, "tags", "tags must be a list of strings")
    return tuple(dict.fromkeys(t.strip() for t in value if t.strip()))
