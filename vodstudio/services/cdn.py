"""The CDN desk as a use case: quota first, submit (deferred items first), task status, usage, logs.

One ``cdn.sqlite3`` per profile, opened on first use and closed with the services. A desk per account
is built from the account's shared API client (``AccountsService``), and rebuilt after the account
is saved, so a new key or endpoint applies at once. The panel, the library and ``vodstudio cdn`` all
submit through ``CdnDeskSession.submit``, which always sends earlier deferred items first.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vodstudio.cdn.deferred import DeferredQueue, PendingItem
from vodstudio.cdn.desk import CdnDesk
from vodstudio.cdn.media_jobs import MediaJobLog, MediaJobRecord
from vodstudio.cdn.media_refresh import (
    MediaRefreshEstimate,
    MediaRefreshOutcome,
    estimate_media_refresh,
    media_refresh_status,
    submit_media_refresh,
)
from vodstudio.cdn.store import open_cdn_db
from vodstudio.cloud.aliyun.cdn_models import MediaRefreshOptions, MediaRefreshSubmission, VodDomain
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.models import DomainLog, UsageSeries
from vodstudio.cloud.huawei.client import HuaweiVodClient
from vodstudio.cloud.huawei.models import HuaweiAsset
from vodstudio.core.accounts import Account
from vodstudio.core.cdn import CdnQuota, CdnTask, CdnTaskKind, SubmitResult, TaskRef
from vodstudio.core.cdn_items import ItemList, parse_items
from vodstudio.core.errors import ConfigError
from vodstudio.services import downloads
from vodstudio.services.accounts import AccountsService
from vodstudio.services.providers import Capability, ProviderKit
from vodstudio.store.db import Database
from vodstudio.store.paths import ProfilePaths

RECENT_TASKS = 50
MAX_PICKER_ASSETS = 1000


@dataclass(frozen=True)
class SubmitOutcome:
    """``earlier``: deferred items that went out first; ``result``: what happened to this batch."""

    earlier: SubmitResult
    result: SubmitResult
    quota_before: CdnQuota


@dataclass(frozen=True)
class TaskList:
    tasks: list[CdnTask]
    total: int  # how many tasks exist in the period; ``tasks`` may show only the newest of them
    waiting: list[PendingItem] = field(default_factory=list)


class CdnDeskSession:
    """One account's desk, its deferred queue and what its provider can do. Thread-safe."""

    def __init__(
        self, account: Account, kit: ProviderKit, desk: CdnDesk, queue: DeferredQueue, media_log: MediaJobLog
    ) -> None:
        self.account = account
        self.kit = kit
        self.desk = desk
        self.queue = queue
        self.media_log = media_log

    def supports(self, capability: Capability) -> bool:
        return self.kit.supports(capability)

    def kinds(self) -> list[CdnTaskKind]:
        return [k for k in CdnTaskKind if self.desk.supports(k)]

    def parse(self, text: str, kind: CdnTaskKind) -> ItemList:
        return parse_items(text, kind, assets_allowed=self.supports(Capability.CDN_ASSETS))

    # ---- quota and submit -----------------------------------------------------------------------
    def quota(self) -> CdnQuota:
        return self.desk.quota()

    def pending(self) -> list[PendingItem]:
        return self.queue.pending(self.account.provider.value)

    def submit(self, kind: CdnTaskKind, items: Sequence[str]) -> SubmitOutcome:
        """Deferred items due today go first (they waited longest), then these, as far as the quota
        goes; the rest is kept and sent after the reset."""
        self.desk.check(kind)
        earlier = self.queue.submit_due(self.desk)
        before = self.desk.quota()
        result = self.queue.submit(self.desk, kind, items)
        return SubmitOutcome(earlier, result, before)

    def submit_due(self) -> SubmitResult:
        return self.queue.submit_due(self.desk)

    def drop_pending(self) -> int:
        return self.queue.drop_pending([p.id for p in self.pending()])

    # ---- status ---------------------------------------------------------------------------------
    def tasks(self, task_ids: Sequence[str] = (), *, limit: int = RECENT_TASKS) -> TaskList:
        """The given tasks, or the recent ones: listed by the service where it can (any tool's), else
        the ones this profile submitted (Huawei answers only by task id)."""
        provider = self.account.provider.value
        waiting = self.pending()
        if task_ids:
            known = {ref.task_id: ref for ref in self.queue.task_refs(provider, limit=10_000)}
            tasks = self.desk.tasks([known.get(t, TaskRef(t)) for t in task_ids])
            return TaskList(tasks, len(tasks), waiting)
        if self.supports(Capability.CDN_RECENT_TASKS):
            tasks, total = self.desk.recent_tasks(limit)
            return TaskList(tasks, total, waiting)
        tasks = self.queue.statuses(self.desk, limit=limit)
        return TaskList(tasks, len(self.queue.task_refs(provider, limit=100_000)), waiting)

    # ---- domain: usage and logs (providers with CDN_DOMAIN) -------------------------------------
    def _vod(self, capability: Capability) -> VodClient:
        client = getattr(self.desk, "client", None)
        if not self.supports(capability) or not isinstance(client, VodClient):
            raise ConfigError(f"{self.kit.display_name} has no {capability.value}", code="config.provider")
        return client

    def usage(
        self, domain: str, start: dt.datetime, end: dt.datetime, interval: int
    ) -> tuple[UsageSeries, UsageSeries]:
        """Traffic (bytes per interval) and bandwidth (bit/s) of one domain."""
        client = self._vod(Capability.CDN_CHARTS)
        traffic = client.describe_vod_domain_traffic_data(
            domain, start_time=start, end_time=end, interval=interval
        )
        bps = client.describe_vod_domain_bps_data(domain, start_time=start, end_time=end, interval=interval)
        return traffic, bps

    def logs(self, domain: str, start: dt.datetime, end: dt.datetime) -> list[DomainLog]:
        client = self._vod(Capability.CDN_LOGS)
        out: list[DomainLog] = []
        page = 1
        while True:
            answer = client.describe_vod_domain_log(
                domain, start_time=start, end_time=end, page_number=page, page_size=1000
            )
            out += answer.logs
            if not answer.logs or len(out) >= answer.total:
                return out
            page += 1

    def download_logs(
        self,
        logs: Sequence[DomainLog],
        folder: Path,
        *,
        progress: downloads.Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Path]:
        files = [
            downloads.RemoteFile(
                downloads.log_url(str(log.path)), str(log.name) or "cdn-log.gz", int(log.size)
            )
            for log in logs
        ]
        return downloads.download_all(
            files, folder, proxy=self.account.proxy, progress=progress, cancel=cancel
        )

    # ---- whole videos (providers with CDN_MEDIA) ------------------------------------------------
    def estimate_media(self, video_ids: Sequence[str], options: MediaRefreshOptions) -> MediaRefreshEstimate:
        """What refreshing or prefetching these videos costs, against today's quota: show it first."""
        return estimate_media_refresh(self._vod(Capability.CDN_MEDIA), video_ids, options)

    def refresh_media(
        self, estimate: MediaRefreshEstimate, *, allow_over_quota: bool = False
    ) -> list[MediaRefreshSubmission]:
        """Send the estimated videos (20 per call) and remember the jobs for the Tasks view."""
        submissions = submit_media_refresh(
            self._vod(Capability.CDN_MEDIA), estimate, allow_over_quota=allow_over_quota
        )
        self.media_log.record(submissions, estimate.options.task_type)
        return submissions

    def media_jobs(self, limit: int = 20) -> list[MediaJobRecord]:
        return self.media_log.recent(limit)

    def media_outcomes(self, submissions: Sequence[MediaRefreshSubmission]) -> list[MediaRefreshOutcome]:
        """Each video's result now (poll every few seconds while some are running)."""
        return media_refresh_status(self._vod(Capability.CDN_MEDIA), submissions)

    # ---- domains (providers with CDN_DOMAIN_LIST) -----------------------------------------------
    def domains(self) -> list[VodDomain]:
        """The account's accelerated domains with their status (online, offline, configuring…)."""
        return self._vod(Capability.CDN_DOMAIN_LIST).list_vod_user_domains()

    # ---- assets (providers with CDN_ASSETS) -----------------------------------------------------
    def assets(self, limit: int = MAX_PICKER_ASSETS) -> list[HuaweiAsset]:
        """The first ``limit`` media assets, to pick from for asset refresh and prefetch."""
        client = getattr(self.desk, "client", None)
        if not self.supports(Capability.CDN_ASSETS) or not isinstance(client, HuaweiVodClient):
            raise ConfigError(f"{self.kit.display_name} has no asset items", code="config.provider")
        out: list[HuaweiAsset] = []
        page = 0
        while len(out) < limit:
            answer = client.list_assets(page=page, size=100)
            out += answer.assets
            if not answer.assets or len(out) >= answer.total:
                break
            page += 1
        return out[:limit]


