"""One way to build HTTP clients: proxy setting honoured, TLS verified, explicit timeouts, our User-Agent."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import httpx

from vodstudio.app_info import VERSION
from vodstudio.cloud import http_deadline
from vodstudio.core.accounts import ProxyMode, ProxySetting
from vodstudio.core.errors import ConfigError

USER_AGENT = f"VODStudio/{VERSION}"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
API_DEADLINE_S = 20.0  # one API call, answer included: a trickling gateway fails in seconds, not never

_PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")
# The sandbox and other local services are never reached through a proxy.
_LOOPBACK_MOUNTS: dict[str, httpx.BaseTransport | None] = {
    "all://127.0.0.1": None,
    "all://localhost": None,
    "all://[::1]": None,
}


def is_loopback(url: str) -> bool:
    """True for ``localhost``, ``127.0.0.0/8`` and ``::1`` URLs (or bare host names)."""
    host = (urlsplit(url).hostname if "://" in url else url.split(":")[0]) or ""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_proxy(proxy: ProxySetting) -> str | None:
    """The proxy URL for ``CUSTOM`` (checked), else ``None``."""
    if proxy.mode is not ProxyMode.CUSTOM:
        return None
    parts = urlsplit(proxy.url)
    if parts.scheme not in _PROXY_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"proxy must look like http://host:port or socks5://host:port (got scheme {parts.scheme!r})",
            code="config.proxy",
        )
    return proxy.url


def make_http_client(
    *,
    proxy: ProxySetting,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    base_url: str | None = None,
    transport: httpx.BaseTransport | None = None,
    deadline: float | None = None,
) -> httpx.Client:
    """An ``httpx.Client`` for one account. TLS is always verified (there is no switch to turn it off).

    Redirects are never followed (an API answer naming another host is an error, not a hop), and with
    ``deadline`` every call must be complete within that many seconds (API calls; not downloads).
    """
    custom = validate_proxy(proxy)
    kwargs: dict[str, object] = {}
    if base_url:
        kwargs["base_url"] = base_url
    if deadline is not None:
        kwargs["event_hooks"] = {"request": [http_deadline.arm_hook(deadline)]}
    client = httpx.Client(
        timeout=timeout,
        headers={"User-Agent": USER_AGENT},
        trust_env=proxy.mode is ProxyMode.SYSTEM,
        proxy=custom,
        mounts=dict(_LOOPBACK_MOUNTS),
        transport=transport,
        verify=True,
        follow_redirects=False,
        **kwargs,  # type: ignore[arg-type]
    )
    if deadline is not None:
        http_deadline.install([client._transport, *client._mounts.values()])
    return client


def requests_proxies(proxy: ProxySetting) -> dict[str, str | None] | None:
    """The same setting for oss2 (requests). ``None`` lets requests read the environment.

    For ``NONE`` the explicit ``None`` values stop requests from merging environment proxies in.
    A ``socks5://`` proxy with requests needs PySocks (``requests[socks]``).
    """
    if proxy.mode is ProxyMode.SYSTEM:
        return None
    custom = validate_proxy(proxy)
    if custom is None:
        return {"http": None, "https": None, "all": None}
    return {"http": custom, "https": custom}
