"""Packaging scripts checked on Linux: NSIS compiles and signs, macOS script logic, icons, bundle policy."""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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


needs_makensis = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="Debian package nsis not installed"
)


def _makensis(tmp_path: Path, *defines: str) -> subprocess.CompletedProcess[str]:
    bundle = _fake_onedir(tmp_path)
    command = ["makensis", "-V2", f"-DVERSION={VERSION}", f"-DBUNDLE_DIR={bundle}",
               f"-DOUT_FILE={tmp_path / 'setup.exe'}", *defines, "installer.nsi"]  # fmt: skip
    return subprocess.run(
        command, cwd=ROOT / "packaging" / "windows", capture_output=True, text=True, timeout=120
    )


@needs_makensis
def test_nsis_installer_compiles_against_the_bundle_layout(tmp_path: Path) -> None:
    done = _makensis(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "setup.exe").read_bytes()[:2] == b"MZ"
    assert "unsigned" in done.stdout + done.stderr  # no SIGN_COMMAND here: it must say so


@needs_makensis
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in signing command is a shell script")
def test_nsis_signs_installer_and_uninstaller_and_stops_when_signing_fails(tmp_path: Path) -> None:
    signed = tmp_path / "signed.txt"
    sign = tmp_path / "sign.sh"
    sign.write_text(f'#!/bin/sh\nhead -c 2 "$1" >> "{signed}"\necho " $1" >> "{signed}"\n', encoding="utf-8")
    done = _makensis(tmp_path, f"-DSIGN_COMMAND=sh {sign}")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = signed.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(line.startswith("MZ") for line in lines)  # uninstaller, then installer
    assert lines[1].endswith("setup.exe")
    assert "unsigned" not in done.stdout + done.stderr

    failing = _makensis(tmp_path / "again", "-DSIGN_COMMAND=false")
    assert failing.returncode != 0


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


