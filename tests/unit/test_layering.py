"""House rules as tests: the one-way flow between packages, Qt only in ui/, small modules, lazy CLI."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "vodstudio"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _python_files_outside_ui() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1]]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", _python_files_outside_ui(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_outside_ui(path: Path) -> None:
    imported = _imported_modules(path)
    offenders = sorted(m for m in imported if m.split(".")[0] in QT_MODULES)
    allowed_bridge = {"vodstudio/cli/__init__.py", "vodstudio/selftest.py"}
    ui_imports = sorted(m for m in imported if m.startswith("vodstudio.ui"))
    assert not offenders, f"{path} imports Qt: {offenders}"
    if str(path.relative_to(PACKAGE.parent)) not in allowed_bridge:
        assert not ui_imports, f"{path} imports the GUI package: {ui_imports}"


# Which first-party packages each package may import (besides itself). Data flows one way:
# ui/cli → services → transfer / cdn / cloud → store → core. The sandbox is a separate server that
# shares only the client's signing helpers and core; the entry points may start either face.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "store": {"core", "app_info"},
    "cloud": {"core", "store", "app_info"},
    "cdn": {"core", "store", "cloud"},
    "transfer": {"core", "store", "cloud"},
    "services": {"core", "store", "cloud", "cdn", "transfer", "sandbox", "app_info"},
    "ui": {"core", "services", "app_info"},
    "cli": {"core", "services", "app_info"},
    "sandbox": {"core", "cloud", "store", "app_info"},
}
# Narrow exceptions, each for a reason: the entry points start the GUI (cli/__init__ via ui.app),
# the self-test reports Qt, and cli/sandbox_cmd runs the sandbox server in the foreground.
EXCEPTIONS: dict[str, set[str]] = {
    "cli/__init__.py": {"ui", "selftest"},
    "cli/sandbox_cmd.py": {"sandbox", "store"},
}


def _package_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _first_party(modules: set[str]) -> set[str]:
    return {m.split(".")[1] for m in modules if m.startswith("vodstudio.") and m.count(".") >= 1}


@pytest.mark.parametrize(
    "path",
    [p for p in PACKAGE.rglob("*.py") if len(p.relative_to(PACKAGE).parts) > 1],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_data_flows_one_way(path: Path) -> None:
    package = _package_of(path)
    if package not in ALLOWED:
        pytest.fail(f"{package}/ is a package the layering rules do not know: add it to ALLOWED")
    relative = str(path.relative_to(PACKAGE))
    allowed = ALLOWED[package] | {package} | EXCEPTIONS.get(relative, set())
    wrong = sorted(_first_party(_imported_modules(path)) - allowed)
    assert not wrong, f"{relative} ({package}/) may not import {wrong}"


def test_the_rules_can_fail() -> None:
    """The checker sees a forbidden import (a rule that could never fail would guard nothing)."""
    assert _first_party({"vodstudio.cloud.aliyun.client", "vodstudio.ui.app", "os"}) == {"cloud", "ui"}
    assert "cloud" not in ALLOWED["ui"] and "ui" not in ALLOWED["services"]


def test_every_cli_command_module_exists() -> None:
    from vodstudio.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vodstudio.cli.{name}")
        assert callable(module.register)


def test_modules_stay_small() -> None:
    too_big = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert not too_big, f"modules over 800 lines (house style: aim for 400): {too_big}"


def test_gui_start_imports_no_command_module() -> None:
    from vodstudio.cli import COMMAND_MODULES, modules_for

    assert modules_for([]) == ()
    assert modules_for(["--sandbox", "--screenshot", "upload", "--quit-after", "2"]) == ()
    assert modules_for(["upload", "a.mp4"]) == ("upload_cmd",)
    assert modules_for(["--help"]) == COMMAND_MODULES
    assert modules_for(["no-such-command"]) == COMMAND_MODULES
