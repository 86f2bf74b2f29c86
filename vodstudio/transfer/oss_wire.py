"""oss2's HTTP layer made safe: redirects are refused, every exchange has an overall deadline.

oss2 sends through ``requests.Session.request``, which follows redirects by default: a 302/307 on a
PUT would carry the STS security token to whatever host the answer names, and oss2 would report the
other host's 200 as success. Here redirects are an error naming the host, and each request's socket
is watched by a ``deadline.RequestGuard``. Imported on first use (it imports oss2; see oss_session).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from vodstudio.core.errors import RedirectError
from vodstudio.transfer import deadline
from vodstudio.transfer.oss2_import import load_oss2

oss2: Any = load_oss2()
_OssSession: Any = oss2.Session  # a class from a variable: mypy cannot name it as a base

_guarded: dict[type, type] = {}


class _AttachMixin:
    """urllib3 connection that tells the current guard which socket to cut (also when reused)."""

    def request(self, *args: Any, **kwargs: Any) -> Any:
        guard = deadline.current()
        if guard is not None:
            guard.connection = self
        return super().request(*args, **kwargs)  # type: ignore[misc]


def _guarded_pool(pool_cls: type) -> type:
    if pool_cls not in _guarded:
        conn_cls = pool_cls.ConnectionCls  # type: ignore[attr-defined]
        guarded_conn = type(f"Guarded{conn_cls.__name__}", (_AttachMixin, conn_cls), {})
        _guarded[pool_cls] = type(f"Guarded{pool_cls.__name__}", (pool_cls,), {"ConnectionCls": guarded_conn})
    return _guarded[pool_cls]


def _guard_manager(manager: Any) -> Any:
    manager.pool_classes_by_scheme = {
        scheme: _guarded_pool(cls) for scheme, cls in manager.pool_classes_by_scheme.items()
    }
    return manager


class _GuardedAdapter(HTTPAdapter):
    """Every pool (direct, HTTP proxy, SOCKS proxy) builds connections that report their socket."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        _guard_manager(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        fresh = proxy not in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **kwargs)
        return _guard_manager(manager) if fresh else manager


class GuardedSession(_OssSession):  # type: ignore[misc]
    """An ``oss2.Session`` that refuses redirects and bounds the time an answer may take."""

    def __init__(self, pool_size: int, answer_deadline: float) -> None:
        adapter = _GuardedAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
        super().__init__(pool_size=pool_size, adapter=adapter)
        self.answer_deadline = answer_deadline

    def do_request(self, req: Any, timeout: Any) -> Any:
        guard = deadline.start(self.answer_deadline)
        if not getattr(req.data, "streamed", False):
            guard.arm()  # no long body to send: the answer's clock starts now
        try:
            response = self.session.request(
                req.method, req.url, data=req.data, params=req.params, headers=req.headers,
                stream=True, timeout=timeout, proxies=req.proxies, allow_redirects=False,
            )  # fmt: skip
        except requests.RequestException as exc:
            raise oss2.exceptions.RequestError(exc) from exc
        guard.response = response
        if 300 <= response.status_code < 400:
            raise _redirect_error(req.url, response)
        return oss2.http.Response(response)


def _redirect_error(url: str, response: requests.Response) -> RedirectError:
    location = response.headers.get("Location", "")
    host = urlsplit(location).hostname or urlsplit(url).hostname or "?"
    asked = urlsplit(url).hostname or "?"
    return RedirectError(
        f"OSS at {asked} answered HTTP {response.status_code} redirecting to {host}; redirects are "
        "never followed (the upload credential would go to that host)",
        code="oss.redirect",
        location_host=host,
    )
