"""The one writer of the user's settings: ``update`` replaces the value under a lock and saves it."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from vodstudio.store.paths import ProfilePaths
from vodstudio.store.settings import Settings, load_settings, normalised, save_settings


class SettingsService:
    """Thread-safe: any thread may read ``current`` or call ``update``; writes are atomic on disk."""

    def __init__(self, paths: ProfilePaths) -> None:
        self._paths = paths
        self._lock = threading.RLock()  # set_cdn_domain reads and updates under one hold
        self._current = load_settings(paths)

    @property
    def current(self) -> Settings:
        """A frozen snapshot; a later ``update`` never changes it under the reader."""
        return self._current

    def update(self, **changes: Any) -> Settings:
        """Apply ``changes`` (field names of ``Settings``), save atomically and return the new value.

        Nothing is written when nothing changes, so a widget may call this on every edit.
        """
        with self._lock:
            new = normalised(replace(self._current, **changes))
            if new != self._current:
                save_settings(self._paths, new)
                self._current = new
            return self._current

    def cdn_domain(self, account: str) -> str:
        return self._current.cdn_domains.get(account, "")

    def set_cdn_domain(self, account: str, domain: str) -> Settings:
        with self._lock:
            domains = dict(self._current.cdn_domains)
            if domain:
                domains[account] = domain
            else:
                domains.pop(account, None)
            return self.update(cdn_domains=domains)

    def forget_account(self, account: str) -> None:
        """Drop what the settings remember of an account that was removed."""
        if account in self._current.cdn_domains:
            self.set_cdn_domain(account, "")
