"""Upload presets as a use case: list, save, rename, delete, import and export, and what an account offers."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from vodstudio.core.errors import PresetError, SourceFileError
from vodstudio.core.jobs import JobMetadata
from vodstudio.core.presets import (
    NAME_MAX,
    TemplateGroup,
    UploadPreset,
    Workflow,
    check_name,
    from_document,
    to_document,
)
from vodstudio.services.accounts import AccountsService
from vodstudio.store.atomic import write_json
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.presets import PresetStore


@dataclass(frozen=True)
class ImportResult:
    """``renamed``: (name in the file, name given) for presets whose name was taken."""

    added: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...] = ()


def _key(name: str) -> str:
    return name.strip().casefold()


def free_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``… the first one not taken (case-insensitive)."""
    if _key(name) not in taken:
        return name
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = name[: NAME_MAX - len(suffix)].rstrip() + suffix
        if _key(candidate) not in taken:
            return candidate
        n += 1


class PresetsService:
    """The GUI's sheet and manage dialog and ``vodstudio preset`` share these methods. Thread-safe."""

    def __init__(self, paths: ProfilePaths, accounts: AccountsService) -> None:
        self._store = PresetStore(paths.presets_path)
        self._accounts = accounts
        self._lock = threading.Lock()

    def list_all(self) -> list[UploadPreset]:
        """Every preset, by name (case-insensitive)."""
        with self._lock:
            return sorted(self._store.load(), key=lambda p: _key(p.name))

    def get(self, name: str) -> UploadPreset:
        for preset in self.list_all():
            if _key(preset.name) == _key(name):
                return preset
        raise PresetError(f"there is no preset named {name!r}", code="preset.not-found", name=name)

    def metadata(self, name: str | None) -> JobMetadata:
        """What an upload with this preset starts from (no name: the plain defaults); read at queue time,
        so ``vodstudio upload --preset`` and a watch folder follow the preset's latest edit."""
        return self.get(name).to_metadata() if name else JobMetadata()

    def save(self, preset: UploadPreset, *, overwrite: bool = False) -> UploadPreset:
        """Store ``preset``; a preset with the same name (any case) is replaced only if ``overwrite``."""
        preset = replace(preset, name=check_name(preset.name))
        with self._lock:
            presets = self._store.load()
            same = [p for p in presets if _key(p.name) == _key(preset.name)]
            if same and not overwrite:
                raise PresetError(
                    f"a preset named {same[0].name!r} exists", code="preset.exists", name=same[0].name
                )
            self._store.save([*(p for p in presets if p not in same), preset])
        return preset

    def rename(self, old: str, new: str) -> UploadPreset:
        new = check_name(new)
        with self._lock:
            presets = self._store.load()
            found = next((p for p in presets if _key(p.name) == _key(old)), None)
            if found is None:
                raise PresetError(f"there is no preset named {old!r}", code="preset.not-found", name=old)
            if _key(new) != _key(old) and any(_key(p.name) == _key(new) for p in presets):
                raise PresetError(f"a preset named {new!r} exists", code="preset.exists", name=new)
            renamed = replace(found, name=new)
            self._store.save([renamed if p is found else p for p in presets])
        return renamed

    def delete(self, name: str) -> None:
        with self._lock:
            presets = self._store.load()
            kept = [p for p in presets if _key(p.name) != _key(name)]
            if len(kept) == len(presets):
                raise PresetError(f"there is no preset named {name!r}", code="preset.not-found", name=name)
            self._store.save(kept)

    # ---- files ------------------------------------------------------------------------------------
    def import_file(self, path: Path) -> ImportResult:
        """Add the presets of a file; a name already taken gets `` (2)`` (nothing is overwritten)."""
        incoming = read_presets_file(path)
        added: list[str] = []
        renamed: list[tuple[str, str]] = []
        with self._lock:
            presets = self._store.load()
            taken = {_key(p.name) for p in presets}
            for preset in incoming:
                name = free_name(preset.name, taken)
                if name != preset.name:
                    renamed.append((preset.name, name))
                taken.add(_key(name))
                added.append(name)
                presets.append(replace(preset, name=name))
            self._store.save(presets)
        return ImportResult(tuple(added), tuple(renamed))

    def export_file(self, path: Path, names: Sequence[str] = ()) -> list[str]:
        """Write the named presets (all when none are named) to ``path``; returns their names."""
        chosen = [self.get(n) for n in dict.fromkeys(names)] if names else self.list_all()
        try:
            write_json(path, to_document(chosen))
        except OSError as exc:
            raise SourceFileError(
                f"cannot write the file: {exc.strerror}", code="file.unwritable", path=str(path)
            ) from exc
        return [p.name for p in chosen]

    # ---- what the account offers --------------------------------------------------------------------
    def template_groups(self, account: str) -> list[TemplateGroup]:
        return self._accounts.vod_client(account).list_transcode_template_groups()

    def workflows(self, account: str) -> list[Workflow]:
        return self._accounts.vod_client(account).list_workflows()


def read_presets_file(path: Path) -> list[UploadPreset]:
    """The presets in a file someone chose; ``SourceFileError`` or ``PresetError`` with a stable code."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SourceFileError("the file does not exist", code="file.missing", path=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(f"cannot read the file: {exc}", code="file.unreadable", path=str(path)) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PresetError(f"not a presets file: {exc.msg}", code="preset.invalid-file") from exc
    return from_document(document)
