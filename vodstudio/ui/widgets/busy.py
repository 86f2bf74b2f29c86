"""Overlay and label widgets for busy, empty and error states."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from vodstudio.ui.localized import size_text
from vodstudio.ui.theme import Tone, tone_style


class BusyOverlay(QWidget):
    """A translucent veil with a message over another widget (follows its size; ignores input)."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._target = target
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label = QLabel(self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        target.installEventFilter(self)
        self.hide()

    def show_message(self, text: str) -> None:
        self._label.setText(text)
        self.setGeometry(self._target.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._target.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        color = QColor(self.palette().window().color())
        color.setAlpha(200)
        painter.fillRect(self.rect(), color)


class StatusLine(QLabel):
    """A one-line status label that colours errors (kept selectable so codes can be copied)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.is_error = False

    def show_info(self, text: str) -> None:
        self.is_error = False
        self.setStyleSheet("")
        self.setText(text)

    def show_error(self, text: str) -> None:
        self.is_error = True
        self.setStyleSheet(tone_style(Tone.ERROR, self.palette()))
        self.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        # A theme switch changes the palette: the error colour follows it.
        if event.type() == QEvent.Type.PaletteChange and self.is_error:
            wanted = tone_style(Tone.ERROR, self.palette())
            if self.styleSheet() != wanted:  # a style sheet change is itself a palette change
                self.setStyleSheet(wanted)
        super().changeEvent(event)


class ByteSizeLabel(QLabel):
    """Shows a byte count readably; the exact number is in the tooltip."""

    def set_bytes(self, count: int | None) -> None:
        if count is None:
            self.setText("–")
            self.setToolTip("")
            return
        self.setText(size_text(count))
        self.setToolTip(self.tr("%n byte(s)", "", count))
