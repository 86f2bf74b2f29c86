"""Small vector icons drawn with QPainter (crisp at any DPI, tinted with the palette's text colour)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

Draw = Callable[[QPainter, float], None]


def _upload(p: QPainter, s: float) -> None:
    path = QPainterPath()
    path.moveTo(s * 0.5, s * 0.12)
    path.lineTo(s * 0.5, s * 0.62)
    path.moveTo(s * 0.28, s * 0.34)
    path.lineTo(s * 0.5, s * 0.12)
    path.lineTo(s * 0.72, s * 0.34)
    path.moveTo(s * 0.14, s * 0.62)
    path.lineTo(s * 0.14, s * 0.86)
    path.lineTo(s * 0.86, s * 0.86)
    path.lineTo(s * 0.86, s * 0.62)
    p.drawPath(path)


def _library(p: QPainter, s: float) -> None:
    gap, cell = s * 0.08, s * 0.34
    for row in range(2):
        for col in range(2):
            x = s * 0.12 + col * (cell + gap)
            y = s * 0.12 + row * (cell + gap)
            p.drawRoundedRect(QRectF(x, y, cell, cell), s * 0.05, s * 0.05)
    p.drawLine(QPointF(s * 0.22, s * 0.36), QPointF(s * 0.36, s * 0.25))


def _cdn(p: QPainter, s: float) -> None:
    box = QRectF(s * 0.12, s * 0.12, s * 0.76, s * 0.76)
    p.drawEllipse(box)
    p.drawEllipse(QRectF(s * 0.34, s * 0.12, s * 0.32, s * 0.76))
    p.drawLine(QPointF(s * 0.12, s * 0.5), QPointF(s * 0.88, s * 0.5))
    p.drawLine(QPointF(s * 0.5, s * 0.12), QPointF(s * 0.5, s * 0.88))


SHAPES: dict[str, Draw] = {"uploads": _upload, "library": _library, "cdn": _cdn}


def vector_pixmap(name: str, size: int, color: QColor | None = None, ratio: float = 2.0) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tint = color or QApplication.palette().color(QPalette.ColorRole.WindowText)
    pen = QPen(tint, max(1.4, size / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    SHAPES[name](painter, float(size))
    painter.end()
    return pixmap


def vector_icon(name: str) -> QIcon:
    """Normal and selected (highlighted-text) variants, so the icon stays visible on a selection."""
    icon = QIcon()
    palette = QApplication.palette()
    for size in (16, 20, 24, 32):
        icon.addPixmap(vector_pixmap(name, size), QIcon.Mode.Normal)
        selected = vector_pixmap(name, size, palette.color(QPalette.ColorRole.HighlightedText))
        icon.addPixmap(selected, QIcon.Mode.Selected)
    return icon
