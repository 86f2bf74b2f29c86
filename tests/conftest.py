"""Fixtures every test layer shares: a private profile, an in-memory keychain, a live sandbox."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless Qt before anything imports it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never let a test touch the developer's real keychain or profile.
os.environ.pop("ALIBABA_CLOUD_ACCESS_KEY_ID", None)
os.environ.pop("ALIBABA_CLOUD_ACCESS_KEY_SECRET", None)


@pytest.fixture(autouse=True)
def profile_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh ``VODSTUDIO_HOME`` for each test."""
    home = tmp_path / "profile"
    home.mkdir()
    monkeypatch.setenv("VODSTUDIO_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[object]:
    """An in-memory keyring backend, restored afterwards."""
    import keyring

    from vodstudio.store.secrets import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def sandbox_strict() -> bool:
    """Whether ``sandbox`` refuses legacy signatures; tests/ui and strict parametrizations override it."""
    return False


@pytest.fixture
def sandbox(tmp_path: Path, sandbox_strict: bool) -> Iterator[object]:
    """A running sandbox on random loopback ports with fast lifecycle delays."""
    from vodstudio.sandbox.server import Sandbox
    from vodstudio.sandbox.state import SandboxConfig

    config = SandboxConfig(
        upload_succ_delay=0.2,
        transcode_delay=0.3,
        cdn_task_delay=0.3,
        huawei_task_delay=0.3,
        reject_legacy_signatures=sandbox_strict,
    )
    box = Sandbox(tmp_path / "sandbox-data", config)
    box.start()
    try:
        yield box
    finally:
        box.stop()
