"""The CDN section for Alibaba and Huawei accounts: refresh/prefetch, tasks, usage charts, domain logs."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account
from vodstudio.core.cdn import CdnTaskKind, SubmitResult
from vodstudio.services.cdn import CdnDeskSession, CdnService, SubmitOutcome
from vodstudio.services.models import VodDomain
from vodstudio.services.providers import Capability
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.cdn.assets import AssetPickerDialog
from vodstudio.ui.cdn.logs import LogsPage
from vodstudio.ui.cdn.submit import SubmitPage
from vodstudio.ui.cdn.tasks import TasksPage
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.theme import Tone, tone_style
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

    def set_source(self, desk: CdnDeskSession | None, domain: str) -> None:
        """Nothing to draw without QtCharts."""

    def reload(self) -> None:
        """Nothing to load without QtCharts."""

    def needs_loading(self) -> bool:
        return False


class UsageSource(Protocol):
    """What the panel asks of its Usage tab (the charts page, or the page that says why there is none)."""

    def set_source(self, desk: CdnDeskSession | None, domain: str) -> None: ...

    def reload(self) -> None: ...

    def needs_loading(self) -> bool: ...


def make_charts_page(parent: QWidget) -> tuple[QWidget, UsageSource]:
    try:  # the rest of the CDN section must work even where the Addons wheel is missing
        from vodstudio.ui.cdn.charts import ChartsPage
    except ImportError as exc:
        missing = ChartsUnavailablePage(str(exc), parent)
        return missing, missing
    page = ChartsPage()
    # Two charts need height a small window lacks: they scroll instead of pushing the window taller.
    scroller = QScrollArea(parent)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(page)
    scroller.setMinimumHeight(120)
    return scroller, page


class CdnPanel(QWidget):
    """The CDN desk of the active account: what it offers depends on the provider's capabilities."""

    due_submitted = Signal(object)  # SubmitResult of an automatic submit of deferred items

    def __init__(self, cdn: CdnService, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cdn = cdn
        self.settings = settings
        self.account: Account | None = None
        self.access: CdnDeskSession | None = None
        # The account's domains to pick from, and free text for one the listing does not show.
        self.domain_combo = QComboBox(self)
        self.domain_combo.setEditable(True)
        self.domain_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.domain_combo.setAccessibleName(self.tr("CDN domain"))
        self.domain_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.domain_combo.setMinimumContentsLength(18)
        edit = self.domain_combo.lineEdit()
        assert edit is not None
        self.domain_edit: QLineEdit = edit
        self.domain_edit.setPlaceholderText(self.tr("CDN domain, e.g. vod.example.com"))
        self.domain_status = QLabel(self)
        self.domain_note = QLabel(self)
        self.tabs = QTabWidget(self)
        self.submit_page = SubmitPage(settings, self)
        self.tasks_page = TasksPage(self)
        self.charts_widget, self.charts_page = make_charts_page(self)
        self.logs_page = LogsPage(settings, self)
        self.tabs.addTab(self.submit_page, self.tr("Refresh && prefetch"))
        self.tabs.addTab(self.tasks_page, self.tr("Tasks"))
        self.tabs.addTab(self.charts_widget, self.tr("Usage"))
        self.tabs.addTab(self.logs_page, self.tr("Logs"))
        self.status = StatusLine(self)
        self.overlay = BusyOverlay(self.tabs)
        self.due_timer = QTimer(self)
        self.due_timer.setInterval(DUE_CHECK_MS)
        self.due_timer.timeout.connect(self.submit_due)
        self._layout()
        self.domain_edit.editingFinished.connect(self._domain_changed)
        self.domain_combo.activated.connect(self._domain_picked)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.submit_page.submitted.connect(self._on_submitted)
        self.submit_page.pick_assets_requested.connect(self.pick_assets)
        self.set_account(None)

    def _layout(self) -> None:
        row = QHBoxLayout()
        self.domain_label = QLabel(self.tr("Domain:"), self)
        row.addWidget(self.domain_label)
        row.addWidget(self.domain_combo, 1)
        row.addWidget(self.domain_status)
        row.addWidget(self.domain_note, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    # ---- account ------------------------------------------------------------------------------
    def set_account(self, account: Account | None) -> None:
        self.account = account
        self.access = None
        self.due_timer.stop()
        if account is None:
            self._set_access(None)
            self.overlay.show_message(self.tr("No account yet: add one to manage its CDN."))
            return
        try:
            self.access = self.cdn.open(account.name)
        except Exception as exc:  # no secret, a bad proxy, an unreadable CDN database…
            self._set_access(None)
            self.overlay.show_message(describe_error(exc))
            return
        self.overlay.hide()
        self._set_access(self.access)
        self.due_timer.start()
        self.submit_due()

    def _set_access(self, access: CdnDeskSession | None) -> None:
        def can(capability: Capability) -> bool:
            return access is not None and access.supports(capability)

        domain = self.settings.cdn_domain(access.account.name) if access else ""
        self.domain_edit.setText(domain)
        self.domain_combo.setEnabled(access is not None)
        self.domain_combo.blockSignals(True)
        self.domain_combo.clear()
        self.domain_combo.blockSignals(False)
        self.domain_edit.setText(domain)
        self.domain_status.clear()
        if access is not None and access.supports(Capability.CDN_DOMAIN_LIST):
            self._load_domains(access)
        on_domain = access is None or can(Capability.CDN_DOMAIN)  # else: items name assets or full URLs
        self.domain_combo.setVisible(on_domain)
        self.domain_status.setVisible(on_domain)
        self.domain_label.setVisible(on_domain)
        self.domain_note.setText(
            ""
            if on_domain
            else self.tr(
                "This cloud takes playback URLs or asset ids for refresh and prefetch; "
                "it has no usage charts or logs here."
            )
        )
        self.tabs.setTabEnabled(2, access is None or can(Capability.CDN_CHARTS))
        self.tabs.setTabEnabled(3, access is None or can(Capability.CDN_LOGS))
        if not self.tabs.isTabEnabled(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)
        self.submit_page.set_access(access)
        self.tasks_page.set_access(access)
        self._update_sources()

    def _update_sources(self) -> None:
        access = self.access
        with_domain = access if access is not None and access.supports(Capability.CDN_DOMAIN) else None
        domain = self.domain_edit.text().strip()
        self.charts_page.set_source(with_domain, domain)
        self.logs_page.set_source(with_domain, domain)
        if self.tabs.currentWidget() is self.charts_widget and self.charts_page.needs_loading():
            self.charts_page.reload()

    def _domain_changed(self) -> None:
        if self.access is None:
            return
        domain = self.domain_edit.text().strip().removeprefix("https://").removeprefix("http://").rstrip("/")
        self.domain_edit.setText(domain)
        self._show_domain_status(domain)
        self.settings.set_cdn_domain(self.access.account.name, domain)
        self._update_sources()

    def _load_domains(self, access: CdnDeskSession) -> None:
        run_in_background(
            access.domains,
            lambda found: self._on_domains(access, found),
            lambda _error: None,  # free text still works; the charts say what is wrong with a domain
            owner=self,
        )

    def _on_domains(self, access: CdnDeskSession, domains: list[VodDomain]) -> None:
        if access is not self.access:
            return
        typed = self.domain_edit.text()
        self.domain_combo.blockSignals(True)
        self.domain_combo.clear()
        for domain in domains:
            self.domain_combo.addItem(domain.domain_name, domain.status)
            index = self.domain_combo.count() - 1
            self.domain_combo.setItemData(
                index, self.domain_status_text(domain.status), Qt.ItemDataRole.ToolTipRole
            )
        self.domain_combo.blockSignals(False)
        if not typed and domains:  # nothing remembered yet: the first online domain
            online = next((d for d in domains if d.online), domains[0])
            typed = online.domain_name
        self.domain_edit.setText(typed)
        self.domains_loaded = domains
        self._domain_changed()

    def domain_status_text(self, status: str) -> str:
        return {
            "online": self.tr("online"),
            "offline": self.tr("offline"),
            "configuring": self.tr("being configured"),
            "configure_failed": self.tr("configuration failed"),
            "checking": self.tr("in review"),
            "check_failed": self.tr("review failed"),
        }.get(status, status)

    def _domain_picked(self, _index: int) -> None:
        self._domain_changed()

    def _show_domain_status(self, domain: str) -> None:
        index = self.domain_combo.findText(domain)
        status = str(self.domain_combo.itemData(index) or "") if index >= 0 else ""
        self.domain_status.setText(self.domain_status_text(status) if status else "")
        if status and status != "online":
            self.domain_status.setStyleSheet(tone_style(Tone.WARNING, self.palette()))
        else:
            self.domain_status.setStyleSheet("")

    def _tab_shown(self, index: int) -> None:
        # The Usage tab loads by itself the first time it is shown for a domain (no empty axes).
        if self.tabs.widget(index) is self.charts_widget and self.charts_page.needs_loading():
            self.charts_page.reload()

    def set_domain(self, domain: str) -> None:
        self.domain_edit.setText(domain)
        self._domain_changed()

    # ---- actions ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.submit_page.reload()
        self.tasks_page.reload()

    # ---- Section ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload()

    def focus_search(self) -> None:
        """The desk's text box is where the user types: Ctrl+F goes there."""
        self.tabs.setCurrentWidget(self.submit_page)
        self.submit_page.items_edit.setFocus()

    def delete_selected(self) -> None:
        """Nothing here is deleted with a key; waiting items are dropped with their own button."""

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("cdn/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value("cdn/tab")
        if isinstance(tab, int | str) and str(tab).isdigit() and self.tabs.isTabEnabled(int(tab)):
            self.tabs.setCurrentIndex(int(tab))

    def shutdown(self) -> None:
        self.due_timer.stop()
        self.tasks_page.timer.stop()

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
        run_in_background(access.submit_due, self._on_due, self._on_due_failed, owner=self)

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

    def _on_submitted(self, _outcome: SubmitOutcome) -> None:
        self.tasks_page.reload()

    def pick_assets(self) -> AssetPickerDialog | None:
        if self.access is None or not self.access.supports(Capability.CDN_ASSETS):
            return None
        dialog = AssetPickerDialog(self.access, self)
        dialog.finished.connect(lambda code: self._on_assets_picked(dialog, code))
        dialog.open()
        return dialog

    def _on_assets_picked(self, dialog: AssetPickerDialog, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self.submit_page.add_items(dialog.chosen_items())
