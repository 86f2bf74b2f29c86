"""The VOD RPC client: signing, endpoints, retries, clock-skew correction and typed service errors."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import threading
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

import httpx

from vodstudio.cloud import http_deadline
from vodstudio.cloud.aliyun.cdn_ops import CdnOps
from vodstudio.cloud.aliyun.domain_ops import DomainOps
from vodstudio.cloud.aliyun.media_ops import MediaOps
from vodstudio.cloud.aliyun.media_refresh_ops import MediaRefreshOps
from vodstudio.cloud.aliyun.search_ops import SearchOps
from vodstudio.cloud.aliyun.signing import percent_encode, signed_params
from vodstudio.cloud.aliyun.signing_v3 import sign_rpc
from vodstudio.cloud.aliyun.template_ops import TemplateOps
from vodstudio.cloud.aliyun.upload_ops import UploadOps
from vodstudio.cloud.http import API_DEADLINE_S, make_http_client
from vodstudio.cloud.retry import RetryPolicy, as_network_error, run_with_retry, with_retry_after
from vodstudio.core.accounts import Account, ProxySetting, SignatureScheme
from vodstudio.core.errors import (
    ClockSkewError,
    ConfigError,
    MalformedResponseError,
    RedirectError,
    ServiceFacts,
    StalledError,
    VodStudioError,
    classify,
)
from vodstudio.store.logs import redact

log = logging.getLogger("vodstudio.cloud.aliyun")

MAX_ANSWER_BYTES = 8 * 1024 * 1024  # the largest real answers (SearchMedia pages) are far smaller
CLOCK_NOISE_S = 2.0  # Date has 1 s resolution plus latency: smaller differences are not skew
CDN_REGION = "cn-shanghai"
CDN_ENDPOINT = "https://vod.cn-shanghai.aliyuncs.com"
# Regions with their own endpoint (reference §1.1); cn-hangzhou is served by Shanghai, the rest centrally.
_OWN_ENDPOINT = frozenset(
    {
        "cn-shanghai",
        "cn-beijing",
        "cn-shenzhen",
        "cn-hongkong",
        "ap-southeast-1",
        "ap-northeast-1",
        "ap-southeast-5",
        "ap-south-1",
        "us-west-1",
        "eu-central-1",
        "me-central-1",
        "cn-north-2-gov-1",
    }
)


def endpoint_for_region(region: str) -> str:
    if region == "cn-hangzhou":
        return "https://vod.cn-shanghai.aliyuncs.com"
    if region in _OWN_ENDPOINT:
        return f"https://vod.{region}.aliyuncs.com"
    return "https://vod.aliyuncs.com"


class MalformedAnswerError(MalformedResponseError):
    """A VOD answer that is not the JSON the protocol promises (an HTML error page, truncated JSON)."""

    def __init__(self, message: str, *, http_status: int, snippet: str) -> None:
        super().__init__(
            f"{message} (HTTP {http_status}): {snippet}",
            retryable=http_status >= 500 or http_status == 429,
        )
        self.http_status = http_status
        self.snippet = snippet


def _wire(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _elapsed(response: httpx.Response) -> float:
    try:
        return response.elapsed.total_seconds()
    except RuntimeError:  # not measured (some mock transports)
        return 0.0


class _Hidden:
    """Keeps a secret out of ``repr``/``vars`` dumps (debuggers, pytest locals, crash reports)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<hidden>"


