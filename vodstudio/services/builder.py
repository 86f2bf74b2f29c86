"""The object graph, built once by one builder and handed to the GUI, the screenshot runner and the CLI.

``build_services(paths)`` is the only place that constructs the use cases; tests call it too, with a
temporary profile and, where they need one, an in-memory secret store or an HTTP transport.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from vodstudio.services.accounts import AccountsService
from vodstudio.services.cdn import CdnService
from vodstudio.services.duplicates import DuplicatesService
from vodstudio.services.library import LibraryService
from vodstudio.services.playback import PlaybackService
from vodstudio.services.prefetch import PlayablePrefetch
from vodstudio.services.presets import PresetsService
from vodstudio.services.providers import ClientOptions
from vodstudio.services.routes import RoutesService
from vodstudio.services.sandbox import SandboxService
from vodstudio.services.settings import SettingsService
from vodstudio.services.uploads import UploadsService
from vodstudio.services.watch import WatchService
from vodstudio.store.accounts import AccountStore
from vodstudio.store.logs import setup_logging
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.queue_db import QueueDb
from vodstudio.store.secrets import MemoryKeyring, SecretStore


@dataclass
class Services:
    """The use cases; ``close()`` releases clients, databases and the embedded sandbox."""

    paths: ProfilePaths
    settings: SettingsService
    accounts: AccountsService
    uploads: UploadsService
    library: LibraryService
    cdn: CdnService
    sandbox: SandboxService
    duplicates: DuplicatesService
    playback: PlaybackService
    routes: RoutesService
    presets: PresetsService
    watch: WatchService

    def start_logging(self) -> Path:
        """The profile's rotating, secret-scrubbing log file (the desktop app logs there)."""
        return setup_logging(self.paths)

    def close(self) -> None:
        self.playback.close()  # before the accounts: a poll in flight still holds a client
        self.sandbox.stop()
        self.watch.close()
        self.cdn.close()
        self.uploads.close()
        self.accounts.close()


def build_services(
    paths: ProfilePaths | None = None,
    *,
    secrets: SecretStore | None = None,
    transport: httpx.BaseTransport | None = None,
    part_size: int | None = None,
) -> Services:
    """Everything the app needs for one profile (``ProfilePaths.default()``: ``VODSTUDIO_HOME`` or the
    platform folders). ``part_size`` fixes the multipart part size (tests stop uploads half-way)."""
    paths = (paths or ProfilePaths.default()).ensure()
    settings = SettingsService(paths)
    accounts = AccountsService(
        AccountStore(paths, secrets or SecretStore()), options=ClientOptions(transport=transport)
    )
    queue = QueueDb(paths.db_path)
    uploads = UploadsService(queue, accounts, settings, part_size=part_size)
    cdn = CdnService(paths, accounts)
    duplicates = DuplicatesService(queue, accounts)
    routes = RoutesService(queue, accounts)
    presets = PresetsService(paths, accounts)
    return Services(
        paths=paths,
        settings=settings,
        accounts=accounts,
        uploads=uploads,
        library=LibraryService(accounts, uploads),
        cdn=cdn,
        sandbox=SandboxService(paths, accounts, settings),
        duplicates=duplicates,
        playback=PlaybackService(queue, accounts, on_change=PlayablePrefetch(queue, accounts, cdn)),
        routes=routes,
        presets=presets,
        watch=WatchService(paths, accounts, presets, duplicates, routes),
    )


def build_throwaway_services(root: Path) -> Services:
    """A private profile below ``root`` with an in-memory keychain: the screenshot runner uses it so
    it never touches the user's queue, settings or keys."""
    return build_services(ProfilePaths.under(root), secrets=SecretStore(backend=MemoryKeyring()))
