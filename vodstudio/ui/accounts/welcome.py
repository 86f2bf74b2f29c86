"""First run without an account: add an Alibaba Cloud account, or try the local sandbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from vodstudio.app_info import NAME

ICON = Path(__file__).resolve().parents[3] / "resources" / "icons" / "vodstudio-128.png"


class ChoiceButton(QPushButton):
    """A large button with a bold title and a quieter description (like a command link, never clipped)."""

    def __init__(self, title: str, description: str, icon: QStyle.StandardPixmap, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(12)
        glyph = QLabel(self)
        glyph.setPixmap(self.style().standardIcon(icon).pixmap(28, 28))
        text = QVBoxLayout()
        text.setSpacing(2)
        heading = QLabel(title, self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        detail = QLabel(description, self)
        detail.setWordWrap(True)
        for label in (glyph, heading, detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        text.addWidget(heading)
        text.addWidget(detail)
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        self.setMinimumHeight(row.sizeHint().height() + 8)


class WelcomeView(QWidget):
    add_account_requested = Signal()
    sandbox_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        column = QWidget(self)
        column.setMaximumWidth(560)
        layout = QVBoxLayout(column)
        self._add_header(layout, column)
        self.add_button = ChoiceButton(
            self.tr("Add an Alibaba Cloud account"),
            self.tr("Use an AccessKey pair; the secret is stored in the system keychain."),
            QStyle.StandardPixmap.SP_DialogOpenButton,
            column,
        )
        self.add_button.setObjectName("addAccountButton")
        self.sandbox_button = ChoiceButton(
            self.tr("Try the local sandbox"),
            self.tr("Starts a private imitation of the cloud on this computer, with a demo library."),
            QStyle.StandardPixmap.SP_ComputerIcon,
            column,
        )
        self.sandbox_button.setObjectName("sandboxButton")
        self.status = QLabel(column)
        self.status.setEnabled(False)
        self.add_button.clicked.connect(self.add_account_requested)
        self.sandbox_button.clicked.connect(self.sandbox_requested)
        layout.addWidget(self.add_button)
        layout.addSpacing(6)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.status)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def _add_header(self, layout: QVBoxLayout, column: QWidget) -> None:
        logo = QLabel(column)
        if ICON.exists():
            logo.setPixmap(
                QPixmap(str(ICON)).scaled(
                    72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        title = QLabel(self.tr("Welcome to %1").replace("%1", NAME), column)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Upload videos to ApsaraVideo VOD, manage your media library and keep the CDN fresh. "
                "Start with an account, or explore everything on a local sandbox first."
            ),
            column,
        )
        intro.setWordWrap(True)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addSpacing(4)
        layout.addWidget(intro)
        layout.addSpacing(18)

    def set_busy(self, busy: bool) -> None:
        self.sandbox_button.setEnabled(not busy)
        self.add_button.setEnabled(not busy)
        self.status.setText(self.tr("Starting the sandbox and its demo library…") if busy else "")
