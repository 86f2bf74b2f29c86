"""The object graph, built once and shared by the GUI and the CLI (house style rule 2: no locators)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.accounts import Account, Provider
from vodstudio.core.errors import ConfigError
from vodstudio.core.jobs import Limits
from vodstudio.store.accounts import AccountStore
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.queue_db import QueueDb
from vodstudio.store.secrets import SecretStore
from vodstudio.store.settings import Settings, load_settings
from vodstudio.transfer.engine import UploadEngine


@dataclass
class Services:
    paths: ProfilePaths
    settings: Settings
    secrets: SecretStore
    accounts: AccountStore
    queue: QueueDb
    _clients: dict[str, VodClient] = field(default_factory=dict)
    _adhoc: dict[str, tuple[Account, str]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def register_adhoc(self, account: Account, secret: str) -> None:
        """Credentials that are not stored (environment variables): kept in memory for this run only."""
        with self._lock:
            self._adhoc[account.name] = (account, secret)
            old = self._clients.pop(account.name, None)
        if old is not None:
            old.close()

    def account(self, name: str) -> tuple[Account, str]:
        with self._lock:
            adhoc = self._adhoc.get(name)
        if adhoc is not None:
            return adhoc
        account = self.accounts.get(name)
        return account, self.accounts.secret_for(account)

    def vod_client(self, account_name: str) -> VodClient:
        """One thread-safe client per account, created on first use."""
        with self._lock:
            client = self._clients.get(account_name)
        if client is not None:
            return client
        account, secret = self.account(account_name)
        if account.provider is not Provider.ALIYUN:
            raise ConfigError(f"{account_name} is not an Alibaba Cloud account", code="config.provider")
        client = VodClient.for_account(account, secret)
        with self._lock:
            existing = self._clients.setdefault(account_name, client)
        if existing is not client:
            client.close()
        return existing

    def limits(self) -> Limits:
        s = self.settings
        return Limits(s.parallel_files, s.parallel_parts, s.bandwidth_limit)

    def engine(self, sink: Callable[[object], None], *, limits: Limits | None = None) -> UploadEngine:
        return UploadEngine(
            self.queue,
            self.vod_client,
            limits=limits or self.limits(),
            sink=sink,
            part_size=self.settings.part_size,
        )

    def close(self) -> None:
        with self._lock:
            clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            client.close()
        self.queue.close()


def build_services(paths: ProfilePaths | None = None) -> Services:
    paths = (paths or ProfilePaths.default()).ensure()
    secrets = SecretStore()
    return Services(
        paths=paths,
        settings=load_settings(paths),
        secrets=secrets,
        accounts=AccountStore(paths, secrets),
        queue=QueueDb(paths.db_path),
    )
