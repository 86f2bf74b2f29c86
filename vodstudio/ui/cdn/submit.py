"""Refresh and prefetch: paste or import a list, see today's quota first, submit; the rest waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.cdn import CdnQuota, CdnTaskKind
from vodstudio.core.cdn_items import ItemList, ItemProblem, ItemProblemKind, parse_items
from vodstudio.services.cdn import CdnDeskSession, SubmitOutcome
from vodstudio.services.providers import Capability
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import list_text, number_text, sentences
from vodstudio.ui.theme import Tone, tone
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.files import remember, start_folder
from vodstudio.ui.widgets.flow import FlowLayout
from vodstudio.ui.widgets.text import TextBox

MAX_IMPORT_BYTES = 4 * 1024 * 1024


class SubmitPage(QWidget):
    """Emits ``submitted(SubmitResult)`` after a submit (the task list then refreshes)."""

    submitted = Signal(object)
    pick_assets_requested = Signal()

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.access: CdnDeskSession | None = None
        self.quota: CdnQuota | None = None
        self.kind_combo = QComboBox(self)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.items_edit = TextBox(parent=self)
        self.items_edit.setPlaceholderText(
            self.tr("One URL per line, e.g. https://cdn.example.com/video/a.mp4\nDirectories end with /")
        )
        self.import_button = QPushButton(self.tr("Import list…"), self)
        self.assets_button = QPushButton(self.tr("Pick assets…"), self)
        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.submit_button.setDefault(True)
        self.count_label = QLabel(self)
        self.quota_label = QLabel(self)
        self.quota_label.setWordWrap(True)
        self.waiting_label = QLabel(self)
        self.drop_waiting_button = QPushButton(self.tr("Forget waiting items"), self)
        self.status = StatusLine(self)
        self._layout()
        self.kind_combo.currentIndexChanged.connect(self._show_quota)
        self.items_edit.textChanged.connect(self._show_quota)
        self.import_button.clicked.connect(self.choose_import)
        self.assets_button.clicked.connect(self.pick_assets_requested)
        self.submit_button.clicked.connect(self.submit)
        self.drop_waiting_button.clicked.connect(self.drop_waiting)

    def _layout(self) -> None:
        top = FlowLayout()  # wraps in a narrow window
        top.addWidget(QLabel(self.tr("Action:"), self))
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.assets_button)
        bottom = FlowLayout()  # wraps in a narrow window
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        waiting = FlowLayout()  # wraps in a narrow window
        waiting.addWidget(self.waiting_label)
        waiting.addStretch(1)
        waiting.addWidget(self.drop_waiting_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.items_edit, 1)
        layout.addWidget(self.quota_label)
        layout.addLayout(waiting)
        layout.addLayout(bottom)
        layout.addWidget(self.status)

    # ---- account ------------------------------------------------------------------------------
    def set_access(self, access: CdnDeskSession | None) -> None:
        self.access = access
        self.quota = None
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        kinds = [
            (CdnTaskKind.REFRESH_URL, self.tr("Refresh URLs")),
            (CdnTaskKind.REFRESH_DIR, self.tr("Refresh directories")),
            (CdnTaskKind.PREFETCH, self.tr("Prefetch URLs")),
        ]
        for kind, label in kinds:
            if access is None or access.desk.supports(kind):
                self.kind_combo.addItem(label, kind.value)
        self.kind_combo.blockSignals(False)
        assets = access is not None and access.supports(Capability.CDN_ASSETS)
        self.assets_button.setVisible(assets)
        if assets:
            self.items_edit.setPlaceholderText(
                self.tr("One URL per line, or asset:<asset id> (use Pick assets…). Sent in batches of 10.")
            )
        self.setEnabled(access is not None)
        self.reload()

    def kind(self) -> CdnTaskKind:
        return CdnTaskKind(self.kind_combo.currentData() or CdnTaskKind.REFRESH_URL.value)

    def set_kind(self, kind: CdnTaskKind) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind.value)))

    def parsed(self) -> ItemList:
        """The box's lines checked one by one for the chosen action and this provider."""
        text = self.items_edit.toPlainText()
        if self.access is not None:
            return self.access.parse(text, self.kind())
        return parse_items(text, self.kind())

    def add_items(self, items: list[str]) -> None:
        lines = [line for line in self.items_edit.toPlainText().splitlines() if line.strip()]
        self.items_edit.setPlainText("\n".join(dict.fromkeys([*lines, *items])))

    def mark_problems(self, problems: list[ItemProblem]) -> None:
        """Tint the lines that cannot be sent (the rest of the box stays as typed)."""
        marks: list[QTextEdit.ExtraSelection] = []
        document = self.items_edit.document()
        for problem in problems:
            block = document.findBlockByNumber(problem.line - 1)
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(block)
            color = tone(Tone.ERROR, self.items_edit.palette())
            color.setAlpha(60)
            mark.format.setBackground(color)
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            marks.append(mark)
        self.items_edit.setExtraSelections(marks)

    def problem_text(self, problem: ItemProblem) -> str:
        return self.tr("line %1: %2").replace("%1", str(problem.line)).replace("%2", self.reason(problem))

    def held_text(self, problem: ItemProblem) -> str:
        """A line kept in the box after a submit: named by its words (its number has changed)."""
        words = problem.text if len(problem.text) <= 48 else problem.text[:47] + "…"
        return self.tr("“%1”: %2").replace("%1", words).replace("%2", self.reason(problem))

    def reason(self, problem: ItemProblem) -> str:
        reasons = {
            ItemProblemKind.NOT_A_URL: self.tr("not an http(s) URL"),
            ItemProblemKind.HAS_SPACES: self.tr("contains spaces (encode them as %20)"),
            ItemProblemKind.NOT_A_DIRECTORY: self.tr("a directory must end with /"),
            ItemProblemKind.ASSETS_NOT_SUPPORTED: self.tr("asset ids are not supported here"),
            ItemProblemKind.BAD_ASSET_ID: self.tr("not a valid asset id"),
            ItemProblemKind.TOO_LONG: self.tr("too long"),
        }
        return reasons[problem.kind]

    # ---- quota --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Ask for today's quota and the waiting count (background)."""
        access = self.access
        if access is None:
            self.quota_label.setText("")
            self.waiting_label.setText("")
            return
        self.quota_label.setText(self.tr("Checking today's quota…"))

        def load() -> tuple[CdnQuota, int]:
            return access.quota(), len(access.pending())

        run_in_background(load, self._on_quota, self._on_quota_failed, owner=self)

    def _on_quota(self, result: tuple[CdnQuota, int]) -> None:
        self.quota, waiting = result
        self._show_quota()
        self._show_waiting(waiting)

    def _on_quota_failed(self, error: BaseException) -> None:
        self.quota_label.setText(self.tr("Quota unknown: %1").replace("%1", describe_error(error)))

    def _show_waiting(self, waiting: int) -> None:
        text = self.tr("%n item(s) waiting for tomorrow's quota", "", waiting) if waiting else ""
        self.waiting_label.setText(text)
        self.drop_waiting_button.setVisible(waiting > 0)

    def _show_quota(self) -> None:
        parsed = self.parsed()
        count = len(parsed.items)
        self.mark_problems(parsed.problems)
        text = self.tr("%n item(s)", "", count)
        if parsed.problems:
            text += " · " + self.tr("%n line(s) cannot be sent", "", len(parsed.problems))
        self.count_label.setText(text)
        if self.quota is None:
            return
        kind = self.kind()
        left, limit = self.quota.remaining(kind), self.quota.limit(kind)
        text = (
            self.tr("Today's quota: %1 of %2 left.")
            .replace("%1", number_text(left))
            .replace("%2", number_text(limit))
        )
        if not self.quota.known:
            text = (
                self.tr(
                    "Counted here: %1 of %2 left today. Huawei Cloud has no quota API, "
                    "so uses by other tools are not included."
                )
                .replace("%1", number_text(left))
                .replace("%2", number_text(limit))
            )
        if count > left:
            later = count - left
            text = sentences(text, self.tr("%n item(s) will wait for tomorrow's quota.", "", later))
        self.quota_label.setText(text)

    # ---- actions ------------------------------------------------------------------------------
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a list"),
            start_folder(self.settings),
            self.tr("Text files (*.txt *.csv *.lst);;All files (*)"),
        )
        if name:
            remember(self.settings, Path(name))
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise ValueError(self.tr("The file is larger than 4 MB."))
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except (OSError, ValueError) as exc:
            self.status.show_error(str(exc))
            return
        self.add_items([line.strip() for line in text.splitlines() if line.strip()])

    def submit(self) -> None:
        access, kind = self.access, self.kind()
        parsed = self.parsed()
        self._held_back = parsed.problems
        if access is None or not parsed.items:
            if parsed.problems:
                self.status.show_error(list_text([self.problem_text(p) for p in parsed.problems[:5]]))
            else:
                self.status.show_error(self.tr("Nothing to submit: paste or import some URLs first."))
            return
        items = parsed.items
        self.submit_button.setEnabled(False)
        self.status.show_info(self.tr("Submitting %n item(s)…", "", len(items)))
        # The desk's submit sends earlier deferred items first, then these, within today's quota.
        run_in_background(lambda: access.submit(kind, items), self._on_submitted, self._on_failed, owner=self)

    def _on_submitted(self, outcome: SubmitOutcome) -> None:
        self.submit_button.setEnabled(True)
        result = outcome.result
        sent, later = len(result.submitted), len(result.deferred)
        failed = list(result.failed)
        text = self.tr("Submitted %n item(s).", "", sent)
        if later:
            text = sentences(
                text,
                self.tr("%n waiting for tomorrow's quota (sent automatically after the reset).", "", later),
            )
        if outcome.earlier.submitted:
            text = sentences(
                text,
                self.tr("%n item(s) deferred earlier went out first.", "", len(outcome.earlier.submitted)),
            )
        held = getattr(self, "_held_back", [])
        if result.failed or result.error:
            reason = describe_error(result.error) if result.error is not None else ""
            self.status.show_error(sentences(text, self.tr("%n failed:", "", len(failed)), reason))
        elif held:
            # Keep only the lines that were not sent, so the user can fix them.
            self.items_edit.setPlainText("\n".join(p.text for p in held))
            self.status.show_error(
                sentences(text, self.tr("Not sent:"), list_text([self.held_text(p) for p in held[:5]]))
            )
        else:
            self.status.show_info(text)
            self.items_edit.clear()
        self.submitted.emit(outcome)
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.status.show_error(describe_error(error))

    def drop_waiting(self) -> None:
        access = self.access
        if access is None:
            return

        run_in_background(access.drop_pending, lambda _n: self.reload(), self._on_failed, owner=self)
