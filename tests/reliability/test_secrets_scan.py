"""After a full run, the sandbox's keys and every STS credential it issued appear nowhere we wrote.

Scanned: the profile (databases with their WAL, settings, accounts, logs at DEBUG), the temporary
folder the process used, its output, and its command line as the OS shows it while it runs.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.e2e.upload_helpers import cli_env, start_cli
from tests.reliability.helpers import (
    PART,
    assert_uploaded_once,
    media_file,
    run_cli,
    small_parts_profile,
    use_sandbox_credentials,
)

_B64 = re.compile(rb"[A-Za-z0-9+/_-]{24,}={0,2}")


def issued_secrets(box: Any) -> set[str]:
    cfg = box.state.config
    found = {cfg.access_key_secret, cfg.huawei_sk}
    with box.state.db() as conn:
        for row in conn.execute("SELECT secret, token FROM sts_credentials"):
            found.update({str(row["secret"]), str(row["token"])})
    assert len(found) >= 4, "the run issued no upload credential: nothing was tested"
    return {s for s in found if s}


def leaks(blob: bytes, secrets: set[str], where: str) -> list[str]:
    """Every secret in ``blob``: literally, percent-encoded, or inside a base64 run (UploadAuth)."""
    found = []
    for secret in secrets:
        for form in {secret, quote(secret, safe="")}:
            if form.encode() in blob:
                found.append(f"{where}: {secret[:6]}...")
    for match in _B64.finditer(blob):
        run = match.group(0)
        try:
            decoded = base64.b64decode(run + b"=" * (-len(run) % 4), altchars=b"-_" if b"-" in run else None)
        except (binascii.Error, ValueError):
            continue
        found += [f"{where} (base64): {s[:6]}..." for s in secrets if s.encode() in decoded]
    return found


def scan_tree(root: Path, secrets: set[str]) -> list[str]:
    found: list[str] = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found += leaks(path.read_bytes(), secrets, str(path.relative_to(root)))
    return found


def test_no_secret_in_profile_temp_files_output_or_arguments(sandbox: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    small_parts_profile(home)
    temp = tmp_path / "tmp"
    temp.mkdir()
    sandbox.state.update_config({"upload_credential_lifetime": 3})  # several credentials per upload
    media = tmp_path / "media"
    media.mkdir()
    big = media_file(media / "big.mp4", 30 * PART)
    small = media_file(media / "small.mp4", 5000, seed=2)
    env = {**cli_env(home, sandbox), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    proc = start_cli(
        ["upload", str(media), "--limit-rate", "1M", "--endpoint", sandbox.info.vod_endpoint], env
    )
    arguments: list[bytes] = []
    while proc.poll() is None:
        try:
            arguments.append(Path(f"/proc/{proc.pid}/cmdline").read_bytes())
        except OSError:
            break
        time.sleep(0.2)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    secrets = issued_secrets(sandbox)
    found = scan_tree(home, secrets) + scan_tree(temp, secrets)
    found += leaks(out.encode() + err.encode(), secrets, "output")
    found += leaks(b"\n".join(arguments), secrets, "command line")
    assert found == [], found
    assert_uploaded_once(sandbox, media / "big.mp4", big)
    assert_uploaded_once(sandbox, media / "small.mp4", small)


def test_no_secret_in_debug_logs(
    sandbox: Any,
    tmp_path: Path,
    profile_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from vodstudio.store.logs import setup_logging
    from vodstudio.store.paths import ProfilePaths

    small_parts_profile(profile_home)
    sandbox.state.update_config({"upload_credential_lifetime": 2})
    sandbox.state.update_faults({"error_rate": {"UploadPart": 0.2}, "seed": 3})  # errors get logged too
    data = media_file(tmp_path / "clip.mp4", 20 * PART)
    log_file = setup_logging(ProfilePaths.default().ensure(), level=logging.DEBUG)
    try:
        status, _events, err = run_cli(
            ["upload", str(tmp_path / "clip.mp4"), "--limit-rate", "1M", *use_sandbox_credentials(
                sandbox, monkeypatch)], capsys)  # fmt: skip
    finally:
        logger = logging.getLogger("vodstudio")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        logger.setLevel(logging.NOTSET)
    assert status == 0, err
    assert log_file.stat().st_size > 0
    secrets = issued_secrets(sandbox)
    assert scan_tree(profile_home, secrets) == []
    assert leaks(err.encode(), secrets, "stderr") == []
    assert_uploaded_once(sandbox, tmp_path / "clip.mp4", data)


def test_the_scan_finds_every_form_it_looks_for() -> None:
    secret = "Sandbox+Secret/0123=="
    blob_auth = base64.b64encode(json.dumps({"AccessKeySecret": secret}).encode())
    for blob in (secret.encode(), quote(secret, safe="").encode(), b"x " + blob_auth + b" y"):
        assert leaks(blob, {secret}, "here"), blob
    assert leaks(b"nothing to see", {secret}, "here") == []
