"""RetryPolicy backoff bounds, retry_after, cancellation, and which errors are retried."""

from __future__ import annotations

import threading

import httpx
import pytest

from vodstudio.cloud.retry import RetryPolicy, run_with_retry, with_retry_after
from vodstudio.core.errors import (
    AuthError,
    CancelledError,
    InvalidParameterError,
    NetworkError,
    NotFoundError,
    ServerSideError,
    ServiceFacts,
    ThrottledError,
    VodStudioError,
)


def facts(code: str, status: int = 400) -> ServiceFacts:
    return ServiceFacts(provider="aliyun", service_code=code, message=code, http_status=status)


class Flaky:
    """Fails with the given errors in turn, then returns "ok"."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def test_cap_grows_exponentially_and_is_bounded() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=20.0)
    assert [policy.cap(n) for n in range(1, 8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 20.0]
    assert policy.cap(1000) == 20.0


def test_full_jitter_stays_within_cap() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0)
    for attempt in range(1, 6):
        for _ in range(50):
            assert 0.0 <= policy.delay(attempt) <= policy.cap(attempt)


def test_retry_after_wins_but_is_capped() -> None:
    policy = RetryPolicy(base_delay=0.1, max_delay=5.0, jitter=lambda cap: cap)
    assert policy.delay(1, with_retry_after(ThrottledError(facts("Throttling")), 3)) == 3.0
    assert policy.delay(1, with_retry_after(ThrottledError(facts("Throttling")), 60)) == 5.0


@pytest.mark.parametrize(
    "error",
    [
        ThrottledError(facts("Throttling.User")),
        ServerSideError(facts("InternalError", 500)),
        ServerSideError(facts("ServiceUnavailable", 503)),
        NetworkError("reset"),
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("dropped"),
    ],
)
def test_transient_errors_are_retried(error: BaseException) -> None:
    delays: list[float] = []
    fn = Flaky(error, error)
    policy = RetryPolicy(max_attempts=5, base_delay=0.1, jitter=lambda cap: cap)
    assert run_with_retry(fn, policy, sleep=delays.append) == "ok"
    assert fn.calls == 3 and delays == [0.1, 0.2]


@pytest.mark.parametrize(
    "error",
    [
        AuthError(facts("SignatureDoesNotMatch")),
        AuthError(facts("InvalidAccessKeyId.NotFound", 404)),
        InvalidParameterError(facts("InvalidParameter")),
        NotFoundError(facts("InvalidVideo.NotFound", 404)),
        VodStudioError("plain"),
    ],
)
def test_permanent_errors_are_not_retried(error: VodStudioError) -> None:
    fn = Flaky(error)
    with pytest.raises(type(error)):
        run_with_retry(fn, RetryPolicy(), sleep=lambda _: None)
    assert fn.calls == 1


def test_transport_errors_surface_as_network_errors() -> None:
    fn = Flaky(*[httpx.ReadTimeout("slow")] * 3)
    with pytest.raises(NetworkError) as caught:
        run_with_retry(fn, RetryPolicy(max_attempts=3), sleep=lambda _: None)
    assert caught.value.code == "network.timeout" and fn.calls == 3
    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)


def test_gives_up_after_max_attempts() -> None:
    fn = Flaky(*[ThrottledError(facts("Throttling"))] * 10)
    with pytest.raises(ThrottledError):
        run_with_retry(fn, RetryPolicy(max_attempts=4), sleep=lambda _: None)
    assert fn.calls == 4


def test_total_sleep_is_bounded() -> None:
    delays: list[float] = []
    fn = Flaky(*[ServerSideError(facts("InternalError", 500))] * 10)
    policy = RetryPolicy(max_attempts=10, base_delay=1.0, max_delay=4.0, max_total=6.0, jitter=lambda c: c)
    with pytest.raises(ServerSideError):
        run_with_retry(fn, policy, sleep=delays.append)
    assert delays == [1.0, 2.0] and sum(delays) <= 6.0  # the next (4.0) would pass the budget


def test_cancel_during_backoff_aborts() -> None:
    cancel = threading.Event()
    fn = Flaky(*[ThrottledError(facts("Throttling"))] * 5)

    def sleep(_: float) -> None:
        cancel.set()  # the user presses Cancel while we wait

    with pytest.raises(CancelledError):
        run_with_retry(fn, RetryPolicy(), cancel=cancel, sleep=sleep)
    assert fn.calls == 1


def test_cancel_event_interrupts_a_real_wait() -> None:
    cancel = threading.Event()
    fn = Flaky(*[ThrottledError(facts("Throttling"))] * 5)
    timer = threading.Timer(0.05, cancel.set)
    timer.start()
    policy = RetryPolicy(base_delay=30.0, max_delay=30.0, jitter=lambda cap: cap)
    with pytest.raises(CancelledError):
        run_with_retry(fn, policy, cancel=cancel)  # would wait 30 s without the event
    timer.join()


def test_already_cancelled_does_not_call() -> None:
    cancel = threading.Event()
    cancel.set()
    fn = Flaky()
    with pytest.raises(CancelledError):
        run_with_retry(fn, RetryPolicy(), cancel=cancel)
    assert fn.calls == 0


def test_on_retry_reports_each_retry() -> None:
    seen: list[tuple[int, str]] = []
    fn = Flaky(ThrottledError(facts("Throttling")), ServerSideError(facts("InternalError", 500)))
    run_with_retry(
        fn, RetryPolicy(), sleep=lambda _: None, on_retry=lambda n, err, _d: seen.append((n, err.code))
    )
    assert seen == [(1, "Throttling"), (2, "InternalError")]
