"""AssetTableModel: a virtual table over SearchMedia with lazy paging (ScrollToken past 5,000)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot

from vodstudio.core.units import format_bytes, format_duration
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.library.fields import (
    as_datetime,
    as_float,
    as_int,
    inner,
    local_text,
    media_id,
    pick,
    tags_text,
)
from vodstudio.ui.library.thumbs import ThumbnailCache

# Without a ScrollToken SearchMedia reaches only the first 5,000 matches.
FIRST_WINDOW = 5000
# fetch(page_no, page_size, scroll_token) -> SearchPage(total, scroll_token, items)
PageFetcher = Callable[[int, int, str | None], Any]
Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    COVER = 0
    TITLE = 1
    STATUS = 2
    DURATION = 3
    SIZE = 4
    CATEGORY = 5
    TAGS = 6
    CREATED = 7
    MODIFIED = 8
    ID = 9


SERVER_SORTED = {Column.CREATED: "CreationTime", Column.MODIFIED: "ModificationTime"}
ItemRole = Qt.ItemDataRole.UserRole + 1


def _sort_key(column: Column, item: Any) -> Any:
    if column == Column.DURATION:
        return as_float(pick(item, "duration", "Duration", default=0))
    if column == Column.SIZE:
        return as_int(pick(item, "size", "Size", default=0))
    if column in (Column.CREATED, Column.MODIFIED):
        return as_datetime(_cell_raw(column, item)) or 0
    return str(_cell_raw(column, item)).casefold()


def _cell_raw(column: Column, item: Any) -> Any:
    return {
        Column.TITLE: lambda: pick(item, "title", "Title", "file_name"),
        Column.STATUS: lambda: pick(item, "status", "Status"),
        Column.CATEGORY: lambda: pick(item, "cate_name", "CateName"),
        Column.TAGS: lambda: tags_text(pick(item, "tags", "Tags")),
        Column.CREATED: lambda: pick(item, "creation_time", "created_at", "CreationTime"),
        Column.MODIFIED: lambda: pick(item, "modification_time", "modified_at", "ModificationTime"),
        Column.ID: lambda: media_id(item),
    }.get(column, lambda: "")()


class AssetTableModel(QAbstractTableModel):
    """Rows arrive a page at a time when the view scrolls (``canFetchMore``/``fetchMore``).

    A new query bumps a generation counter so a page still in flight for the old query is dropped.
    """

    page_loaded = Signal(int)  # rows loaded so far
    load_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)

    def __init__(self, thumbs: ThumbnailCache | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.page_size = 50
        self._rows: list[Any] = []
        self._fetch: PageFetcher | None = None
        self._total: int | None = None
        self._next_page = 1
        self._scroll_token: str | None = None
        self._scrollable = True
        self._loading = False
        self._generation = 0
        self._thumbs = thumbs
        if thumbs is not None:
            thumbs.ready.connect(self._on_thumbnail)
        self._headers = {
            Column.COVER: self.tr("Cover"),
            Column.TITLE: self.tr("Title"),
            Column.STATUS: self.tr("Status"),
            Column.DURATION: self.tr("Duration"),
            Column.SIZE: self.tr("Size"),
            Column.CATEGORY: self.tr("Category"),
            Column.TAGS: self.tr("Tags"),
            Column.CREATED: self.tr("Created"),
            Column.MODIFIED: self.tr("Modified"),
            Column.ID: self.tr("ID"),
        }

    # ---- query --------------------------------------------------------------------------------
    def set_query(self, fetch: PageFetcher | None, *, scrollable: bool = True) -> None:
        """Start over with a new page source (``None`` clears). ``scrollable``: video/audio only."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch
        self._total = None
        self._next_page = 1
        self._scroll_token = None
        self._scrollable = scrollable
        self._set_loading(False)
        self.endResetModel()
        if fetch is not None:
            self.fetchMore(QModelIndex())

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def loading(self) -> bool:
        return self._loading

    def items(self) -> list[Any]:
        return list(self._rows)

    def item(self, row: int) -> Any:
        return self._rows[row]

    def remove_ids(self, ids: set[str]) -> None:
        """Drop rows locally after a delete (the server's search index may lag behind)."""
        for row in reversed(range(len(self._rows))):
            if media_id(self._rows[row]) in ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                if self._total:
                    self._total -= 1

    def _set_loading(self, value: bool) -> None:
        if self._loading != value:
            self._loading = value
            self.loading_changed.emit(value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._fetch is None or self._loading:
            return False
        if self._total is None:
            return True
        reachable = self._total if self._scrollable else min(self._total, FIRST_WINDOW)
        return len(self._rows) < reachable

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        fetch, page_no, size = self._fetch, self._next_page, self.page_size
        # A page ending past the first 5,000 is reachable only with the previous page's ScrollToken
        # (one page at a time stays within the API's 1,200-record jump rule).
        beyond = page_no * size > FIRST_WINDOW
        token = self._scroll_token if beyond and self._scrollable else None
        generation = self._generation
        self._set_loading(True)
        assert fetch is not None
        run_in_background(
            lambda: fetch(page_no, size, token),
            lambda page: self._on_page(generation, page),
            lambda error: self._on_error(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, page: Any) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        items = [inner(it) for it in pick(page, "items", "media", default=[])]
        self._total = as_int(pick(page, "total", default=0))
        self._scroll_token = pick(page, "scroll_token", default=None) or self._scroll_token
        self._next_page += 1
        if not items:  # the server has no more, whatever Total said
            self._total = len(self._rows)
        else:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
            self._rows.extend(items)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._fetch = None  # stop the view from retrying in a loop; F5 starts again
        self.load_failed.emit(error)

    # ---- table --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section in SERVER_SORTED:
                return self.tr("Sorted by the server across the whole library")
            return self.tr("Sorted within the rows loaded so far")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item, column = self._rows[index.row()], Column(index.column())
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, item)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.COVER and self._thumbs is not None:
            return self._thumbs.pixmap(str(pick(item, "cover_url", "CoverURL", "url", "URL")))
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return str(pick(item, "description", "Description")) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DURATION, Column.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column: Column, item: Any) -> str:
        if column == Column.COVER:
            return ""
        if column == Column.DURATION:
            duration = as_float(pick(item, "duration", "Duration", default=0))
            return format_duration(duration) if duration else "–"
        if column == Column.SIZE:
            size = as_int(pick(item, "size", "Size", default=0))
            return format_bytes(size) if size else "–"
        if column in (Column.CREATED, Column.MODIFIED):
            return local_text(_cell_raw(column, item))
        return str(_cell_raw(column, item))

    def sort_loaded(self, column: int, order: Qt.SortOrder) -> None:
        """Client-side sort of the rows already loaded (columns the server cannot sort)."""
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda it: _sort_key(Column(column), it), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()

    @Slot(str)
    def _on_thumbnail(self, url: str) -> None:
        # One signal for the whole cover column: the view repaints only visible cells, so this stays
        # O(1) however many rows are loaded (a per-row search would be O(rows) per thumbnail).
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.COVER),
                self.index(len(self._rows) - 1, Column.COVER),
                [Qt.ItemDataRole.DecorationRole],
            )
