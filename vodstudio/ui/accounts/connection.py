"""*Test connection* for one account: a cheap read call; runs on a worker thread (no Qt here)."""

from __future__ import annotations

from vodstudio.core.accounts import Account, Provider


def test_connection(account: Account, secret: str, *, timeout: float = 15.0) -> str:
    """Return a short description of what answered; raise the client's typed error otherwise."""
    if account.provider is Provider.HUAWEI:
        from vodstudio.cloud.huawei.client import HuaweiVodClient

        with HuaweiVodClient.for_account(account, secret, timeout=timeout) as huawei:
            page = huawei.list_assets(size=1)
        return f"{page.total} assets"
    from vodstudio.cloud.aliyun.client import VodClient

    with VodClient.for_account(account, secret, timeout=timeout) as client:
        if hasattr(client, "get_categories"):
            categories = client.get_categories()
            return f"{len(categories.subcategories)} categories"
        # Before the typed operation exists: the same call through the raw RPC entry point.
        answer = client.call("GetCategories", {"CateId": -1, "PageSize": 1})
        return str(answer.get("RequestId", ""))


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test despite the name
