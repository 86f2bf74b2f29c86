"""The shared HTTP factory: proxy modes, loopback detection, TLS always on, our User-Agent."""

from __future__ import annotations

import httpx
import pytest

from vodstudio.cloud.http import USER_AGENT, is_loopback, make_http_client, requests_proxies
from vodstudio.core.accounts import ProxyMode, ProxySetting
from vodstudio.core.errors import ConfigError


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080/x", True),
        ("http://127.9.9.9", True),
        ("http://localhost:1", True),
        ("http://[::1]:80/", True),
        ("127.0.0.1:9000", True),
        ("https://vod.cn-shanghai.aliyuncs.com", False),
        ("http://10.0.0.1", False),
    ],
)
def test_is_loopback(url: str, expected: bool) -> None:
    assert is_loopback(url) is expected


def test_requests_proxies_for_each_mode() -> None:
    assert requests_proxies(ProxySetting()) is None
    assert requests_proxies(ProxySetting(ProxyMode.NONE)) == {"http": None, "https": None, "all": None}
    custom = ProxySetting(ProxyMode.CUSTOM, "socks5://127.0.0.1:1080")
    assert requests_proxies(custom) == {"http": custom.url, "https": custom.url}


def test_bad_custom_proxy_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        make_http_client(proxy=ProxySetting(ProxyMode.CUSTOM, "ftp://proxy:21"))


def test_client_sends_user_agent_and_honours_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    with make_http_client(
        proxy=ProxySetting(ProxyMode.NONE), transport=httpx.MockTransport(handler)
    ) as client:
        assert client.trust_env is False
        client.get("https://example.com/")
    assert seen[0].headers["User-Agent"] == USER_AGENT
    with make_http_client(proxy=ProxySetting()) as system:
        assert system.trust_env is True


def test_environment_proxy_never_applies_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALL_PROXY", "http://proxy.invalid:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with make_http_client(proxy=ProxySetting()) as client:
        direct = client._transport_for_url(httpx.URL("http://127.0.0.1:9/"))
        remote = client._transport_for_url(httpx.URL("https://vod.cn-shanghai.aliyuncs.com/"))
    assert direct is client._transport
    assert remote is not client._transport
