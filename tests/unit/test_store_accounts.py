"""Accounts and secrets: names unique, secrets only in the keychain, no plaintext anywhere on disk."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import keyring
import pytest

from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting, SignatureScheme
from vodstudio.core.errors import ConfigError
from vodstudio.store.accounts import AccountStore
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import SecretStore
from vodstudio.store.settings import Settings, load_settings, save_settings

SECRET = "s3cr3t-VALUE-never-on-disk"


def _store(tmp_path: Path) -> AccountStore:
    return AccountStore(ProfilePaths.under(tmp_path).ensure(), SecretStore())


def _account(name: str = "studio") -> Account:
    return Account(name, Provider.ALIYUN, "cn-shanghai", "LTAI-test", proxy=ProxySetting(ProxyMode.NONE))


def test_add_get_and_secret_round_trip(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_account(), SECRET)
    account = store.get("studio")
    assert account.proxy.mode is ProxyMode.NONE
    assert store.secret_for(account) == SECRET
    assert store.active() == account
    on_disk = "".join(p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    assert SECRET not in on_disk
    assert "LTAI-test" in on_disk


def test_duplicate_name_is_refused(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_account(), SECRET)
    with pytest.raises(ConfigError):
        store.add(_account(), "other")


def test_save_keeps_secret_and_rename_moves_it(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_account(), SECRET)
    renamed = replace(store.get("studio"), name="studio-2")
    store.save(renamed, None, previous_name="studio")  # the accounts dialog renames this way
    assert store.secret_for(renamed) == SECRET
    assert [a.name for a in store.list()] == ["studio-2"]
    assert store.active() == renamed


def test_remove_deletes_the_keychain_entry(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(_account(), SECRET)
    key = store.get("studio").secret_key
    store.remove("studio")
    assert keyring.get_password("VOD Studio", key) is None
    assert store.active() is None


def test_without_keychain_secret_is_kept_in_memory_only(tmp_path: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    secrets = SecretStore()
    assert not secrets.persistent
    store = AccountStore(ProfilePaths.under(tmp_path).ensure(), secrets)
    store.add(_account(), SECRET)
    assert store.secret_for(store.get("studio")) == SECRET
    fresh = AccountStore(ProfilePaths.under(tmp_path), SecretStore())
    with pytest.raises(ConfigError, match="one run"):
        fresh.secret_for(fresh.get("studio"))


def test_settings_round_trip_and_bad_values_fall_back(tmp_path: Path) -> None:
    paths = ProfilePaths.under(tmp_path).ensure()
    save_settings(paths, Settings(parallel_files=5, default_tags=["a", "b"]))
    assert load_settings(paths).parallel_files == 5
    paths.settings_path.write_text('{"parallel_files": "many", "bandwidth_limit": -3, "default_tags": 7}')
    loaded = load_settings(paths)
    assert loaded == Settings()
    paths.settings_path.write_text("{not json")
    assert load_settings(paths) == Settings()
    assert paths.settings_path.with_name("settings.json.corrupt").exists()


def test_memory_keyring_is_never_chosen_automatically() -> None:
    import keyring.backend

    from vodstudio.store.secrets import MemoryKeyring

    viable = keyring.backend.get_all_keyring()
    assert not any(isinstance(backend, MemoryKeyring) for backend in viable)


def test_signature_scheme_round_trips_and_old_files_load_as_acs3(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.add(replace(_account(), signature=SignatureScheme.HMAC_SHA1), SECRET)
    assert store.get("studio").signature is SignatureScheme.HMAC_SHA1
    path = ProfilePaths.under(tmp_path).accounts_path
    data = json.loads(path.read_text("utf-8"))
    assert data["accounts"][0]["signature"] == "hmac-sha1"
    # A file written before the field existed, and one from a newer version with a scheme we lack.
    del data["accounts"][0]["signature"]
    data["accounts"].append({**data["accounts"][0], "name": "future", "signature": "acs3-hmac-sm3"})
    path.write_text(json.dumps(data), "utf-8")
    assert [a.signature for a in store.list()] == [SignatureScheme.ACS3, SignatureScheme.ACS3]


def test_changing_settings_only_needs_no_keychain_read(tmp_path: Path) -> None:
    """`vodstudio account edit` without a system keychain: the secret of an earlier run is gone,
    yet switching the signature must still work (the keychain entry is not touched)."""
    store = _store(tmp_path)
    store.add(_account(), SECRET)
    store.secrets.delete(_account().secret_key)
    store.save(replace(store.get("studio"), signature=SignatureScheme.HMAC_SHA1))
    assert store.get("studio").signature is SignatureScheme.HMAC_SHA1
    with pytest.raises(ConfigError):  # a change of key id still needs the secret
        store.save(replace(store.get("studio"), access_key_id="LTAI-other"))
