"""kill -9 a real `vodstudio upload` at ~50 %, `vodstudio queue resume`: same video, identical bytes.

Run against the lenient sandbox and the strict one (OSS V1 and HMAC-SHA1 refused, as for an account
opened today): the CLI signs ACS3 and OSS V4 either way.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.upload_helpers import (
    PART,
    PARTS_IN_FLIGHT,
    cli_env,
    json_events,
    make_profile,
    queue_bytes_done,
    start_cli,
)
from vodstudio.cloud.aliyun.client import VodClient

SIZE = 8 * 1024 * 1024 + 123


@pytest.mark.parametrize("sandbox_strict", [False, True], ids=["lenient", "strict"])
def test_sigkill_midway_then_resume(sandbox: Any, tmp_path: Path, sandbox_strict: bool) -> None:
    home = tmp_path / "home"
    make_profile(home)
    media = tmp_path / "media"
    media.mkdir()
    data = os.urandom(SIZE)
    (media / "big.mp4").write_bytes(data)
    env = cli_env(home, sandbox)
    endpoint = sandbox.info.vod_endpoint
    common = ["--endpoint", endpoint, "--json"]

    first = start_cli(["upload", str(media / "big.mp4"), "--limit-rate", "2M", *common], env)
    deadline = time.monotonic() + 60
    while queue_bytes_done(home) < SIZE // 2:
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "upload did not reach 50 %"
        time.sleep(0.05)
    recorded_at_kill = queue_bytes_done(home)
    first.send_signal(signal.SIGKILL)
    out_first, _ = first.communicate()
    sent_before_kill = max(
        [e["bytes_done"] for e in json_events(out_first) if e["event"] == "JobProgress"] + [recorded_at_kill]
    )

    second = start_cli(["queue", "resume", *common], env)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    events = json_events(out)
    progress = [e for e in events if e["event"] == "JobProgress"]
    resumed_from = progress[0]["bytes_done"]
    done = [e for e in events if e["event"] == "JobStateChanged" and e["state"] == "done"]
    assert len(done) == 1
    media_id = done[0]["media_id"]

    # Only the parts in flight at the kill are sent again.
    assert resumed_from >= recorded_at_kill
    resent = sent_before_kill - resumed_from
    print(f"\nre-sent after kill: {max(resent, 0)} bytes (bound {PARTS_IN_FLIGHT * PART})")
    assert resent <= PARTS_IN_FLIGHT * PART

    cfg = sandbox.state.config
    with VodClient(cfg.access_key_id, cfg.access_key_secret, endpoint=endpoint) as client:
        url = client.get_mezzanine_info(media_id, output_type="oss").file_url
        body = httpx.get(url, timeout=30).content
    assert ("x-oss-signature-version=OSS4-HMAC-SHA256" in url) is sandbox_strict
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(data).hexdigest()
    with sandbox.state.db() as conn:
        videos = conn.execute("SELECT media_id FROM media WHERE file_name LIKE '%big.mp4'").fetchall()
    assert [v[0] for v in videos] == [media_id]  # exactly one video for the file
