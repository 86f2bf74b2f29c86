"""The library's actions: edit, delete, streams, source files, images, cover, Refresh/Prefetch on CDN."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu

from vodstudio.core.assets import Asset, AssetEdit, CoverReplaced
from vodstudio.core.cdn import CdnTaskKind
from vodstudio.core.match_builder import SearchType
from vodstudio.core.media_types import MediaClass
from vodstudio.services.cdn import SubmitOutcome
from vodstudio.services.models import MediaRefreshSubmission
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.library.cdn_dialog import MediaRefreshDialog
from vodstudio.ui.library.edit import ChecklistDialog, EditDialog, delete_mezzanines_dialog, stream_rows
from vodstudio.ui.localized import sentences
from vodstudio.ui.widgets import ask
from vodstudio.ui.widgets.files import open_file

if TYPE_CHECKING:
    from vodstudio.ui.library.panel import LibraryPanel

SNAPSHOT_TYPES = ("CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot")


class LibraryActions(QObject):
    """Every action runs its service calls in the background and reports in the panel's status line.

    ``finished(name)`` fires after each action's answer arrived (tests wait on it).
    """

    finished = Signal(str)

    def __init__(self, panel: LibraryPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.confirm = True  # tests switch the confirmation boxes off

    # ---- helpers ------------------------------------------------------------------------------
    def _run(
        self,
        name: str,
        call: Callable[[], Any],
        done_text: str,
        *,
        reload: bool = True,
        on_done: Callable[[Any], None] | None = None,
    ) -> None:
        panel = self.panel
        panel.status.show_info(self.tr("Working…"))

        def ok(result: Any) -> None:
            panel.status.show_info(done_text)
            if on_done is not None:
                on_done(result)
            if reload:
                panel.details.reload()
            self.finished.emit(name)

        def failed(error: BaseException) -> None:
            panel.status.show_error(describe_error(error))
            self.finished.emit(name)

        run_in_background(call, ok, failed, owner=panel)

    def _ask(self, title: str, text: str, ok_text: str) -> bool:
        if not self.confirm:
            return True
        return ask.confirm(self.panel, title, text, ok_text, self.tr("Keep"))

    def _account(self) -> str:
        account = self.panel.account
        if account is None:
            raise RuntimeError("library actions need an account")
        return account.name

    def _videos(self) -> list[Asset]:
        if self.panel.search_type() not in (SearchType.VIDEO, SearchType.AUDIO):
            return []
        return self.panel.selected_items()

    # ---- menu ---------------------------------------------------------------------------------
    def context_menu(self, items: list[Asset]) -> QMenu:
        menu = QMenu(self.panel)
        kind = self.panel.search_type()
        video = kind in (SearchType.VIDEO, SearchType.AUDIO)
        one, some = len(items) == 1, bool(items)

        def add(
            text: str, slot: Callable[[], object], enabled: bool, shortcut: QKeySequence | str | None = None
        ) -> QAction:
            action = menu.addAction(text, slot)
            action.setEnabled(enabled)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            return action

        add(self.tr("Edit…"), self.edit_selected, some and kind in (SearchType.VIDEO, SearchType.IMAGE))
        add(
            self.tr("Delete…"),
            self.delete_selected,
            some and kind in (SearchType.VIDEO, SearchType.IMAGE, SearchType.AUDIO),
            QKeySequence(QKeySequence.StandardKey.Delete),
        )
        menu.addSeparator()
        add(self.tr("Copy URL"), self.panel.details.copy_selected_url, one and video)
        add(
            self.tr("Delete streams…"),
            self.delete_streams,
            one and video and self.panel.details.play_info is not None,
        )
        add(self.tr("Delete source files…"), self.delete_source, some and video)
        add(self.tr("Replace cover…"), self.choose_cover, one and kind is SearchType.VIDEO)
        add(self.tr("Delete snapshots…"), self.delete_snapshots, one and kind is SearchType.VIDEO)
        if kind is SearchType.IMAGE:
            add(self.tr("Delete images by URL…"), self.delete_images_by_url, True)
        menu.addSeparator()
        add(self.tr("Refresh on CDN"), lambda: self.send_to_cdn(CdnTaskKind.REFRESH_URL), some and video)
        add(self.tr("Prefetch on CDN"), lambda: self.send_to_cdn(CdnTaskKind.PREFETCH), some and video)
        menu.addSeparator()
        add(self.tr("Reload"), self.panel.refresh, True, "F5")
        return menu

    # ---- edit ---------------------------------------------------------------------------------
    def edit_selected(self) -> EditDialog | None:
        items = self.panel.selected_items()
        kind = self.panel.search_type()
        if not items or kind not in (SearchType.VIDEO, SearchType.IMAGE):
            return None
        dialog = EditDialog(items, self.panel.categories, self.panel)
        dialog.accepted.connect(lambda: self.apply_edit(items, dialog.change(), kind))
        dialog.open()
        return dialog

    def apply_edit(self, items: list[Asset], change: AssetEdit, kind: SearchType) -> None:
        if not change.changed:
            return
        library, account, ids = self.panel.library, self._account(), [i.asset_id for i in items]
        text = self.tr("Saved %n asset(s). The search index may take a moment to show it.", "", len(ids))
        self._run(
            "edit",
            lambda: library.edit(account, kind, ids, change),
            text,
            on_done=lambda _missing: self._show_edited(items, change),
        )

    def _show_edited(self, items: list[Asset], change: AssetEdit) -> None:
        """Update the edited rows in place: no reload, so the list keeps its place."""
        from dataclasses import replace

        names = {c.cate_id: c.name for c in self.panel.categories}
        for item in items:
            fields: dict[str, Any] = {}
            if "title" in change.changed:
                fields["title"] = change.title or ""
            if "description" in change.changed:
                fields["description"] = change.description or ""
            if "tags" in change.changed:
                fields["tags"] = tuple(change.tags or ())
            if "cate_id" in change.changed and change.cate_id is not None:
                fields |= {"cate_id": change.cate_id, "cate_name": names.get(change.cate_id, "")}
            self.panel.model.replace_item(replace(item, **fields))

    # ---- delete -------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        items = self.panel.selected_items()
        kind = self.panel.search_type()
        if not items or kind is SearchType.ATTACHED:
            return
        titles = "\n".join(f"• {i.title or i.asset_id}" for i in items[:10])
        more = "\n…" if len(items) > 10 else ""
        question = self.tr(
            "Delete %n asset(s)? Source, streams and snapshots are removed for good.", "", len(items)
        )
        ok = self.tr("Delete %n Asset(s)", "", len(items))
        if not self._ask(self.tr("Delete"), f"{question}\n\n{titles}{more}", ok):
            return
        library, account, ids = self.panel.library, self._account(), [i.asset_id for i in items]
        self._run(
            "delete",
            lambda: library.delete(account, kind, ids),
            self.tr("Deleted %n asset(s).", "", len(ids)),
            reload=False,
            on_done=lambda _r: self.panel.model.remove_ids(set(ids)),
        )

    def delete_streams(self, job_ids: list[str] | None = None) -> ChecklistDialog | None:
        items, info = self._videos(), self.panel.details.play_info
        if len(items) != 1 or info is None:
            return None
        video_id = items[0].asset_id
        if job_ids is not None:
            library, account = self.panel.library, self._account()
            self._run(
                "delete-streams",
                lambda: library.delete_streams(account, video_id, job_ids),
                self.tr("Deleted %n stream(s).", "", len(job_ids)),
            )
            return None
        dialog = ChecklistDialog(
            self.tr("Delete streams"),
            self.tr("Tick the transcoded streams to delete. Players using them stop working."),
            stream_rows(info),
            self.panel,
            ok_text=self.tr("Delete"),
        )
        dialog.accepted.connect(
            lambda: self.delete_streams(dialog.checked_values()) if dialog.checked_values() else None
        )
        dialog.open()
        return dialog

    def delete_source(self) -> ChecklistDialog:
        items = self._videos()
        rows = [(i.title or i.asset_id, i.asset_id) for i in items]
        dialog = delete_mezzanines_dialog(rows, self.panel)
        dialog.accepted.connect(
            lambda: self.apply_delete_source(dialog.checked_values(), dialog.extra_checked())
        )
        dialog.open()
        return dialog

    def apply_delete_source(self, ids: list[str], force: bool) -> None:
        if not ids:
            return
        library, account = self.panel.library, self._account()

        def done(kept: list[str]) -> None:
            if kept:
                self.panel.status.show_error(
                    self.tr(
                        "%n source file(s) kept: they are the only playable stream. "
                        "Tick Force to delete anyway.",
                        "",
                        len(kept),
                    )
                )

        self._run(
            "delete-source",
            lambda: library.delete_source(account, ids, force=force),
            self.tr("Deleted the source file(s)."),
            on_done=done,
        )

    def delete_snapshots(self) -> ChecklistDialog | None:
        items = self._videos()
        if len(items) != 1:
            return None
        video_id = items[0].asset_id
        dialog = ChecklistDialog(
            self.tr("Delete snapshots"),
            self.tr("Which kinds of snapshot should go?"),
            [(t, t) for t in SNAPSHOT_TYPES],
            self.panel,
            ok_text=self.tr("Delete"),
        )
        dialog.accepted.connect(lambda: self.apply_delete_snapshots(video_id, dialog.checked_values()))
        dialog.open()
        return dialog

    def apply_delete_snapshots(self, video_id: str, kinds: list[str]) -> None:
        if kinds:
            library, account = self.panel.library, self._account()
            self._run(
                "delete-snapshots",
                lambda: library.delete_snapshots(account, video_id, kinds),
                self.tr("Deleted the snapshots."),
            )

    def delete_images_by_url(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self.panel, self.tr("Delete images by URL"), self.tr("One image URL per line:")
        )
        urls = [u.strip() for u in text.splitlines() if u.strip()] if ok else []
        if urls:
            library, account = self.panel.library, self._account()
            self._run(
                "delete-images",
                lambda: library.delete_images_by_url(account, urls),
                self.tr("Deleted %n image(s).", "", len(urls)),
                on_done=lambda _r: self.panel.refresh(),
            )

    # ---- cover --------------------------------------------------------------------------------
    def choose_cover(self) -> None:
        path = open_file(self.panel, self.panel.settings, self.tr("Choose a cover image"), [MediaClass.IMAGE])
        if path is not None:
            self.replace_cover(path)

    def replace_cover(self, path: Path) -> None:
        items = self._videos()
        if len(items) != 1 or self.panel.account is None:
            return
        library, account, video_id = self.panel.library, self._account(), items[0].asset_id
        self._run(
            "cover",
            lambda: library.replace_cover(account, video_id, path),
            self.tr("Cover replaced."),
            on_done=self._after_cover,
        )

    def _after_cover(self, result: CoverReplaced) -> None:
        self.panel.refresh()
        if result.old_url:  # players and pages still get the old picture from CDN caches
            self.submit_urls(CdnTaskKind.REFRESH_URL, [result.old_url], "cover-cdn")

    # ---- CDN ----------------------------------------------------------------------------------
    def send_to_cdn(self, kind: CdnTaskKind) -> MediaRefreshDialog | None:
        """Refresh or prefetch every play URL of the selected videos (RefreshMediaPlayUrls), after
        showing the quota it takes."""
        items = self._videos()
        if not items:
            return None
        try:
            desk = self.panel.cdn.open(self._account())
        except Exception as exc:  # no secret, an unreadable CDN database…
            self.panel.status.show_error(describe_error(exc))
            return None
        dialog = MediaRefreshDialog(
            desk, [i.asset_id for i in items], preload=kind is CdnTaskKind.PREFETCH, parent=self.panel
        )
        dialog.submitted.connect(self._media_sent)
        dialog.open()
        self.cdn_dialog = dialog
        return dialog

    def _media_sent(self, submissions: list[MediaRefreshSubmission]) -> None:
        videos = sum(len(s.accepted_media_ids) for s in submissions)
        self.panel.status.show_info(
            self.tr("Sent %n video(s) to the CDN; the CDN section's Tasks show each result.", "", videos)
        )
        self.panel.media_submitted.emit(submissions)
        self.finished.emit("cdn")

    def submit_urls(self, kind: CdnTaskKind, urls: list[str], name: str) -> None:
        panel = self.panel
        if not urls:
            panel.status.show_error(self.tr("None of the selected videos has a play URL yet."))
            self.finished.emit(name)
            return
        cdn, account = panel.cdn, self._account()

        def done(outcome: SubmitOutcome) -> None:
            result = outcome.result
            text = self.tr("Sent %n URL(s) to the CDN.", "", len(result.submitted))
            if result.deferred:
                text = sentences(text, self.tr("%n waiting for tomorrow's quota.", "", len(result.deferred)))
            panel.status.show_info(text)
            panel.cdn_submitted.emit(result)
            self.finished.emit(name)

        def failed(error: BaseException) -> None:
            panel.status.show_error(describe_error(error))
            self.finished.emit(name)

        # The CDN desk's own submit: deferred items first, then these, within today's quota.
        run_in_background(lambda: cdn.open(account).submit(kind, urls), done, failed, owner=panel)
