"""The account list (a small JSON file without secrets) plus each account's secret in the keychain."""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict
from typing import Any

from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting, SignatureScheme
from vodstudio.core.errors import ConfigError
from vodstudio.store.atomic import read_json, write_json
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import SecretStore

log = logging.getLogger(__name__)


def _account_to_json(account: Account) -> dict[str, Any]:
    data = asdict(account)
    data["provider"] = account.provider.value
    data["proxy"] = {"mode": account.proxy.mode.value, "url": account.proxy.url}
    data["signature"] = account.signature.value
    return data


def _signature(value: object) -> SignatureScheme:
    """Files written before the field existed have none: they get today's default, ACS3.

    An unknown value (a newer version's scheme) also falls back to ACS3 rather than hiding the
    account: ACS3 is what every current Alibaba endpoint accepts.
    """
    try:
        return SignatureScheme(str(value)) if value else SignatureScheme.ACS3
    except ValueError:
        log.warning("unknown request signature %r in the account list; using ACS3-HMAC-SHA256", value)
        return SignatureScheme.ACS3


def _account_from_json(data: dict[str, Any]) -> Account:
    proxy = data.get("proxy") or {}
    return Account(
        name=str(data["name"]),
        provider=Provider(data.get("provider", "aliyun")),
        region=str(data.get("region", "")),
        access_key_id=str(data.get("access_key_id", "")),
        endpoint=str(data.get("endpoint", "")),
        project_id=str(data.get("project_id", "")),
        proxy=ProxySetting(ProxyMode(proxy.get("mode", "system")), str(proxy.get("url", ""))),
        is_sandbox=bool(data.get("is_sandbox", False)),
        signature=_signature(data.get("signature")),
    )


class AccountStore:
    """Accounts by unique name; one of them may be active."""

    def __init__(self, paths: ProfilePaths, secrets: SecretStore) -> None:
        self._path = paths.accounts_path
        self._secrets = secrets
        self._lock = threading.Lock()

    @property
    def secrets(self) -> SecretStore:
        return self._secrets

    def _load(self) -> tuple[list[Account], str]:
        data = read_json(self._path) or {}
        accounts = [_account_from_json(item) for item in data.get("accounts", [])]
        return accounts, str(data.get("active", ""))

    def _store(self, accounts: list[Account], active: str) -> None:
        write_json(self._path, {"accounts": [_account_to_json(a) for a in accounts], "active": active})

    def list(self) -> list[Account]:
        with self._lock:
            return self._load()[0]

    def get(self, name: str) -> Account:
        for account in self.list():
            if account.name == name:
                return account
        raise ConfigError(f"There is no account named {name!r}.", code="config.unknown-account")

    def add(self, account: Account, secret: str) -> None:
        """Add a new account; its name must be unused."""
        with self._lock:
            accounts, active = self._load()
            if any(a.name == account.name for a in accounts):
                raise ConfigError(
                    f"An account named {account.name!r} exists already.", code="config.duplicate"
                )
            self._secrets.set(account.secret_key, secret)
            accounts.append(account)
            self._store(accounts, active or account.name)

    def save(self, account: Account, secret: str | None = None, *, previous_name: str | None = None) -> None:
        """Add or replace (by name, or ``previous_name`` when renaming); ``secret=None`` keeps the old."""
        with self._lock:
            accounts, active = self._load()
            old_name = previous_name or account.name
            old = next((a for a in accounts if a.name == old_name), None)
            self._place_secret(old, account, secret)
            accounts = [account if a.name == old_name else a for a in accounts]
            if old is None:
                accounts.append(account)
            if active in ("", old_name):
                active = account.name
            self._store(accounts, active)

    def _place_secret(self, old: Account | None, account: Account, secret: str | None) -> None:
        """Store ``secret`` under ``account``'s keychain entry, or move the old one there."""
        if secret is None and old is not None and old.secret_key == account.secret_key:
            return  # only settings changed: the keychain entry stays (also without a keychain)
        if secret is None:
            if old is None:
                raise ConfigError("A new account needs its secret.", code="config.missing-secret")
            secret = self._secrets.get(old.secret_key)
            if secret is None:
                raise ConfigError("The stored secret is gone; enter it again.", code="config.missing-secret")
        self._secrets.set(account.secret_key, secret)
        if old is not None and old.secret_key != account.secret_key:
            self._secrets.delete(old.secret_key)

    def remove(self, name: str) -> None:
        with self._lock:
            accounts, active = self._load()
            victim = next((a for a in accounts if a.name == name), None)
            if victim is None:
                raise ConfigError(f"There is no account named {name!r}.", code="config.unknown-account")
            self._secrets.delete(victim.secret_key)
            accounts = [a for a in accounts if a.name != name]
            if active == name:
                active = accounts[0].name if accounts else ""
            self._store(accounts, active)

    def active(self) -> Account | None:
        accounts, active = self._load()
        return next((a for a in accounts if a.name == active), accounts[0] if accounts else None)

    def set_active(self, name: str) -> None:
        with self._lock:
            accounts, _ = self._load()
            if not any(a.name == name for a in accounts):
                raise ConfigError(f"There is no account named {name!r}.", code="config.unknown-account")
            self._store(accounts, name)

    def secret_for(self, account: Account) -> str:
        secret = self._secrets.get(account.secret_key)
        if not secret:
            hint = "" if self._secrets.persistent else " (no system keychain: secrets last for one run)"
            raise ConfigError(
                f"The secret of account {account.name!r} is not available{hint}; enter it again.",
                code="config.missing-secret",
            )
        return secret
