"""Fixtures of the UI layer: services built by the app's own builder, with an in-memory keychain."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vodstudio.services import Services, build_services
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import MemoryKeyring, SecretStore
from vodstudio.ui.bridge import background_busy


@pytest.fixture(autouse=True, scope="session")
def english_numbers() -> None:
    """Numbers as the English UI writes them (the container's C locale has no digit grouping)."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def no_held_keys(qapp: Any) -> Iterator[None]:
    """QTest.keyClick(w, key, Ctrl) leaves Qt believing Ctrl is still held (its release event carries
    the modifier), and every later selectRow() then toggles instead of selecting: release it after
    each test so tests do not leak into each other."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    yield
    blank = QWidget()  # Python owns it and frees it here (never deleteLater as well: stack.md §3)
    QTest.keyRelease(blank, Qt.Key.Key_Control)
    del blank


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


@pytest.fixture
def quiet_window(qtbot: Any, sandbox: Any) -> Iterator[tuple[Any, Services]]:
    """The main window on the sandbox account, its engine not started (nothing uploads by itself)."""
    from vodstudio.ui.main_window import MainWindow

    services = make_services(sandbox)
    win = MainWindow(services, start_engine=False)
    keep_window(qtbot, win)
    win.show()
    qtbot.waitUntil(lambda: win.connection_ok is not None, timeout=15_000)
    yield win, services
    idle(qtbot)  # the window is gone by now (see keep_window); its background calls deliver
    services.close()


def keep_window(qtbot: Any, win: Any) -> None:
    """Register the main window so it shuts down in order when pytest-qt closes it.

    pytest-qt closes and ``deleteLater()``s registered widgets *before* fixture teardown runs; the next
    spin of an event loop (an ``idle()`` in a teardown) then deletes the window, and any Qt call on it
    after that raises "Internal C++ object (MainWindow) already deleted" (test_plays' old flake).
    """
    qtbot.addWidget(win, before_close_func=lambda w: w.shutdown())


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


def i18n_tool() -> Any:
    """``packaging/i18n.py`` (a script folder, not a package: loaded by path)."""
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "packaging" / "i18n.py"
    spec = importlib.util.spec_from_file_location("vodstudio_i18n_tool", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped catalogues compiled fresh from resources/i18n/*.ts, plus a pseudo-locale that makes
    every string 40 % longer (to find labels that would be cut short in a longer language)."""
    i18n = i18n_tool()
    compile_all, pseudo_catalogue, ts_path = i18n.compile_all, i18n.pseudo_catalogue, i18n.ts_path
    folder = tmp_path_factory.mktemp("i18n")
    compile_all(folder)
    pseudo_ts = pseudo_catalogue(ts_path("en"), folder / "vodstudio_pseudo.ts")
    run = [str(Path(sys.executable).parent / "pyside6-lrelease"), str(pseudo_ts), "-qm"]
    subprocess.run([*run, str(folder / "vodstudio_pseudo.qm")], check=True, capture_output=True)
    return folder


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: Any, catalogues: Path) -> Iterator[str]:
    """``language`` parametrized with "en", "zh_CN" or "pseudo": widgets built in the test speak it."""
    from PySide6.QtCore import QLocale, QTranslator

    from vodstudio.ui.i18n import install_translators, remove_translators

    code = str(request.param)
    if code == "pseudo":
        translator = QTranslator(qapp)
        assert translator.load(str(catalogues / "vodstudio_pseudo.qm"))
        qapp.installTranslator(translator)
        installed = [translator]
    else:
        installed = install_translators(qapp, code, folder=catalogues)
    yield code
    remove_translators(qapp, installed)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
