"""House rules as tests: Qt only in vodstudio/ui, every CLI command module present, modules stay small."""

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
