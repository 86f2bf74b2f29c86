"""Pick Huawei media assets (ListAssetList) for refresh or prefetch by asset id."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.cdn import ASSET_PREFIX
from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.models import HuaweiAsset
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import size_text
from vodstudio.ui.widgets.busy import StatusLine


class AssetPickerDialog(QDialog):
    """Lists the account's assets; ``chosen_items()`` gives ``asset:<id>`` strings for the desk."""

    def __init__(self, desk: CdnDeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pick Huawei Cloud assets"))
        self.resize(640, 420)
        self.desk = desk
        self.assets: list[HuaweiAsset] = []
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title or id"))
        self.table = QTableWidget(0, 4, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Asset ID"), self.tr("Size"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.status = StatusLine(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self.load()

    def load(self) -> None:
        self.status.show_info(self.tr("Loading…"))
        run_in_background(
            self.desk.assets,  # the first 1,000: the picker is for choosing, not for browsing
            self._on_loaded,
            lambda e: self.status.show_error(describe_error(e)),
            owner=self,
        )

    def _on_loaded(self, assets: list[HuaweiAsset]) -> None:
        self.assets = assets
        self.table.setRowCount(len(assets))
        for row, asset in enumerate(assets):
            for column, value in enumerate(
                [asset.title or "–", asset.asset_id, size_text(asset.size), asset.asset_status]
            ):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, asset.asset_id)
                self.table.setItem(row, column, cell)
        self.status.show_info(self.tr("%n asset(s).", "", len(assets)) if assets else self.tr("No assets."))

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row, asset in enumerate(self.assets):
            hay = f"{asset.title} {asset.asset_id}".casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in hay)

    def select_rows(self, rows: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.table.model().index(row, 0), flags)

    def chosen_items(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [ASSET_PREFIX + self.assets[r].asset_id for r in rows]
