"""What "fits" means for a window or dialog: its minimum size within a screen, no label cut short."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# 800 x 560 is the smallest window we support; a 1366 x 768 laptop at 150 % gives about 910 x 480
# logical pixels once the taskbar and the title bar are taken off.
SMALL_WINDOW = (800, 560)
LAPTOP_150 = (910, 480)


def fits(widget: QWidget, size: tuple[int, int]) -> bool:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width() <= size[0] and hint.height() <= size[1]


def clipped(root: QWidget) -> list[str]:
    """Visible single-line labels and buttons whose text is wider than the room they were given."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if (
            isinstance(widget, QLabel)
            and not widget.wordWrap()
            and widget.text()
            and widget.pixmap().isNull()
        ):
            text = widget.text().replace("&", "") if widget.buddy() is not None else widget.text()
            if "<" in text or "\n" in text:  # rich text and multi-line labels lay out differently
                continue
            need = widget.fontMetrics().horizontalAdvance(text)
            if need > widget.contentsRect().width() + 1:
                found.append(f"label {text!r}: {need} px in {widget.contentsRect().width()}")
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            found.append(f"button {widget.text()!r}: {widget.sizeHint().width()} px in {widget.width()}")
    return found
