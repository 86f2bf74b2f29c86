"""The one profile folder (platformdirs, or ``VODSTUDIO_HOME`` for tests, smoke runs and portable use)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vodstudio.app_info import ORGANIZATION, SLUG

HOME_ENV = "VODSTUDIO_HOME"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private(folder: Path, *, files: bool = True) -> None:
    """``folder`` 0700 and (``files``) the files directly in it 0600, on POSIX; a no-op elsewhere.

    The profile holds the queue (file paths, media ids), the account list and logs: nobody else on
    the machine should read them. A read-only profile is left as it is.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        folder.chmod(PRIVATE_DIR)
    if not files:
        return
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mode & 0o077:
                with contextlib.suppress(OSError):
                    Path(entry.path).chmod(PRIVATE_FILE)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (before a library creates it 0644)."""
    with contextlib.suppress(OSError):  # exists, or a read-only profile: whoever opens it next says so
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


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
        """Create the folders and make the profile private (also an existing one, made before 0700)."""
        for folder in (self.data_dir, self.cache_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
            make_private(folder, files=folder != self.cache_dir)
        return self

    @property
    def db_path(self) -> Path:
        return self.data_dir / "vodstudio.sqlite3"

    @property
    def settings_path(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def presets_path(self) -> Path:
        return self.data_dir / "presets.json"

    @property
    def watch_path(self) -> Path:
        return self.data_dir / "watch.json"

    @property
    def watch_db_path(self) -> Path:
        return self.data_dir / "watch.db"

    @property
    def accounts_path(self) -> Path:
        return self.data_dir / "accounts.json"

    @property
    def sandbox_dir(self) -> Path:
        return self.data_dir / "sandbox"

    @property
    def thumbnail_dir(self) -> Path:
        return self.cache_dir / "thumbnails"
