"""Build the onedir bundle for the current OS with PyInstaller and (optionally) smoke-test it.

    python packaging/build.py            # build dist/<bundle>
    python packaging/build.py --smoke    # build, then run packaging/packaging_smoke.py on the bundle
    python packaging/build.py --smoke-only

Windows installers (NSIS) and macOS signing/notarization/DMG are separate steps driven by the release
workflow (.github/workflows/release.yml) on native runners.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vodstudio.app_info import NAME  # noqa: E402


def bundle_paths(dist: Path) -> tuple[Path, Path, Path]:
    """(bundle root, GUI executable, CLI executable) for this OS."""
    if sys.platform == "darwin":
        root = dist / f"{NAME}.app"
        macos = root / "Contents" / "MacOS"
        return root, macos / NAME, macos / "vodstudio"
    root = dist / NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return root, root / f"{NAME}{suffix}", root / f"vodstudio{suffix}"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, *, clean: bool) -> Path:
    # The translations are compiled here, at build time, so the bundle carries fresh .qm files.
    subprocess.run([sys.executable, str(ROOT / "packaging" / "i18n.py"), "compile"], check=True, cwd=ROOT)
    if clean:
        shutil.rmtree(work, ignore_errors=True)
    began = time.monotonic()
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "vodstudio.spec"),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    root, _, _ = bundle_paths(dist)
    print(f"built {root} in {time.monotonic() - began:.0f} s, {folder_size(root) / 1e6:.0f} MB")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--smoke", action="store_true", help="smoke-test the bundle after building")
    parser.add_argument("--smoke-only", action="store_true", help="smoke-test an existing bundle")
    args = parser.parse_args()
    if not args.smoke_only:
        build(args.dist, args.work, clean=args.clean)
    if args.smoke or args.smoke_only:
        from packaging_smoke import run_smoke

        bundle, gui, cli = bundle_paths(args.dist)
        began = time.monotonic()
        status = run_smoke(bundle=bundle, gui=gui, cli=cli)
        print(f"smoke took {time.monotonic() - began:.0f} s")
        return status
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