def _policy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_policy", ROOT / "packaging" / "bundle_policy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6\\plugins\\imageformats\\qsvg.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", True),
        ("PySide6\\plugins\\multimedia\\windowsmediaplugin.dll", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
        ("PySide6/Qt/plugins/tls/libqcertonlybackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ],
)
def test_bundle_policy_keeps_only_the_plugins_the_app_uses(dest: str, kept: bool) -> None:
    assert _policy().keeps_plugin(dest) is kept


def test_bundle_policy_keeps_qt_catalogues_of_shipped_locales(tmp_path: Path) -> None:
    policy = _policy()
    (tmp_path / "vodstudio_ja.qm").write_bytes(b"")
    locales = policy.shipped_locales(tmp_path)
    assert locales == {"zh_CN", "ja"}
    assert policy.keeps_translation("PySide6/Qt/translations/qtbase_zh_CN.qm", locales)
    assert policy.keeps_translation("PySide6\\translations\\qtmultimedia_ja.qm", locales)
    assert not policy.keeps_translation("PySide6/Qt/translations/qtbase_de.qm", locales)
    assert not policy.keeps_translation("PySide6/Qt/translations/qt_zh_CN.qm", locales)
    assert policy.keeps_translation("resources/i18n/vodstudio_ja.qm", locales)


# Stand-ins for the macOS tools: each logs its argv; `file` calls a file starting with "MACHO" Mach-O;
# notarytool answers with the status in $NOTARY_STATUS.
_MAC_TOOLS = {
    "codesign": 'echo "codesign $*" >> "$TOOL_LOG"',
    "security": 'echo "security $1" >> "$TOOL_LOG"; '
    '[ "$1" = list-keychains ] && echo \'"login.keychain"\'; exit 0',
    "uuidgen": "echo 00000000-0000-0000-0000-000000000000",
    "file": 'if head -c 5 "$2" | grep -q MACHO; then echo "Mach-O 64-bit dynamically linked shared library"; '
    "else echo data; fi",
    "ditto": 'echo "ditto $*" >> "$TOOL_LOG"; for last; do :; done; touch "$last"',
    "hdiutil": 'echo "hdiutil $1" >> "$TOOL_LOG"; for last; do :; done; touch "$last"',
    "xcrun": 'echo "xcrun $1 $2 $3" >> "$TOOL_LOG"; '
    'if [ "$2" = submit ]; then echo "{\\"id\\": \\"42\\", \\"status\\": \\"$NOTARY_STATUS\\"}"; fi',
}


def _run_mac_script(
    tmp_path: Path, secrets: dict[str, str], status: str = "Accepted"
) -> tuple[int, list[str]]:
    tools = tmp_path / "bin"
    tools.mkdir()
    for name, body in _MAC_TOOLS.items():
        (tools / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (tools / name).chmod(0o755)
    app = tmp_path / "dist" / f"{NAME}.app" / "Contents"
    for folder in ("MacOS", "Frameworks/QtCore.framework/Versions/A", "Resources"):
        (app / folder).mkdir(parents=True)
    (app / "MacOS" / NAME).write_bytes(b"MACHO gui")
    (app / "MacOS" / "vodstudio").write_bytes(b"MACHO cli")
    (app / "Frameworks" / "QtCore.framework" / "Versions" / "A" / "QtCore").write_bytes(b"MACHO qt")
    (app / "Frameworks" / "libpython3.12.dylib").write_bytes(b"MACHO python")
    (app / "Resources" / "base_library.zip").write_bytes(b"PK data")
    log = tmp_path / "tools.log"
    env = {
        "PATH": f"{tools}:{Path(sys.executable).parent}:/usr/bin:/bin",  # python3 for app_info
        "TOOL_LOG": str(log),
        "NOTARY_STATUS": status,
        "VODSTUDIO_DIST": str(tmp_path / "dist"),
        "RUNNER_TEMP": str(tmp_path),
        "VODSTUDIO_TARGET_ARCH": "arm64",
        **secrets,
    }
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "macos" / "sign_and_notarize.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return done.returncode, [*lines, *done.stdout.splitlines(), *done.stderr.splitlines()]


SECRETS = {
    "MACOS_CERT_P12_BASE64": "Y2VydA==",
    "MACOS_CERT_PASSWORD": "pw",
    "MACOS_CODESIGN_IDENTITY": "Developer ID Application: Test (TEAM)",
    "APPLE_ID": "a@example.com",
    "APPLE_TEAM_ID": "TEAM",
    "APPLE_APP_PASSWORD": "app-pw",
}


needs_posix_shell = pytest.mark.skipif(sys.platform == "win32", reason="stub tools are POSIX shell scripts")


@needs_posix_shell
def test_macos_script_signs_inside_out_notarizes_and_staples(tmp_path: Path) -> None:
    status, lines = _run_mac_script(tmp_path, SECRETS)
    assert status == 0, "\n".join(lines)
    signs = [line for line in lines if line.startswith("codesign --force")]
    libraries = [i for i, line in enumerate(signs) if line.endswith(("libpython3.12.dylib", "/QtCore"))]
    framework = next(i for i, line in enumerate(signs) if line.endswith("QtCore.framework"))
    executables = next(i for i, line in enumerate(signs) if f"MacOS/{NAME}" in line)
    app = next(i for i, line in enumerate(signs) if line.endswith(f"{NAME}.app"))
    assert max(libraries) < framework < executables < app
    assert "--entitlements" in signs[executables] and "--entitlements" not in signs[libraries[0]]
    assert not any("base_library.zip" in line for line in signs)  # data is sealed, not signed
    stapled = [line for line in lines if line.startswith("xcrun stapler staple")]
    assert len(stapled) == 2  # the app and the DMG, never the zip that was submitted
    assert any(line.endswith("-macos-arm64.dmg") for line in lines if line.startswith("built "))


@needs_posix_shell
def test_macos_script_without_secrets_builds_an_unsigned_dmg(tmp_path: Path) -> None:
    status, lines = _run_mac_script(tmp_path, {})
    assert status == 0, "\n".join(lines)
    assert not any(line.startswith(("codesign", "xcrun", "security")) for line in lines)
    assert any("UNSIGNED" in line for line in lines)
    assert (tmp_path / "dist" / f"VODStudio-{VERSION}-macos-arm64.dmg").exists()


@needs_posix_shell
def test_macos_script_fails_when_notarization_is_rejected(tmp_path: Path) -> None:
    status, lines = _run_mac_script(tmp_path, SECRETS, status="Invalid")
    assert status != 0
    assert any("xcrun notarytool log" in line for line in lines)
    assert not any(line.startswith("xcrun stapler") for line in lines)


def test_release_workflow_uses_existing_scripts_and_documents_its_secrets() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    for path in set(re.findall(r"packaging[/\\][\w/\\.-]+\.(?:py|sh|nsi)", workflow)):
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    header = workflow.split("\nname:", 1)[0]
    for secret in set(re.findall(r"secrets\.(\w+)", workflow)):
        assert secret in header, f"{secret} is read but not documented at the top of release.yml"
