"""The queue's empty state: a drop invitation with the two add buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vodstudio.ui.icons import vector_pixmap


class EmptyQueueView(QWidget):
    add_files_clicked = Signal()
    add_folder_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.addStretch(2)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        icon = QLabel(self)
        icon.setPixmap(vector_pixmap("uploads", 56, muted))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Drop videos, audio or images here"), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)  # a long language wraps instead of widening the window
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        hint = QLabel(self.tr("Folders are searched for media files. Uploads resume after a restart."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for text, signal in (
            (self.tr("Add Files…"), self.add_files_clicked),
            (self.tr("Add Folder…"), self.add_folder_clicked),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for widget in (icon, title, hint):
            box.addWidget(widget)
        box.addSpacing(12)
        box.addLayout(buttons)
        box.addStretch(3)

    def paintEvent(self, event: QPaintEvent) -> None:
        # A dashed drop zone: says "drop here" without words.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        color.setAlpha(110)
        pen = QPen(color, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.rect().adjusted(16, 16, -16, -16), 12, 12)
        painter.end()
        super().paintEvent(event)
