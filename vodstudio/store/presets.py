"""The profile's upload presets in ``presets.json``, written atomically; a bad file never stops the app."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from pathlib import Path

from vodstudio.core.errors import PresetError
from vodstudio.core.presets import UploadPreset, from_document, to_document
from vodstudio.store.atomic import read_json, write_json

log = logging.getLogger(__name__)


class PresetStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[UploadPreset]:
        """The stored presets; none when the file is missing or bad (a bad one is kept aside, logged)."""
        raw = read_json(self.path)  # unparsable JSON is already moved to presets.json.corrupt
        if raw is None:
            return []
        try:
            return from_document(raw)
        except PresetError as exc:
            log.warning(
                "ignoring %s (%s: %s); it is kept as %s.invalid",
                self.path.name,
                exc.field,
                exc,
                self.path.name,
            )
            with contextlib.suppress(OSError):  # so the next save does not overwrite it unseen
                self.path.replace(self.path.with_name(self.path.name + ".invalid"))
            return []

    def save(self, presets: Sequence[UploadPreset]) -> None:
        write_json(self.path, to_document(presets))
