"""Build the right CDN desk for an account (the one place that knows both providers' clients)."""

from __future__ import annotations

from vodstudio.cdn.desk import AliyunCdnDesk, CdnDesk, HuaweiCdnDesk
from vodstudio.cdn.usage import UsageCounter
from vodstudio.core.accounts import Account, Provider
from vodstudio.store.db import Database


def build_desk(account: Account, secret: str, db: Database) -> CdnDesk:
    """A desk over a fresh API client for ``account``; call ``desk.close()`` when done."""
    if account.provider is Provider.HUAWEI:
        from vodstudio.cloud.huawei.client import HuaweiVodClient

        client = HuaweiVodClient.for_account(account, secret)
        return HuaweiCdnDesk(client, UsageCounter(db, account.name))
    from vodstudio.cloud.aliyun.client import VodClient

    return AliyunCdnDesk(VodClient.for_account(account, secret))
