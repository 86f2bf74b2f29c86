"""Benchmark: the frozen VOD Studio bundle next to a bare PySide6 hello-world frozen the same way.

Prints size (goal: ours within 1.5x) and start-up to a shown main window, offscreen (goal: within 2x),
as ratios measured side by side in one run; never asserts a time. Reuses ``dist/VOD Studio`` when it
exists (``VODSTUDIO_BENCH_REBUILD=1`` rebuilds it first); the hello-world is built into a temp dir with
the same PyInstaller, the same ``packaging/bundle_policy.py`` and the same flags.
Knobs: ``VODSTUDIO_BENCH_STARTS`` (runs per bundle, default 5). Run: ``./dev bench`` or
``pytest tests/bench/bench_bundle.py -s``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

from build import bundle_paths, folder_size  # noqa: E402

# Printed once the main window has been shown: by the hello-world, and by VOD Studio when this variable
# is set (ui/app.py, see the packaging notes); without it the exit time of --quit-after 0 is used.
SHOWN_MARKER = "main window shown"
MARKER_ENV = "VODSTUDIO_STARTUP_MARKER"

HELLO_APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.show()
QTimer.singleShot(0, lambda: print("main window shown", flush=True))
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
"""

HELLO_SPEC = """
import sys
sys.path.insert(0, {packaging!r})
import bundle_policy
from pathlib import Path

analysis = Analysis([{script!r}], excludes=list(bundle_policy.EXCLUDES),
                    noarchive=bundle_policy.NOARCHIVE)
bundle_policy.apply(analysis, i18n_dir=Path({i18n!r}), verbose=False)
pyz = PYZ(analysis.pure)
exe = EXE(pyz, analysis.scripts, [], exclude_binaries=True, name="hello", console=False,
          debug=False, strip=False, upx=False)
COLLECT(exe, analysis.binaries, analysis.datas, strip=False, upx=False, name="hello")
bundle_policy.strip_debug_info(Path(DISTPATH) / "hello")
"""


def _pyinstaller(spec: Path, dist: Path, work: Path) -> float:
    began = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(spec)]  # fmt: skip
    subprocess.run(command, check=True, cwd=spec.parent, capture_output=True)
    return time.monotonic() - began


def build_hello(folder: Path) -> tuple[Path, float]:
    """The bare hello-world onedir bundle and its build time."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "hello.py"
    script.write_text(HELLO_APP, encoding="utf-8")
    (folder / "i18n").mkdir()
    spec = folder / "hello.spec"
    spec.write_text(
        HELLO_SPEC.format(packaging=str(PACKAGING), script=str(script), i18n=str(folder / "i18n")),
        encoding="utf-8",
    )
    seconds = _pyinstaller(spec, folder / "dist", folder / "work")
    suffix = ".exe" if sys.platform == "win32" else ""
    if sys.platform == "darwin":
        return folder / "dist" / "hello" / "hello", seconds
    return folder / "dist" / "hello" / f"hello{suffix}", seconds


def ours() -> tuple[Path, Path, Path]:
    """(bundle root, GUI, CLI executable), building dist/ first when missing or asked to."""
    bundle, gui, cli = bundle_paths(ROOT / "dist")
    if os.environ.get("VODSTUDIO_BENCH_REBUILD") == "1" or not gui.exists():
        subprocess.run([sys.executable, str(PACKAGING / "build.py")], check=True, cwd=ROOT)
    return bundle, gui, cli


def start_once(command: list[str], home: Path) -> tuple[float, float | None]:
    """(seconds to exit, seconds to the shown marker if printed) for one offscreen start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VODSTUDIO_HOME=str(home), PYTHONUNBUFFERED="1")
    env[MARKER_ENV] = "1"
    env.pop("PYTHONPATH", None)
    began = time.perf_counter()
    shown: float | None = None
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if shown is None and SHOWN_MARKER in line:
                shown = time.perf_counter() - began
        status = process.wait(timeout=120)
    exited = time.perf_counter() - began
    if status != 0:
        pytest.fail(f"{command[0]} exited with {status}")
    return exited, shown


