"""One CDN desk over both providers: quota, submit (refresh/prefetch) and task status.

Items are strings. Alibaba: URLs (``REFRESH_URL``, ``PREFETCH``) and directories ending in ``/``
(``REFRESH_DIR``) on a VOD CDN domain. Huawei: playback URLs, or ``asset:<asset_id>`` for a whole media
asset (refresh takes up to ten assets per call, prefetch one asset per call); Huawei has no directory
refresh. A desk submits what it is given; splitting a batch at the quota is ``DeferredQueue``'s job.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Sequence

from vodstudio.cdn.usage import UsageCounter
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.models import RefreshTask
from vodstudio.cloud.huawei.client import DAILY_LIMIT, HuaweiVodClient
from vodstudio.cloud.huawei.client import chunks as huawei_chunks
from vodstudio.cloud.huawei.models import HuaweiTaskStatus, TaskItem
from vodstudio.core.accounts import Provider
from vodstudio.core.batching import chunks
from vodstudio.core.cdn import (
    CdnQuota,
    CdnTask,
    CdnTaskKind,
    CdnTaskStatus,
    QuotaLine,
    SubmitResult,
    TaskRef,
    asset_id_of,
    is_asset_item,
)
from vodstudio.core.errors import (
    InvalidParameterError,
    NotFoundError,
    QuotaExceededError,
    ServiceError,
    VodStudioError,
)

# Alibaba's per-request cap is not documented for VOD (the CDN product allows 1,000 URLs / 100 dirs);
# smaller calls keep the item → task id mapping useful and a failure cheap.
ALIYUN_BATCH = {CdnTaskKind.REFRESH_URL: 100, CdnTaskKind.REFRESH_DIR: 50, CdnTaskKind.PREFETCH: 100}

HUAWEI_QUOTA_CODES = frozenset({"VOD.10185"})

Batch = tuple[list[str], Callable[[], list[str]]]


class UnsupportedKindError(VodStudioError):
    """This provider cannot do this kind of task (Huawei has no directory refresh)."""

    default_code = "cdn.unsupported"


class CdnDesk(abc.ABC):
    """The provider-neutral service the GUI's CDN section and ``vodstudio cdn`` share."""

    provider: Provider

    @abc.abstractmethod
    def supports(self, kind: CdnTaskKind) -> bool: ...

    @abc.abstractmethod
    def quota(self) -> CdnQuota:
        """Today's remaining quota per supported kind."""

    @abc.abstractmethod
    def submit(self, kind: CdnTaskKind, items: Sequence[str]) -> SubmitResult:
        """Send every item now. Items refused for quota come back ``deferred``; see ``SubmitResult``."""

    @abc.abstractmethod
    def tasks(self, refs: Sequence[TaskRef] = ()) -> list[CdnTask]:
        """Status of the given tasks, or (Alibaba only) of the last three days' tasks when none given."""

    def recent_tasks(self, limit: int) -> tuple[list[CdnTask], int]:
        """The newest ``limit`` tasks of the account (any tool's) and how many there are in all.

        Only providers that can list tasks without their ids implement it (``CDN_RECENT_TASKS``)."""
        raise UnsupportedKindError(f"{self.provider.value} lists tasks only by task id")

    def check(self, kind: CdnTaskKind) -> None:
        if not self.supports(kind):
            raise UnsupportedKindError(f"{self.provider.value} cannot do {kind.value}")


def run_batches(batches: Iterable[Batch], on_sent: Callable[[list[str]], None] | None = None) -> SubmitResult:
    """Run calls in order; stop at the first error and say what happened to every item."""
    submitted: list[tuple[str, str]] = []
    pending = list(batches)
    for index, (chunk, call) in enumerate(pending):
        try:
            ids = call()
        except VodStudioError as exc:
            rest = [item for part, _ in pending[index:] for item in part]
            if is_quota_error(exc):
                return SubmitResult(submitted, deferred=rest)
            if not submitted:
                raise
            return SubmitResult(submitted, failed=rest, error=exc)
        submitted += pair_ids(chunk, ids)
        if on_sent is not None:
            on_sent(chunk)
    return SubmitResult(submitted)


def pair_ids(chunk: list[str], ids: list[str]) -> list[tuple[str, str]]:
    """One id per item when the service gives that many; otherwise every item carries all of them."""
    if len(ids) == len(chunk):
        return list(zip(chunk, ids, strict=True))
    joined = ",".join(ids)
    return [(item, joined) for item in chunk]


def is_quota_error(error: VodStudioError) -> bool:
    if isinstance(error, QuotaExceededError):
        return True
    # Huawei answers its daily cap with an ordinary 400 (VOD.10185 in the sandbox; the code is not
    # documented), so the message is the fallback signal.
    if isinstance(error, ServiceError) and error.facts.provider == "huawei":
        text = error.facts.message.lower()
        return error.service_code in HUAWEI_QUOTA_CODES or ("limit" in text and "day" in text)
    return False


# ---- Alibaba -------------------------------------------------------------------------------
_ALIYUN_STATUS = {
    "complete": CdnTaskStatus.SUCCEEDED,
    "refreshing": CdnTaskStatus.RUNNING,
    "pending": CdnTaskStatus.PENDING,
    "failed": CdnTaskStatus.FAILED,
}
_ALIYUN_KIND = {"file": CdnTaskKind.REFRESH_URL, "directory": CdnTaskKind.REFRESH_DIR}


