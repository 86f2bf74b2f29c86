"""Smoke tests for a frozen bundle: self-test, an end-to-end upload on the bundled sandbox, GUI start."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 180
# Log lines that mean a module imported by name at run time did not make it into the bundle (the
# warnings of ui.main_window, sandbox.server and sandbox.rpc_dispatch), or any import failure.
MISSING_MODULE = re.compile(
    r"(section|sandbox module|sandbox action module) \S+ (is )?(not available|missing)|ModuleNotFoundError"
)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", VODSTUDIO_HOME=str(home), PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def _fail(message: str) -> SystemExit:
    return SystemExit(f"SMOKE FAILED: {message}")


def check_self_test(cli: Path, home: Path) -> None:
    done = subprocess.run(
        [str(cli), "--self-test"], env=_env(home), capture_output=True, text=True, timeout=TIMEOUT
    )
    print(done.stdout)
    if done.returncode != 0 or "fastcrc (native)" not in done.stdout:
        raise _fail(f"self-test (exit {done.returncode}):\n{done.stderr[-4000:]}")
    if "Keychain:" not in done.stdout:
        raise _fail("self-test printed no keyring backend")
    if "QtMultimedia: player available" not in done.stdout:  # the FFmpeg backend loaded
        raise _fail("QtMultimedia has no backend in the bundle (run with QT_DEBUG_PLUGINS=1 to see why)")


def check_keyring_metadata(bundle: Path) -> None:
    """keyring finds its backends through entry points: the dist-info must be in the bundle."""
    for entry_points in bundle.rglob("keyring-*.dist-info/entry_points.txt"):
        if "[keyring.backends]" in entry_points.read_text(encoding="utf-8"):
            print(f"keyring entry points: {entry_points.relative_to(bundle)}")
            return
    raise _fail(f"no keyring-*.dist-info/entry_points.txt with keyring.backends under {bundle}")


def _start_sandbox(cli: Path, home: Path) -> tuple[subprocess.Popen[str], dict[str, str]]:
    sandbox = subprocess.Popen(
        [str(cli), "sandbox", "--port", "0", "--data-dir", str(home / "sandbox")],
        env=_env(home),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sandbox.stdout is not None
    line = sandbox.stdout.readline()
    if not line:
        sandbox.wait(timeout=30)
        raise _fail(f"frozen sandbox exited ({sandbox.returncode}) before printing its endpoints")
    return sandbox, json.loads(line)


def check_upload(cli: Path, home: Path) -> None:
    sandbox, info = _start_sandbox(cli, home)
    try:
        sample = home / "smoke clip 冒烟.mp4"
        sample.write_bytes(os.urandom(600 * 1024))
        env = _env(home)
        env["ALIBABA_CLOUD_ACCESS_KEY_ID"] = info["access_key_id"]
        env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = info["access_key_secret"]
        done = subprocess.run(
            [str(cli), "upload", str(sample), "--endpoint", info["vod_endpoint"], "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        print(done.stdout[-2000:])
        if done.returncode != 0:
            raise _fail(f"frozen upload (exit {done.returncode}):\n{done.stderr[-4000:]}")
        states = [json.loads(line).get("state") for line in done.stdout.splitlines() if line.startswith("{")]
        if "done" not in states:
            raise _fail(f"the frozen upload never reached state done (states: {states})")
        if info["access_key_secret"] in done.stdout + done.stderr:
            raise _fail("the frozen upload printed the AccessKey secret")
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)


def check_gui_starts(gui: Path, home: Path) -> None:
    done = subprocess.run(
        [str(gui), "--sandbox", "--quit-after", "2"],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    if done.returncode != 0:
        raise _fail(f"GUI did not start and quit (exit {done.returncode}):\n{done.stderr[-4000:]}")
    # Sections and sandbox modules are imported by name and degrade to a placeholder when missing;
    # in a bundle that only means a forgotten hidden import, so the log must not mention one.
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in home.rglob("*.log"))
    missing = [line for line in logs.splitlines() if MISSING_MODULE.search(line)]
    if missing:
        raise _fail("modules missing from the bundle:\n" + "\n".join(missing[:20]))
    print("GUI started on the embedded sandbox and quit by itself")


def run_smoke(*, bundle: Path, gui: Path, cli: Path) -> int:
    check_keyring_metadata(bundle)
    with tempfile.TemporaryDirectory(prefix="vodstudio-smoke-") as tmp:
        home = Path(tmp)
        check_self_test(cli, home)
        check_upload(cli, home)
        check_gui_starts(gui, home)
    print("SMOKE OK")
    return 0


if __name__ == "__main__":
    sys.exit(run_smoke(bundle=Path(sys.argv[1]), gui=Path(sys.argv[2]), cli=Path(sys.argv[3])))
