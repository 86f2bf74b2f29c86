"""Upload presets over the sandbox: patterns, covers beside the file, storage and app, template lists,
and the CDN prefetch once a preset's video plays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vod20170321 import models as vod_models
from alibabacloud_vod20170321.client import Client

from tests.protocol.engine_helpers import engine_on, write_file
from tests.protocol.test_engine_basic import _png
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.errors import ServiceError, ServiceFacts
from vodstudio.core.jobs import USED_AS_COVER, CoverRule, JobMetadata, JobState
from vodstudio.core.playback import PlayState
from vodstudio.core.presets import UploadPreset
from vodstudio.sandbox import vod_templates, vod_upload
from vodstudio.services import Services, build_services
from vodstudio.services.prefetch import SUBMITTED, cache_url
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.store.paths import ProfilePaths

TODAY = dt.datetime.now().astimezone().strftime("%Y-%m-%d")


def _show_folder(tmp_path: Path) -> Path:
    show = tmp_path / "Weekly Show"
    show.mkdir()
    write_file(show / "ep1.mp4", 60_000, seed=1)
    (show / "ep1.JPG").write_bytes(_png())  # the extension in any case
    write_file(show / "ep2.mp4", 50_000, seed=2)
    (show / "poster.png").write_bytes(_png())  # no video of that name: an image upload of its own
    return show


def test_a_preset_upload_fills_titles_covers_storage_and_app(sandbox: Any, tmp_path: Path) -> None:
    show = _show_folder(tmp_path)
    preset = UploadPreset(
        name="Weekly",
        title_pattern="{folder} – {stem} ({date})",
        tags=("weekly",),
        cover_rule=CoverRule.SAME_STEM,
        storage_location=vod_upload.storage_location(sandbox.state),
        app_id="app-2000000",
    )
    with engine_on(sandbox, tmp_path) as (engine, queue, client, _rec):
        result = engine.add_files("sb", [show], preset.to_metadata())
        assert result.skipped == ((str(show / "ep1.JPG"), USED_AS_COVER),)
        engine.start()
        assert engine.wait_idle(60)
        jobs = {Path(j.path).name: j for j in (queue.job(i) for i in result.job_ids) if j is not None}
        assert sorted(jobs) == ["ep1.mp4", "ep2.mp4", "poster.png"]
        assert all(j.state is JobState.DONE for j in jobs.values()), [j.error_message for j in jobs.values()]
        ep1 = client.get_video_info(jobs["ep1.mp4"].media_id)
        covers = {name: queue.cover_url(job.id) for name, job in jobs.items()}
    assert ep1.title == f"Weekly Show – ep1 ({TODAY})"
    assert jobs["ep1.mp4"].cover_path == str(show / "ep1.JPG")
    assert covers["ep1.mp4"] and ep1.cover_url == covers["ep1.mp4"]
    assert (jobs["ep2.mp4"].cover_path, covers["ep2.mp4"]) == ("", "")  # no image beside it: no cover
    assert (ep1.storage_location, ep1.app_id) == (preset.storage_location, "app-2000000")
    with sandbox.state.db() as conn:
        image = conn.execute(
            "SELECT title, app_id FROM media WHERE media_id = ?", (jobs["poster.png"].media_id,)
        ).fetchone()
    assert tuple(image) == (f"Weekly Show – poster ({TODAY})", "app-2000000")


def test_a_plain_title_stays_and_an_unknown_storage_location_fails_clearly(
    sandbox: Any, tmp_path: Path
) -> None:
    write_file(tmp_path / "a.mp4", 40_000)
    meta = JobMetadata(title="As typed {size}", storage_location="elsewhere.oss-cn-beijing.aliyuncs.com")
    with engine_on(sandbox, tmp_path) as (engine, queue, _client, _rec):
        (job_id,) = engine.add_files("sb", [tmp_path / "a.mp4"], meta).job_ids
        engine.start()
        assert engine.wait_idle(30)
        job = queue.job(job_id)
    assert job is not None and job.title == "As typed {size}"
    assert job.state is JobState.FAILED
    assert (job.error_code, job.error_message) == (
        "InvalidStorage.NotFound",
        "The storage location does not exist.",
    )
    assert job.request_id


def test_template_groups_and_workflows_are_listed(sandbox: Any, tmp_path: Path) -> None:
    with engine_on(sandbox, tmp_path) as (_engine, _queue, client, _rec):
        groups = client.list_transcode_template_groups()
        flows = client.list_workflows()
        assert client.list_workflows(app_id="app-other") == []
    assert [(g.group_id, g.is_default) for g in groups] == [
        (vod_templates.DEFAULT_GROUP_ID, True),
        ("VOD_NO_TRANSCODE", False),
    ]
    assert groups[0].name and groups[0].created_at is not None and not groups[0].locked
    assert [(f.workflow_id, f.status) for f in flows] == [(vod_templates.WORKFLOW_ID, "Enabled")]


def test_the_official_sdk_reads_the_template_groups(sandbox: Any) -> None:
    info = sandbox.info
    tea = Client(
        Config(
            access_key_id=info.access_key_id,
            access_key_secret=info.access_key_secret,
            endpoint=info.vod_endpoint.removeprefix("http://"),
            protocol="http",
            region_id="cn-shanghai",
        )
    )
    body = tea.list_transcode_template_group(vod_models.ListTranscodeTemplateGroupRequest()).body
    assert body.request_id
    found = [
        (g.transcode_template_group_id, g.is_default, g.locked) for g in body.transcode_template_group_list
    ]
    assert found == [
        (vod_templates.DEFAULT_GROUP_ID, "Default", "Disabled"),
        ("VOD_NO_TRANSCODE", "NotDefault", "Disabled"),
    ]
    assert all(g.name and g.app_id and g.creation_time for g in body.transcode_template_group_list)


@pytest.fixture
def services(sandbox: Any) -> Iterator[Services]:
    svc = build_services(ProfilePaths.default())
    svc.sandbox.ensure_accounts(sandbox.info)
    yield svc
    svc.close()


def _run(services: Services, paths: list[Path], meta: JobMetadata) -> list[int]:
    engine = services.uploads.engine(lambda _event: None)
    try:
        ids = list(engine.add_files(ALIYUN_NAME, paths, meta).job_ids)
        engine.start()
        assert engine.wait_idle(60)
    finally:
        engine.close()
    return ids


def _play_urls(services: Services, job_id: int) -> set[str]:
    job = services.uploads.job(job_id)
    assert job is not None and job.media_id
    info = services.accounts.vod_client(ALIYUN_NAME).get_play_info(job.media_id)
    return {cache_url(s.play_url) for s in info.streams}


def test_a_video_that_plays_is_prefetched_on_the_cdn(
    sandbox: Any, services: Services, tmp_path: Path
) -> None:
    write_file(tmp_path / "launch.mp4", 80_000, seed=3)
    write_file(tmp_path / "quiet.mp4", 70_000, seed=4)
    (loud,) = _run(services, [tmp_path / "launch.mp4"], JobMetadata(prefetch_when_playable=True))
    (quiet,) = _run(services, [tmp_path / "quiet.mp4"], JobMetadata())
    summary = services.playback.wait([loud, quiet], timeout=30)
    assert len(summary.playable) == 2, summary
    queue = services.uploads.queue
    assert (queue.prefetch_state(loud), queue.prefetch_state(quiet)) == (SUBMITTED, "")
    tasks = services.cdn.open(ALIYUN_NAME).tasks().tasks
    prefetched = {t.item for t in tasks if t.kind is CdnTaskKind.PREFETCH}
    wanted = _play_urls(services, loud)
    assert wanted and prefetched == wanted
    assert not prefetched & _play_urls(services, quiet)


def test_over_the_quota_the_prefetch_waits_for_the_reset(
    sandbox: Any, services: Services, tmp_path: Path
) -> None:
    with sandbox.state.db() as conn:  # today's 500 prefetches are used up
        conn.execute(
            "INSERT INTO quota_usage (provider, kind, day, used) VALUES ('aliyun', 'preload', ?, 500)",
            (sandbox.state.shanghai_day(),),
        )
    write_file(tmp_path / "late.mp4", 60_000, seed=5)
    (job_id,) = _run(services, [tmp_path / "late.mp4"], JobMetadata(prefetch_when_playable=True))
    assert services.playback.wait([job_id], timeout=30).playable == ("late.mp4",)
    assert services.uploads.queue.prefetch_state(job_id) == "deferred"
    assert {p.item for p in services.cdn.open(ALIYUN_NAME).pending()} == _play_urls(services, job_id)


def test_a_prefetch_failure_is_recorded_and_the_following_goes_on(
    sandbox: Any, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise ServiceError(ServiceFacts("aliyun", "Forbidden.RAM", "no permission", "rid-1", 403))

    write_file(tmp_path / "denied.mp4", 60_000, seed=6)
    (job_id,) = _run(services, [tmp_path / "denied.mp4"], JobMetadata(prefetch_when_playable=True))
    monkeypatch.setattr(VodClient, "get_play_info", refuse)
    assert services.playback.wait([job_id], timeout=30).playable == ("denied.mp4",)
    assert services.uploads.queue.prefetch_state(job_id) == "failed:Forbidden.RAM"
    assert services.playback.of_jobs([job_id])[job_id].state is PlayState.PLAYABLE
