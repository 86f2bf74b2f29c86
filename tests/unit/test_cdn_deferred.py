"""Split at the quota, persist the rest, submit it after the reset: DeferredQueue over an in-memory desk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest

from vodstudio.cdn.deferred import DeferredQueue
from vodstudio.cdn.desk import CdnDesk, UnsupportedKindError, run_batches
from vodstudio.cdn.store import open_cdn_db
from vodstudio.cdn.usage import UsageCounter
from vodstudio.core.accounts import Provider
from vodstudio.core.cdn import (
    CdnQuota,
    CdnTask,
    CdnTaskKind,
    CdnTaskStatus,
    QuotaLine,
    SubmitResult,
    TaskRef,
    next_reset,
    shanghai_day,
)
from vodstudio.core.errors import InvalidParameterError, QuotaExceededError, ServiceFacts
from vodstudio.store.paths import ProfilePaths

URL = CdnTaskKind.REFRESH_URL


class FakeDesk(CdnDesk):
    """A desk with a daily limit per kind that resets when ``day`` changes."""

    provider = Provider.ALIYUN

    def __init__(self, limit: int = 5) -> None:
        self.limit = limit
        self.used: dict[CdnTaskKind, int] = {}
        self.calls: list[list[str]] = []
        self.fail_on: str | None = None

    def new_day(self) -> None:
        self.used.clear()

    def supports(self, kind: CdnTaskKind) -> bool:
        return kind is not CdnTaskKind.REFRESH_DIR

    def quota(self) -> CdnQuota:
        return CdnQuota({k: QuotaLine(self.limit - self.used.get(k, 0), self.limit) for k in CdnTaskKind})

    def submit(self, kind: CdnTaskKind, items: Sequence[str]) -> SubmitResult:
        return run_batches(([item], self._one(kind, item)) for item in items)

    def _one(self, kind: CdnTaskKind, item: str):  # type: ignore[no-untyped-def]
        def call() -> list[str]:
            if item == self.fail_on:
                raise InvalidParameterError(ServiceFacts("aliyun", "InvalidObjectPath.Malformed", "bad"))
            if self.used.get(kind, 0) >= self.limit:
                raise QuotaExceededError(ServiceFacts("aliyun", "QuotaExceeded.Refresh", "limit"))
            self.used[kind] = self.used.get(kind, 0) + 1
            self.calls.append([item])
            return [f"t-{item}"]

        return call

    def tasks(self, refs: Sequence[TaskRef] = ()) -> list[CdnTask]:
        return [CdnTask(r.task_id, r.kind, r.item, CdnTaskStatus.SUCCEEDED) for r in refs]


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_cdn_db(ProfilePaths.under(tmp_path))
    yield database
    database.close()


def urls(n: int, start: int = 0) -> list[str]:
    return [f"http://cdn.example/{i}.mp4" for i in range(start, start + n)]


def test_batch_over_quota_is_split_and_rest_persisted(db) -> None:  # type: ignore[no-untyped-def]
    desk, queue = FakeDesk(limit=5), DeferredQueue(db, "main")
    result = queue.submit(desk, URL, urls(8))
    assert [item for item, _ in result.submitted] == urls(5)
    assert result.deferred == urls(3, 5)
    assert [p.item for p in queue.pending()] == urls(3, 5)
    assert {p.kind for p in queue.pending()} == {URL}
    assert len(queue.history()) == 5


def test_pending_survives_a_new_queue_and_is_submitted_after_reset(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(limit=5)
    DeferredQueue(db, "main").submit(desk, URL, urls(12))
    assert DeferredQueue(db, "main").submit_due(desk).submitted == []  # same day: nothing left
    db.close()
    reopened = open_cdn_db(ProfilePaths.under(tmp_path))
    desk.new_day()
    queue = DeferredQueue(reopened, "main")
    first = queue.submit_due(desk)
    assert [i for i, _ in first.submitted] == urls(5, 5)
    assert [p.item for p in queue.pending()] == urls(2, 10)
    desk.new_day()
    assert [i for i, _ in queue.submit_due(desk).submitted] == urls(2, 10)
    assert queue.pending() == []
    assert len(queue.history()) == 12
    reopened.close()


def test_accounts_do_not_see_each_others_items(db) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(limit=0)
    DeferredQueue(db, "a").submit(desk, URL, urls(2))
    assert DeferredQueue(db, "b").pending() == []
    assert len(DeferredQueue(db, "a").pending()) == 2


def test_service_side_quota_error_defers_the_rest(db) -> None:  # type: ignore[no-untyped-def]
    queue = DeferredQueue(db, "main")

    class Optimist(FakeDesk):
        def quota(self) -> CdnQuota:  # claims more than the service allows
            return CdnQuota({URL: QuotaLine(10, 10)})

    optimist = Optimist(limit=3)
    result = queue.submit(optimist, URL, urls(6))
    assert len(result.submitted) == 3
    assert result.deferred == urls(3, 3)
    assert len(queue.pending()) == 3
    assert len(optimist.calls) == 3


def test_other_error_after_partial_success_is_reported_not_deferred(db) -> None:  # type: ignore[no-untyped-def]
    desk, queue = FakeDesk(limit=10), DeferredQueue(db, "main")
    desk.fail_on = urls(3)[2]
    result = queue.submit(desk, URL, urls(3))
    assert len(result.submitted) == 2
    assert result.failed == [urls(3)[2]]
    assert isinstance(result.error, InvalidParameterError)
    assert queue.pending() == []


def test_error_before_anything_was_sent_is_raised(db) -> None:  # type: ignore[no-untyped-def]
    desk = FakeDesk(limit=10)
    desk.fail_on = urls(1)[0]
    with pytest.raises(InvalidParameterError):
        DeferredQueue(db, "main").submit(desk, URL, urls(2))


def test_unsupported_kind_and_duplicates(db) -> None:  # type: ignore[no-untyped-def]
    desk, queue = FakeDesk(limit=10), DeferredQueue(db, "main")
    with pytest.raises(UnsupportedKindError):
        queue.submit(desk, CdnTaskKind.REFRESH_DIR, ["http://cdn.example/dir/"])
    result = queue.submit(desk, URL, [" a ", "a", "", "b"])
    assert [i for i, _ in result.submitted] == ["a", "b"]


def test_statuses_come_from_recorded_task_ids(db) -> None:  # type: ignore[no-untyped-def]
    desk, queue = FakeDesk(limit=10), DeferredQueue(db, "main")
    queue.submit(desk, CdnTaskKind.PREFETCH, urls(2))
    tasks = queue.statuses(desk)
    assert [t.task_id for t in tasks] == [f"t-{u}" for u in reversed(urls(2))]
    assert {t.kind for t in tasks} == {CdnTaskKind.PREFETCH}
    assert queue.drop_pending([]) == 0


def test_usage_counter_counts_per_beijing_day(db) -> None:  # type: ignore[no-untyped-def]
    # 15:59 UTC is 23:59 in Beijing; two minutes later it is the next quota day.
    moment = [dt.datetime(2026, 3, 1, 15, 59, tzinfo=dt.UTC)]
    counter = UsageCounter(db, "hw", clock=lambda: moment[0])
    counter.add(URL, 7)
    assert counter.line(URL, 1000) == QuotaLine(993, 1000)
    counter.mark_exhausted(URL, 1000)
    assert counter.line(URL, 1000).remaining == 0
    moment[0] += dt.timedelta(minutes=2)
    assert counter.used(URL) == 0
    assert shanghai_day(moment[0]) == "2026-03-02"
    assert next_reset(dt.datetime(2026, 3, 1, 15, 59, tzinfo=dt.UTC)) == moment[0].replace(minute=0, hour=16)
