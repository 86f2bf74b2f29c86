"""The weekly bandwidth grid, 7 days x 24 hours: drag over cells, make them unlimited, default or a rate."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.schedule import DAYS, HOURS, BandwidthSchedule, Cell
from vodstudio.ui.localized import rate_text as human_rate

MEBIBYTE = 1024 * 1024
CELL_W, CELL_H = 28, 24
# Translucent fills: the theme's text stays readable on them in light and dark alike.
_UNLIMITED = QColor(46, 160, 67, 110)
_SLOW, _FAST = (220, 80, 40, 130), (230, 190, 40, 110)


def mebibytes(cell: int) -> str:
    """A cell's short label in MB/s: ``2097152`` -> ``"2"``, ``512000`` -> ``"0.5"``, never ``"0"``."""
    value = cell / MEBIBYTE
    text = f"{value:.1f}".rstrip("0").rstrip(".") if value < 100 else f"{value:.0f}"
    return text if text != "0" else f"{value:.2f}".rstrip("0")


def cell_colour(cell: Cell, scale: tuple[int, int]) -> QColor | None:
    """None for default cells (the table's own background); limits shade from red (slow) to yellow."""
    if cell is None:
        return None
    if cell == 0:
        return _UNLIMITED
    low, high = scale
    t = 0.0 if high <= low else (cell - low) / (high - low)
    red, green, blue, alpha = (round(a + (b - a) * t) for a, b in zip(_SLOW, _FAST, strict=True))
    return QColor(red, green, blue, alpha)


class ScheduleGrid(QWidget):
    """Shows and edits a ``BandwidthSchedule``; ``schedule()`` is what the user made of it."""

    changed = Signal()

    def __init__(self, schedule: BandwidthSchedule, base_bps: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schedule = schedule
        self._base = base_bps
        self.table = QTableWidget(len(DAYS), HOURS, self)
        self.table.setObjectName("scheduleTable")
        self.table.setAccessibleName(self.tr("Weekly bandwidth schedule"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([f"{h:02d}" for h in range(HOURS)])
        locale = QLocale()
        self.table.setVerticalHeaderLabels(
            [locale.dayName(d + 1, QLocale.FormatType.ShortFormat) for d in range(len(DAYS))]
        )
        for header, size in ((self.table.horizontalHeader(), CELL_W), (self.table.verticalHeader(), CELL_H)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setMinimumSectionSize(size)
        small = self.table.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6.0))
        self.table.setFont(small)
        width = self.table.verticalHeader().sizeHint().width() + HOURS * CELL_W + 2 * self.table.frameWidth()
        height = self.table.horizontalHeader().sizeHint().height() + len(DAYS) * CELL_H
        self.table.setMinimumSize(width + 2, height + 2 * self.table.frameWidth() + 2)
        self.table.setMaximumSize(self.table.minimumSize())  # no empty rows or columns beside the week
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # "1.5" whole, never "1…"
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build_controls()
        self._fill()

    def _build_controls(self) -> None:
        self.unlimited_button = QPushButton(self.tr("Unlimited"), self)
        self.default_button = QPushButton(self.tr("Default"), self)
        self.default_button.setToolTip(self.tr("The limit set in the queue’s Limit box"))
        self.rate_spin = QDoubleSpinBox(self)
        self.rate_spin.setRange(0.1, 10_000.0)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setSingleStep(0.5)
        self.rate_spin.setValue(2.0)
        self.rate_spin.setSuffix(self.tr(" MB/s"))
        self.rate_spin.setAccessibleName(self.tr("Limit for the selected hours"))
        self.set_button = QPushButton(self.tr("Set Limit"), self)
        self.unlimited_button.clicked.connect(lambda: self.set_selected(0))
        self.default_button.clicked.connect(lambda: self.set_selected(None))
        self.set_button.clicked.connect(self._set_rate)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Selected hours:"), self))
        for widget in (self.unlimited_button, self.default_button, self.rate_spin, self.set_button):
            row.addWidget(widget)
        row.addStretch()
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.legend)
        layout.addStretch()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    # ---------------------------------------------------------------- the model
    def schedule(self) -> BandwidthSchedule:
        return self._schedule

    def set_schedule(self, schedule: BandwidthSchedule) -> None:
        self._schedule = schedule
        self._fill()
        self.changed.emit()

    def selected_cells(self) -> list[tuple[int, int]]:
        return sorted((i.row(), i.column()) for i in self.table.selectedIndexes())

    def select_cells(self, cells: Iterable[tuple[int, int]]) -> None:
        """Select these (day, hour) cells, as a drag over them would."""
        self.table.clearSelection()
        for day, hour in cells:
            item = self.table.item(day, hour)
            if item is not None:
                item.setSelected(True)

    @Slot()
    def _set_rate(self) -> None:
        self.set_selected(round(self.rate_spin.value() * MEBIBYTE))

    def set_selected(self, value: Cell) -> None:
        cells = self.selected_cells()
        if cells:
            self.set_schedule(self._schedule.with_cells(cells, value))

    @Slot()
    def _selection_changed(self) -> None:
        has = bool(self.table.selectedIndexes())
        for widget in (self.unlimited_button, self.default_button, self.set_button):
            widget.setEnabled(has)

    # ---------------------------------------------------------------- the view
    def _label(self, cell: Cell) -> tuple[str, str]:
        """(text in the cell, words for its tooltip)."""
        if cell is None:
            base = human_rate(self._base) if self._base else self.tr("unlimited")
            return "", self.tr("Default (%1)").replace("%1", base)
        if cell == 0:
            return "∞", self.tr("Unlimited")
        return mebibytes(cell), human_rate(cell)

    def _fill(self) -> None:
        limits = [c for row in self._schedule.cells for c in row if c]
        scale = (min(limits, default=0), max(limits, default=0))
        locale = QLocale()
        for day in range(len(DAYS)):
            name = locale.dayName(day + 1, QLocale.FormatType.ShortFormat)
            for hour in range(HOURS):
                cell = self._schedule.cell(day, hour)
                text, words = self._label(cell)
                item = self.table.item(day, hour) or QTableWidgetItem()
                item.setText(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{name} {hour:02d}:00–{hour + 1:02d}:00: {words}")
                colour = cell_colour(cell, scale)
                item.setBackground(QBrush(colour) if colour is not None else QBrush())
                if self.table.item(day, hour) is None:
                    self.table.setItem(day, hour, item)
        base = human_rate(self._base) if self._base else self.tr("unlimited")
        self.legend.setText(
            self.tr(
                "Drag over hours to select them. Numbers are MB/s, ∞ is unlimited; empty hours use "
                "the queue’s Limit box (now %1). A running upload follows the schedule at once."
            ).replace("%1", base)
        )