class VodClient(UploadOps, MediaOps, SearchOps, CdnOps, MediaRefreshOps, DomainOps, TemplateOps):
    """ApsaraVideo VOD (and its CDN operations) over RPC, signed ACS3-HMAC-SHA256 unless the account
    asks for the legacy HMAC-SHA1. Thread-safe: share one per account."""

    def __init__(
        self,
        access_key_id: str,
        access_key_secret: str,
        *,
        region: str = "cn-shanghai",
        endpoint: str | None = None,
        cdn_endpoint: str | None = None,
        proxy: ProxySetting = ProxySetting(),  # noqa: B008 - frozen dataclass, safe as a default
        timeout: float = 30.0,
        deadline: float = API_DEADLINE_S,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        cancel: threading.Event | None = None,
        security_token: str | None = None,
        signature: SignatureScheme = SignatureScheme.ACS3,
    ) -> None:
        if not access_key_id or not access_key_secret:
            raise ConfigError("an AccessKey id and secret are required", code="config.credentials")
        self.access_key_id = access_key_id
        self.__secret = _Hidden(access_key_secret)
        self.__token = _Hidden(security_token) if security_token else None
        self.region = region
        self.signature = SignatureScheme(signature)
        self.endpoint = (endpoint or endpoint_for_region(region)).rstrip("/")
        self.cdn_endpoint = (cdn_endpoint or (endpoint if endpoint else CDN_ENDPOINT)).rstrip("/")
        self.retry = retry or RetryPolicy()
        self.cancel = cancel
        self.clock_offset = 0.0  # server time minus local time, learned from every answer's Date
        self.deadline = deadline
        self._http = make_http_client(
            proxy=proxy,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            transport=transport,
            deadline=deadline,
        )

    @classmethod
    def for_account(cls, account: Account, secret: str, **kw: Any) -> VodClient:
        kw.setdefault("region", account.region)
        kw.setdefault("endpoint", account.endpoint or None)
        kw.setdefault("proxy", account.proxy)
        kw.setdefault("signature", account.signature)
        return cls(account.access_key_id, secret, **kw)

    def __repr__(self) -> str:
        return (
            f"VodClient(access_key_id={self.access_key_id!r}, endpoint={self.endpoint!r}, "
            f"signature={self.signature.value})"
        )

    # ---- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- the one RPC entry point -------------------------------------------------------------
    def call(self, action: str, params: Mapping[str, object], *, cdn: bool = False) -> dict[str, Any]:
        """Send one RPC ``action``; ``None`` params are left out. Retries per the client's policy."""
        wire = {key: _wire(value) for key, value in params.items() if value is not None}
        return run_with_retry(lambda: self._call_once(action, wire, cdn), self.retry, cancel=self.cancel)

    def _now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + dt.timedelta(seconds=self.clock_offset)

    def _call_once(self, action: str, params: dict[str, str], cdn: bool) -> dict[str, Any]:
        """One attempt, plus the single clock-corrected resend when the timestamp was rejected."""
        for corrected in (False, True):
            response, body = self._post(action, params, cdn)
            try:
                return self._answer(action, response, body)
            except ClockSkewError:
                if corrected or not self._learn_clock(response):
                    raise
                log.warning("%s: clock skew corrected by %.0fs, resending", action, self.clock_offset)
        raise AssertionError("unreachable")  # pragma: no cover

    def _post(self, action: str, params: dict[str, str], cdn: bool) -> tuple[httpx.Response, bytes]:
        base = self.cdn_endpoint if cdn else self.endpoint
        headers: dict[str, str] = {}
        if self.signature is SignatureScheme.HMAC_SHA1:
            url = self._sign_v1(base, action, params, cdn)
        else:
            url, headers = self._sign_v3(base, action, params)
        started = time.monotonic()
        try:
            with self._http.stream("POST", url, headers=headers) as response:
                body = _read_capped(action, response)
        except httpx.TransportError as exc:
            log.info("%s failed after %.3fs: %s", action, time.monotonic() - started, type(exc).__name__)
            if http_deadline.expired():
                raise StalledError(
                    f"{action}: the server stopped answering (no complete answer within {self.deadline:g} s)"
                ) from exc
            raise as_network_error(exc) from exc
        log.debug("%s %s in %.3fs", action, params, time.monotonic() - started)
        if 300 <= response.status_code < 400:
            raise _redirect_error(action, base, response)
        self._observe_clock(response)
        return response, body

    def _sign_v1(self, base: str, action: str, params: dict[str, str], cdn: bool) -> str:
        signed = signed_params(
            "POST",
            action,
            params,
            access_key_id=self.access_key_id,
            access_key_secret=self.__secret.reveal(),
            region=CDN_REGION if cdn else self.region,
            security_token=self.__token.reveal() if self.__token else None,
            clock=self._now,
        )
        query = "&".join(f"{percent_encode(key)}={percent_encode(value)}" for key, value in signed.items())
        return f"{base}/?{query}"

    def _sign_v3(self, base: str, action: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
        # V3 has no RegionId common parameter: the endpoint names the region (CDN calls go to Shanghai).
        # ``host`` is signed, so it must be exactly what httpx sends: the URL's host[:port].
        call = sign_rpc(
            "POST",
            httpx.URL(base).netloc.decode("ascii"),
            action,
            params,
            access_key_id=self.access_key_id,
            access_key_secret=self.__secret.reveal(),
            security_token=self.__token.reveal() if self.__token else None,
            clock=self._now,
        )
        return (f"{base}/?{call.query}" if call.query else f"{base}/"), call.headers

    def _answer(self, action: str, response: httpx.Response, raw: bytes) -> dict[str, Any]:
        status = response.status_code
        try:
            body = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = None
        if not isinstance(body, dict):
            snippet = redact(raw[:200].decode("utf-8", "replace").replace("\n", " "))
            raise MalformedAnswerError(
                f"{action}: the answer is not a JSON object", http_status=status, snippet=snippet
            )
        if status >= 300:
            raise self._service_error(action, response, body)
        request_id = body.get("RequestId", "")
        log.info("%s ok (HTTP %d in %.3fs, RequestId %s)", action, status, _elapsed(response), request_id)
        return body

    def _service_error(self, action: str, response: httpx.Response, body: dict[str, Any]) -> VodStudioError:
        code = str(body.get("Code") or "")
        if not code:
            snippet = redact(json.dumps(body)[:200])
            return MalformedAnswerError(
                f"{action}: an error without Code", http_status=response.status_code, snippet=snippet
            )
        facts = ServiceFacts(
            provider="aliyun",
            service_code=code,
            message=redact(str(body.get("Message") or "")),
            request_id=str(body.get("RequestId") or ""),
            http_status=response.status_code,
            host_id=str(body.get("HostId") or ""),
            recommend=str(body.get("Recommend") or ""),
        )
        log.info(
            "%s failed: HTTP %d %s in %.3fs (RequestId %s)",
            action,
            facts.http_status,
            code,
            _elapsed(response),
            facts.request_id,
        )
        error: VodStudioError = classify(facts)
        retry_after = response.headers.get("x-acs-retry-after", "")
        if retry_after.isdigit() and int(retry_after) > 0:
            error = with_retry_after(error, float(retry_after))
        return error

    def _observe_clock(self, response: httpx.Response) -> None:
        """Keep ``clock_offset`` current from every answer: credential deadlines are server times."""
        offset = _server_offset(response)
        if offset is not None and abs(offset - self.clock_offset) > CLOCK_NOISE_S:
            self.clock_offset = offset

    def _learn_clock(self, response: httpx.Response) -> bool:
        """Set ``clock_offset`` from the answer's ``Date`` header; False when there is none."""
        header = response.headers.get("Date", "")
        try:
            server = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return False
        if server.tzinfo is None:
            server = server.replace(tzinfo=dt.UTC)
        self.clock_offset = (server - dt.datetime.now(dt.UTC)).total_seconds()
        return True


def _server_offset(response: httpx.Response) -> float | None:
    try:
        server = email.utils.parsedate_to_datetime(response.headers.get("Date", ""))
    except (TypeError, ValueError):
        return None
    if server.tzinfo is None:
        server = server.replace(tzinfo=dt.UTC)
    return (server - dt.datetime.now(dt.UTC)).total_seconds()


def _read_capped(action: str, response: httpx.Response) -> bytes:
    """The answer's body, refusing one larger than any real VOD answer (a hostile or broken server)."""
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > MAX_ANSWER_BYTES:
            raise MalformedAnswerError(
                f"{action}: the answer is larger than {MAX_ANSWER_BYTES} bytes",
                http_status=response.status_code,
                snippet="",
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _redirect_error(action: str, base: str, response: httpx.Response) -> RedirectError:
    asked = urlsplit(base).hostname or "?"
    host = urlsplit(response.headers.get("Location", "")).hostname or asked
    return RedirectError(
        f"{action}: {asked} answered HTTP {response.status_code} redirecting to {host}; API calls never "
        "follow redirects (the signed request would go to that host)",
        code="api.redirect",
        location_host=host,
    )
