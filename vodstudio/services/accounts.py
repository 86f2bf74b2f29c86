"""Accounts as a use case: the stored list, secrets in the keychain, one API client per account.

Saving or removing an account drops its cached client at once, so every section (library, uploads,
CDN) uses the new key, endpoint or proxy on its next call; listeners hear which account changed.
A dropped client is closed only when the services close: a call in flight on another thread keeps
working with the client it started with.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.accounts import Account
from vodstudio.core.errors import ConfigError
from vodstudio.services.providers import (
    ApiClient,
    Capability,
    ClientOptions,
    ProviderKit,
    kit_for,
    require,
)
from vodstudio.store.accounts import AccountStore

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 15.0

Listener = Callable[[str], None]


class AccountsService:
    """Thread-safe. Names are the identity the rest of the app uses (queue rows, CDN rows, settings)."""

    def __init__(self, store: AccountStore, *, options: ClientOptions | None = None) -> None:
        self._store = store
        self._quitting = threading.Event()
        base = options or ClientOptions()
        self._options = ClientOptions(base.timeout, base.transport, cancel=base.cancel or self._quitting)
        self._lock = threading.Lock()
        self._clients: dict[str, ApiClient] = {}
        self._retired: list[ApiClient] = []
        self._adhoc: dict[str, tuple[Account, str]] = {}
        self._listeners: list[Listener] = []

    # ---- reading --------------------------------------------------------------------------------
    @property
    def keychain_persistent(self) -> bool:
        """False when there is no system keychain and secrets last for this run only."""
        return self._store.secrets.persistent

    @property
    def keychain_backend(self) -> str:
        return self._store.secrets.backend_name

    def list(self) -> list[Account]:
        return self._store.list()

    def get(self, name: str) -> Account:
        with self._lock:
            adhoc = self._adhoc.get(name)
        return adhoc[0] if adhoc is not None else self._store.get(name)

    def active(self) -> Account | None:
        return self._store.active()

    def kit(self, account: Account) -> ProviderKit:
        return kit_for(account.provider)

    def secret_for(self, account: Account) -> str:
        with self._lock:
            adhoc = self._adhoc.get(account.name)
        return adhoc[1] if adhoc is not None else self._store.secret_for(account)

    # ---- writing (each drops the account's cached client) --------------------------------------
    def add(self, account: Account, secret: str) -> None:
        self._store.add(account, secret)
        self._changed(account.name)

    def save(self, account: Account, secret: str | None = None, *, previous_name: str | None = None) -> None:
        """Add or replace; ``secret=None`` keeps the stored one; ``previous_name`` renames."""
        self._store.save(account, secret, previous_name=previous_name)
        if previous_name and previous_name != account.name:
            self._changed(previous_name)
        self._changed(account.name)

    def remove(self, name: str) -> None:
        self._store.remove(name)
        self._changed(name)

    def set_active(self, name: str) -> None:
        self._store.set_active(name)

    def register_adhoc(self, account: Account, secret: str) -> None:
        """Credentials that are not stored (environment variables): kept in memory for this run only."""
        with self._lock:
            self._adhoc[account.name] = (account, secret)
        self._changed(account.name)

    def subscribe(self, listener: Listener) -> None:
        """``listener(name)`` runs (on the writer's thread) after an account was saved or removed."""
        with self._lock:
            self._listeners.append(listener)

    def _changed(self, name: str) -> None:
        with self._lock:
            old = self._clients.pop(name, None)
            if old is not None:
                self._retired.append(old)
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(name)
            except Exception:  # one broken listener must not stop the others from hearing
                log.exception("account listener failed")

    # ---- clients --------------------------------------------------------------------------------
    def client(self, name: str) -> ApiClient:
        """The shared client of an account, created on first use (reads the keychain then)."""
        with self._lock:
            client = self._clients.get(name)
        if client is not None:
            return client
        account = self.get(name)
        fresh = kit_for(account.provider).make_client(account, self.secret_for(account), self._options)
        with self._lock:
            existing = self._clients.setdefault(name, fresh)
        if existing is not fresh:
            fresh.close()
        return existing

    def vod_client(self, name: str) -> VodClient:
        """The Alibaba VOD client of an account that can upload and has a library."""
        account = self.get(name)
        require(account, Capability.LIBRARY)
        client = self.client(name)
        if not isinstance(client, VodClient):
            raise ConfigError(f"{name} has no VOD API client", code="config.provider")
        return client

    def probe(self, account: Account, secret: str | None = None) -> str:
        """*Test connection*: a cheap read call with a fresh client (the form may not be saved yet).

        ``secret=None`` uses the stored secret of ``account``. Raises the client's typed error.
        """
        kit = kit_for(account.provider)
        key = secret if secret is not None else self.secret_for(account)
        options = ClientOptions(timeout=PROBE_TIMEOUT_S, transport=self._options.transport)
        client = kit.make_client(account, key, options)
        try:
            return kit.probe(client)
        finally:
            client.close()

    def close(self) -> None:
        self._quitting.set()  # calls still retrying on worker threads give up now
        with self._lock:
            clients = [*self._clients.values(), *self._retired]
            self._clients, self._retired = {}, []
        for client in clients:
            client.close()
