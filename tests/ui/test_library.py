"""The Library section against the live sandbox: search, lazy paging, details, edit, delete, CDN actions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.ui.conftest import idle
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.errors import NotFoundError
from vodstudio.core.match_builder import SearchType
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.sandbox import ALIYUN_NAME, HUAWEI_NAME
from vodstudio.ui.library.model import Column
from vodstudio.ui.library.panel import LibraryPanel

SHOTS = os.environ.get("VODSTUDIO_SHOTS", "")
DEMO_VIDEOS = 30


@pytest.fixture
def panel(qtbot: Any, sandbox: Any, services: Services) -> Iterator[LibraryPanel]:
    seed_demo(sandbox.state, videos=DEMO_VIDEOS)
    widget = LibraryPanel(services.library, services.cdn, services.settings, services.paths.thumbnail_dir)
    # pytest-qt closes and deletes it on the GUI thread after the test, stopping it first.
    qtbot.addWidget(widget, before_close_func=lambda w: (w.shutdown(), w.set_account(None)))
    widget.page_size = 10  # several pages from a small library
    widget.resize(1200, 700)
    widget.set_account(services.accounts.get(ALIYUN_NAME))
    qtbot.waitUntil(lambda m=widget.model: m.rowCount() > 0, timeout=15_000)
    idle(qtbot)
    yield widget
    idle(qtbot)


@pytest.fixture
def client(services: Services) -> VodClient:
    """The account's shared client, to check what the service now holds."""
    return services.accounts.vod_client(ALIYUN_NAME)


def load_all(qtbot: Any, panel: LibraryPanel) -> None:
    while panel.model.canFetchMore(QModelIndex()):
        panel.model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: not panel.model.loading, timeout=15_000)


def test_lazy_paging_loads_page_by_page(qtbot: Any, panel: LibraryPanel) -> None:
    model = panel.model
    assert model.rowCount() == 10
    assert (model.total or 0) >= DEMO_VIDEOS
    load_all(qtbot, panel)
    assert model.rowCount() == model.total
    ids = [item.asset_id for item in model.items()]
    assert len(set(ids)) == len(ids)  # no page loaded twice
    assert "Showing" in panel.status.text()


def test_search_and_filters_build_the_match(qtbot: Any, panel: LibraryPanel) -> None:
    title = panel.model.item(0).title
    panel.filters.search_edit.setText(title)
    panel.filters.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() > 0, timeout=15_000)
    assert all(title.casefold() in i.title.casefold() for i in panel.model.items())
    panel.filters.search_edit.setText("no such title anywhere 无此标题")
    panel.filters.search_edit.returnPressed.emit()
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.total == 0, timeout=15_000)
    assert not panel.overlay.isHidden()
    panel.filters.search_edit.clear()
    status = panel.filters.status_combo
    status.setCurrentIndex(status.findData("Normal"))
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() > 0, timeout=15_000)
    assert {i.status for i in panel.model.items()} == {"Normal"}
    panel.filters.type_combo.setCurrentIndex(panel.filters.type_combo.findData(SearchType.IMAGE.value))
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() > 0, timeout=15_000)
    assert all(i.kind is SearchType.IMAGE and i.asset_id for i in panel.model.items())


def test_server_and_client_sorting(qtbot: Any, panel: LibraryPanel) -> None:
    header = panel.table.horizontalHeader()
    header.setSortIndicator(Column.CREATED, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() > 0, timeout=15_000)
    created = [i.created for i in panel.model.items()]
    assert created == sorted(created)
    header.setSortIndicator(Column.SIZE, Qt.SortOrder.DescendingOrder)
    sizes = [i.size for i in panel.model.items()]
    assert sizes == sorted(sizes, reverse=True)
    assert "sorted within the loaded rows" in panel.status.text()


def test_thumbnails_are_fetched_and_cached_on_disk(
    qtbot: Any, panel: LibraryPanel, services: Services
) -> None:
    urls = [i.cover_url for i in panel.model.items() if i.cover_url]
    assert urls
    panel.table.viewport().repaint()  # asks for the visible covers
    for url in urls[:3]:
        panel.thumbs.pixmap(url)
    qtbot.waitUntil(lambda: panel.thumbs.pending() == 0, timeout=15_000)
    assert panel.thumbs.pixmap(urls[0]) is not None
    assert panel.thumbs.path_for(urls[0]).exists()
    assert panel.thumbs.path_for(urls[0]).parent == services.paths.thumbnail_dir
    if SHOTS:
        panel.select_row(0)
        idle(qtbot)
        panel.grab().save(str(Path(SHOTS) / "library.png"))


