"""The use-case floor over the live sandbox: account edits apply at once, one upload path, one parser."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import Recorder, write_file
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.cdn_items import ItemProblemKind, parse_items
from vodstudio.core.errors import ConfigError
from vodstudio.core.jobs import JobMetadata, JobState
from vodstudio.core.match_builder import MediaFilter, sort_by
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services, build_services
from vodstudio.services.sandbox import ALIYUN_NAME, HUAWEI_NAME
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import MemoryKeyring, SecretStore


@pytest.fixture
def services(sandbox: Any) -> Iterator[Services]:
    svc = build_services(ProfilePaths.default(), secrets=SecretStore(backend=MemoryKeyring()))
    svc.sandbox.ensure_accounts(sandbox.info)
    yield svc
    svc.close()


def test_saving_an_account_replaces_its_client_everywhere(sandbox: Any, services: Services) -> None:
    """Review defect 1: the per-account client cache kept the old key and endpoint until a restart."""
    accounts = services.accounts
    account = accounts.get(ALIYUN_NAME)
    old = accounts.vod_client(ALIYUN_NAME)
    assert accounts.vod_client(ALIYUN_NAME) is old  # shared while nothing changes
    desk = services.cdn.open(ALIYUN_NAME)
    # A wrong endpoint saved in the dialog: the very next call of every section goes there.
    accounts.save(dataclasses.replace(account, endpoint="http://127.0.0.1:9"))
    moved = accounts.vod_client(ALIYUN_NAME)
    assert moved is not old and moved.endpoint == "http://127.0.0.1:9"
    assert services.cdn.open(ALIYUN_NAME) is not desk
    # And back: the library works again without a restart.
    accounts.save(account)
    query = services.library.search(ALIYUN_NAME, MediaFilter(), sort_by("CreationTime"))
    query.next_page()
    assert query.total is not None


def test_a_queued_upload_uses_the_saved_account(sandbox: Any, services: Services, tmp_path: Path) -> None:
    """The engine asks for the client per job, so an account saved while it runs applies to new jobs."""
    recorder = Recorder()
    engine = services.uploads.engine(recorder)
    try:
        account = services.accounts.get(ALIYUN_NAME)
        services.accounts.save(dataclasses.replace(account, endpoint="http://127.0.0.1:9"))
        services.accounts.save(account)  # fixed again before the job starts
        path = tmp_path / "clip.mp4"
        write_file(path, 200_000)
        result = engine.add_files(ALIYUN_NAME, [path], JobMetadata())
        engine.start()
        assert engine.wait_idle(60)
        job = services.uploads.job(result.job_ids[0])
        assert job is not None and job.state is JobState.DONE, job
    finally:
        engine.close()


def test_cover_replacement_takes_the_engine_path_with_retries_and_crc(
    sandbox: Any, services: Services, tmp_path: Path
) -> None:
    """Review defect 5: the cover went up with a bare oss2 PutObject (no retry, no CRC-64 check)."""
    from vodstudio.sandbox.pngimg import cover_png

    seed_demo(sandbox.state, videos=3)
    client = services.accounts.vod_client(ALIYUN_NAME)
    video_id = client.get_video_list(page_size=1).videos[0].video_id
    image = tmp_path / "cover.png"
    image.write_bytes(cover_png("new cover", 64, 36))
    # Every second OSS PutObject answers 503: a single attempt fails half the time, three covers in a
    # row almost never succeed without retries.
    sandbox.state.update_faults({"error_rate": {"PutObject": 0.5}, "seed": 11})
    urls = [services.library.replace_cover(ALIYUN_NAME, video_id, image).new_url for _ in range(3)]
    assert sandbox.state.injected["PutObject"] >= 1  # a single-attempt PUT would have failed there
    assert len(set(urls)) == 3
    assert client.get_video_info(video_id).cover_url == urls[-1]


def test_a_cover_the_service_would_refuse_fails_before_any_call(services: Services, tmp_path: Path) -> None:
    """Review defect 4: one media table; a ``.bmp`` is not an image VOD takes, so it is refused locally."""
    bmp = tmp_path / "cover.bmp"
    bmp.write_bytes(b"BM" + bytes(100))
    with pytest.raises(Exception, match="an image must be one of") as caught:
        services.uploads.upload_image(ALIYUN_NAME, bmp)
    assert getattr(caught.value, "code", "") == "file.not-media"


def test_close_closes_the_cdn_database(sandbox: Any) -> None:
    """Review defect 8: ``cdn.sqlite3`` lived in a module cache with no close path."""
    services = build_services(ProfilePaths.default(), secrets=SecretStore(backend=MemoryKeyring()))
    services.sandbox.ensure_accounts(sandbox.info)
    db = services.cdn.database()
    services.cdn.open(ALIYUN_NAME).quota()
    services.close()
    with pytest.raises(sqlite3.ProgrammingError), db.read() as conn:
        conn.execute("SELECT 1")
    with pytest.raises(ConfigError):
        services.cdn.database()


def test_submit_sends_deferred_items_first(sandbox: Any, services: Services) -> None:
    """Review defect 7: only the CLI sent earlier deferred items before a new batch; now every face does."""
    from vodstudio.sandbox import quota

    desk = services.cdn.open(ALIYUN_NAME)
    domain = sandbox.info.cdn_domain
    with sandbox.state.db() as conn:
        assert quota.consume(sandbox.state, conn, "aliyun", "url", 1999, 2000)  # one left today
    first = desk.submit(CdnTaskKind.REFRESH_URL, [f"http://{domain}/old/{i}.mp4" for i in range(3)])
    assert len(first.result.submitted) == 1 and len(first.result.deferred) == 2
    sandbox.state.clock_offset += 86400  # the next quota day
    client = services.accounts.vod_client(ALIYUN_NAME)
    client.clock_offset = sandbox.state.clock_offset
    second = desk.submit(CdnTaskKind.REFRESH_URL, [f"http://{domain}/new.mp4"])
    assert [item for item, _ in second.earlier.submitted] == [f"http://{domain}/old/{i}.mp4" for i in (1, 2)]
    assert [item for item, _ in second.result.submitted] == [f"http://{domain}/new.mp4"]


def test_cdn_lines_are_checked_one_by_one() -> None:
    """Review defect 7: an indented ``# note`` was an item for the CLI; a bad line had no number."""
    lines = ["  # a note", "http://cdn.example.com/a.mp4", "", "ftp://nope/b", "http://cdn.example.com/a.mp4"]
    text = "\n".join([*lines, "http://x/ dir"])
    parsed = parse_items(text, CdnTaskKind.REFRESH_URL)
    assert parsed.items == ["http://cdn.example.com/a.mp4"]
    assert parsed.duplicates == 1
    assert [(p.line, p.kind) for p in parsed.problems] == [
        (4, ItemProblemKind.NOT_A_URL),
        (6, ItemProblemKind.HAS_SPACES),
    ]
    dirs = parse_items("http://cdn.example.com/v/\nhttp://cdn.example.com/v", CdnTaskKind.REFRESH_DIR)
    assert dirs.items == ["http://cdn.example.com/v/"]
    assert dirs.problems[0].kind is ItemProblemKind.NOT_A_DIRECTORY
    assets = parse_items("asset:abc123", CdnTaskKind.PREFETCH)
    assert assets.problems[0].kind is ItemProblemKind.ASSETS_NOT_SUPPORTED
    assert parse_items("asset:abc123", CdnTaskKind.PREFETCH, assets_allowed=True).items == ["asset:abc123"]


def test_providers_answer_by_capability(services: Services) -> None:
    """Huawei accounts have a CDN desk but no library: asked as a capability, refused plainly."""
    with pytest.raises(ConfigError, match="cannot do this"):
        services.accounts.vod_client(HUAWEI_NAME)
    huawei = services.cdn.open(HUAWEI_NAME)
    assert CdnTaskKind.REFRESH_DIR not in huawei.kinds()
    assert not huawei.quota().known
    assert services.accounts.probe(services.accounts.get(HUAWEI_NAME)).endswith("assets")
