"""Huawei Cloud VOD client for CDN refresh/preheat and the asset list, signed with SDK-HMAC-SHA256."""

from __future__ import annotations

import email.utils
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Self

import httpx

from vodstudio.cloud import http_deadline
from vodstudio.cloud.http import API_DEADLINE_S, make_http_client
from vodstudio.cloud.huawei import signing
from vodstudio.cloud.huawei.models import AssetPage, HuaweiAsset, HuaweiTaskStatus, TaskItem
from vodstudio.cloud.retry import RetryPolicy, as_network_error, run_with_retry
from vodstudio.core import batching
from vodstudio.core.accounts import Account, ProxySetting
from vodstudio.core.errors import ConfigError, MalformedResponseError, ServiceFacts, StalledError, classify

log = logging.getLogger(__name__)

# Both CDN APIs take at most this many URLs or asset ids per call.
MAX_ITEMS_PER_CALL = 10
DAILY_LIMIT = 1000  # refreshes and preheats per tenant per day (each counted separately)

_CODE_KEYS = (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message"))


def default_endpoint(region: str) -> str:
    return f"https://vod.{region}.myhuaweicloud.com"


def chunks[T](items: Sequence[T], size: int = MAX_ITEMS_PER_CALL) -> Iterator[list[T]]:
    """Huawei's batches of ten items per call."""
    return batching.chunks(items, size)


def error_facts(response: httpx.Response) -> ServiceFacts:
    """What a failed response says, in whichever of the three error shapes Huawei services use."""
    try:
        body: Any = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    code, message = "", ""
    for code_key, message_key in _CODE_KEYS:
        if body.get(code_key):
            code, message = str(body[code_key]), str(body.get(message_key) or "")
            break
    request_id = response.headers.get("X-Request-Id") or str(body.get("request_id") or "")
    return ServiceFacts(
        provider="huawei",
        service_code=code or f"HTTP.{response.status_code}",
        message=message or response.reason_phrase or f"HTTP {response.status_code}",
        request_id=request_id,
        http_status=response.status_code,
    )


class HuaweiVodClient:
    """One tenant project in one region. Thread-safe as far as httpx is; close() when done."""

    def __init__(
        self,
        ak: str,
        sk: str,
        project_id: str,
        *,
        region: str,
        endpoint: str | None = None,
        proxy: ProxySetting | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        if not (ak and sk and project_id):
            raise ConfigError("Huawei needs an AK, an SK and a project id", code="config.huawei")
        self._ak = ak
        self._sk = sk
        self.project_id = project_id
        self.region = region
        self.endpoint = (endpoint or default_endpoint(region)).rstrip("/")
        self._retry = retry or RetryPolicy()
        self._now = now or (lambda: datetime.now(UTC))
        self.clock_offset = 0.0  # server time minus ours, learned from a rejected X-Sdk-Date
        self._http = make_http_client(
            proxy=proxy or ProxySetting(),
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            transport=transport,
            deadline=API_DEADLINE_S,
        )

    @classmethod
    def for_account(cls, account: Account, secret: str, **kwargs: Any) -> HuaweiVodClient:
        return cls(
            account.access_key_id,
            secret,
            account.project_id,
            region=account.region,
            endpoint=account.endpoint or None,
            proxy=account.proxy,
            **kwargs,
        )

    def __repr__(self) -> str:  # never the SK
        return f"HuaweiVodClient(ak={self._ak[:4]}…, project_id={self.project_id}, endpoint={self.endpoint})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    # ---- CDN refresh -----------------------------------------------------------------------
    def refresh_urls(self, urls: Sequence[str]) -> list[str]:
        """Purge playback URLs; one task id per call of at most ten URLs."""
        return [self._create(f"/v1/{self.project_id}/asset/refresh", {"urls": part}) for part in chunks(urls)]

    def refresh_assets(self, asset_ids: Sequence[str]) -> list[str]:
        path = f"/v1/{self.project_id}/asset/refresh"
        return [self._create(path, {"asset_id_list": part}) for part in chunks(asset_ids)]

    def refresh_result(self, task_id: str) -> list[TaskItem]:
        data = self._call("GET", f"/v1/{self.project_id}/asset/refresh", query=[("task_id", task_id)])
        return _task_items(data, "refresh_results")

    # ---- CDN preheat (prefetch) ------------------------------------------------------------
    def preheat_urls(self, urls: Sequence[str]) -> list[str]:
        path = f"/v1.0/{self.project_id}/asset/preheating"
        return [self._create(path, {"urls": part}) for part in chunks(urls)]

    def preheat_asset(self, asset_id: str) -> str:
        return self._create(f"/v1.0/{self.project_id}/asset/preheating", {"asset_id": asset_id})

    def preheat_result(self, task_id: str) -> list[TaskItem]:
        data = self._call("GET", f"/v1.0/{self.project_id}/asset/preheating", query=[("task_id", task_id)])
        return _task_items(data, "preheating_results")

    # ---- assets ----------------------------------------------------------------------------
    def list_assets(
        self,
        *,
        page: int = 0,
        size: int = 10,
        status: Iterable[str] = (),
        query: str | None = None,
        asset_ids: Iterable[str] = (),
    ) -> AssetPage:
        pairs = [("page", str(page)), ("size", str(size))]
        pairs += [("status", s) for s in status]
        pairs += [("asset_id", a) for a in asset_ids]
        if query:
            pairs.append(("query_string", query))
        data = self._call("GET", f"/v1.0/{self.project_id}/asset/list", query=pairs)
        raw = data.get("assets") or []
        if not isinstance(raw, list):
            raise MalformedResponseError("asset list: 'assets' is not a list")
        assets = [HuaweiAsset.from_json(a) for a in raw if isinstance(a, dict)]
        return AssetPage(total=int(data.get("total") or 0), assets=assets)

    # ---- plumbing --------------------------------------------------------------------------
    def _create(self, path: str, body: dict[str, Any]) -> str:
        data = self._call("POST", path, body=body)
        task_id = data.get("task_id")
        if not task_id:
            raise MalformedResponseError(f"POST {path}: no task_id in the answer")
        return str(task_id)

    def _call(
        self,
        method: str,
        path: str,
        *,
        query: Sequence[tuple[str, str]] = (),
        body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        return run_with_retry(lambda: self._skew_corrected(method, path, list(query), body), self._retry)

    def _skew_corrected(
        self, method: str, path: str, query: list[tuple[str, str]], body: dict[str, Any] | None
    ) -> dict[str, Any]:
        """One attempt, resent once with a corrected clock when the gateway says the date expired."""
        response = self._send(method, path, query, body)
        if _is_expired_date(response) and self._learn_clock(response):
            log.warning("%s %s: clock skew corrected by %.0fs, resending", method, path, self.clock_offset)
            response = self._send(method, path, query, body)
        return _decode(method, path, response)

    def _learn_clock(self, response: httpx.Response) -> bool:
        try:
            server = email.utils.parsedate_to_datetime(response.headers.get("Date", ""))
        except (TypeError, ValueError):
            return False
        if server.tzinfo is None:
            server = server.replace(tzinfo=UTC)
        self.clock_offset = (server - self._now()).total_seconds()
        return True

    def _send(
        self, method: str, path: str, query: list[tuple[str, str]], body: dict[str, Any] | None
    ) -> httpx.Response:
        content = json.dumps(body, separators=(",", ":")).encode() if body is not None else b""
        url = self.endpoint + path
        if query:
            url += "?" + signing.canonical_query(query)
        headers = {"Content-Type": "application/json", "X-Project-Id": self.project_id}
        moment = self._now() + timedelta(seconds=self.clock_offset)
        signed = signing.sign_request(method, url, headers, content, self._ak, self._sk, now=moment)
        try:
            return self._http.request(method, url, headers=signed, content=content)
        except httpx.TransportError as exc:
            if http_deadline.expired():
                raise StalledError(f"the server stopped answering within {API_DEADLINE_S:g} s") from exc
            raise as_network_error(exc) from exc


def _decode(method: str, path: str, response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        raise classify(error_facts(response))
    if not response.content:
        return {}
    try:
        data = response.json()
    except ValueError as exc:
        raise MalformedResponseError(f"{method} {path}: answer is not JSON") from exc
    if not isinstance(data, dict):
        raise MalformedResponseError(f"{method} {path}: answer is not a JSON object")
    return data


def _is_expired_date(response: httpx.Response) -> bool:
    """The gateway's 401 for a skewed X-Sdk-Date (its exact wording is not documented)."""
    if response.status_code != 401:
        return False
    text = error_facts(response).message.lower()
    return "expired" in text or "x-sdk-date" in text


def _task_items(data: dict[str, Any], key: str) -> list[TaskItem]:
    raw = data.get(key)
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise MalformedResponseError(f"'{key}' is not a list")
    return [
        TaskItem(url=str(item.get("url", "")), status=HuaweiTaskStatus.parse(item.get("status")))
        for item in raw
        if isinstance(item, dict)
    ]
