"""The transcoding choice of the upload sheet: template groups and workflows listed from the account."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from vodstudio.core.presets import TemplateGroup, Workflow
from vodstudio.services.presets import PresetsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error

GROUP = "group"
WORKFLOW = "workflow"


class TemplateChooser(QWidget):
    """A combo of the account's groups and workflows, filled in the background. If listing fails, a
    text field takes a group id instead, as before lists existed; the error is in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("Default transcoding"), "")
        self.edit = QLineEdit(self)  # the free-text fallback
        self.edit.setPlaceholderText(self.tr("Template group ID (default transcoding)"))
        self.edit.hide()
        self.status = QLabel(self)
        self.status.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.edit, 1)
        row.addWidget(self.status)
        self.loaded = False
        self.fallback = False  # listing failed: the text field is shown
        self._wanted = ("", "")

    def focus_target(self) -> QWidget:
        return self.edit if self.fallback else self.combo

    def load(self, presets: PresetsService | None, account: str | None) -> None:
        if presets is None or not account:
            self._fall_back("")
            return
        self.status.setText(self.tr("Loading…"))

        def fetch() -> tuple[list[TemplateGroup], list[Workflow]]:
            groups = presets.template_groups(account)
            try:
                flows = presets.workflows(account)
            except Exception:  # workflows are optional: a group list alone is enough to choose
                flows = []
            return groups, flows

        run_in_background(fetch, self._listed, self._failed, owner=self)

    def _listed(self, result: tuple[list[TemplateGroup], list[Workflow]]) -> None:
        groups, flows = result
        for g in groups:
            label = self.tr("%1 (default)").replace("%1", g.name) if g.is_default else g.name
            self.combo.addItem(label, f"{GROUP}:{g.group_id}")
        for f in flows:
            self.combo.addItem(self.tr("Workflow: %1").replace("%1", f.name), f"{WORKFLOW}:{f.workflow_id}")
        self.status.setText("")
        self.loaded = True
        self.set_value(*self._wanted)

    def _failed(self, error: BaseException) -> None:
        self._fall_back(describe_error(error))

    def _fall_back(self, why: str) -> None:
        self.fallback = True
        self.combo.hide()
        self.edit.show()
        self.edit.setToolTip(why)
        self.status.setText(self.tr("List unavailable") if why else "")
        self.status.setToolTip(why)
        self.set_value(*self._wanted)

    def set_value(self, group_id: str, workflow_id: str) -> None:
        """Choose a group or (winning, as in VOD) a workflow; one not listed is added as its id."""
        self._wanted = (group_id, workflow_id)
        self.edit.setText(group_id)
        if not self.loaded:
            return  # chosen once the list is in
        # Item data is text ("group:ID"): findData compares strings, not Python tuples by identity.
        wanted = f"{WORKFLOW}:{workflow_id}" if workflow_id else f"{GROUP}:{group_id}" if group_id else ""
        index = self.combo.findData(wanted)
        if index < 0:
            self.combo.addItem(workflow_id or group_id, wanted)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def value(self) -> tuple[str, str]:
        """(template group id, workflow id)."""
        if self.fallback:
            return self.edit.text().strip(), self._wanted[1]
        if not self.loaded:
            return self._wanted
        kind, _, ident = str(self.combo.currentData() or "").partition(":")
        return (ident, "") if kind == GROUP else ("", ident) if kind == WORKFLOW else ("", "")
