"""Accounts dialog: add, edit, remove; Alibaba Cloud or Huawei Cloud; proxy; *Test connection*."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting, SignatureScheme
from vodstudio.core.errors import VodStudioError
from vodstudio.services.accounts import AccountsService
from vodstudio.services.providers import PROVIDERS, ProviderKit, kit_for
from vodstudio.services.settings import SettingsService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.theme import Tone, tone_style
from vodstudio.ui.widgets import ask

log = logging.getLogger(__name__)

PROXY_SCHEMES = ("http://", "https://", "socks5://", "socks5h://")


class AccountsDialog(QDialog):
    """Edits the account store directly; ``accounts_changed(name)`` tells the window what to select."""

    accounts_changed = Signal(str)

    def __init__(
        self, accounts: AccountsService, settings: SettingsService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = accounts
        self.settings = settings
        self.editing: Account | None = None  # None: the form describes a new account
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 500)
        layout = QHBoxLayout(self)
        layout.addLayout(self._build_list())
        layout.addLayout(self._build_form(), 1)
        self.reload()

    # ---------------------------------------------------------------- building
    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("accountList")
        self.list.setMinimumWidth(200)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._selected)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.add_button.clicked.connect(self.new_account)
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        return column

    def _build_form(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addLayout(self._build_credentials())
        self.keychain_note = QLabel(self)
        self.keychain_note.setWordWrap(True)
        self.keychain_note.setObjectName("keychainNote")
        if not self.store.keychain_persistent:
            self.keychain_note.setText(
                self.tr("No system keychain: the secret is kept for this session only.")
            )
            self.keychain_note.setStyleSheet(tone_style(Tone.WARNING, self.palette()))
        else:
            self.keychain_note.setText(
                self.tr("The secret is stored in the system keychain, never in a file.")
            )
            self.keychain_note.setEnabled(False)
        column.addWidget(self.keychain_note)
        column.addWidget(self._build_advanced())
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test Connection"), self)
        self.test_button.clicked.connect(self.test_current)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        column.addLayout(test_row)
        column.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save_current)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self._provider_changed()
        return column

    def _build_credentials(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.provider_combo = QComboBox(self)
        for kit in PROVIDERS.values():
            self.provider_combo.addItem(self.cloud_name(kit), kit.provider)
        self.provider_combo.currentIndexChanged.connect(self._provider_changed)
        self.region_combo = QComboBox(self)
        self.region_combo.setEditable(True)
        self.key_id_edit = QLineEdit(self)
        self.secret_edit = QLineEdit(self)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.project_edit = QLineEdit(self)
        self.key_id_label = QLabel(self)
        self.key_id_label.setBuddy(self.key_id_edit)
        self.secret_label = QLabel(self)
        self.secret_label.setBuddy(self.secret_edit)
        self.project_label = QLabel(self.tr("&Project ID:"), self)
        self.project_label.setBuddy(self.project_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Cloud:"), self.provider_combo)
        form.addRow(self.tr("Re&gion:"), self.region_combo)
        form.addRow(self.key_id_label, self.key_id_edit)
        form.addRow(self.secret_label, self.secret_edit)
        form.addRow(self.project_label, self.project_edit)
        return form

    def _build_advanced(self) -> QGroupBox:
        box = QGroupBox(self.tr("Network (advanced)"), self)
        form = QFormLayout(box)
        self.endpoint_edit = QLineEdit(box)
        self.endpoint_edit.setPlaceholderText(self.tr("Default for the region"))
        self.proxy_combo = QComboBox(box)
        self.proxy_combo.addItem(self.tr("System settings"), ProxyMode.SYSTEM)
        self.proxy_combo.addItem(self.tr("No proxy"), ProxyMode.NONE)
        self.proxy_combo.addItem(self.tr("Custom (HTTP or SOCKS5)"), ProxyMode.CUSTOM)
        self.proxy_edit = QLineEdit(box)
        self.proxy_edit.setPlaceholderText("http://host:3128  socks5://host:1080")
        self.proxy_combo.currentIndexChanged.connect(
            lambda _i: self.proxy_edit.setEnabled(self.proxy_combo.currentData() == ProxyMode.CUSTOM)
        )
        self.proxy_edit.setEnabled(False)
        form.addRow(self.tr("&Endpoint:"), self.endpoint_edit)
        form.addRow(self.tr("Pro&xy:"), self.proxy_combo)
        form.addRow(self.tr("Proxy &URL:"), self.proxy_edit)
        # How Alibaba API calls are signed; uploads are always OSS V4. HMAC-SHA1 only for old gateways.
        self.signature_combo = QComboBox(box)
        self.signature_combo.setObjectName("signatureCombo")
        self.signature_combo.addItem(self.tr("ACS3-HMAC-SHA256 (recommended)"), SignatureScheme.ACS3)
        self.signature_combo.addItem(self.tr("HMAC-SHA1 (legacy)"), SignatureScheme.HMAC_SHA1)
        self.signature_label = QLabel(self.tr("Request &signature:"), box)
        self.signature_label.setBuddy(self.signature_combo)
        form.addRow(self.signature_label, self.signature_combo)
        return box

    def cloud_name(self, kit: ProviderKit) -> str:
        names = {
            Provider.ALIYUN: self.tr("Alibaba Cloud ApsaraVideo VOD"),
            Provider.HUAWEI: self.tr("Huawei Cloud VOD"),
        }
        return names.get(kit.provider, kit.display_name)

    def _kit(self) -> ProviderKit:
        return kit_for(Provider(self.provider_combo.currentData() or Provider.ALIYUN.value))

    @Slot()
    def _provider_changed(self) -> None:
        kit = self._kit()
        current = self.region_combo.currentText()
        self.region_combo.clear()
        self.region_combo.addItems(list(kit.regions))
        if current and self.region_combo.findText(current) >= 0:
            self.region_combo.setCurrentText(current)
        # Huawei calls its key pair AK/SK and needs a project; the registry says which form to show.
        ak_sk = kit.needs_project_id
        self.key_id_label.setText(self.tr("Access &Key (AK):") if ak_sk else self.tr("AccessKey &ID:"))
        self.secret_label.setText(self.tr("&Secret Key (SK):") if ak_sk else self.tr("AccessKey &Secret:"))
        self.project_label.setVisible(kit.needs_project_id)
        self.project_edit.setVisible(kit.needs_project_id)
        alibaba = kit.provider is Provider.ALIYUN  # the signature choice is Alibaba's (Huawei: one scheme)
        self.signature_label.setVisible(alibaba)
        self.signature_combo.setVisible(alibaba)

    # ---------------------------------------------------------------- list
    def reload(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for account in self.store.list():
            item = QListWidgetItem(account.name)
            cloud = self.cloud_name(kit_for(account.provider))
            sandbox = self.tr(" · local sandbox") if account.is_sandbox else ""
            item.setToolTip(cloud + sandbox)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            self.list.addItem(item)
            if account.name == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._selected(self.list.currentItem())

    @Slot()
    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is None:
            self.new_account()
            return
        self.show_account(self.store.get(item.data(Qt.ItemDataRole.UserRole)))

    def show_account(self, account: Account) -> None:
        self.editing = account
        self.name_edit.setText(account.name)
        self.provider_combo.setCurrentIndex(self.provider_combo.findData(account.provider))
        self.region_combo.setCurrentText(account.region)
        self.key_id_edit.setText(account.access_key_id)
        self.secret_edit.clear()
        self.secret_edit.setPlaceholderText(self.tr("Unchanged"))
        self.project_edit.setText(account.project_id)
        self.endpoint_edit.setText(account.endpoint)
        self.proxy_combo.setCurrentIndex(self.proxy_combo.findData(account.proxy.mode))
        self.proxy_edit.setText(account.proxy.url)
        self.signature_combo.setCurrentIndex(self.signature_combo.findData(account.signature))
        self.remove_button.setEnabled(True)
        self.test_result.clear()

    @Slot()
    def new_account(self) -> None:
        self.editing = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        for edit in (
            self.name_edit,
            self.key_id_edit,
            self.secret_edit,
            self.project_edit,
            self.endpoint_edit,
        ):
            edit.clear()
        self.secret_edit.setPlaceholderText("")
        self.provider_combo.setCurrentIndex(0)
        self.region_combo.setCurrentText(self._kit().default_region)
        self.proxy_combo.setCurrentIndex(0)
        self.signature_combo.setCurrentIndex(0)
        self.remove_button.setEnabled(False)
        self.test_result.clear()
        self.name_edit.setFocus()

    # ---------------------------------------------------------------- form → account
    def form_account(self) -> Account:
        """The account the form describes; raises ``ValueError`` with a readable reason."""
        name = self.name_edit.text().strip()
        provider = Provider(self.provider_combo.currentData())
        key_id = self.key_id_edit.text().strip()
        project = self.project_edit.text().strip()
        mode = ProxyMode(self.proxy_combo.currentData())
        proxy_url = self.proxy_edit.text().strip()
        if not name:
            raise ValueError(self.tr("Give the account a name."))
        if not key_id:
            raise ValueError(self.tr("Enter the AccessKey ID."))
        kit = kit_for(provider)
        if kit.needs_project_id and not project:
            raise ValueError(self.tr("This cloud needs the project ID of the region."))
        if mode is ProxyMode.CUSTOM and not proxy_url.lower().startswith(PROXY_SCHEMES):
            raise ValueError(self.tr("The proxy URL must start with http://, https:// or socks5://."))
        return Account(
            name=name,
            provider=provider,
            region=self.region_combo.currentText().strip(),
            access_key_id=key_id,
            endpoint=self.endpoint_edit.text().strip(),
            project_id=project if kit.needs_project_id else "",
            proxy=ProxySetting(mode, proxy_url if mode is ProxyMode.CUSTOM else ""),
            is_sandbox=self.editing.is_sandbox if self.editing is not None else False,
            signature=SignatureScheme(self.signature_combo.currentData() or SignatureScheme.ACS3),
        )

    def _form_secret(self) -> str | None:
        secret = self.secret_edit.text()
        return secret if secret else None

    @Slot()
    def save_current(self) -> bool:
        try:
            account = self.form_account()
            secret = self._form_secret()
            if self.editing is None:
                if secret is None:
                    raise ValueError(self.tr("Enter the secret."))
                self.store.add(account, secret)
            else:
                self.store.save(account, secret, previous_name=self.editing.name)
        except (ValueError, VodStudioError) as exc:
            text = describe_error(exc) if isinstance(exc, VodStudioError) else str(exc)
            QMessageBox.warning(self, self.tr("Account"), text)
            return False
        self.reload(select=account.name)
        self.accounts_changed.emit(account.name)
        return True

    @Slot()
    def remove_current(self) -> None:
        if self.editing is None:
            return
        name = self.editing.name
        if not ask.confirm(
            self,
            self.tr("Remove Account"),
            self.tr(
                "Remove “%1” and its stored secret? Queued uploads of this account stay in the queue."
            ).replace("%1", name),
            self.tr("Remove Account"),
            self.tr("Keep"),
        ):
            return
        self.store.remove(name)
        self.settings.forget_account(name)
        self.reload()
        self.accounts_changed.emit("")

    # ---------------------------------------------------------------- test connection
    @Slot()
    def test_current(self) -> None:
        try:
            account = self.form_account()
        except ValueError as exc:
            self.test_result.setText(str(exc))
            return
        secret = self._form_secret()
        if secret is None and self.editing is None:
            self.test_result.setText(self.tr("Enter the secret first."))
            return
        store, editing = self.store, self.editing

        def work() -> str:  # the same probe as `vodstudio account test`
            if secret is not None:
                return store.probe(account, secret)
            assert editing is not None
            return store.probe(account, store.secret_for(editing))

        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Testing…"))
        run_in_background(work, self._test_ok, self._test_failed, owner=self)

    def _test_ok(self, _detail: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText("✔ " + self.tr("Connected."))
        self.last_test_ok = True

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setText("✖ " + describe_error(error))
        self.last_test_ok = False
