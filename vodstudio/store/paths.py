"""The one profile folder (platformdirs, or ``VODSTUDIO_HOME`` for tests, smoke runs and portable use)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vodstudio.app_info import ORGANIZATION, SLUG

HOME_ENV = "VODSTUDIO_HOME"


@dataclass(frozen=True)
class ProfilePaths:
    """Where this profile keeps state. Every folder is created on first use by ``ensure()``."""

    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> ProfilePaths:
        override = os.environ.get(HOME_ENV)
        if override:
            return cls.under(Path(override))
        return cls(
            data_dir=Path(platformdirs.user_data_dir(SLUG, ORGANIZATION)),
            cache_dir=Path(platformdirs.user_cache_dir(SLUG, ORGANIZATION)),
            log_dir=Path(platformdirs.user_log_dir(SLUG, ORGANIZATION)),
        )

    @classmethod
    def under(cls, root: Path) -> ProfilePaths:
        """A self-contained profile below one folder."""
        root = root.expanduser().resolve()
        return cls(data_dir=root / "data", cache_dir=root / "cache", log_dir=root / "logs")

    def ensure(self) -> ProfilePaths:
        for folder in (self.data_dir, self.cache_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def db_path(self) -> Path:
        return self.data_dir / "vodstudio.sqlite3"

    @property
    def settings_path(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def accounts_path(self) -> Path:
        return self.data_dir / "accounts.json"

    @property
    def sandbox_dir(self) -> Path:
        return self.data_dir / "sandbox"

    @property
    def thumbnail_dir(self) -> Path:
        return self.cache_dir / "thumbnails"
