"""AssetTableModel: a virtual table over a ``LibraryQuery``, loading a page whenever the view scrolls."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot

from vodstudio.core.assets import Asset
from vodstudio.core.units import format_duration
from vodstudio.services.library import LibraryQuery
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import status_text
from vodstudio.ui.library.fields import as_datetime, local_text
from vodstudio.ui.library.thumbs import ThumbnailCache
from vodstudio.ui.localized import size_text

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


def _sort_key(column: Column, item: Asset) -> Any:
    if column == Column.DURATION:
        return item.duration
    if column == Column.SIZE:
        return item.size
    if column in (Column.CREATED, Column.MODIFIED):
        return as_datetime(_cell_raw(column, item)) or 0
    return str(_cell_raw(column, item)).casefold()


def _cell_raw(column: Column, item: Asset) -> Any:
    return {
        Column.TITLE: item.title or item.file_name,
        Column.STATUS: status_text(item.status),
        Column.CATEGORY: item.cate_name,
        Column.TAGS: ", ".join(item.tags),
        Column.CREATED: item.created,
        Column.MODIFIED: item.modified,
        Column.ID: item.asset_id,
    }.get(column, "")


class AssetTableModel(QAbstractTableModel):
    """Rows arrive a page at a time when the view scrolls (``canFetchMore``/``fetchMore``).

    A new query bumps a generation counter so a page still in flight for the old query is dropped.
    """

    page_loaded = Signal(int)  # rows loaded so far
    load_failed = Signal(object)  # the exception
    loading_changed = Signal(bool)

    def __init__(self, thumbs: ThumbnailCache | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Asset] = []
        self._query: LibraryQuery | None = None
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
    def set_query(self, query: LibraryQuery | None) -> None:
        """Start over with a new query (``None`` clears); its first page loads at once."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._query = query
        self._set_loading(False)
        self.endResetModel()
        if query is not None:
            self.fetchMore(QModelIndex())

    @property
    def total(self) -> int | None:
        return None if self._query is None else self._query.total

    @property
    def loading(self) -> bool:
        return self._loading

    def items(self) -> list[Asset]:
        return list(self._rows)

    def item(self, row: int) -> Asset:
        return self._rows[row]

    def row_of(self, asset_id: str) -> int:
        return next((row for row, a in enumerate(self._rows) if a.asset_id == asset_id), -1)

    def remove_ids(self, ids: set[str]) -> None:
        """Drop rows locally after a delete (the server's search index may lag behind)."""
        for row in reversed(range(len(self._rows))):
            if self._rows[row].asset_id in ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                if self._query is not None and self._query.total:
                    self._query.total -= 1

    def replace_item(self, asset: Asset) -> None:
        """Show an edited asset in place (no reload, so the view keeps its scroll position)."""
        row = self.row_of(asset.asset_id)
        if row >= 0:
            self._rows[row] = asset
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _set_loading(self, value: bool) -> None:
        if self._loading != value:
            self._loading = value
            self.loading_changed.emit(value)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        if parent.isValid() or self._query is None or self._loading:
            return False
        return self._query.has_more()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        query, generation = self._query, self._generation
        assert query is not None
        self._set_loading(True)
        run_in_background(
            query.next_page,
            lambda rows: self._on_page(generation, rows),
            lambda error: self._on_error(generation, error),
            owner=self,
        )

    def _on_page(self, generation: int, rows: list[Asset]) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    def _on_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self._query = None  # stop the view from retrying in a loop; F5 starts again
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
            return self._thumbs.pixmap(item.cover_url)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return item.description or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DURATION, Column.SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column: Column, item: Asset) -> str:
        if column == Column.COVER:
            return ""
        if column == Column.DURATION:
            return format_duration(item.duration) if item.duration else "–"
        if column == Column.SIZE:
            return size_text(item.size) if item.size else "–"
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