def normal_row(panel: LibraryPanel) -> int:
    return next(r for r, i in enumerate(panel.model.items()) if i.status == "Normal")


def test_details_show_play_urls_and_download_the_source(
    qtbot: Any, panel: LibraryPanel, tmp_path: Path
) -> None:
    panel.select_row(normal_row(panel))
    details = panel.details
    qtbot.waitUntil(lambda: details.play_info is not None and details.mezzanine is not None, timeout=15_000)
    assert details.streams.rowCount() > 0
    assert details.selected_url().startswith("http")
    details.copy_selected_url()
    target = tmp_path / "source.mp4"
    task = details.start_download(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert target.stat().st_size > 0
    if SHOTS:
        details.setCurrentIndex(1)
        panel.grab().save(str(Path(SHOTS) / "library-details.png"))


def test_edit_one_and_many(qtbot: Any, panel: LibraryPanel, client: VodClient) -> None:
    actions = panel.library_actions
    panel.select_row(0)
    dialog = actions.edit_selected()
    assert dialog is not None and not dialog.many
    dialog.title_edit.setText("新标题 renamed")
    dialog.tags_edit.setText("a, b，c")
    item_id = panel.model.item(0).asset_id
    with qtbot.waitSignal(actions.finished, timeout=15_000):
        dialog.accept()
    video = client.get_video_info(item_id)
    assert video.title == "新标题 renamed"
    assert list(video.tags) == ["a", "b", "c"]
    idle(qtbot)
    for row in range(3):
        panel.select_row(row, extend=row > 0)
    ids = [i.asset_id for i in panel.selected_items()]
    dialog = actions.edit_selected()
    assert dialog is not None and dialog.many
    dialog.checks["description"].setChecked(True)
    dialog.description_edit.setPlainText("batch description")
    with qtbot.waitSignal(actions.finished, timeout=15_000):
        dialog.accept()
    assert all(v.description == "batch description" for v in client.get_video_infos(ids).videos)


def test_edit_rejects_an_empty_title(qtbot: Any, panel: LibraryPanel) -> None:
    panel.select_row(0)
    dialog = panel.library_actions.edit_selected()
    assert dialog is not None
    dialog.title_edit.setText("  ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.text()
    dialog.reject()


def test_delete_videos_streams_and_sources(qtbot: Any, panel: LibraryPanel, client: VodClient) -> None:
    actions = panel.library_actions
    actions.confirm = False
    panel.select_row(normal_row(panel))
    details = panel.details
    qtbot.waitUntil(lambda: details.play_info is not None, timeout=15_000)
    video_id = panel.selected_items()[0].asset_id
    job_ids = [s.job_id for s in details.play_info.streams]
    dialog = actions.delete_streams()
    assert dialog is not None and dialog.list.count() == len(job_ids)
    dialog.set_all_checked(False)
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(actions.finished, timeout=15_000):
        dialog.accept()
    remaining = {s.job_id for s in client.get_play_info(video_id).streams} if len(job_ids) > 1 else set()
    assert job_ids[0] not in remaining
    idle(qtbot)
    source = actions.delete_source()
    assert source.extra is not None and "Force" in source.extra.text()
    source.extra.setChecked(True)
    with qtbot.waitSignal(actions.finished, timeout=15_000):
        source.accept()
    with pytest.raises(NotFoundError):
        client.get_mezzanine_info(video_id)
    idle(qtbot)
    before = panel.model.rowCount()
    panel.select_row(0)
    panel.select_row(1, extend=True)
    doomed = {i.asset_id for i in panel.selected_items()}
    with qtbot.waitSignal(actions.finished, timeout=15_000):
        actions.delete_selected()
    assert panel.model.rowCount() == before - 2
    assert client.get_video_infos(list(doomed)).non_exist_video_ids


def test_refresh_on_cdn_by_video_shows_the_quota_first(
    qtbot: Any, panel: LibraryPanel, services: Services
) -> None:
    panel.select_row(normal_row(panel))
    video_id = panel.selected_items()[0].asset_id
    dialog = panel.library_actions.send_to_cdn(CdnTaskKind.PREFETCH)
    assert dialog is not None
    with qtbot.waitSignal(dialog.estimated, timeout=15_000) as first:
        pass
    every = first.args[0]
    assert every.cost >= 1 and every.fits and dialog.send_button.isEnabled()
    assert "of today's" in dialog.estimate_label.text()
    with qtbot.waitSignal(dialog.estimated, timeout=15_000) as narrowed:
        dialog.format_checks["mp4"].setChecked(True)  # fewer URLs: the estimate follows the choice
    assert 0 < narrowed.args[0].cost <= every.cost
    with qtbot.waitSignal(panel.media_submitted, timeout=20_000) as sent:
        dialog.send_button.click()
    (submission,) = sent.args[0]
    assert submission.media_ids == [video_id]
    (job,) = services.cdn.open(ALIYUN_NAME).media_jobs()
    assert job.task_type == "Preload" and job.submission.job_id == submission.job_id
    assert "Sent 1 video" in panel.status.text()


def test_replace_cover_uploads_updates_and_refreshes_the_old_url(
    qtbot: Any, panel: LibraryPanel, tmp_path: Path, client: VodClient
) -> None:
    from vodstudio.sandbox.pngimg import cover_png  # a small real PNG

    image = tmp_path / "cover.png"
    image.write_bytes(cover_png("replacement", 64, 36))
    panel.select_row(normal_row(panel))
    video_id = panel.selected_items()[0].asset_id
    old = client.get_video_info(video_id).cover_url
    with qtbot.waitSignal(panel.cdn_submitted, timeout=20_000) as blocker:
        panel.library_actions.replace_cover(image)
    new = client.get_video_info(video_id).cover_url
    assert new and new != old
    assert [item for item, _ in blocker.args[0].submitted] == [old]


def test_huawei_account_shows_why_there_is_no_library(
    qtbot: Any, panel: LibraryPanel, services: Services
) -> None:
    panel.set_account(services.accounts.get(HUAWEI_NAME))
    assert panel.model.rowCount() == 0
    assert not panel.overlay.isHidden()


# What the FFmpeg backend says on a machine without a sound server or VA-API (stack.md §1).
@pytest.mark.qt_log_ignore(
    "PulseAudio", "audio device", "No HW decoder", "RHI", "symbolsresolver", r"resolve va", r"load va"
)
def test_preview_plays_a_normal_video(qtbot: Any, panel: LibraryPanel) -> None:
    from vodstudio.ui.library.preview import MULTIMEDIA_ERROR

    if MULTIMEDIA_ERROR:
        pytest.skip(f"Qt Multimedia unavailable here: {MULTIMEDIA_ERROR}")
    panel.select_row(normal_row(panel))
    details = panel.details
    qtbot.waitUntil(lambda: details.play_info is not None, timeout=15_000)
    details.preview_selected()
    player = details.preview.player
    assert player is not None
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: player.position() > 0, timeout=20_000)
    details.preview.toggle()  # pause
    player.stop()


def test_images_view_edit_and_delete(qtbot: Any, panel: LibraryPanel, client: VodClient) -> None:
    filters = panel.filters
    filters.type_combo.setCurrentIndex(filters.type_combo.findData(SearchType.IMAGE.value))
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() > 1, timeout=15_000)
    panel.select_row(0)
    image_id = panel.selected_items()[0].asset_id
    qtbot.waitUntil(lambda: not panel._selection_timer.isActive(), timeout=5_000)  # selection is deferred
    idle(qtbot)  # GetImageInfo fills the details pane
    assert image_id in [
        panel.details.info_form.itemAt(i).widget().text()
        for i in range(panel.details.info_form.count())
        if panel.details.info_form.itemAt(i).widget() is not None
    ]
    dialog = panel.library_actions.edit_selected()
    assert dialog is not None
    dialog.title_edit.setText("封面 cover")
    with qtbot.waitSignal(panel.library_actions.finished, timeout=15_000):
        dialog.accept()
    assert client.get_image_info(image_id).title == "封面 cover"
    idle(qtbot)
    panel.library_actions.confirm = False
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15_000)
    panel.select_row(0)
    doomed = panel.selected_items()[0].asset_id
    with qtbot.waitSignal(panel.library_actions.finished, timeout=15_000):
        panel.library_actions.delete_selected()
    with pytest.raises(NotFoundError):
        client.get_image_info(doomed)