class CdnService:
    def __init__(self, paths: ProfilePaths, accounts: AccountsService) -> None:
        self._paths = paths
        self._accounts = accounts
        self._lock = threading.Lock()
        self._db: Database | None = None
        self._sessions: dict[str, CdnDeskSession] = {}
        self._closed = False
        accounts.subscribe(self._forget)

    def database(self) -> Database:
        """The profile's one ``cdn.sqlite3`` (opened on first use)."""
        with self._lock:
            if self._closed:
                raise ConfigError("the CDN desk is closed", code="config.closed")
            if self._db is None:
                self._db = open_cdn_db(self._paths)
            return self._db

    def open(self, account_name: str) -> CdnDeskSession:
        """The desk of an account (may read the keychain and open the database)."""
        with self._lock:
            session = self._sessions.get(account_name)
        if session is not None:
            return session
        account = self._accounts.get(account_name)
        kit = self._accounts.kit(account)
        if not kit.supports(Capability.CDN):
            raise ConfigError(f"{kit.display_name} has no CDN desk", code="config.provider")
        db = self.database()
        desk = kit.make_desk(self._accounts.client(account_name), db, account.name)
        fresh = CdnDeskSession(
            account, kit, desk, DeferredQueue(db, account.name), MediaJobLog(db, account.name)
        )
        with self._lock:
            return self._sessions.setdefault(account_name, fresh)

    def _forget(self, account_name: str) -> None:
        with self._lock:
            self._sessions.pop(account_name, None)

    def close(self) -> None:
        """Close the database; the desks' clients belong to ``AccountsService``."""
        with self._lock:
            self._closed = True
            self._sessions.clear()
            db, self._db = self._db, None
        if db is not None:
            db.close()
