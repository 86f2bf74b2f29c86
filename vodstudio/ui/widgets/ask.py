"""Questions with buttons that say what they do ("Delete 3 Videos" / "Keep"), never a bare Yes / No.

Callers use ``ask.confirm(...)`` through the module, so a test can answer for the user by replacing
``vodstudio.ui.widgets.ask.confirm``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, text: str, ok_text: str, cancel_text: str = "") -> bool:
    """A modal question; True when the user chose ``ok_text``. Escape and closing mean no."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(
        cancel_text or QCoreApplication.translate("Ask", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)  # the safe answer is the one Enter gives
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is ok
