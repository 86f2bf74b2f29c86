"""`vodstudio --self-test`: what this installation runs on, and whether the parts that matter work."""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable

from vodstudio.app_info import NAME, VERSION
from vodstudio.store.paths import ProfilePaths

# Below this the CRC64 check would dominate an upload (pure-Python crcmod runs at ~10 MB/s).
MIN_CRC_MB_PER_S = 150.0


def crc64_report() -> tuple[bool, str]:
    """Measure the CRC-64/XZ path the upload engine uses; fails unless it runs at native speed."""
    try:
        from fastcrc import crc64
    except ImportError as exc:
        return False, f"CRC64: fastcrc missing ({exc}); uploads cannot be verified at native speed"
    check = crc64.xz(b"123456789")
    if check != 0x995DC9BBDF1939FA:
        return False, f"CRC64: wrong check value {check:#x}"
    block = os.urandom(8 * 1024 * 1024)
    began = time.perf_counter()
    value = 0
    for _ in range(4):
        value = crc64.xz(block, value)
    rate = 32 / max(time.perf_counter() - began, 1e-9)
    ok = rate >= MIN_CRC_MB_PER_S
    return ok, f"CRC64: fastcrc (native) {rate:,.0f} MB/s{'' if ok else ' - TOO SLOW'}"


def oss2_crc_report() -> str:
    """oss2's own crcmod path, for information: the engine does not use it (enable_crc=False)."""
    try:
        import crcmod.crcmod as crcmod_impl
    except ImportError:
        return "oss2 CRC (unused by uploads): crcmod not installed"
    native = bool(getattr(crcmod_impl, "_usingExtension", False))
    return f"oss2 CRC (unused by uploads): crcmod {'C extension' if native else 'pure Python'}"


def keyring_report() -> tuple[bool, str]:
    from vodstudio.store.secrets import SecretStore

    store = SecretStore()
    if store.persistent:
        return True, f"Keychain: {store.backend_name}"
    return True, f"Keychain: none usable ({store.backend_name}); secrets would last for one run only"


def tls_report() -> str:
    import ssl

    import certifi

    return f"TLS: {ssl.OPENSSL_VERSION}; CA bundle {certifi.where()}"


def run_self_test(*, with_qt: bool) -> int:
    """Print one line per check; exit status 0 when everything needed works."""
    paths = ProfilePaths.default()
    from vodstudio.store.logs import setup_logging

    setup_logging(paths.ensure())  # library and Qt chatter goes to the log file, not into the report
    lines = [
        f"{NAME} {VERSION}",
        f"Python {platform.python_version()} ({sys.executable}) on {platform.platform()}",
        f"Frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"Profile: data {paths.data_dir}",
        f"         cache {paths.cache_dir}",
        f"         logs {paths.log_dir}",
    ]
    ok = True
    checks: list[Callable[[], tuple[bool, str]]] = [crc64_report, keyring_report]
    for check in checks:
        try:
            passed, line = check()
        except Exception as exc:  # a self-test reports every failure instead of dying on the first
            passed, line = False, f"{check.__name__}: failed: {exc!r}"
        ok &= passed
        lines.append(line)
    lines.append(oss2_crc_report())
    lines.append(tls_report())
    if with_qt:
        try:
            from vodstudio.ui.app import self_test_qt

            qt_ok, qt_lines = self_test_qt()
        except Exception as exc:  # missing system libraries show up here
            qt_ok, qt_lines = False, [f"Qt: failed to start: {exc!r}"]
        ok &= qt_ok
        lines.extend(qt_lines)
    lines.append("Self-test: OK" if ok else "Self-test: FAILED")
    print("\n".join(lines), flush=True)
    return 0 if ok else 1
