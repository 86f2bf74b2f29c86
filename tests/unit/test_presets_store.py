"""The profile's presets file (a bad one never stops the app), the service's name rules, and the intake:
patterns and the same-stem cover rule applied per file."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from vodstudio.core.errors import PresetError
from vodstudio.core.jobs import USED_AS_COVER, CoverRule, JobKind, JobMetadata
from vodstudio.core.presets import NAME_MAX, UploadPreset
from vodstudio.services.accounts import AccountsService
from vodstudio.services.presets import PresetsService, free_name
from vodstudio.store.accounts import AccountStore
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.presets import PresetStore
from vodstudio.store.queue_db import NewJob
from vodstudio.store.secrets import MemoryKeyring, SecretStore
from vodstudio.transfer.intake import jobs_from_scan, new_job, url_name
from vodstudio.transfer.scan import Candidate, scan


@pytest.fixture
def service(tmp_path: Path) -> PresetsService:
    paths = ProfilePaths.under(tmp_path).ensure()
    accounts = AccountsService(AccountStore(paths, SecretStore(backend=MemoryKeyring())))
    return PresetsService(paths, accounts)


def test_unparsable_and_invalid_files_give_no_presets_and_are_kept_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "presets.json"
    store = PresetStore(path)
    path.write_text("{broken", "utf-8")
    assert store.load() == []
    assert (tmp_path / "presets.json.corrupt").read_text("utf-8") == "{broken"
    path.write_text(
        json.dumps({"format": "vodstudio-presets", "version": 1, "presets": [{"name": ""}]}), "utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="vodstudio.store.presets"):
        assert store.load() == []
    assert "ignoring presets.json" in caplog.text
    assert (tmp_path / "presets.json.invalid").exists() and not path.exists()
    store.save([UploadPreset(name="Fresh")])
    assert store.load() == [UploadPreset(name="Fresh")]


def test_names_are_unique_whatever_their_case(service: PresetsService) -> None:
    service.save(UploadPreset(name="Weekly", tags=("a",)))
    with pytest.raises(PresetError) as caught:
        service.save(UploadPreset(name="WEEKLY"))
    assert (caught.value.code, caught.value.name) == ("preset.exists", "Weekly")
    service.save(UploadPreset(name="weekly", tags=("b",)), overwrite=True)
    assert [(p.name, p.tags) for p in service.list_all()] == [("weekly", ("b",))]
    service.save(UploadPreset(name="Daily"))
    with pytest.raises(PresetError, match="exists"):
        service.rename("daily", "WEEKLY")
    assert service.rename("weekly", "Weekly").name == "Weekly"  # a change of case is a rename
    with pytest.raises(PresetError) as missing:
        service.delete("Monthly")
    assert missing.value.code == "preset.not-found"
    with pytest.raises(PresetError) as unnamed:
        service.save(UploadPreset(name="  "))
    assert unnamed.value.code == "preset.name"


def test_free_names_count_up_and_stay_within_the_limit() -> None:
    assert free_name("A", {"b"}) == "A"
    assert free_name("A", {"a", "a (2)"}) == "A (3)"
    long = "x" * NAME_MAX
    assert free_name(long, {long}) == "x" * (NAME_MAX - 4) + " (2)"


def test_export_names_must_exist(service: PresetsService, tmp_path: Path) -> None:
    service.save(UploadPreset(name="One"))
    with pytest.raises(PresetError, match="no preset named 'Two'"):
        service.export_file(tmp_path / "out.json", ["One", "Two"])
    assert not (tmp_path / "out.json").exists()


WHEN = dt.datetime(2026, 5, 4, 12, tzinfo=dt.UTC)


def _jobs(folder: Path, meta: JobMetadata) -> tuple[list[NewJob], list[tuple[str, str]]]:
    jobs: list[NewJob] = []
    skipped: list[tuple[str, str]] = []
    for item in jobs_from_scan("acc", scan([folder]), meta):
        if isinstance(item, NewJob):
            jobs.append(item)
        else:
            skipped.append(item)
    return jobs, skipped


def test_the_cover_rule_pairs_stills_with_videos_and_keeps_lone_images(tmp_path: Path) -> None:
    for name in ("a.mp4", "a.jpeg", "a.png", "b.mov", "c.png", "d.txt"):
        (tmp_path / name).write_bytes(b"x")
    jobs, skipped = _jobs(tmp_path, JobMetadata(cover_rule=CoverRule.SAME_STEM, title="{stem}!"))
    by_name = {Path(j.path).name: j for j in jobs}
    assert sorted(by_name) == ["a.mp4", "b.mov", "c.png"]
    assert by_name["a.mp4"].cover_path == str(tmp_path / "a.jpeg")  # jpeg before png
    assert by_name["b.mov"].cover_path == "" and by_name["c.png"].kind is JobKind.IMAGE
    assert by_name["a.mp4"].title == "a!"
    assert sorted(skipped) == [
        (str(tmp_path / "a.jpeg"), USED_AS_COVER),
        (str(tmp_path / "a.png"), USED_AS_COVER),
        (str(tmp_path / "d.txt"), "not-media"),
    ]


def test_without_the_rule_stills_are_uploads_and_the_batch_cover_stays(tmp_path: Path) -> None:
    for name in ("a.mp4", "a.jpg"):
        (tmp_path / name).write_bytes(b"x")
    jobs, skipped = _jobs(tmp_path, JobMetadata(cover_path="/covers/all.png"))
    assert sorted((Path(j.path).name, j.cover_path) for j in jobs) == [
        ("a.jpg", "/covers/all.png"),
        ("a.mp4", "/covers/all.png"),
    ]
    assert skipped == []


def test_a_still_whose_video_is_not_in_this_add_is_uploaded(tmp_path: Path) -> None:
    for name in ("a.mp4", "a.jpg"):
        (tmp_path / name).write_bytes(b"x")
    meta = JobMetadata(cover_rule=CoverRule.SAME_STEM)
    jobs, skipped = [], []
    for item in jobs_from_scan("acc", scan([tmp_path / "a.jpg"]), meta):
        (jobs if isinstance(item, NewJob) else skipped).append(item)
    assert [Path(j.path).name for j in jobs] == ["a.jpg"] and skipped == []


def test_only_video_jobs_ask_for_a_prefetch_and_pulls_name_their_url(tmp_path: Path) -> None:
    meta = JobMetadata(prefetch_when_playable=True, title="{folder}-{stem}-{date}", app_id="app-9")
    image = new_job("acc", Candidate(tmp_path / "p.png", JobKind.IMAGE, 1, 1), meta, when=WHEN)
    video = new_job("acc", Candidate(tmp_path / "v.mp4", JobKind.VIDEO, 1, 1), meta, when=WHEN)
    assert (image.prefetch_cdn, video.prefetch_cdn, video.app_id) == (False, True, "app-9")
    assert video.title == f"{tmp_path.name}-v-2026-05-04"
    pull = new_job(
        "acc", Candidate(Path(), JobKind.URL_PULL, 0, 0), meta, when=WHEN,
        name=url_name("https://cdn.example/shows/%E7%AC%AC1%E9%9B%86.mp4?sig=1"),
    )  # fmt: skip
    assert pull.title == "shows-第1集-2026-05-04"
