"""Watch folders as a use case: the saved folders, and watchers that queue settled files with a preset.

A ready file goes the way of every upload: the preset's metadata (``PresetsService.metadata``, as
``vodstudio upload --preset``), the account's route, then ``DuplicatesService`` with the skip policy,
so content the account already has is not sent again. The GUI window and ``vodstudio watch`` both
build their watchers here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from vodstudio.core.errors import ConfigError
from vodstudio.core.fingerprint import DuplicatePolicy
from vodstudio.core.jobs import AddResult
from vodstudio.core.watch import WatchFolder
from vodstudio.services.accounts import AccountsService
from vodstudio.services.duplicates import DuplicatesService
from vodstudio.services.presets import PresetsService
from vodstudio.services.routes import RoutesService
from vodstudio.services.uploads import UploadEngine, resolved
from vodstudio.services.watcher import POLL_INTERVAL, Sink, Watcher, writer_holds
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.watch import WatchFolderStore, WatchMemory


def _same(a: str, b: str) -> bool:
    return Path(a) == Path(b)


class WatchService:
    """Thread-safe; ``watch.db`` is opened by the first watcher, not by every command."""

    def __init__(
        self,
        paths: ProfilePaths,
        accounts: AccountsService,
        presets: PresetsService,
        duplicates: DuplicatesService,
        routes: RoutesService,
    ) -> None:
        self._store = WatchFolderStore(paths.watch_path)
        self._memory_path = paths.watch_db_path
        self._memory: WatchMemory | None = None
        self._accounts = accounts
        self._presets = presets
        self._duplicates = duplicates
        self._routes = routes
        self._lock = threading.Lock()
        self._handover = threading.Lock()  # shared by every watcher of this profile

    # ---- the saved folders -------------------------------------------------------------------------
    def folders(self) -> list[WatchFolder]:
        with self._lock:
            return self._store.load()

    def save_folders(self, folders: Sequence[WatchFolder]) -> None:
        with self._lock:
            self._store.save(list(folders))

    def add(self, folder: WatchFolder) -> WatchFolder:
        """Save a folder (absolute path; its preset must exist); one with the same path is replaced."""
        folder = self.checked(folder)
        with self._lock:
            kept = [f for f in self._store.load() if not _same(f.path, folder.path)]
            self._store.save([*kept, folder])
        return folder

    def remove(self, path: str) -> bool:
        with self._lock:
            folders = self._store.load()
            kept = [f for f in folders if not _same(f.path, str(resolved([Path(path)])[0]))]
            self._store.save(kept)
        return len(kept) != len(folders)

    def checked(self, folder: WatchFolder) -> WatchFolder:
        """The folder with an absolute path, after checking it is a folder and its preset exists."""
        path = resolved([Path(folder.path)])[0]
        if not path.is_dir():
            raise ConfigError(f"{path} is not a folder", code="watch.not-a-folder")
        self._presets.metadata(folder.preset)  # PresetError preset.not-found, before anything runs
        return replace(folder, path=str(path))

    # ---- running -------------------------------------------------------------------------------------
    def watcher(
        self,
        engine: UploadEngine,
        folders: Sequence[WatchFolder],
        sink: Sink,
        *,
        clock: Callable[[], float] | None = None,
        probe: Callable[[str], bool] = writer_holds,
        interval: float = POLL_INTERVAL,
    ) -> Watcher:
        """A watcher (not started) queueing into ``engine``; a folder without account gets the active one."""
        ready = [self._with_account(self.checked(f)) for f in folders]

        def intake(folder: WatchFolder, path: Path) -> AddResult:
            meta = self._presets.metadata(folder.preset)
            meta = self._routes.apply(folder.account, meta, meta.accelerate)
            # include_all: the folder's own patterns chose the file already.
            check = self._duplicates.check(folder.account, [path], include_all=True)
            return self._duplicates.queue(engine, folder.account, check, meta, DuplicatePolicy.SKIP)

        kwargs = {"clock": clock} if clock is not None else {}
        return Watcher(
            ready,
            intake,
            self.memory(),
            sink,
            probe=probe,
            interval=interval,
            handover=self._handover,
            **kwargs,
        )

    def _with_account(self, folder: WatchFolder) -> WatchFolder:
        if folder.account:
            self._accounts.get(folder.account)  # ConfigError for an unknown name
            return folder
        active = self._accounts.active()
        if active is None:
            raise ConfigError("no account to upload to: add one first", code="config.no-account")
        return replace(folder, account=active.name)

    def memory(self) -> WatchMemory:
        with self._lock:
            if self._memory is None:
                self._memory = WatchMemory(self._memory_path)
            return self._memory

    def close(self) -> None:
        with self._lock:
            if self._memory is not None:
                self._memory.close()
                self._memory = None