class AliyunCdnDesk(CdnDesk):
    provider = Provider.ALIYUN

    def __init__(self, client: VodClient) -> None:
        self.client = client

    def supports(self, kind: CdnTaskKind) -> bool:
        return True

    def quota(self) -> CdnQuota:
        q = self.client.describe_vod_refresh_quota()
        lines = {
            CdnTaskKind.REFRESH_URL: QuotaLine(int(q.url_remain), int(q.url_quota)),
            CdnTaskKind.REFRESH_DIR: QuotaLine(int(q.dir_remain), int(q.dir_quota)),
            CdnTaskKind.PREFETCH: QuotaLine(int(q.preload_remain), int(q.preload_quota)),
        }
        return CdnQuota(lines, known=True)

    def submit(self, kind: CdnTaskKind, items: Sequence[str]) -> SubmitResult:
        return run_batches((chunk, self._caller(kind, chunk)) for chunk in chunks(items, ALIYUN_BATCH[kind]))

    def _caller(self, kind: CdnTaskKind, chunk: list[str]) -> Callable[[], list[str]]:
        if kind is CdnTaskKind.PREFETCH:
            return lambda: self.client.preload_vod_object_caches(chunk)
        object_type = "Directory" if kind is CdnTaskKind.REFRESH_DIR else "File"
        return lambda: self.client.refresh_vod_object_caches(chunk, object_type=object_type)

    def recent_tasks(self, limit: int) -> tuple[list[CdnTask], int]:
        page = self.client.describe_vod_refresh_tasks(page_size=max(1, min(limit, 50)))
        return [_aliyun_task(t) for t in page.tasks], max(page.total, len(page.tasks))

    def tasks(self, refs: Sequence[TaskRef] = ()) -> list[CdnTask]:
        if not refs:
            return self.recent_tasks(50)[0]
        out: list[CdnTask] = []
        for task_id in dict.fromkeys(i for ref in refs for i in ref.task_id.split(",") if i):
            out += [_aliyun_task(t) for t in self.client.describe_vod_refresh_tasks(task_id=task_id).tasks]
        return out


def _aliyun_task(task: RefreshTask) -> CdnTask:
    object_type = task.object_type.lower()
    kind = CdnTaskKind.PREFETCH if object_type == "preload" else _ALIYUN_KIND.get(object_type)
    process = task.process.rstrip("%")
    return CdnTask(
        task_id=task.task_id,
        kind=kind,
        item=task.object_path,
        status=_ALIYUN_STATUS.get(task.status.lower(), CdnTaskStatus.UNKNOWN),
        progress=int(process) if process.isdigit() else None,
        created_at=task.creation_time,
        description=task.description,
    )


# ---- Huawei --------------------------------------------------------------------------------
_HUAWEI_STATUS = {
    HuaweiTaskStatus.PROCESSING: CdnTaskStatus.RUNNING,
    HuaweiTaskStatus.SUCCEED: CdnTaskStatus.SUCCEEDED,
    HuaweiTaskStatus.FAILED: CdnTaskStatus.FAILED,
}


class HuaweiCdnDesk(CdnDesk):
    provider = Provider.HUAWEI

    def __init__(self, client: HuaweiVodClient, usage: UsageCounter) -> None:
        self.client = client
        self.usage = usage

    def supports(self, kind: CdnTaskKind) -> bool:
        return kind is not CdnTaskKind.REFRESH_DIR

    def quota(self) -> CdnQuota:
        kinds = (CdnTaskKind.REFRESH_URL, CdnTaskKind.PREFETCH)
        return CdnQuota({k: self.usage.line(k, DAILY_LIMIT) for k in kinds}, known=False)

    def submit(self, kind: CdnTaskKind, items: Sequence[str]) -> SubmitResult:
        self.check(kind)
        urls = [i for i in items if not is_asset_item(i)]
        assets = [i for i in items if is_asset_item(i)]
        batches: list[Batch] = []
        if kind is CdnTaskKind.PREFETCH:
            batches += [(part, self._call(self.client.preheat_urls, part)) for part in huawei_chunks(urls)]
            batches += [([a], self._preheat_asset(a)) for a in assets]
        else:
            batches += [(part, self._call(self.client.refresh_urls, part)) for part in huawei_chunks(urls)]
            ids = [(part, [asset_id_of(a) for a in part]) for part in huawei_chunks(assets)]
            batches += [(part, self._call(self.client.refresh_assets, raw)) for part, raw in ids]
        result = run_batches(batches, on_sent=lambda part: self.usage.add(kind, len(part)))
        if result.deferred:
            self.usage.mark_exhausted(kind, DAILY_LIMIT)
        return result

    @staticmethod
    def _call(method: Callable[[Sequence[str]], list[str]], part: list[str]) -> Callable[[], list[str]]:
        return lambda: method(part)

    def _preheat_asset(self, item: str) -> Callable[[], list[str]]:
        return lambda: [self.client.preheat_asset(asset_id_of(item))]

    def tasks(self, refs: Sequence[TaskRef] = ()) -> list[CdnTask]:
        out: list[CdnTask] = []
        for ref in {r.task_id: r for r in refs}.values():
            kind, items = self._result(ref)
            out += [
                CdnTask(ref.task_id, kind, i.url, _HUAWEI_STATUS.get(i.status, CdnTaskStatus.UNKNOWN))
                for i in items
            ]
        return out

    def _result(self, ref: TaskRef) -> tuple[CdnTaskKind | None, list[TaskItem]]:
        if ref.kind is CdnTaskKind.PREFETCH:
            return ref.kind, self.client.preheat_result(ref.task_id)
        if ref.kind is not None:
            return ref.kind, self.client.refresh_result(ref.task_id)
        # A bare task id (typed on the command line): refresh and preheat ids share one namespace.
        try:
            return CdnTaskKind.REFRESH_URL, self.client.refresh_result(ref.task_id)
        except (NotFoundError, InvalidParameterError):
            return CdnTaskKind.PREFETCH, self.client.preheat_result(ref.task_id)
