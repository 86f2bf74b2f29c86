"""Every use case the GUI and the CLI share goes through the same service method.

Each test wraps one service method with a recorder that still calls it, drives the GUI action, then
runs the CLI command over the same services, and checks that both faces reached that method.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.protocol.engine_helpers import write_file
from tests.ui.conftest import idle
from vodstudio.cli import build_parser
from vodstudio.core.assets import AssetEdit
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.jobs import JobState
from vodstudio.sandbox.demo import seed_demo
from vodstudio.services import Services
from vodstudio.services.accounts import AccountsService
from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.library import LibraryService
from vodstudio.services.sandbox import ALIYUN_NAME
from vodstudio.services.uploads import UploadsService
from vodstudio.ui.main_window import MainWindow
from vodstudio.ui.widgets import ask

pytestmark = pytest.mark.qt_log_ignore("pipewire")


def spy(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[str]:
    """Record each call of ``cls.name`` (the real method still runs)."""
    calls: list[str] = []
    original: Callable[..., Any] = getattr(cls, name)

    def recorded(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, recorded)
    return calls


def cli(services: Services, *argv: str) -> int:
    """Run one command as ``vodstudio`` does, over these services."""
    args = build_parser().parse_args(list(argv))
    status: int = args.run(args, services)
    return status


@pytest.fixture
def window(qtbot: Any, sandbox: Any, services: Services) -> Iterator[MainWindow]:
    seed_demo(sandbox.state, videos=12)
    win = MainWindow(services, start_engine=False)
    qtbot.addWidget(win)
    win.library.page_size = 5
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    yield win
    idle(qtbot)
    win.shutdown()


def test_connection_probe(qtbot: Any, window: MainWindow, services: Services, monkeypatch: Any) -> None:
    calls = spy(monkeypatch, AccountsService, "probe")
    window.reload_accounts()  # the status bar's connection check
    qtbot.waitUntil(lambda: window.connection_ok is not None, timeout=15_000)
    gui = len(calls)
    assert gui >= 1 and window.connection_ok
    assert cli(services, "account", "test", ALIYUN_NAME) == 0
    assert len(calls) == gui + 1


def test_library_search(
    qtbot: Any, window: MainWindow, services: Services, monkeypatch: Any, capsys: Any
) -> None:
    calls = spy(monkeypatch, LibraryService, "search")
    window.show_section("library")
    window.act_refresh.trigger()  # F5 in the library
    qtbot.waitUntil(lambda: window.library.model.rowCount() > 0, timeout=15_000)
    gui = len(calls)
    assert gui >= 1
    capsys.readouterr()
    assert cli(services, "library", "search", "--limit", "3", "--json") == 0
    assert len(calls) == gui + 1
    assert len(json.loads(capsys.readouterr().out)["assets"]) == 3


def test_library_edit_and_delete(
    qtbot: Any, window: MainWindow, services: Services, monkeypatch: Any
) -> None:
    edits, deletes = spy(monkeypatch, LibraryService, "edit"), spy(monkeypatch, LibraryService, "delete")
    window.show_section("library")
    panel = window.library
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 3, timeout=15_000)
    first, second, third = (panel.model.item(r) for r in range(3))
    change = AssetEdit(title="GUI title", changed=frozenset({"title"}))
    with qtbot.waitSignal(panel.library_actions.finished, timeout=15_000):
        panel.library_actions.apply_edit([first], change, panel.search_type())
    assert edits == ["edit"]
    assert panel.model.item(0).title == "GUI title"  # shown in place, no reload to the top
    assert cli(services, "library", "edit", second.asset_id, "--title", "CLI title") == 0
    assert edits == ["edit", "edit"]
    client = services.accounts.vod_client(ALIYUN_NAME)
    assert client.get_video_info(second.asset_id).title == "CLI title"
    monkeypatch.setattr(ask, "confirm", lambda *_a: True)  # the user says yes
    panel.select_row(0)
    with qtbot.waitSignal(panel.library_actions.finished, timeout=15_000):
        window.act_delete.trigger()  # the Delete key, through the window's menu action
    assert deletes == ["delete"]
    assert cli(services, "library", "delete", third.asset_id, "--yes") == 0
    assert deletes == ["delete", "delete"]


def test_cdn_submit_quota_and_tasks(
    qtbot: Any, sandbox: Any, window: MainWindow, services: Services, monkeypatch: Any
) -> None:
    submits = spy(monkeypatch, CdnDeskSession, "submit")
    quotas = spy(monkeypatch, CdnDeskSession, "quota")
    tasks = spy(monkeypatch, CdnDeskSession, "tasks")
    window.show_section("cdn")
    page = window.cdn.submit_page
    page.items_edit.setPlainText(f"http://{sandbox.info.cdn_domain}/gui.mp4")
    with qtbot.waitSignal(page.submitted, timeout=15_000):
        page.submit()
    idle(qtbot)
    gui = (len(submits), len(quotas), len(tasks))
    assert gui[0] == 1 and gui[1] >= 1 and gui[2] >= 1
    url = f"http://{sandbox.info.cdn_domain}/cli.mp4"
    assert cli(services, "cdn", "refresh", url) == 0
    assert cli(services, "cdn", "quota") == 0
    assert cli(services, "cdn", "status") == 0
    assert len(submits) == gui[0] + 1
    assert len(quotas) > gui[1] and len(tasks) == gui[2] + 1
    assert CdnTaskKind.REFRESH_URL in services.cdn.open(ALIYUN_NAME).kinds()


def test_upload(qtbot: Any, services: Services, monkeypatch: Any, tmp_path: Path) -> None:
    engines = spy(monkeypatch, UploadsService, "engine")
    window = MainWindow(services, start_engine=False)  # builds its engine through the service
    qtbot.addWidget(window)
    try:
        assert engines == ["engine"]
        gui_file, cli_file = tmp_path / "gui.mp4", tmp_path / "cli.mp4"
        write_file(gui_file, 50_000)
        write_file(cli_file, 50_000, seed=2)
        with qtbot.waitSignal(window.uploads.jobs_added, timeout=10_000):
            window.uploads.add_paths([gui_file], ask=False)
        assert cli(services, "upload", str(cli_file), "--tags", "a，b, a") == 0
        assert engines == ["engine", "engine"]
        by_name = {job.file_name: job for job in services.uploads.queue.page(0, 10)}
        assert by_name["cli.mp4"].state is JobState.DONE
        assert by_name["cli.mp4"].tags == ("a", "b")  # review defect 6: the sheet's tag parser
    finally:
        idle(qtbot)
        window.shutdown()


def test_refresh_by_video(
    qtbot: Any, window: MainWindow, services: Services, monkeypatch: Any, capsys: Any
) -> None:
    calls = spy(monkeypatch, CdnDeskSession, "refresh_media")
    window.show_section("library")
    panel = window.library
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15_000)
    row = next(r for r, a in enumerate(panel.model.items()) if a.status == "Normal")
    panel.select_row(row)
    dialog = panel.library_actions.send_to_cdn(CdnTaskKind.REFRESH_URL)
    assert dialog is not None
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=15_000)
    with qtbot.waitSignal(panel.media_submitted, timeout=15_000):
        dialog.send_button.click()
    assert calls == ["refresh_media"]
    video = panel.model.item(row).asset_id
    assert cli(services, "cdn", "refresh", "--video", video, "--formats", "mp4", "--json") == 0
    assert calls == ["refresh_media", "refresh_media"]
    capsys.readouterr()
    assert cli(services, "cdn", "status", "--media", "--json") == 0
    videos = json.loads(capsys.readouterr().out)["videos"]
    assert [v["media_id"] for v in videos] == [video, video]
    assert cli(services, "cdn", "domains", "--json") == 0
    assert any(d["status"] == "online" for d in json.loads(capsys.readouterr().out))


def test_queue_remove_and_clear(
    qtbot: Any, services: Services, monkeypatch: Any, tmp_path: Path, capsys: Any
) -> None:
    """Issue 12 defect 6: the queue can be cleaned from both faces, through the engine's one method."""
    from vodstudio.transfer.engine import UploadEngine

    removes = spy(monkeypatch, UploadEngine, "remove")
    clears = spy(monkeypatch, UploadEngine, "clear_finished")
    for index in range(4):
        write_file(tmp_path / f"clip {index}.mp4", 20_000, seed=index)
    assert cli(services, "upload", *(str(tmp_path / f"clip {i}.mp4") for i in range(4))) == 0
    queue = services.uploads.queue
    ids = [job.id for job in queue.page(0, 10)]
    assert len(ids) == 4 and all(job.state is JobState.DONE for job in queue.page(0, 10))
    window = MainWindow(services, start_engine=False)
    qtbot.addWidget(window)
    try:
        panel = window.uploads
        panel.table.selectRow(0)
        panel.act_remove.trigger()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
        assert removes == ["remove"]
        assert cli(services, "queue", "remove", str(ids[1])) == 0
        assert removes == ["remove", "remove"]
        assert cli(services, "queue", "remove", "999999") == 1  # not in the queue: said, not hidden
        assert "kept 999999" in capsys.readouterr().err
        panel.act_clear.trigger()
        qtbot.waitUntil(lambda: queue.totals().total == 0, timeout=10_000)
        assert clears == ["clear_finished"]
        assert cli(services, "queue", "clear") == 0
        assert clears == ["clear_finished", "clear_finished"]
        assert "Removed 0 finished job(s)." in capsys.readouterr().out
    finally:
        idle(qtbot)
        window.shutdown()
