"""The CDN section for Alibaba and Huawei accounts: refresh/prefetch, tasks, usage charts, domain logs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from vodstudio.core.accounts import Account, Provider
from vodstudio.core.cdn import CdnTaskKind, SubmitResult
from vodstudio.store.settings import save_settings
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.cdn.access import CdnAccess, open_cdn
from vodstudio.ui.cdn.assets import AssetPickerDialog
from vodstudio.ui.cdn.logs import LogsPage
from vodstudio.ui.cdn.submit import SubmitPage
from vodstudio.ui.cdn.tasks import TasksPage
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.widgets.busy import BusyOverlay, StatusLine

DUE_CHECK_MS = 5 * 60 * 1000  # deferred items go out within minutes of the quota reset


class ChartsUnavailablePage(QWidget):
    """Stands in for the charts when QtCharts (PySide6-Addons) cannot be imported."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr("Usage charts need Qt Charts, which could not be loaded: %1").replace("%1", reason)
        )
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)

    def set_source(self, client: Any, domain: str) -> None:
        """Nothing to draw without QtCharts."""


def make_charts_page(parent: QWidget) -> QWidget:
    try:  # the rest of the CDN section must work even where the Addons wheel is missing
        from vodstudio.ui.cdn.charts import ChartsPage
    except ImportError as exc:
        return ChartsUnavailablePage(str(exc), parent)
    return ChartsPage(parent)


class CdnPanel(QWidget):
    """``CdnPanel(services)``; the main window calls ``set_account`` when the account changes."""

    due_submitted = Signal(object)  # SubmitResult of an automatic submit of deferred items

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.account: Account | None = None
        self.access: CdnAccess | None = None
        self.domain_edit = QLineEdit(self)
        self.domain_edit.setPlaceholderText(self.tr("CDN domain, e.g. vod.example.com"))
        self.domain_note = QLabel(self)
        self.tabs = QTabWidget(self)
        self.submit_page = SubmitPage(self)
        self.tasks_page = TasksPage(self)
        self.charts_page = make_charts_page(self)
        self.logs_page = LogsPage(self)
        self.tabs.addTab(self.submit_page, self.tr("Refresh && prefetch"))
        self.tabs.addTab(self.tasks_page, self.tr("Tasks"))
        self.tabs.addTab(self.charts_page, self.tr("Usage"))
        self.tabs.addTab(self.logs_page, self.tr("Logs"))
        self.status = StatusLine(self)
        self.overlay = BusyOverlay(self.tabs)
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(DUE_CHECK_MS)
        self.due_timer.timeout.connect(self.submit_due)
        self._layout()
        self.domain_edit.editingFinished.connect(self._domain_changed)
        self.submit_page.submitted.connect(self._on_submitted)
        self.submit_page.pick_assets_requested.connect(self.pick_assets)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.set_account(None)

    def _layout(self) -> None:
        row = QHBoxLayout()
        self.domain_label = QLabel(self.tr("Domain:"), self)
        row.addWidget(self.domain_label)
        row.addWidget(self.domain_edit, 1)
        row.addWidget(self.domain_note, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    # ---- account ------------------------------------------------------------------------------
    def set_account(self, account: Account | None) -> None:
        self.account = account
        if self.access is not None:
            self.access.close()
        self.access = None
        self.due_timer.stop()
        if account is None:
            self._set_access(None)
            self.overlay.show_message(self.tr("No account yet: add one to manage its CDN."))
            return
        try:
            self.access = open_cdn(self.services, account)
        except Exception as exc:  # no secret, a bad proxy, an unreadable CDN database…
            self._set_access(None)
            self.overlay.show_message(describe_error(exc))
            return
        self.overlay.hide()
        self._set_access(self.access)
        self.due_timer.start()
        self.submit_due()

    def _set_access(self, access: CdnAccess | None) -> None:
        huawei = access is not None and access.is_huawei
        domain = self.services.settings.cdn_domains.get(access.account.name, "") if access else ""
        self.domain_edit.setText(domain)
        self.domain_edit.setEnabled(access is not None)
        self.domain_edit.setVisible(not huawei)  # Huawei calls name assets or full URLs, not a domain
        self.domain_label.setVisible(not huawei)
        self.domain_note.setText(
            self.tr(
                "Huawei Cloud: refresh and prefetch take playback URLs or asset ids; no usage charts or logs."
            )
            if huawei
            else ""
        )
        self.tabs.setTabEnabled(2, not huawei)
        self.tabs.setTabEnabled(3, not huawei)
        if huawei and self.tabs.currentIndex() > 1:
            self.tabs.setCurrentIndex(0)
        self.submit_page.set_access(access)
        self.tasks_page.set_access(access)
        self._update_sources()

    def _update_sources(self) -> None:
        access = self.access
        client = access.client if access is not None and not access.is_huawei else None
        domain = self.domain_edit.text().strip()
        self.charts_page.set_source(client, domain)
        self.logs_page.set_source(client, domain, access.account.proxy if access else None)

    def _domain_changed(self) -> None:
        if self.access is None:
            return
        domain = self.domain_edit.text().strip().removeprefix("https://").removeprefix("http://").rstrip("/")
        self.domain_edit.setText(domain)
        settings = self.services.settings
        if settings.cdn_domains.get(self.access.account.name, "") != domain:
            settings.cdn_domains[self.access.account.name] = domain
            save_settings(self.services.paths, settings)
        self._update_sources()

    def set_domain(self, domain: str) -> None:
        self.domain_edit.setText(domain)
        self._domain_changed()

    # ---- actions ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.submit_page.reload()
        self.tasks_page.reload()

    def queue_items(self, kind: CdnTaskKind, items: list[str]) -> None:
        """Prefill the submit page (the Library's *Refresh on CDN* can hand URLs over this way)."""
        self.tabs.setCurrentWidget(self.submit_page)
        self.submit_page.set_kind(kind)
        self.submit_page.add_items(items)

    def submit_due(self) -> None:
        """Send deferred items whose quota day has come (timer, account switch, tests)."""
        access = self.access
        if access is None:
            return
        run_in_background(
            lambda: access.queue.submit_due(access.desk), self._on_due, self._on_due_failed, owner=self
        )

    def _on_due(self, result: SubmitResult) -> None:
        if result.submitted:
            self.status.show_info(
                self.tr("%n waiting item(s) submitted after the quota reset.", "", len(result.submitted))
            )
            self.reload()
        self.due_submitted.emit(result)

    def _on_due_failed(self, error: BaseException) -> None:
        self.status.show_error(describe_error(error))
        self.due_submitted.emit(SubmitResult())

    def _on_submitted(self, _result: SubmitResult) -> None:
        self.tasks_page.reload()

    def pick_assets(self) -> AssetPickerDialog | None:
        if self.access is None or self.access.account.provider is not Provider.HUAWEI:
            return None
        dialog = AssetPickerDialog(self.access.client, self)
        dialog.finished.connect(lambda code: self._on_assets_picked(dialog, code))
        dialog.open()
        return dialog

    def _on_assets_picked(self, dialog: AssetPickerDialog, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self.submit_page.add_items(dialog.chosen_items())
