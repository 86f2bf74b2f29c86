"""A layout that wraps its widgets onto further lines when the window gets narrow (filter bars)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Left to right, then the next line: a row of controls that fits 800 px as well as 1,600.

    An item whose horizontal policy expands (a search box) takes the room left on its line.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self, _stretch: int = 1) -> None:
        """Push what follows on the same line to its right end (as in a box layout)."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, horizontal: bool) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        value = parent.style().pixelMetric(metric, None, parent)
        return value if value >= 0 else 6

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        gap = self._gap(True)
        for item in self._items:
            if item.isEmpty() and item.spacerItem() is None:
                continue
            want = item.sizeHint().width()
            if lines[-1] and used + gap + want > width:
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + want
            lines[-1].append(item)
        return lines

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap, line_gap = self._gap(True), self._gap(False)
        y = area.y()
        for line in self._lines(area.width()):
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            if apply:
                self._place(line, QPoint(area.x(), y), area.width(), height, gap)
            y += height + line_gap
        return y - line_gap - rect.y() + margins.bottom()

    def _place(self, line: list[QLayoutItem], origin: QPoint, width: int, height: int, gap: int) -> None:
        hints = [min(item.sizeHint().width(), width) for item in line]
        spare = max(0, width - sum(hints) - gap * (len(line) - 1))
        # A stretch takes the spare room first (right-aligning what follows), else expanding widgets.
        growers = [i for i, item in enumerate(line) if item.spacerItem() is not None]
        growers = growers or [i for i, item in enumerate(line) if _expands(item)]
        x = origin.x()
        for index, item in enumerate(line):
            extra = spare // len(growers) if index in growers and growers else 0
            item.setGeometry(QRect(x, origin.y(), hints[index] + extra, height))
            x += hints[index] + extra + gap


def _expands(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    policy = widget.sizePolicy().horizontalPolicy()
    return policy in (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
