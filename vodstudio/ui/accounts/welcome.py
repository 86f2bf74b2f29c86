"""First run without an account: add an Alibaba Cloud account, or try the local sandbox."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QLabel, QVBoxLayout, QWidget

from vodstudio.app_info import NAME


class WelcomeView(QWidget):
    add_account_requested = Signal()
    sandbox_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        column = QWidget(self)
        column.setFixedWidth(580)
        layout = QVBoxLayout(column)
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
        self.add_button = QCommandLinkButton(
            self.tr("Add an Alibaba Cloud account"),
            self.tr("Use an AccessKey pair; the secret is stored in the system keychain."),
            column,
        )
        self.add_button.setObjectName("addAccountButton")
        self.sandbox_button = QCommandLinkButton(
            self.tr("Try the local sandbox"),
            self.tr("Starts a private imitation of the cloud on this computer, with a demo library."),
            column,
        )
        self.sandbox_button.setObjectName("sandboxButton")
        self.status = QLabel(column)
        self.status.setEnabled(False)
        self.add_button.clicked.connect(self.add_account_requested)
        self.sandbox_button.clicked.connect(self.sandbox_requested)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addWidget(intro)
        layout.addSpacing(18)
        layout.addWidget(self.add_button)
        layout.addWidget(self.sandbox_button)
        layout.addWidget(self.status)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def set_busy(self, busy: bool) -> None:
        self.sandbox_button.setEnabled(not busy)
        self.add_button.setEnabled(not busy)
        self.status.setText(self.tr("Starting the sandbox and its demo library…") if busy else "")
