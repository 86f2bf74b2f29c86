"""The upload sheet's Advanced tab: transcoding, storage location, AppId, priority, route and CDN prefetch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from vodstudio.core.jobs import JobMetadata
from vodstudio.services.presets import PresetsService
from vodstudio.ui.uploads.templates import TemplateChooser

_ROUTE = {Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}


class AdvancedBox(QWidget):
    """Fields most uploads leave alone; a preset fills them, ``values()`` hands them back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = TemplateChooser(self)
        self.storage_edit = QLineEdit(self)
        self.storage_edit.setPlaceholderText(self.tr("The account's default storage"))
        self.app_edit = QLineEdit(self)
        self.app_edit.setPlaceholderText(self.tr("The account's default application"))
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setRange(-99, 99)
        self.priority_spin.setToolTip(self.tr("Higher numbers upload first."))
        form = QFormLayout()
        for text, buddy, field in (
            (self.tr("Transcoding &template group:"), self.templates.focus_target(), self.templates),
            (self.tr("Storage &location:"), self.storage_edit, self.storage_edit),
            (self.tr("App&Id:"), self.app_edit, self.app_edit),
            (self.tr("P&riority:"), self.priority_spin, self.priority_spin),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.accelerate = QCheckBox(self)  # partly checked: the account's route (Tools → Upload Route)
        self.accelerate.setTristate(True)
        self.accelerate.checkStateChanged.connect(self._say_route)
        self.accelerate.setCheckState(Qt.CheckState.PartiallyChecked)
        self._say_route(Qt.CheckState.PartiallyChecked)
        self.prefetch = QCheckBox(self.tr("Prefetch on CDN when playable"), self)
        self.prefetch.setToolTip(
            self.tr("Once each video plays, its play URLs are prefetched on the CDN (daily prefetch quota).")
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.accelerate)
        layout.addWidget(self.prefetch)
        layout.addStretch(1)

    def load(self, presets: PresetsService | None, account: str | None) -> None:
        self.templates.load(presets, account)

    @Slot(Qt.CheckState)
    def _say_route(self, state: Qt.CheckState) -> None:
        self.accelerate.setText(
            {
                Qt.CheckState.Checked: self.tr("Accelerate this upload (billed per GB)"),
                Qt.CheckState.Unchecked: self.tr("Normal route for this upload"),
            }.get(state, self.tr("Upload route: as set for the account"))
        )

    def apply(self, meta: JobMetadata) -> None:
        self.templates.set_value(meta.template_group_id, meta.workflow_id)
        self.storage_edit.setText(meta.storage_location)
        self.app_edit.setText(meta.app_id)
        self.priority_spin.setValue(max(-99, min(99, meta.priority)))
        route = Qt.CheckState.PartiallyChecked
        if meta.accelerate is not None:
            route = Qt.CheckState.Checked if meta.accelerate else Qt.CheckState.Unchecked
        self.accelerate.setCheckState(route)
        self.prefetch.setChecked(meta.prefetch_when_playable)

    def values(self) -> dict[str, Any]:
        """The JobMetadata fields this tab owns."""
        group, workflow = self.templates.value()
        return {
            "template_group_id": group,
            "workflow_id": workflow,
            "storage_location": self.storage_edit.text().strip(),
            "app_id": self.app_edit.text().strip(),
            "priority": self.priority_spin.value(),
            "accelerate": _ROUTE.get(self.accelerate.checkState()),
            "prefetch_when_playable": self.prefetch.isChecked(),
        }
