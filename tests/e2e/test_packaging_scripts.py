"""Packaging scripts that can be checked on Linux: the NSIS installer compiles, the icons are complete."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from vodstudio.app_info import NAME, VERSION

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def _fake_onedir(folder: Path) -> Path:
    """The layout PyInstaller's onedir build has on Windows: two executables and _internal/."""
    bundle = folder / NAME
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / f"{NAME}.exe").write_bytes(b"MZ fake gui")
    (bundle / "vodstudio.exe").write_bytes(b"MZ fake cli")
    (bundle / "_internal" / "python312.dll").write_bytes(b"fake")
    return bundle


@pytest.mark.skipif(shutil.which("makensis") is None, reason="Debian package nsis not installed")
def test_nsis_installer_compiles_against_the_bundle_layout(tmp_path: Path) -> None:
    bundle = _fake_onedir(tmp_path)
    out = tmp_path / "setup.exe"
    done = subprocess.run(
        ["makensis", "-V2", f"-DVERSION={VERSION}", f"-DBUNDLE_DIR={bundle}", f"-DOUT_FILE={out}",
         "installer.nsi"],
        cwd=ROOT / "packaging" / "windows",
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"
    assert "unsigned" in done.stdout + done.stderr  # no SIGN_COMMAND here: it must say so


def test_ico_holds_every_size() -> None:
    data = (ICONS / "vodstudio.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = sorted(data[6 + 16 * i] or 256 for i in range(count))
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_holds_retina_sizes() -> None:
    data = (ICONS / "vodstudio.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    types, offset = [], 8
    while offset < len(data):
        types.append(data[offset : offset + 4])
        offset += struct.unpack_from(">I", data, offset + 4)[0]
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(types)


def test_spec_and_build_script_are_valid_python() -> None:
    for path in (ROOT / "packaging" / "vodstudio.spec", ROOT / "packaging" / "build.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
