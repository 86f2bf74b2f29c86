"""AccessKey secrets in the OS keychain (keyring); without one, kept in memory for this run only.

There is no plaintext fallback, ever: keyrings.alt's file backends (plaintext or a passphrase prompt
that hangs headless) are treated as "no keychain".
"""

from __future__ import annotations

import logging
import threading

import keyring
import keyring.backend
import keyring.errors
from jaraco.classes import properties

from vodstudio.app_info import KEYRING_SERVICE
from vodstudio.core.errors import SecretStoreError

log = logging.getLogger(__name__)

_NOT_A_KEYCHAIN_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-process keyring backend for tests and the screenshot runner: ``SecretStore(backend=...)``.

    keyring considers every imported backend class for automatic selection; a priority that raises
    makes this one "not viable", so a machine without a keychain falls back to ``fail.Keyring`` (and
    SecretStore says "memory only") instead of silently picking a store that forgets at exit.
    """

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a classproperty receives the class
        raise RuntimeError("MemoryKeyring is only used when set explicitly")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._values: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self._values[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self._values.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self._values[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("not found") from None


def _backend_is_keychain(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_NOT_A_KEYCHAIN_MODULES):
        return False
    if module == "keyring.backends.chainer":
        return any(_backend_is_keychain(inner) for inner in getattr(backend, "backends", []))
    return True


def _register_for_redaction(secret: str) -> None:
    """Make sure a secret we hold can never reach a log line verbatim."""
    try:
        from vodstudio.store.logs import register_secret
    except ImportError:  # logging not set up in this process (e.g. a bare library use)
        return
    register_secret(secret)


class SecretStore:
    """Stores secrets under ``KEYRING_SERVICE``; ``persistent`` is False when only memory is used.

    ``backend`` defaults to the keychain keyring selects for this OS; tests and the screenshot runner
    pass a ``MemoryKeyring`` instead of replacing keyring's process-wide choice.
    """

    def __init__(
        self, service: str = KEYRING_SERVICE, *, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        self._service = service
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        backend = backend or keyring.get_keyring()
        self._backend = backend
        self.backend_name = f"{type(backend).__module__}.{type(backend).__name__}"
        self.persistent = _backend_is_keychain(backend)
        if not self.persistent:
            log.info(  # the UI and `account add` tell the user; a log line per process is enough
                "No usable system keychain (%s): secrets kept in memory for this run", self.backend_name
            )

    def set(self, key: str, secret: str) -> None:
        if not secret:
            raise SecretStoreError("An empty secret cannot be stored.", code="secret-store.empty")
        _register_for_redaction(secret)
        with self._lock:
            if self.persistent:
                try:
                    self._backend.set_password(self._service, key, secret)
                    return
                except keyring.errors.KeyringError as exc:
                    log.warning("The keychain refused to store a secret (%s); keeping it in memory", exc)
                    self.persistent = False
            self._memory[key] = secret

    def get(self, key: str) -> str | None:
        with self._lock:
            if key in self._memory:
                return self._memory[key]
            if not self.persistent:
                return None
            try:
                value = self._backend.get_password(self._service, key)
            except keyring.errors.KeyringError as exc:
                raise SecretStoreError(f"The keychain could not be read: {exc}") from exc
        if value:
            _register_for_redaction(value)
        return value

    def delete(self, key: str) -> None:
        with self._lock:
            self._memory.pop(key, None)
            if not self.persistent:
                return
            try:
                self._backend.delete_password(self._service, key)
            except keyring.errors.PasswordDeleteError:
                pass  # already gone: deleting is idempotent
            except keyring.errors.KeyringError as exc:
                raise SecretStoreError(f"The keychain could not delete a secret: {exc}") from exc
