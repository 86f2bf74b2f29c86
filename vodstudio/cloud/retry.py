"""Bounded exponential backoff with full jitter, shared by the VOD, Huawei and upload clients."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from vodstudio.core.errors import CancelledError, NetworkError, StalledError, VodStudioError

log = logging.getLogger("vodstudio.cloud.retry")


def _full_jitter(cap: float) -> float:
    return random.uniform(0.0, cap)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry.

    ``jitter`` maps the exponential cap to the actual delay (full jitter: uniform in ``[0, cap]``);
    tests pass ``lambda cap: cap`` for determinism. ``max_total`` bounds the time spent sleeping.
    """

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 20.0
    jitter: Callable[[float], float] = field(default=_full_jitter, repr=False, compare=False)
    max_total: float = 60.0
    # A server that stopped answering is given one more chance, not max_attempts: the user hears
    # "the server stopped answering" within two deadlines, not minutes later.
    max_stalls: int = 2

    @classmethod
    def never(cls) -> RetryPolicy:
        return cls(max_attempts=1)

    def cap(self, attempt: int) -> float:
        """The backoff ceiling after failed attempt number ``attempt`` (1-based)."""
        exponent: int = min(max(0, attempt - 1), 62)
        return min(self.max_delay, self.base_delay * float(1 << exponent))

    def delay(self, attempt: int, error: BaseException | None = None) -> float:
        """The pause before the next attempt; a server's ``retry_after`` wins (still capped)."""
        retry_after = getattr(error, "retry_after", None)
        if isinstance(retry_after, int | float) and retry_after > 0:
            return min(float(retry_after), self.max_delay)
        return max(0.0, min(self.jitter(self.cap(attempt)), self.max_delay))


def as_network_error(exc: httpx.TransportError) -> NetworkError:
    """Timeouts, refused and dropped connections as the domain's ``NetworkError``."""
    kind = "timeout" if isinstance(exc, httpx.TimeoutException) else "transport"
    code = "network.timeout" if kind == "timeout" else "network"
    return NetworkError(f"{kind} error: {type(exc).__name__}: {exc}", code=code)


def is_retryable(error: BaseException) -> bool:
    return isinstance(error, VodStudioError) and error.retryable and not isinstance(error, CancelledError)


def _wait(delay: float, cancel: threading.Event | None, sleep: Callable[[float], None] | None) -> None:
    if sleep is not None:
        sleep(delay)
    elif cancel is not None:
        cancel.wait(delay)
    elif delay > 0:
        threading.Event().wait(delay)
    if cancel is not None and cancel.is_set():
        raise CancelledError("cancelled during backoff")


def run_with_retry[T](
    fn: Callable[[], T],
    policy: RetryPolicy,
    *,
    cancel: threading.Event | None = None,
    sleep: Callable[[float], None] | None = None,
    on_retry: Callable[[int, VodStudioError, float], None] | None = None,
) -> T:
    """Call ``fn`` until it succeeds, a non-retryable error occurs, or the policy is used up.

    Only ``VodStudioError``s with ``retryable`` set are retried; ``httpx.TransportError``s are first
    turned into ``NetworkError``. ``cancel`` aborts before an attempt and during a backoff
    (``CancelledError``). ``sleep`` replaces the wait (tests record delays with it).
    """
    slept = 0.0
    attempt = 0
    stalls = 0
    while True:
        if cancel is not None and cancel.is_set():
            raise CancelledError("cancelled")
        attempt += 1
        try:
            return fn()
        except httpx.TransportError as exc:
            error: VodStudioError = as_network_error(exc)
            cause: BaseException = exc
        except VodStudioError as exc:
            error, cause = exc, exc
        stalls += isinstance(error, StalledError)
        retryable = is_retryable(error) and stalls < policy.max_stalls
        delay = policy.delay(attempt, error) if retryable else 0.0
        if not retryable or attempt >= policy.max_attempts or slept + delay > policy.max_total:
            if error is cause:
                raise error
            raise error from cause
        log.info("retrying after %s (attempt %d, waiting %.2fs)", error.code, attempt, delay)
        if on_retry is not None:
            on_retry(attempt, error, delay)
        _wait(delay, cancel, sleep)
        slept += delay


def with_retry_after(error: VodStudioError, seconds: float) -> VodStudioError:
    """Attach a server's retry-after hint (``RetryPolicy.delay`` honours it) and return the error."""
    error.retry_after = seconds  # type: ignore[attr-defined]
    return error
