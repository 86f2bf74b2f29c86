"""Dialogs of the library: edit one or many assets, delete streams, delete source files, delete images."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.assets import Asset, AssetEdit, CategoryNode
from vodstudio.core.match_builder import parse_tags
from vodstudio.services.models import DESCRIPTION_MAX, TAGS_MAX, TITLE_MAX, PlayInfo
from vodstudio.ui.localized import size_text
from vodstudio.ui.theme import Tone, tone_style
from vodstudio.ui.widgets.text import TextBox


class EditDialog(QDialog):
    """Edit one asset (all fields filled in) or many (tick the fields to overwrite in all of them)."""

    def __init__(
        self, items: list[Asset], categories: list[CategoryNode], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.many = len(items) > 1
        title = self.tr("Edit %n asset(s)", "", len(items))
        self.setWindowTitle(title)
        first = items[0] if items and not self.many else None
        self.title_edit = QLineEdit(first.title if first else "", self)
        self.description_edit = TextBox(first.description if first else "", self)
        self.description_edit.setFixedHeight(80)
        self.tags_edit = QLineEdit(", ".join(first.tags) if first else "", self)
        self.tags_edit.setPlaceholderText(self.tr("comma separated, at most 16"))
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("(unchanged)"), None)
        for node in categories:
            self.category_combo.addItem(node.path_label, node.cate_id)
        if first is not None and first.cate_id is not None:
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(first.cate_id)))
        self.checks: dict[str, QCheckBox] = {}
        form = QFormLayout()
        for key, label, widget in (
            ("title", self.tr("Title"), self.title_edit),
            ("description", self.tr("Description"), self.description_edit),
            ("tags", self.tr("Tags"), self.tags_edit),
            ("cate_id", self.tr("Category"), self.category_combo),
        ):
            check = QCheckBox(label, self)
            check.setChecked(not self.many)
            check.setVisible(self.many)
            self.checks[key] = check
            widget.setEnabled(not self.many)
            check.toggled.connect(widget.setEnabled)
            form.addRow(check if self.many else QLabel(label, self), widget)
        self.error = QLabel(self)
        self.error.setStyleSheet(tone_style(Tone.ERROR, self.palette()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.many:
            layout.addWidget(QLabel(self.tr("Tick the fields to set in every selected asset."), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def change(self) -> AssetEdit:
        return AssetEdit(
            title=self.title_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            tags=tuple(parse_tags(self.tags_edit.text())),
            cate_id=self.category_combo.currentData(),
            changed=frozenset(key for key, check in self.checks.items() if check.isChecked()),
        )

    def validation_error(self) -> str:
        change = self.change()
        if "title" in change.changed and not change.title:
            return self.tr("The title cannot be empty.")
        if "title" in change.changed and len((change.title or "").encode()) > TITLE_MAX:
            return self.tr("The title is longer than 128 bytes.")
        if "description" in change.changed and len((change.description or "").encode()) > DESCRIPTION_MAX:
            return self.tr("The description is longer than 1,024 bytes.")
        if "tags" in change.changed and len(change.tags or ()) > TAGS_MAX:
            return self.tr("At most 16 tags.")
        return ""

    def accept(self) -> None:
        problem = self.validation_error()
        if problem:
            self.error.setText(problem)
            return
        super().accept()


class ChecklistDialog(QDialog):
    """A list of checkable rows plus an explanation and optional extra check box (e.g. Force)."""

    def __init__(
        self,
        title: str,
        explanation: str,
        rows: list[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        extra: str = "",
        extra_help: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.list = QListWidget(self)
        for label, value in rows:
            row = QListWidgetItem(label, self.list)
            row.setData(Qt.ItemDataRole.UserRole, value)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if len(rows) == 1 else Qt.CheckState.Unchecked)
        layout.addWidget(self.list)
        self.extra = QCheckBox(extra, self) if extra else None
        if self.extra is not None:
            layout.addWidget(self.extra)
            help_label = QLabel(extra_help, self)
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: palette(mid);")
            layout.addWidget(help_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if ok_text:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_all_checked(self, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for index in range(self.list.count()):
            self.list.item(index).setCheckState(state)

    def checked_values(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def extra_checked(self) -> bool:
        return bool(self.extra and self.extra.isChecked())


def stream_rows(play_info: PlayInfo) -> list[tuple[str, str]]:
    """``(label, job id)`` for each stream of a GetPlayInfo answer."""
    rows = []
    for stream in play_info.streams:
        parts = (stream.definition, stream.format, size_text(stream.size), stream.job_id)
        rows.append((" · ".join(parts), stream.job_id))
    return rows


def delete_mezzanines_dialog(titles: list[tuple[str, str]], parent: QWidget | None = None) -> ChecklistDialog:
    dialog = ChecklistDialog(
        QCoreApplication.translate("LibraryEdit", "Delete source files"),
        QCoreApplication.translate(
            "LibraryEdit",
            "The original uploaded files are deleted; transcoded streams stay playable. "
            "This cannot be undone.",
        ),
        titles,
        parent,
        extra=QCoreApplication.translate("LibraryEdit", "Force"),
        extra_help=QCoreApplication.translate(
            "LibraryEdit",
            "Needed when a video has no transcoded streams (no-transcode or async-transcode mode): "
            "its source file IS the playback stream, so forcing the deletion makes the video unplayable.",
        ),
        ok_text=QCoreApplication.translate("LibraryEdit", "Delete"),
    )
    dialog.set_all_checked(True)
    return dialog
