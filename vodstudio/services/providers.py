"""The cloud providers as registry entries with capabilities: the GUI and the CLI ask what a provider
can do (``kit.supports(Capability.CDN_LOGS)``), never which provider it is.

Adding a provider is one entry here (its client factory, CDN desk factory, regions, environment
variable names and capabilities) plus its client and desk modules.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from vodstudio.cdn.desk import AliyunCdnDesk, CdnDesk, HuaweiCdnDesk
from vodstudio.cdn.usage import UsageCounter
from vodstudio.core.accounts import ALIYUN_REGIONS, HUAWEI_REGIONS, Account, Provider
from vodstudio.core.errors import ConfigError
from vodstudio.store.db import Database


class Capability(enum.StrEnum):
    UPLOAD = "upload"  # the upload queue (CreateUploadVideo and friends)
    LIBRARY = "library"  # search, browse, edit and delete assets
    CDN = "cdn"  # refresh and prefetch URLs
    CDN_DIRECTORIES = "cdn-directories"  # refresh a whole directory
    CDN_ASSETS = "cdn-assets"  # refresh/prefetch a media asset by id (``asset:<id>``)
    CDN_QUOTA_API = "cdn-quota-api"  # the service reports the day's quota (else: a local count)
    CDN_RECENT_TASKS = "cdn-recent-tasks"  # lists recent tasks without being given their ids
    CDN_DOMAIN = "cdn-domain"  # the desk works on one accelerated domain (charts, logs)
    CDN_CHARTS = "cdn-charts"  # traffic and bandwidth series
    CDN_LOGS = "cdn-logs"  # domain access logs
    CDN_MEDIA = "cdn-media"  # refresh/prefetch every play URL of a video by its id
    CDN_DOMAIN_LIST = "cdn-domain-list"  # lists the account's accelerated domains


class ApiClient(Protocol):
    """What every provider's API client has in common: it holds connections and must be closed."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class ClientOptions:
    """How to build a client: a timeout for short probes, a transport for tests."""

    timeout: float | None = None
    transport: httpx.BaseTransport | None = None
    cancel: threading.Event | None = None  # set when the app quits: retries stop at once

    def kwargs(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.timeout:
            out["timeout"] = self.timeout
        if self.transport is not None:
            out["transport"] = self.transport
        return out


@dataclass(frozen=True)
class EnvironmentNames:
    """Environment variables that carry credentials for a command-line run without a stored account."""

    key_id: str
    secret: str
    project_id: str = ""


@dataclass(frozen=True)
class ProviderKit:
    provider: Provider
    display_name: str  # English; the UI shows its own translation per provider value
    regions: tuple[str, ...]
    default_region: str
    env: EnvironmentNames
    capabilities: frozenset[Capability]
    needs_project_id: bool
    make_client: Callable[[Account, str, ClientOptions], ApiClient]
    make_desk: Callable[[ApiClient, Database, str], CdnDesk]
    probe: Callable[[ApiClient], str]  # a cheap read call; a short description of what answered

    def supports(self, capability: Capability) -> bool:
        return capability in self.capabilities


def _aliyun_client(account: Account, secret: str, options: ClientOptions) -> ApiClient:
    from vodstudio.cloud.aliyun.client import VodClient

    extra = {"cancel": options.cancel} if options.cancel is not None else {}
    return VodClient.for_account(account, secret, **options.kwargs(), **extra)


def _aliyun_desk(client: ApiClient, _db: Database, _account: str) -> CdnDesk:
    from vodstudio.cloud.aliyun.client import VodClient

    assert isinstance(client, VodClient)
    return AliyunCdnDesk(client)


def _aliyun_probe(client: ApiClient) -> str:
    from vodstudio.cloud.aliyun.client import VodClient

    assert isinstance(client, VodClient)
    return f"{len(client.get_categories().subcategories)} categories"


def _huawei_client(account: Account, secret: str, options: ClientOptions) -> ApiClient:
    from vodstudio.cloud.huawei.client import HuaweiVodClient

    return HuaweiVodClient.for_account(account, secret, **options.kwargs())


def _huawei_desk(client: ApiClient, db: Database, account: str) -> CdnDesk:
    from vodstudio.cloud.huawei.client import HuaweiVodClient

    assert isinstance(client, HuaweiVodClient)
    return HuaweiCdnDesk(client, UsageCounter(db, account))


def _huawei_probe(client: ApiClient) -> str:
    from vodstudio.cloud.huawei.client import HuaweiVodClient

    assert isinstance(client, HuaweiVodClient)
    return f"{client.list_assets(size=1).total} assets"


ALIYUN = ProviderKit(
    provider=Provider.ALIYUN,
    display_name="Alibaba Cloud ApsaraVideo VOD",
    regions=ALIYUN_REGIONS,
    default_region="cn-shanghai",
    env=EnvironmentNames("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
    capabilities=frozenset(
        {
            Capability.UPLOAD,
            Capability.LIBRARY,
            Capability.CDN,
            Capability.CDN_DIRECTORIES,
            Capability.CDN_QUOTA_API,
            Capability.CDN_RECENT_TASKS,
            Capability.CDN_DOMAIN,
            Capability.CDN_CHARTS,
            Capability.CDN_LOGS,
            Capability.CDN_MEDIA,
            Capability.CDN_DOMAIN_LIST,
        }
    ),
    needs_project_id=False,
    make_client=_aliyun_client,
    make_desk=_aliyun_desk,
    probe=_aliyun_probe,
)

HUAWEI = ProviderKit(
    provider=Provider.HUAWEI,
    display_name="Huawei Cloud VOD",
    regions=HUAWEI_REGIONS,
    default_region="cn-north-4",
    env=EnvironmentNames("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID"),
    capabilities=frozenset({Capability.CDN, Capability.CDN_ASSETS}),
    needs_project_id=True,
    make_client=_huawei_client,
    make_desk=_huawei_desk,
    probe=_huawei_probe,
)

PROVIDERS: dict[Provider, ProviderKit] = {kit.provider: kit for kit in (ALIYUN, HUAWEI)}


def kit_for(provider: Provider) -> ProviderKit:
    return PROVIDERS[provider]


def supports(account: Account | None, capability: Capability) -> bool:
    """False for no account; otherwise what the account's provider can do."""
    return account is not None and kit_for(account.provider).supports(capability)


def require(account: Account, capability: Capability) -> ProviderKit:
    """The account's kit, or a ``ConfigError`` saying the provider cannot do this."""
    kit = kit_for(account.provider)
    if not kit.supports(capability):
        raise ConfigError(
            f"{kit.display_name} accounts cannot do this ({capability.value}); "
            f"{account.name!r} is one of them.",
            code="config.provider",
        )
    return kit
