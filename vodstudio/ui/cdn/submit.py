"""Refresh and prefetch: paste or import a list, see today's quota first, submit; the rest waits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.cdn import CdnQuota, CdnTaskKind, SubmitResult
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.cdn.access import CdnAccess
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.widgets.busy import StatusLine

MAX_IMPORT_BYTES = 4 * 1024 * 1024


def parse_items(text: str) -> list[str]:
    """One item per line; blank lines and ``#`` comments dropped; duplicates removed, order kept."""
    lines = (line.strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


class SubmitPage(QWidget):
    """Emits ``submitted(SubmitResult)`` after a submit (the task list then refreshes)."""

    submitted = Signal(object)
    pick_assets_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.access: CdnAccess | None = None
        self.quota: CdnQuota | None = None
        self.kind_combo = QComboBox(self)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.items_edit = QPlainTextEdit(self)
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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Action:"), self))
        top.addWidget(self.kind_combo)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.assets_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        waiting = QHBoxLayout()
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
    def set_access(self, access: CdnAccess | None) -> None:
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
        huawei = access is not None and access.is_huawei
        self.assets_button.setVisible(huawei)
        if huawei:
            self.items_edit.setPlaceholderText(
                self.tr("One URL per line, or asset:<asset id> (use Pick assets…). Sent in batches of 10.")
            )
        self.setEnabled(access is not None)
        self.reload()

    def kind(self) -> CdnTaskKind:
        return CdnTaskKind(self.kind_combo.currentData() or CdnTaskKind.REFRESH_URL.value)

    def set_kind(self, kind: CdnTaskKind) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind.value)))

    def add_items(self, items: list[str]) -> None:
        existing = parse_items(self.items_edit.toPlainText())
        self.items_edit.setPlainText("\n".join(dict.fromkeys([*existing, *items])))

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
            waiting = len(access.queue.pending(access.desk.provider.value))
            return access.desk.quota(), waiting

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
        count = len(parse_items(self.items_edit.toPlainText()))
        self.count_label.setText(self.tr("%n item(s)", "", count))
        if self.quota is None:
            return
        kind = self.kind()
        left, limit = self.quota.remaining(kind), self.quota.limit(kind)
        text = self.tr("Today's quota: %1 of %2 left.").replace("%1", f"{left:,}").replace("%2", f"{limit:,}")
        if not self.quota.known:
            text = (
                self.tr(
                    "Counted here: %1 of %2 left today. Huawei Cloud has no quota API, "
                    "so uses by other tools are not included."
                )
                .replace("%1", f"{left:,}")
                .replace("%2", f"{limit:,}")
            )
        if count > left:
            later = count - left
            text += " " + self.tr("%n item(s) will wait for tomorrow's quota.", "", later)
        self.quota_label.setText(text)

    # ---- actions ------------------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a list"), "", self.tr("Text files (*.txt *.csv *.lst);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise ValueError(self.tr("The file is larger than 4 MB."))
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except (OSError, ValueError) as exc:
            self.status.show_error(str(exc))
            return
        self.add_items(parse_items(text))

    def submit(self) -> None:
        access, kind = self.access, self.kind()
        items = parse_items(self.items_edit.toPlainText())
        if access is None or not items:
            self.status.show_error(self.tr("Nothing to submit: paste or import some URLs first."))
            return
        self.submit_button.setEnabled(False)
        self.status.show_info(self.tr("Submitting %n item(s)…", "", len(items)))
        run_in_background(
            lambda: access.queue.submit(access.desk, kind, items),
            self._on_submitted,
            self._on_failed,
            owner=self,
        )

    def _on_submitted(self, result: SubmitResult) -> None:
        self.submit_button.setEnabled(True)
        sent, later = len(result.submitted), len(result.deferred)
        failed = list(getattr(result, "failed", []) or [])
        text = self.tr("Submitted %n item(s).", "", sent)
        if later:
            text += " " + self.tr(
                "%n waiting for tomorrow's quota (sent automatically after the reset).", "", later
            )
        error = getattr(result, "error", None)
        if failed or error:
            reason = describe_error(error) if isinstance(error, BaseException) else str(error or "")
            self.status.show_error(text + " " + self.tr("%n failed:", "", len(failed)) + " " + reason)
        else:
            self.status.show_info(text)
            self.items_edit.clear()
        self.submitted.emit(result)
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        self.status.show_error(describe_error(error))

    def drop_waiting(self) -> None:
        access = self.access
        if access is None:
            return

        def drop() -> int:
            ids = [p.id for p in access.queue.pending(access.desk.provider.value)]
            return access.queue.drop_pending(ids)

        run_in_background(drop, lambda _n: self.reload(), self._on_failed, owner=self)
