"""Smoke tests for a frozen bundle: self-test, an end-to-end upload on the bundled sandbox, GUI start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 180


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", VODSTUDIO_HOME=str(home), PYTHONUNBUFFERED="1")
    env.pop("PYTHONPATH", None)  # the bundle must not lean on the source tree
    return env


def check_self_test(cli: Path, home: Path) -> None:
    done = subprocess.run(
        [str(cli), "--self-test"], env=_env(home), capture_output=True, text=True, timeout=TIMEOUT
    )
    print(done.stdout)
    if done.returncode != 0 or "fastcrc (native)" not in done.stdout:
        raise SystemExit(f"self-test failed (exit {done.returncode}):\n{done.stderr}")


def check_upload(cli: Path, home: Path) -> None:
    sandbox = subprocess.Popen(
        [str(cli), "sandbox", "--port", "0", "--data-dir", str(home / "sandbox")],
        env=_env(home),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sandbox.stdout is not None
        info = json.loads(sandbox.stdout.readline())
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
            raise SystemExit(f"frozen upload failed (exit {done.returncode}):\n{done.stderr[-4000:]}")
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
        raise SystemExit(f"GUI did not start and quit (exit {done.returncode}):\n{done.stderr[-4000:]}")


def run_smoke(*, gui: Path, cli: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="vodstudio-smoke-") as tmp:
        home = Path(tmp)
        check_self_test(cli, home)
        check_upload(cli, home)
        check_gui_starts(gui, home)
    print("SMOKE OK")
    return 0


if __name__ == "__main__":
    sys.exit(run_smoke(gui=Path(sys.argv[1]), cli=Path(sys.argv[2])))
