"""Fixtures shared by the protocol tests that drive the CLI or the services over a stored account."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from vodstudio.services import Services, build_services
from vodstudio.store.paths import ProfilePaths


@pytest.fixture
def stored(sandbox: Any) -> Iterator[Services]:
    """The sandbox account stored in this test's profile (the CLI builds its own services over it)."""
    svc = build_services(ProfilePaths.default())
    svc.sandbox.ensure_accounts(sandbox.info)
    yield svc
    svc.close()
