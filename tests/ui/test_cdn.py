"""The CDN section against the live sandbox: quota, deferral, tasks, charts, logs, Huawei refresh."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import idle
from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.cdn_items import parse_items
from vodstudio.sandbox import quota
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.downloads import log_url
from vodstudio.services.sandbox import ALIYUN_NAME, HUAWEI_NAME
from vodstudio.ui.cdn.charts import ChartsPage
from vodstudio.ui.cdn.panel import CdnPanel

SHOTS = os.environ.get("VODSTUDIO_SHOTS", "")


def shot(widget: Any, name: str) -> None:
    if SHOTS:
        widget.resize(1100, 700)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def panel(qtbot: Any, services: Services) -> Iterator[CdnPanel]:
    widget = CdnPanel(services.cdn, services.settings)
    # pytest-qt closes and deletes it on the GUI thread after the test, stopping it first.
    qtbot.addWidget(widget, before_close_func=lambda w: (w.shutdown(), w.set_account(None)))
    widget.set_account(services.accounts.get(ALIYUN_NAME))
    idle(qtbot)
    yield widget
    idle(qtbot)


def charts_of(panel: CdnPanel) -> ChartsPage:
    page = panel.charts_page
    assert isinstance(page, ChartsPage)
    return page


def test_log_url_scheme() -> None:
    assert log_url("127.0.0.1:9/logs/a.gz?x=1") == "http://127.0.0.1:9/logs/a.gz?x=1"
    assert log_url("cdn.example.com/a.gz") == "https://cdn.example.com/a.gz"
    assert log_url("https://x/a.gz") == "https://x/a.gz"


def test_refresh_until_the_quota_runs_out_then_deferred_items_go_after_reset(
    qtbot: Any, sandbox: Any, panel: CdnPanel
) -> None:
    with sandbox.state.db() as conn:  # leave 5 of today's 2,000 URL refreshes
        assert quota.consume(sandbox.state, conn, "aliyun", "url", 1995, 2000)
    page = panel.submit_page
    page.reload()
    idle(qtbot)
    domain = sandbox.info.cdn_domain
    page.items_edit.setPlainText("\n".join(f"http://{domain}/v/{i}.mp4" for i in range(8)))
    assert "5 of 2,000 left" in page.quota_label.text()
    assert "3 item(s) will wait" in page.quota_label.text()
    with qtbot.waitSignal(page.submitted, timeout=15_000) as blocker:
        page.submit()
    result = blocker.args[0].result
    assert len(result.submitted) == 5
    assert len(result.deferred) == 3
    idle(qtbot)
    assert "3 item(s) waiting for tomorrow's quota" in page.waiting_label.text()
    assert "0 of 2,000 left" in page.quota_label.text()
    tasks = panel.tasks_page
    qtbot.waitUntil(lambda: tasks.model.status_counts().get("waiting") == 3, timeout=15_000)
    shot(panel, "cdn-submit")

    sandbox.state.clock_offset += 86400  # the next Beijing day: a fresh quota
    assert panel.access is not None
    client = panel.access.desk.client  # type: ignore[attr-defined]
    assert isinstance(client, VodClient)
    client.clock_offset = sandbox.state.clock_offset  # mirror the jump for signing
    with qtbot.waitSignal(panel.due_submitted, timeout=15_000) as due:
        panel.submit_due()
    assert len(due.args[0].submitted) == 3
    idle(qtbot)
    assert page.waiting_label.text() == ""
    assert "1,997 of 2,000 left" in page.quota_label.text()


def test_task_list_polls_until_done_and_filters(qtbot: Any, sandbox: Any, panel: CdnPanel) -> None:
    page = panel.submit_page
    page.items_edit.setPlainText(f"http://{sandbox.info.cdn_domain}/live/a.mp4")
    with qtbot.waitSignal(page.submitted, timeout=15_000):
        page.submit()
    tasks = panel.tasks_page
    qtbot.waitUntil(lambda: tasks.model.rowCount() > 0, timeout=15_000)
    # The sandbox finishes a task after 0.3 s; polling must pick that up without a click.
    qtbot.waitUntil(
        lambda: not tasks.model.in_progress() and tasks.model.status_counts().get("succeeded", 0) >= 1,
        timeout=20_000,
    )
    tasks.status_combo.setCurrentIndex(tasks.status_combo.findData("failed"))
    assert all(tasks.model.index(r, 2).data() == "Failed" for r in range(tasks.model.rowCount()))
    tasks.status_combo.setCurrentIndex(0)
    tasks.kind_combo.setCurrentIndex(tasks.kind_combo.findData(CdnTaskKind.REFRESH_URL.value))
    assert tasks.model.rowCount() >= 1
    tasks.kind_combo.setCurrentIndex(0)
    panel.tabs.setCurrentWidget(tasks)
    shot(panel, "cdn-tasks")


def test_charts_have_data_points(qtbot: Any, sandbox: Any, panel: CdnPanel) -> None:
    assert panel.domain_edit.text() == sandbox.info.cdn_domain
    charts = charts_of(panel)
    panel.tabs.setCurrentWidget(panel.charts_widget)
    charts.range_combo.setCurrentIndex(charts.range_combo.findData("24h"))
    charts.reload()
    idle(qtbot)
    assert charts.last_series is not None, charts.status.text()
    assert charts.traffic_chart.series.count() > 0
    assert charts.bps_chart.series.count() > 0
    assert charts.total_label.text().endswith("B")
    assert charts.peak_label.text().endswith("bps")
    assert "5 min" in charts.interval_label.text()
    shot(panel, "cdn-charts")


def test_logs_download_into_the_chosen_folder(
    qtbot: Any, sandbox: Any, panel: CdnPanel, tmp_path: Path
) -> None:
    seed_demo(sandbox.state, videos=3)  # a week of CDN access, hence hourly logs
    logs = panel.logs_page
    panel.tabs.setCurrentWidget(logs)
    logs.list_logs()
    idle(qtbot)
    assert logs.logs, logs.status.text()
    logs.table.selectAll()
    folder = tmp_path / "logs"
    folder.mkdir()
    # A hostile server-provided name must stay inside the folder.
    logs.logs[0] = type(logs.logs[0])(**{**logs.logs[0].__dict__, "name": "../../escape.gz"})
    task = logs.download(folder)
    with qtbot.waitSignal(task.finished, timeout=20_000) as done:
        pass
    saved = done.args[0]
    assert len(saved) == len(logs.logs)
    assert all(p.parent == folder.resolve() and p.stat().st_size > 0 for p in saved)
    assert not (tmp_path / "escape.gz").exists()
    assert (folder / "escape.gz").exists()
    shot(panel, "cdn-logs")


def test_huawei_refresh_from_the_cdn_section(
    qtbot: Any, sandbox: Any, services: Services, panel: CdnPanel
) -> None:
    panel.set_account(services.accounts.get(HUAWEI_NAME))
    idle(qtbot)
    assert not panel.tabs.isTabEnabled(2)  # no usage charts for Huawei
    page = panel.submit_page
    assert page.kind_combo.findData(CdnTaskKind.REFRESH_DIR.value) == -1
    assert "no quota API" in page.quota_label.text()
    dialog = panel.pick_assets()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.assets), timeout=15_000)
    dialog.select_rows(list(range(min(12, len(dialog.assets)))))
    dialog.accept()
    items = parse_items(page.items_edit.toPlainText(), CdnTaskKind.REFRESH_URL, assets_allowed=True).items
    assert items and all(i.startswith("asset:") for i in items)
    with qtbot.waitSignal(page.submitted, timeout=15_000) as blocker:
        page.submit()
    assert len(blocker.args[0].result.submitted) == len(items)  # batches of 10 are the desk's business
    idle(qtbot)
    assert f"{1000 - len(items):,} of 1,000 left" in page.quota_label.text()
    tasks = panel.tasks_page
    qtbot.waitUntil(lambda: tasks.model.status_counts().get("succeeded", 0) >= 1, timeout=20_000)
    shot(panel, "cdn-huawei")


def test_charts_for_an_unknown_domain_show_the_service_error(
    qtbot: Any, services: Services, panel: CdnPanel
) -> None:
    panel.set_domain("https://not-mine.example.com/")
    assert panel.domain_edit.text() == "not-mine.example.com"
    assert services.settings.current.cdn_domains[ALIYUN_NAME] == "not-mine.example.com"
    charts = charts_of(panel)
    charts.reload()
    idle(qtbot)
    assert charts.last_series is None
    assert "InvalidDomain.NotFound" in charts.status.text()


def test_tasks_show_each_video_of_a_refresh_by_video(
    qtbot: Any, sandbox: Any, services: Services, panel: CdnPanel
) -> None:
    from vodstudio.services.models import MediaRefreshOptions

    seed_demo(sandbox.state, videos=4)
    client = services.accounts.vod_client(ALIYUN_NAME)
    ids = [v.video_id for v in client.get_video_list(page_size=10).videos if v.status == "Normal"][:2]
    assert ids
    desk = services.cdn.open(ALIYUN_NAME)
    desk.refresh_media(desk.estimate_media(ids, MediaRefreshOptions()))
    tasks = panel.tasks_page
    assert not tasks.media_box.isHidden()
    tasks.reload()
    qtbot.waitUntil(lambda: tasks.media_table.rowCount() == len(ids), timeout=15_000)
    # The sandbox finishes the URL tasks after 0.3 s; the page keeps polling until they are done.
    qtbot.waitUntil(
        lambda: (
            not tasks.media_table.in_progress()
            and all(tasks.media_table.item(r, 1).text() == "Done" for r in range(len(ids)))
        ),
        timeout=20_000,
    )
    assert {tasks.media_table.item(r, 0).text() for r in range(len(ids))} == set(ids)


def test_the_domain_comes_from_the_account(
    qtbot: Any, sandbox: Any, services: Services, panel: CdnPanel
) -> None:
    seed_demo(sandbox.state, videos=1)  # the demo adds a second, offline domain
    panel.set_account(services.accounts.get(ALIYUN_NAME))
    qtbot.waitUntil(lambda: panel.domain_combo.count() >= 2, timeout=15_000)
    names = [panel.domain_combo.itemText(i) for i in range(panel.domain_combo.count())]
    assert sandbox.info.cdn_domain in names and "vod-archive.example.com" in names
    assert panel.domain_edit.text() == sandbox.info.cdn_domain  # the remembered one stays chosen
    offline = names.index("vod-archive.example.com")
    panel.domain_combo.setCurrentIndex(offline)
    panel.domain_combo.activated.emit(offline)
    assert panel.domain_status.text() == "offline"
    assert services.settings.current.cdn_domains[ALIYUN_NAME] == "vod-archive.example.com"
    panel.domain_edit.setText("typed.example.com")  # free text still works
    panel.domain_edit.editingFinished.emit()
    assert services.settings.current.cdn_domains[ALIYUN_NAME] == "typed.example.com"


def test_a_bad_line_is_marked_and_the_good_ones_go_out(qtbot: Any, sandbox: Any, panel: CdnPanel) -> None:
    """Issue 12 defect 10: one bad line rejected the whole batch without saying which."""
    page = panel.submit_page
    domain = sandbox.info.cdn_domain
    page.items_edit.setPlainText(
        f"http://{domain}/a.mp4\nnot a url\nhttp://{domain}/b c.mp4\nhttp://{domain}/d.mp4"
    )
    qtbot.waitUntil(lambda: "2 line(s) cannot be sent" in page.count_label.text(), timeout=5000)
    marked = [mark.cursor.block().blockNumber() for mark in page.items_edit.extraSelections()]
    assert marked == [1, 2]  # the second and third lines, highlighted in place
    with qtbot.waitSignal(page.submitted, timeout=15_000) as blocker:
        page.submit()
    assert [url for url, _task in blocker.args[0].result.submitted] == [
        f"http://{domain}/a.mp4",
        f"http://{domain}/d.mp4",
    ]
    status = page.status.text()
    # Named by their words: what is left in the box has new line numbers.
    assert (
        "“not a url”: not an http(s) URL" in status
        and f"“http://{domain}/b c.mp4”: contains spaces" in status
    )
    assert page.items_edit.toPlainText() == f"not a url\nhttp://{domain}/b c.mp4"  # left to fix


def test_tasks_say_how_many_of_how_many_they_show(
    qtbot: Any, sandbox: Any, services: Services, panel: CdnPanel
) -> None:
    """Defect 10: Tasks showed the newest 50 and said "50 done" after 1,998 were submitted."""
    client = services.accounts.vod_client(ALIYUN_NAME)
    domain = sandbox.info.cdn_domain
    client.refresh_vod_object_caches([f"http://{domain}/many/{i}.mp4" for i in range(70)])
    tasks = panel.tasks_page
    tasks.reload()
    qtbot.waitUntil(lambda: tasks.last_listing is not None and tasks.model.rowCount() > 0, timeout=15_000)
    idle(qtbot)
    assert tasks.model.rowCount() == 50
    assert tasks.summary.text().startswith("Newest 50 of 70 tasks:")


def test_usage_loads_by_itself_and_never_shows_1970(qtbot: Any, panel: CdnPanel) -> None:
    """Defect 10: empty axes labelled 01-01 00:00 until Show was pressed."""
    import datetime as dt

    charts = charts_of(panel)
    start = charts.traffic_chart.x_axis.min().toSecsSinceEpoch()
    assert abs(start - (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).timestamp()) < 120
    assert charts.last_series is None
    panel.tabs.setCurrentWidget(panel.charts_widget)  # no Show pressed
    qtbot.waitUntil(lambda: charts.last_series is not None, timeout=15_000)
    assert charts.traffic_chart.series.count() > 0
