"""Open the CDN desk and its deferred queue for an account (one shared CDN database per profile)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from vodstudio.cdn.deferred import DeferredQueue
from vodstudio.cdn.desk import AliyunCdnDesk, CdnDesk, HuaweiCdnDesk
from vodstudio.cdn.store import open_cdn_db
from vodstudio.cdn.usage import UsageCounter
from vodstudio.cloud.huawei.client import HuaweiVodClient
from vodstudio.core.accounts import Account, Provider
from vodstudio.store.db import Database

_lock = threading.Lock()
_databases: dict[str, Database] = {}


def cdn_database(services: Any) -> Database:
    """The profile's ``cdn.sqlite3``, opened once per process (the Library and CDN sections share it)."""
    shared = getattr(services, "cdn_db", None)
    if isinstance(shared, Database):
        return shared
    key = str(services.paths.data_dir)
    with _lock:
        if key not in _databases:
            _databases[key] = open_cdn_db(services.paths)
        return _databases[key]


@dataclass
class CdnAccess:
    account: Account
    desk: CdnDesk
    queue: DeferredQueue
    client: Any  # VodClient or HuaweiVodClient (charts and logs need the Alibaba one)

    @property
    def is_huawei(self) -> bool:
        return self.account.provider is Provider.HUAWEI

    def close(self) -> None:
        """Close the Huawei client we built; the Alibaba one belongs to ``services`` (shared, cached)."""
        if self.is_huawei:
            self.client.close()


def open_cdn(services: Any, account: Account) -> CdnAccess:
    """Build the desk for ``account``. May read the keychain; call it where a short block is acceptable."""
    db = cdn_database(services)
    queue = DeferredQueue(db, account.name)
    if account.provider is Provider.HUAWEI:
        factory = getattr(services, "huawei_client", None)
        client = (
            factory(account)
            if factory
            else HuaweiVodClient.for_account(account, services.accounts.secret_for(account))
        )
        desk: CdnDesk = HuaweiCdnDesk(client, UsageCounter(db, account.name))
    else:
        client = services.vod_client(account.name)
        desk = AliyunCdnDesk(client)
    return CdnAccess(account, desk, queue, client)
