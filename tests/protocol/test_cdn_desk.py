"""The Alibaba CDN desk and the deferred queue against the live sandbox (real HTTP on loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vodstudio.cdn.deferred import DeferredQueue
from vodstudio.cdn.desk import AliyunCdnDesk, CdnDesk
from vodstudio.cdn.store import open_cdn_db
from vodstudio.core.accounts import Account, Provider
from vodstudio.core.cdn import CdnTaskKind, CdnTaskStatus
from vodstudio.services.providers import ClientOptions, kit_for
from vodstudio.store.db import Database
from vodstudio.store.paths import ProfilePaths


def build_desk(account: Account, secret: str, db: Database) -> CdnDesk:
    """A desk over a fresh client, as the provider registry builds it."""
    kit = kit_for(account.provider)
    return kit.make_desk(kit.make_client(account, secret, ClientOptions()), db, account.name)


URL = CdnTaskKind.REFRESH_URL


def aliyun_account(sandbox: Any) -> Account:
    info = sandbox.info
    return Account("sb", Provider.ALIYUN, info.region, info.access_key_id, endpoint=info.vod_endpoint)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_cdn_db(ProfilePaths.under(tmp_path / "p"))
    yield database
    database.close()


@pytest.fixture
def desk(sandbox: Any, db: Database) -> Iterator[CdnDesk]:
    built = build_desk(aliyun_account(sandbox), sandbox.info.access_key_secret, db)
    yield built
    built.client.close()  # type: ignore[attr-defined]


def test_quota_is_known_and_reflects_use(sandbox: Any, desk: CdnDesk, db: Database) -> None:
    quota = desk.quota()
    assert quota.known
    assert (quota.remaining(URL), quota.limit(URL)) == (2000, 2000)
    assert quota.limit(CdnTaskKind.REFRESH_DIR) == 100
    assert quota.limit(CdnTaskKind.PREFETCH) == 500
    result = DeferredQueue(db, "sb").submit(
        desk, URL, [f"{sandbox.info.cdn_domain}/q/{i}.mp4" for i in range(3)]
    )
    assert len(result.submitted) == 3
    assert desk.quota().remaining(URL) == 1997


def test_oversize_refresh_is_split_deferred_and_sent_after_reset(
    sandbox: Any, desk: CdnDesk, db: Database, tmp_path: Path
) -> None:
    domain = sandbox.info.cdn_domain
    urls = [f"http://{domain}/big/{i}.mp4" for i in range(2100)]
    result = DeferredQueue(db, "sb").submit(desk, URL, urls)
    assert len(result.submitted) == 2000
    assert result.deferred == urls[2000:]
    assert desk.quota().remaining(URL) == 0
    assert [p.item for p in DeferredQueue(db, "sb").pending()] == urls[2000:]
    # Same day: nothing goes out.
    assert DeferredQueue(db, "sb").submit_due(desk).submitted == []

    sandbox.state.clock_offset += 86400
    fresh_db = open_cdn_db(ProfilePaths.under(tmp_path / "p"))
    fresh = build_desk(aliyun_account(sandbox), sandbox.info.access_key_secret, fresh_db)
    assert isinstance(fresh, AliyunCdnDesk)
    try:
        queue = DeferredQueue(fresh_db, "sb")
        due = queue.submit_due(fresh)
        assert [item for item, _ in due.submitted] == urls[2000:]
        assert queue.pending() == []
        assert fresh.quota().remaining(URL) == 1900
    finally:
        fresh.client.close()
        fresh_db.close()


def test_directory_refresh_and_task_status(sandbox: Any, desk: CdnDesk, db: Database) -> None:
    queue = DeferredQueue(db, "sb")
    queue.submit(desk, CdnTaskKind.REFRESH_DIR, [f"http://{sandbox.info.cdn_domain}/dir/"])
    tasks = queue.statuses(desk)
    assert len(tasks) == 1
    assert tasks[0].kind is CdnTaskKind.REFRESH_DIR
    assert tasks[0].status in (CdnTaskStatus.RUNNING, CdnTaskStatus.SUCCEEDED)
    recent = desk.tasks()
    assert [t.task_id for t in recent] == [tasks[0].task_id]
