"""The Library section: search and filters over SearchMedia, a lazily paged table and a details pane."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QVBoxLayout, QWidget

from vodstudio.core.accounts import Account
from vodstudio.core.assets import Asset, CategoryNode
from vodstudio.core.match_builder import SearchType, sort_by
from vodstudio.services.cdn import CdnService
from vodstudio.services.library import LibraryService
from vodstudio.services.providers import Capability, supports
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.library.actions import LibraryActions
from vodstudio.ui.library.details import DetailsPane
from vodstudio.ui.library.filters import FilterBar
from vodstudio.ui.library.model import SERVER_SORTED, AssetTableModel, Column
from vodstudio.ui.library.thumbs import THUMB_SIZE, ThumbnailCache
from vodstudio.ui.localized import sentences
from vodstudio.ui.widgets.busy import BusyOverlay, StatusLine

NARROW_WIDTH = 960  # below this the details pane goes under the table


class LibraryPanel(QWidget):
    """The library of the active account; every call goes through ``LibraryService``."""

    account_changed = Signal(object)
    cdn_submitted = Signal(object)  # SubmitResult of URLs sent to the CDN (the old cover after a new one)
    media_submitted = Signal(object)  # list[MediaRefreshSubmission]: videos refreshed or prefetched

    def __init__(
        self,
        library: LibraryService,
        cdn: CdnService,
        settings: SettingsService,
        thumbnail_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.cdn = cdn
        self.settings = settings
        self.account: Account | None = None
        self.page_size = 50
        self._sort = sort_by("CreationTime")
        self.categories: list[CategoryNode] = []
        self._client_sort: tuple[int, Qt.SortOrder] | None = None
        self.thumbs = ThumbnailCache(thumbnail_dir, self)
        self.model = AssetTableModel(self.thumbs, self)
        self.filters = FilterBar(self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
        self.details = DetailsPane(library, settings, self)
        self.status = StatusLine(self)
        self.overlay = BusyOverlay(self.table)
        self.library_actions = LibraryActions(self)
        self._selection_timer = QTimer(self)
        self._selection_timer.setSingleShot(True)
        self._selection_timer.setInterval(50)
        self._selection_timer.timeout.connect(self._show_selected)
        self._build()
        self._connect()
        self.set_account(None)

    def _build(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(False)  # we sort ourselves: server or loaded rows
        table.setIconSize(THUMB_SIZE)
        table.verticalHeader().setDefaultSectionSize(THUMB_SIZE.height() + 6)
        table.verticalHeader().hide()
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.CREATED, Qt.SortOrder.DescendingOrder)
        table.setWordWrap(False)
        header.setStretchLastSection(True)
        widths = {
            Column.COVER: THUMB_SIZE.width() + 8,
            Column.TITLE: 240,
            Column.STATUS: 90,
            Column.DURATION: 70,
            Column.SIZE: 80,
            Column.CATEGORY: 140,
            Column.TAGS: 120,
            Column.CREATED: 130,
            Column.MODIFIED: 130,
        }
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("librarySplitter")
        splitter.addWidget(table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])
        splitter.setChildrenCollapsible(False)
        table.setMinimumSize(240, 120)
        self.details.setMinimumSize(240, 120)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.filters.changed.connect(self.refresh)
        self.model.page_loaded.connect(self._on_page_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.loading_changed.connect(self._on_loading)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.table.doubleClicked.connect(self.library_actions.edit_selected)

    # ---- account and query ----------------------------------------------------------------------
    def set_account(self, account: Account | None) -> None:
        self.account = account
        self.details.set_account(None)
        self.model.set_query(None)
        if account is None or not supports(account, Capability.LIBRARY):
            text = (
                self.tr("No account yet: add an Alibaba Cloud account or try the sandbox.")
                if account is None
                else self.tr(
                    "The library is available for Alibaba Cloud VOD accounts. "
                    "Huawei Cloud accounts use the CDN section."
                )
            )
            self.overlay.show_message(text)
            self.status.show_info("")
            return
        self.thumbs.set_proxy(account.proxy)
        self.details.set_account(account)
        self.account_changed.emit(account)
        self._load_categories()
        self.refresh()

    def _load_categories(self) -> None:
        if self.account is None:
            return
        library, name = self.library, self.account.name
        run_in_background(lambda: library.categories(name), self._on_categories, lambda _e: None, owner=self)

    def _on_categories(self, categories: list[CategoryNode]) -> None:
        self.categories = categories
        self.filters.set_categories(categories)

    @Slot()
    def refresh(self) -> None:
        """F5 / a filter change: start again from page 1 with the current filter and server sort."""
        if self.account is None or not supports(self.account, Capability.LIBRARY):
            return
        try:
            query = self.library.search(
                self.account.name, self.filters.current_filter(), self._sort, page_size=self.page_size
            )
        except ValueError as exc:  # a filter the Match grammar cannot express
            self.status.show_error(str(exc))
            return
        except Exception as exc:  # no secret in the keychain, a bad proxy…
            self.overlay.show_message(describe_error(exc))
            return
        self._client_sort = None
        self.overlay.show_message(self.tr("Loading…"))
        self.model.set_query(query)

    def search_type(self) -> SearchType:
        return self.filters.search_type()

    # ---- model feedback -------------------------------------------------------------------------
    def _on_page_loaded(self, loaded: int) -> None:
        total = self.model.total or 0
        if loaded == 0:
            self.overlay.show_message(self.tr("Nothing matches this search."))
        else:
            self.overlay.hide()
            if not self.table.selectionModel().hasSelection():
                self.select_row(0)  # the details pane is never empty when there is something to show
        text = self.tr("Showing %1 of %2").replace("%1", str(loaded)).replace("%2", str(total))
        if self._client_sort is not None:
            text += " · " + self.tr("sorted within the loaded rows")
            self.model.sort_loaded(*self._client_sort)
        self.status.show_info(text)

    def _on_load_failed(self, error: BaseException) -> None:
        message = describe_error(error)
        if self.model.rowCount() == 0:
            self.overlay.show_message(message)
        self.status.show_error(sentences(message, self.tr("Press F5 to try again.")))

    def _on_loading(self, loading: bool) -> None:
        if loading and self.model.rowCount() > 0:
            self.status.show_info(self.tr("Loading more…"))

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column in SERVER_SORTED:
            self._sort = sort_by(SERVER_SORTED[Column(column)], order == Qt.SortOrder.DescendingOrder)
            self.refresh()
        else:
            self._client_sort = (column, order)
            self.model.sort_loaded(column, order)
            self._on_page_loaded(self.model.rowCount())

    # ---- selection ------------------------------------------------------------------------------
    def selected_items(self) -> list[Asset]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.item(row) for row in rows]

    def select_row(self, row: int, *, extend: bool = False) -> None:
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if extend
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.selectionModel().select(self.model.index(row, 0), flags)

    def _on_selection(self) -> None:
        # Deferred and coalesced: arrow-key runs load one asset, and a selection change emitted from
        # inside a model update (rows removed after a delete) never rebuilds the pane mid-update.
        self._selection_timer.start()

    def _show_selected(self) -> None:
        items = self.selected_items()
        self.details.show_item(items[0] if len(items) == 1 else None)

    def _on_context_menu(self, pos: QPoint) -> None:
        menu = self.library_actions.context_menu(self.selected_items())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Side by side when there is room; the details below the list in a narrow window.
        wanted = (
            Qt.Orientation.Horizontal if event.size().width() >= NARROW_WIDTH else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
        super().resizeEvent(event)

    # ---- Section ----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filters.focus_search()

    def delete_selected(self) -> None:
        self.library_actions.delete_selected()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("library/header", self.table.horizontalHeader().saveState())
        settings.setValue("library/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header, splitter = settings.value("library/header"), settings.value("library/splitter")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def shutdown(self) -> None:
        self.thumbs.shutdown()
        self.details.preview.shutdown()
