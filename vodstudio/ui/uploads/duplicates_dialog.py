"""One question per drop: some files were uploaded before; skip them, upload again, or replace."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from vodstudio.core.fingerprint import Duplicate, DuplicatePolicy

SHOWN = 200  # names listed; the count says how many there are


class DuplicatesDialog(QDialog):
    """Non-modal (``open()``); ``policy_chosen`` fires once. Closing it means skip: nothing is lost."""

    policy_chosen = Signal(object)  # DuplicatePolicy

    def __init__(self, duplicates: tuple[Duplicate, ...], fresh: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Uploaded Before"))
        self._answered = False
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%n file(s) in this drop are already in this account (same content).", "", len(duplicates)
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        names = QListWidget(self)
        for dup in duplicates[:SHOWN]:
            label = dup.path.replace("\\", "/").rsplit("/", 1)[-1]
            names.addItem(f"{label}  →  {dup.title or dup.media_id}")
        names.setMinimumHeight(120)
        layout.addWidget(names, 1)
        rest = self.tr("%n other file(s) are new and will be uploaded in any case.", "", fresh)
        hint = QLabel(
            rest
            + "\n"
            + self.tr("“Replace” uploads them and deletes each old video once its new copy is uploaded.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.skip_button = buttons.addButton(self.tr("Skip Them"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.again_button = buttons.addButton(self.tr("Upload Again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button = buttons.addButton(
            self.tr("Replace Old Videos"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.skip_button.setDefault(True)
        self.skip_button.clicked.connect(self._skip)
        self.again_button.clicked.connect(self._again)
        self.replace_button.clicked.connect(self._replace)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)  # file names and titles side by side
        names.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def choose(self, policy: DuplicatePolicy) -> None:
        """Answer (the buttons and tests call this)."""
        if not self._answered:
            self._answered = True
            self.policy_chosen.emit(policy)
        self.accept()

    @Slot()
    def _skip(self) -> None:
        self.choose(DuplicatePolicy.SKIP)

    @Slot()
    def _again(self) -> None:
        self.choose(DuplicatePolicy.AGAIN)

    @Slot()
    def _replace(self) -> None:
        self.choose(DuplicatePolicy.REPLACE)

    def reject(self) -> None:
        if not self._answered:
            self._answered = True
            self.policy_chosen.emit(DuplicatePolicy.SKIP)
        super().reject()