def components(bundle: Path) -> dict[str, int]:
    """Bytes per top-level entry of the bundle, Qt libraries counted one by one."""
    sizes: dict[str, int] = {}
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        parts = path.relative_to(bundle).parts
        if len(parts) == 1 or parts[:2] == ("Contents", "MacOS"):
            sizes[f"{path.name} (executable)"] = path.stat().st_size
            continue
        parts = parts[1:] if parts[0] in ("_internal", "Contents") else parts
        parts = parts[1:] if parts[0] in ("Frameworks", "Resources") else parts
        key = "/".join(parts[:4]) if parts[:3] == ("PySide6", "Qt", "lib") else parts[0]
        sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sizes


def print_size_extras(ours_dir: Path, hello_dir: Path, top: int = 12) -> None:
    ours, hello = components(ours_dir), components(hello_dir)
    extra = sorted(((size - hello.get(key, 0), key) for key, size in ours.items()), reverse=True)
    listed = ", ".join(f"{key} {size / 1e6:.1f}" for size, key in extra[:top] if size > 0)
    print(f"  largest additions over hello-world (MB): {listed}")


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def test_bench_bundle(tmp_path: Path) -> None:
    bundle, gui, cli = ours()
    hello, hello_build_s = build_hello(tmp_path / "hello")
    runs = int(os.environ.get("VODSTUDIO_BENCH_STARTS", "5"))
    commands = {
        "ours": [str(gui), "--quit-after", "0"],
        "hello": [str(hello)],
        "cli": [str(cli), "--version"],  # parser only: the import cost every start pays
    }
    exits: dict[str, list[float]] = {name: [] for name in commands}
    shown: dict[str, list[float]] = {name: [] for name in commands}
    for name, command in commands.items():  # one warm-up each: the first run creates the profile
        start_once(command, tmp_path / f"home-{name}")
    for _ in range(runs):  # interleaved, so load from anything else on the machine hits both alike
        for name, command in commands.items():
            exited, marker = start_once(command, tmp_path / f"home-{name}")
            exits[name].append(exited)
            if marker is not None:
                shown[name].append(marker)
    size_ours, size_hello = folder_size(bundle), folder_size(hello.parent)
    print(
        f"\nBundle benchmark ({sys.platform}, PyInstaller onedir, hello-world built in {hello_build_s:.0f} s)"
    )
    print(f"  size: ours {size_ours / 1e6:.0f} MB, hello-world {size_hello / 1e6:.0f} MB, "
          f"ratio {size_ours / size_hello:.2f}x (goal <= 1.5x)")  # fmt: skip
    print_size_extras(bundle, hello.parent)
    ours_exit, hello_exit = _median(exits["ours"]), _median(exits["hello"])
    print(f"  start to exit with --quit-after 0 (median of {runs}, warm page cache): ours {ours_exit:.2f} s, "
          f"hello-world {hello_exit:.2f} s, ratio {ours_exit / hello_exit:.2f}x (goal <= 2x)")  # fmt: skip
    if len(shown["ours"]) == runs:
        ours_shown, hello_shown = _median(shown["ours"]), _median(shown["hello"])
        print(f"  start to '{SHOWN_MARKER}': ours {ours_shown:.2f} s, hello-world {hello_shown:.2f} s, "
              f"ratio {ours_shown / hello_shown:.2f}x (goal <= 2x)")  # fmt: skip
    else:
        print(f"  (VOD Studio prints no '{SHOWN_MARKER}' line yet: the exit time includes its shutdown)")
    cli_exit = _median(exits["cli"])
    print(f"  of which the CLI parser alone (vodstudio --version): {cli_exit:.2f} s, "
          f"{cli_exit / hello_exit:.2f}x the hello-world's whole start")  # fmt: skip
    assert exits["ours"] and exits["hello"]
