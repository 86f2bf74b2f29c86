"""Cloud accounts as the app knows them: everything but the secret, which lives in the keychain."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Provider(enum.StrEnum):
    ALIYUN = "aliyun"
    HUAWEI = "huawei"


class ProxyMode(enum.StrEnum):
    SYSTEM = "system"  # environment / OS proxy settings (httpx trust_env, requests' env handling)
    NONE = "none"
    CUSTOM = "custom"  # http://host:port or socks5://host:port in ProxySetting.url


class SignatureScheme(enum.StrEnum):
    """How API calls (VOD, CDN) of an Alibaba account are signed. OSS uploads are always OSS V4."""

    ACS3 = "acs3-hmac-sha256"  # "V3 request structure and signature": today's default
    HMAC_SHA1 = "hmac-sha1"  # RPC signature V1, discontinued by Alibaba; a fallback for old gateways


@dataclass(frozen=True)
class ProxySetting:
    mode: ProxyMode = ProxyMode.SYSTEM
    url: str = ""


ALIYUN_REGIONS: tuple[str, ...] = (
    "cn-shanghai",
    "cn-beijing",
    "cn-shenzhen",
    "cn-hangzhou",
    "cn-hongkong",
    "ap-southeast-1",
    "ap-northeast-1",
    "ap-southeast-5",
    "ap-south-1",
    "us-west-1",
    "eu-central-1",
    "me-central-1",
)

HUAWEI_REGIONS: tuple[str, ...] = (
    "cn-north-1",
    "cn-north-4",
    "cn-east-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
)


@dataclass(frozen=True)
class Account:
    """A stored account. ``endpoint`` overrides the region's public endpoint (the sandbox uses it).

    For Alibaba, ``endpoint`` is the VOD API base URL; CDN operations go to the Shanghai endpoint
    unless ``endpoint`` is set (then everything goes there). For Huawei, ``project_id`` is required.
    """

    name: str
    provider: Provider
    region: str
    access_key_id: str
    endpoint: str = ""
    project_id: str = ""
    proxy: ProxySetting = field(default_factory=ProxySetting)
    is_sandbox: bool = False
    signature: SignatureScheme = SignatureScheme.ACS3

    @property
    def secret_key(self) -> str:
        """The keychain user name under which this account's secret is stored."""
        return f"{self.provider.value}:{self.name}:{self.access_key_id}"
