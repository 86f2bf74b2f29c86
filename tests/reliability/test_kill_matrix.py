"""kill -9 of a real `vodstudio upload` inside a chosen call, then `queue resume`: nothing lost or doubled.

A loopback proxy between the CLI and the sandbox holds the exchange the kill is aimed at (the
server has answered, the client never hears it), or stops after a number of upload bytes. Each
scenario ends with: the job done, one video for the file, the object byte-identical, no open
multipart upload. The short matrix runs in CI; ``-m reliability_long`` adds the rest.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.upload_helpers import cli_env, start_cli
from tests.reliability.helpers import PART, assert_uploaded_once, job_rows, media_file, small_parts_profile
from tests.reliability.proxy import HoldPoint, KillProxy

PARTS = 24
SIZE = PARTS * PART + 777
LONG = pytest.mark.reliability_long


@pytest.fixture
def proxy(sandbox: Any) -> Iterator[KillProxy]:
    target = urlsplit(sandbox.info.vod_endpoint)
    box = KillProxy((str(target.hostname), int(target.port or 80)))
    sandbox.state.vod_endpoint = box.url  # upload addresses point at the proxy too
    try:
        yield box
    finally:
        box.close()


def _run(argv: list[str], env: dict[str, str], proxy: KillProxy, hold: HoldPoint | None) -> Any:
    proxy.reset(hold)
    proc = start_cli([*argv, "--endpoint", proxy.url, "--json"], env)
    if hold is None:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err + out[-3000:]
        return out
    if not hold.hit.wait(90):
        proc.kill()
        raise AssertionError(f"never reached the kill point: {proc.communicate()[1][-2000:]}")
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    return None


KILLS = [
    pytest.param("InitiateMultipartUpload", 0, id="inside-initiate"),
    pytest.param("", SIZE * 2 // 5, id="mid-parts"),
    pytest.param("CompleteMultipartUpload", 0, id="inside-complete"),
    pytest.param("RefreshUploadVideo", 0, id="inside-refresh"),
    pytest.param("CreateUploadVideo", 0, id="inside-create", marks=LONG),
    pytest.param("", PART // 2, id="first-part", marks=LONG),
    pytest.param("", SIZE - PART // 2, id="last-part", marks=LONG),
    pytest.param("PutObject", 0, id="inside-single-put", marks=LONG),
    pytest.param("ListMultipartUploads", 0, id="inside-sweep", marks=LONG),
]


@pytest.mark.parametrize(("operation", "after_bytes"), KILLS)
def test_kill_then_resume(
    sandbox: Any, proxy: KillProxy, tmp_path: Path, operation: str, after_bytes: int
) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    path = tmp_path / "clip.mp4"
    data = media_file(path, PART // 2 if operation == "PutObject" else SIZE)
    env = cli_env(home, sandbox)
    args = ["upload", str(path)]
    if operation == "RefreshUploadVideo":  # credentials short enough to be refreshed mid-upload
        sandbox.state.update_config({"upload_credential_lifetime": 3})
        args += ["--limit-rate", "600K"]
    _run(args, env, proxy, HoldPoint(operation=operation, upload_bytes=after_bytes))
    _run(["queue", "resume"], env, proxy, None)
    assert [r["state"] for r in job_rows(home)] == ["done"]
    assert_uploaded_once(sandbox, path, data)
    if operation == "CompleteMultipartUpload":
        assert proxy.upload_bytes == 0  # the object was there: not one byte sent again


@LONG
def test_killed_inside_list_parts_of_a_resume(sandbox: Any, proxy: KillProxy, tmp_path: Path) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    path = tmp_path / "clip.mp4"
    data = media_file(path, SIZE)
    env = cli_env(home, sandbox)
    _run(["upload", str(path)], env, proxy, HoldPoint(upload_bytes=SIZE // 3))
    _run(["queue", "resume"], env, proxy, HoldPoint(operation="ListParts"))
    _run(["queue", "resume"], env, proxy, None)
    assert [r["state"] for r in job_rows(home)] == ["done"]
    assert_uploaded_once(sandbox, path, data)


@LONG
@pytest.mark.parametrize("second", [PART * 8, PART * 16])
def test_killed_twice_then_resumed(sandbox: Any, proxy: KillProxy, tmp_path: Path, second: int) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    path = tmp_path / "clip.mp4"
    data = media_file(path, SIZE)
    env = cli_env(home, sandbox)
    _run(["upload", str(path)], env, proxy, HoldPoint(upload_bytes=PART * 4))
    _run(["queue", "resume"], env, proxy, HoldPoint(upload_bytes=second - PART * 4))
    _run(["queue", "resume"], env, proxy, None)
    assert [r["state"] for r in job_rows(home)] == ["done"]
    assert_uploaded_once(sandbox, path, data)


@LONG
@pytest.mark.parametrize("seed", range(5))
def test_kill_under_injected_faults(sandbox: Any, proxy: KillProxy, tmp_path: Path, seed: int) -> None:
    sandbox.state.update_faults({"error_rate": {"*": 0.08}, "drop_rate": {"UploadPart": 0.08}, "seed": seed})
    home = tmp_path / "home"
    small_parts_profile(home)
    path = tmp_path / "clip.mp4"
    data = media_file(path, SIZE, seed=seed)
    env = cli_env(home, sandbox)
    _run(["upload", str(path)], env, proxy, HoldPoint(upload_bytes=SIZE // 2))
    _run(["queue", "resume"], env, proxy, None)
    sandbox.state.update_faults({"error_rate": {}, "drop_rate": {}})
    assert_uploaded_once(sandbox, path, data)
