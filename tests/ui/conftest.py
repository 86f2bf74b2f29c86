"""Fixtures of the UI layer: services built by the app's own builder, with an in-memory keychain."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from vodstudio.services import Services, build_services
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import MemoryKeyring, SecretStore
from vodstudio.ui.bridge import background_busy


def make_services(sandbox: Any = None, *, part_size: int | None = None) -> Services:
    """The builder the app uses, on this test's profile; the sandbox accounts registered if given."""
    services = build_services(
        ProfilePaths.default(), secrets=SecretStore(backend=MemoryKeyring()), part_size=part_size
    )
    if sandbox is not None:
        services.sandbox.ensure_accounts(sandbox.info)
    return services


@pytest.fixture
def sandbox_strict() -> bool:
    """Every GUI test runs against a sandbox that refuses OSS V1 and HMAC-SHA1, as the app's own does."""
    return True


def idle(qtbot: Any, timeout: int = 15_000) -> None:
    """Wait until every background call has delivered its answer."""
    qtbot.waitUntil(lambda: background_busy() == 0, timeout=timeout)


@pytest.fixture
def services(sandbox: Any) -> Iterator[Services]:
    svc = make_services(sandbox)
    yield svc
    svc.close()
    # Widgets sit in reference cycles (slots capturing self); collect them here, in the GUI thread,
    # before a worker thread's allocation triggers the GC and finalises them there.
    gc.collect()
