"""The one writer of the user's settings: ``update`` replaces the value under a lock and saves it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from vodstudio.store.paths import ProfilePaths
from vodstudio.store.settings import Settings, load_settings, normalised, save_settings

log = logging.getLogger(__name__)

Listener = Callable[[Settings], None]


class SettingsService:
    """Thread-safe: any thread may read ``current`` or call ``update``; writes are atomic on disk."""

    def __init__(self, paths: ProfilePaths) -> None:
        self._paths = paths
        self._lock = threading.RLock()  # set_cdn_domain reads and updates under one hold
        self._current = load_settings(paths)
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(new)`` after every change (on the updating thread); returns the unsubscribe.

        Listeners must be quick and thread-safe (set an event, post to a queue): the schedule applier
        of a running engine wakes this way when the user edits the schedule or the base limit.
        """
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

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
            changed = new != self._current
            if changed:
                save_settings(self._paths, new)
                self._current = new
            listeners = list(self._listeners) if changed else []
        for listener in listeners:  # outside the lock: a listener may read or update the settings
            try:
                listener(new)
            except Exception:  # one broken listener must not undo a saved change
                log.exception("settings listener failed")
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
