"""oss2 plumbing: V4-signed buckets on STS credentials, a streaming file-slice reader, oss2 errors as ours.

Every OSS request of the app is signed with OSS V4 (``OSS4-HMAC-SHA256``, ``x-oss-content-sha256:
UNSIGNED-PAYLOAD``, so a part is read once, never hashed for the signature): OSS refuses V1 for
accounts created since 2025-03 and buckets since 2025-09, and every OSS region accepts V4. V1 stays
selectable per session only for side-by-side measurements and diagnosis.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth
from vodstudio.cloud.aliyun.oss_region import signing_region
from vodstudio.core.errors import (
    CancelledError,
    ConfigError,
    MalformedResponseError,
    NetworkError,
    ServiceFacts,
    SourceFileError,
    VodStudioError,
    classify,
)
from vodstudio.transfer import deadline
from vodstudio.transfer.crc import crc64
from vodstudio.transfer.ratelimit import TokenBucket

READ_CHUNK = 256 * 1024  # big enough that per-chunk overhead (lock, CRC call) stays negligible
# Once a request is sent, its whole answer must arrive within this (a trickle must not hang a job).
ANSWER_DEADLINE_S = 20.0


class OssSignature(enum.StrEnum):
    V4 = "v4"  # OSS4-HMAC-SHA256: the default, and what new accounts and buckets require
    V1 = "v1"  # HMAC-SHA1: refused by new accounts (EC 0002-00000080); benchmarks and diagnosis only


class OssSession:
    """One connection pool for all buckets of an engine (parallel files share the connection budget)."""

    def __init__(
        self,
        *,
        pool_size: int = 16,
        timeout: float = 30.0,
        proxies: dict[str, str | None] | None = None,
        signature: OssSignature = OssSignature.V4,
        answer_deadline: float = ANSWER_DEADLINE_S,
    ) -> None:
        self._pool_size = max(pool_size, 4)
        self._session: Any = None
        self._lock = threading.Lock()
        self.timeout = timeout
        self.proxies = proxies
        self.signature = OssSignature(signature)
        self.answer_deadline = answer_deadline

    def bucket(self, address: UploadAddress, auth: UploadAuth, *, region_hint: str = "") -> Any:
        """An ``oss2.Bucket`` for the upload address; CRC is checked by us (fastcrc), not by crcmod.

        The V4 signing region comes from the endpoint (``oss-cn-shanghai.aliyuncs.com``); where the
        endpoint names none (acceleration endpoints, an IP such as the sandbox's) it is the Region
        VOD states in the upload credential, which is the bucket's region, then ``region_hint``.
        """
        # oss2 is imported on first use (requests and oss2 itself, ~0.2 s), which the desktop app should
        # not pay before its window shows; never its client-side encryption (see oss2_import).
        from vodstudio.transfer.oss2_import import load_oss2

        oss2 = load_oss2()
        from vodstudio.transfer.oss_wire import GuardedSession

        with self._lock:
            if self._session is None:
                self._session = GuardedSession(self._pool_size, self.answer_deadline)
        if self.signature is OssSignature.V1:
            v1 = oss2.StsAuth(auth.access_key_id, auth.access_key_secret, auth.security_token)
            return self._make(oss2, v1, address, None)
        region = signing_region(address.endpoint, auth.region, region_hint)
        if not region:
            raise ConfigError(
                f"Cannot tell the OSS region of {address.endpoint} for a V4 signature.",
                code="config.oss-region",
            )
        v4 = oss2.StsAuth(
            auth.access_key_id, auth.access_key_secret, auth.security_token, auth_version=oss2.AUTH_VERSION_4
        )
        return self._make(oss2, v4, address, region)

    def _make(self, oss2: Any, auth: Any, address: UploadAddress, region: str | None) -> Any:
        return oss2.Bucket(
            auth,
            address.endpoint,
            address.bucket,
            session=self._session,
            connect_timeout=self.timeout,
            enable_crc=False,
            proxies=self.proxies,
            region=region,
        )

    def close(self) -> None:
        """Close the pooled connections (an engine's last act; the session can be used again)."""
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.session.close()


def oss_error(exc: Exception) -> VodStudioError:
    """An oss2 exception as a typed error (network trouble is retryable, service codes classified)."""
    from xml.etree.ElementTree import ParseError

    from vodstudio.transfer.oss2_import import load_oss2

    oss_exc = load_oss2().exceptions

    unparsable = isinstance(exc, RuntimeError) and str(exc).startswith("parse xml")  # oss2's own
    if unparsable or isinstance(exc, ParseError | KeyError | AttributeError | TypeError | IndexError):
        # oss2 met an answer that is not OSS's XML (a portal page, garbage): say so, do not retry
        return MalformedResponseError(f"OSS answered in an unexpected form: {type(exc).__name__}: {exc}")

    if isinstance(exc, oss_exc.RequestError):
        return NetworkError(f"OSS request failed: {exc.body if hasattr(exc, 'body') else exc}")
    if isinstance(exc, oss_exc.OssError):
        status = int(getattr(exc, "status", 0) or 0)
        if status <= 0:  # oss2's client-side errors carry negative pseudo statuses
            return NetworkError(f"OSS client error: {exc}")
        facts = ServiceFacts(
            provider="oss",
            service_code=str(getattr(exc, "code", "") or f"HTTP{status}"),
            message=str(getattr(exc, "message", "") or exc),
            request_id=str(getattr(exc, "request_id", "") or ""),
            http_status=status,
            ec=str(getattr(exc, "ec", "") or ""),
        )
        return classify(facts)
    if isinstance(exc, VodStudioError):
        return exc
    return NetworkError(f"{type(exc).__name__}: {exc}")


class _IterBody:
    __slots__ = ("_reader",)
    streamed = True  # the answer's deadline starts when the last byte left (oss_wire.GuardedSession)

    def __init__(self, reader: SliceReader) -> None:
        self._reader = reader

    def __len__(self) -> int:
        return self._reader.size

    def __iter__(self) -> Iterator[memoryview]:
        yield from self._reader
        deadline.body_sent()


class SliceReader:
    """Streams ``size`` bytes of a file from ``offset`` through the rate limiter.

    Computes the CRC64 of what it sent and reports every chunk to ``on_bytes`` (which may be called
    again from the start if a request is retried with a fresh reader). ``cancel`` aborts mid-body:
    the exception propagates out of requests and the connection is discarded.
    """

    def __init__(
        self,
        path: Path,
        offset: int,
        size: int,
        *,
        limiter: TokenBucket | None = None,
        cancel: threading.Event | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self.path = str(path)
        try:
            self._file = open(path, "rb")  # noqa: SIM115 - closed by close(), after requests is done
        except FileNotFoundError as exc:  # deleted mid-upload: say so now, no network retries
            raise SourceFileError(
                "the file is gone (deleted or moved during the upload)", code="file.missing", path=self.path
            ) from exc
        except OSError as exc:
            raise SourceFileError(
                f"cannot read the file: {exc.strerror}", code="file.unreadable", path=self.path
            ) from exc
        self._file.seek(offset)
        self._remaining = size
        self.size = size
        self.crc = 0
        self._limiter = limiter
        self._cancel = cancel
        self._on_bytes = on_bytes

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[memoryview]:
        """The slice in chunks of one reused buffer (``readinto``: no new 256 KiB object per chunk).

        Safe because the HTTP layer sends each chunk with ``sendall`` before it asks for the next;
        the profile showed the allocation and first-touch of fresh buffers as system time.
        """
        buffer = bytearray(READ_CHUNK)
        view = memoryview(buffer)
        while self._remaining > 0:
            if self._cancel is not None and self._cancel.is_set():
                raise CancelledError("transfer stopped")
            want = min(self._remaining, READ_CHUNK)
            if self._limiter is not None:
                self._limiter.acquire(want, self._cancel)
            got = self._file.readinto(view[:want])
            if got != want:  # the file shrank under us
                raise SourceFileError(
                    "the file became shorter during upload", code="file.changed", path=self.path
                )
            self._remaining -= got
            chunk = view[:got]
            self.crc = crc64(chunk, self.crc)
            if self._on_bytes is not None:
                self._on_bytes(got)
            yield chunk

    def body(self) -> _IterBody:
        """What to hand to oss2: sized and iterable but without ``read``, so urllib3 sends our
        256 KiB chunks instead of calling ``read(16384)`` sixteen times as often."""
        return _IterBody(self)

    def read(self, amount: int | None = -1) -> bytes:
        if self._cancel is not None and self._cancel.is_set():
            raise CancelledError("transfer stopped")
        if self._remaining <= 0:
            return b""
        want = self._remaining if amount is None or amount < 0 else amount
        want = min(want, self._remaining, READ_CHUNK)
        if self._limiter is not None:
            self._limiter.acquire(want, self._cancel)
        data = self._file.read(want)
        if len(data) != want:  # the file shrank under us
            raise SourceFileError(
                "the file became shorter during upload", code="file.changed", path=self.path
            )
        self._remaining -= len(data)
        self.crc = crc64(data, self.crc)
        if self._on_bytes is not None:
            self._on_bytes(len(data))
        return data

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> SliceReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
