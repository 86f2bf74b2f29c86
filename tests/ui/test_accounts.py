"""Accounts dialog against the live sandbox: add, edit, remove, test connection, keychain note."""

from __future__ import annotations

from typing import Any

import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QMessageBox

from vodstudio.core.accounts import Account, Provider, ProxyMode, SignatureScheme
from vodstudio.services import Services, build_services
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import MemoryKeyring, SecretStore
from vodstudio.ui.accounts.dialog import AccountsDialog
from vodstudio.ui.bridge import background_busy
from vodstudio.ui.widgets import ask


@pytest.fixture
def keychain() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def services(keychain: MemoryKeyring) -> Any:
    svc = build_services(ProfilePaths.default(), secrets=SecretStore(backend=keychain))
    yield svc
    svc.close()


def open_dialog(qtbot: Any, services: Services) -> AccountsDialog:
    dialog = AccountsDialog(services.accounts, services.settings)
    qtbot.addWidget(dialog)
    return dialog


def fill(
    dialog: AccountsDialog, *, name: str, key_id: str, secret: str, endpoint: str, provider: Provider
) -> None:
    dialog.new_account()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData(provider))
    dialog.name_edit.setText(name)
    dialog.key_id_edit.setText(key_id)
    dialog.secret_edit.setText(secret)
    dialog.endpoint_edit.setText(endpoint)


def run_test_connection(qtbot: Any, dialog: AccountsDialog) -> str:
    dialog.test_current()
    qtbot.waitUntil(lambda: background_busy() == 0 and dialog.test_button.isEnabled(), timeout=20_000)
    return dialog.test_result.text()


def test_add_alibaba_account_and_test_connection(
    qtbot: Any, sandbox: Any, services: Services, keychain: MemoryKeyring
) -> None:
    dialog = open_dialog(qtbot, services)
    info = sandbox.info
    fill(
        dialog,
        name="My VOD",
        key_id=info.access_key_id,
        secret=info.access_key_secret,
        endpoint=info.vod_endpoint,
        provider=Provider.ALIYUN,
    )
    dialog.proxy_combo.setCurrentIndex(dialog.proxy_combo.findData(ProxyMode.NONE))
    assert "Connected" in run_test_connection(qtbot, dialog)
    with qtbot.waitSignal(dialog.accounts_changed, timeout=2000) as changed:
        assert dialog.save_current()
    assert changed.args == ["My VOD"]
    stored = services.accounts.get("My VOD")
    assert stored.endpoint == info.vod_endpoint and stored.proxy.mode is ProxyMode.NONE
    # The secret went to the keychain, never into the account file.
    assert keychain.get_password("VOD Studio", stored.secret_key) == info.access_key_secret
    assert info.access_key_secret not in services.paths.accounts_path.read_text("utf-8")
    assert dialog.list.count() == 1


def test_wrong_secret_reports_the_service_code(qtbot: Any, sandbox: Any, services: Services) -> None:
    dialog = open_dialog(qtbot, services)
    info = sandbox.info
    fill(
        dialog,
        name="Bad",
        key_id=info.access_key_id,
        secret="wrong",
        endpoint=info.vod_endpoint,
        provider=Provider.ALIYUN,
    )
    text = run_test_connection(qtbot, dialog)
    assert "SignatureDoesNotMatch" in text and "RequestId" in text


def test_huawei_account_needs_project_and_connects(
    qtbot: Any, sandbox: Any, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, services)
    info = sandbox.info
    fill(
        dialog,
        name="华为 VOD",
        key_id=info.huawei_ak,
        secret=info.huawei_sk,
        endpoint=info.huawei_endpoint,
        provider=Provider.HUAWEI,
    )
    assert dialog.project_edit.isVisibleTo(dialog)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    assert not dialog.save_current()  # no project ID yet
    assert warnings and "project ID" in warnings[0]
    dialog.project_edit.setText(info.huawei_project_id)
    assert "Connected" in run_test_connection(qtbot, dialog)
    assert dialog.save_current()
    account = services.accounts.get("华为 VOD")
    assert account.provider is Provider.HUAWEI and account.project_id == info.huawei_project_id


def test_edit_keeps_secret_and_remove(
    qtbot: Any, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = Account(name="A", provider=Provider.ALIYUN, region="cn-beijing", access_key_id="AKID")
    services.accounts.add(account, "s3cret")
    dialog = open_dialog(qtbot, services)
    assert dialog.name_edit.text() == "A" and dialog.region_combo.currentText() == "cn-beijing"
    assert dialog.secret_edit.text() == ""  # never shown again
    dialog.name_edit.setText("B")
    assert dialog.save_current()
    renamed = services.accounts.get("B")
    assert services.accounts.secret_for(renamed) == "s3cret"
    monkeypatch.setattr(ask, "confirm", lambda *_a: True)  # the user says yes
    dialog.remove_current()
    assert services.accounts.list() == []


def test_no_keychain_is_said_plainly(qtbot: Any) -> None:
    services = build_services(
        ProfilePaths.default(), secrets=SecretStore(backend=keyring.backends.fail.Keyring())
    )
    try:
        assert not services.accounts.keychain_persistent
        dialog = open_dialog(qtbot, services)
        assert "No system keychain: the secret is kept for this session only" in dialog.keychain_note.text()
    finally:
        services.close()


def test_request_signature_combo_is_stored_and_legacy_is_refused_plainly(
    qtbot: Any, sandbox: Any, services: Services
) -> None:
    """The GUI tests' sandbox refuses HMAC-SHA1, as new accounts do: the dialog says what to change."""
    dialog = open_dialog(qtbot, services)
    info = sandbox.info
    fill(
        dialog,
        name="Old gateway",
        key_id=info.access_key_id,
        secret=info.access_key_secret,
        endpoint=info.vod_endpoint,
        provider=Provider.ALIYUN,
    )
    assert dialog.signature_combo.isVisibleTo(dialog)
    assert dialog.signature_combo.currentData() == SignatureScheme.ACS3  # the default
    dialog.signature_combo.setCurrentIndex(dialog.signature_combo.findData(SignatureScheme.HMAC_SHA1))
    text = run_test_connection(qtbot, dialog)
    assert "ACS3-HMAC-SHA256" in text and "IncompleteSignature" in text and "RequestId" in text
    assert dialog.save_current()
    assert services.accounts.get("Old gateway").signature is SignatureScheme.HMAC_SHA1
    dialog.signature_combo.setCurrentIndex(dialog.signature_combo.findData(SignatureScheme.ACS3))
    assert "Connected" in run_test_connection(qtbot, dialog)
    assert dialog.save_current()
    assert services.accounts.get("Old gateway").signature is SignatureScheme.ACS3
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData(Provider.HUAWEI))
    assert not dialog.signature_combo.isVisibleTo(dialog)
