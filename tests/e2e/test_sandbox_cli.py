"""``vodstudio sandbox`` as a real subprocess: one JSON line when ready, state kept across restarts."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from aliyunsdkcore.client import AcsClient
from aliyunsdkvod.request.v20170321 import CreateUploadVideoRequest, RefreshUploadVideoRequest

COMMAND = [sys.executable, "-m", "vodstudio", "sandbox"]


def start(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [*COMMAND, "--port", "0", "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # pytest-timeout guards a sandbox that never gets ready
    if not line:
        stop(process)
        raise AssertionError("sandbox exited before printing its JSON line")
    return process, json.loads(line)


def stop(process: subprocess.Popen[str]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=15)
    finally:
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def call(info: dict[str, str], request: Any) -> dict[str, Any]:
    client = AcsClient(info["access_key_id"], info["access_key_secret"], info["region"], auto_retry=False)
    request.set_endpoint(info["vod_endpoint"].removeprefix("http://"))
    request.set_protocol_type("http")
    try:
        answer: dict[str, Any] = json.loads(client.do_action_with_exception(request))
    finally:
        client.session.close()
    return answer


def test_json_line_and_state_survive_a_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "sandbox"
    process, info = start(data_dir, "--seed-demo", "--credential-lifetime", "1200")
    try:
        expected = {
            "vod_endpoint",
            "oss_endpoint",
            "cdn_domain",
            "access_key_id",
            "access_key_secret",
            "bucket",
        }
        assert expected <= set(info)
        assert info["vod_endpoint"].startswith("http://127.0.0.1:")
        state = httpx.get(f"{info['vod_endpoint']}/_sandbox/state").json()
        assert state["config"]["upload_credential_lifetime"] == 1200
        assert "access_key_secret" not in state["config"]
        request = CreateUploadVideoRequest.CreateUploadVideoRequest()
        request.set_Title("survives a restart")
        request.set_FileName("restart.mp4")
        created = call(info, request)
    finally:
        assert stop(process) == 0
    process, info_again = start(data_dir)
    try:
        refresh = RefreshUploadVideoRequest.RefreshUploadVideoRequest()
        refresh.set_VideoId(created["VideoId"])
        again = call(info_again, refresh)
        assert again["VideoId"] == created["VideoId"]
        # Same object key and bucket; only the endpoint (a new port) differs between runs.
        old, new = (json.loads(base64.b64decode(a["UploadAddress"])) for a in (created, again))
        assert (new["Bucket"], new["FileName"]) == (old["Bucket"], old["FileName"])
        assert new["Endpoint"] == info_again["vod_endpoint"]
    finally:
        assert stop(process) == 0


def test_control_api_changes_faults_while_running(tmp_path: Path) -> None:
    process, info = start(tmp_path / "sandbox", "--error-rate", "CreateUploadVideo=1")
    try:
        base = info["vod_endpoint"]
        assert httpx.get(f"{base}/_sandbox/state").json()["faults"]["error_rate"] == {
            "CreateUploadVideo": 1.0
        }
        changed = httpx.post(f"{base}/_sandbox/faults", json={"error_rate": {}, "throttle_burst": 2}).json()
        assert changed["faults"]["throttle_burst"] == 2
        moved = httpx.post(f"{base}/_sandbox/clock", json={"advance": 90}).json()
        assert moved["clock_offset"] == 90
        assert httpx.post(f"{base}/_sandbox/config", json={"nonsense": 1}).status_code == 400
    finally:
        assert stop(process) == 0


def test_non_loopback_host_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [*COMMAND, "--host", "0.0.0.0", "--data-dir", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--allow-remote" in result.stderr
    assert result.stdout == ""


def test_reject_legacy_signatures_option(tmp_path: Path) -> None:
    """`vodstudio sandbox --reject-legacy-signatures`: the legacy SDK is refused, our CLI (ACS3 + OSS V4)
    uploads, and a CLI run told to sign HMAC-SHA1 fails once with what to change."""
    process, info = start(tmp_path / "sandbox", "--reject-legacy-signatures")
    try:
        state = httpx.get(f"{info['vod_endpoint']}/_sandbox/state").json()
        assert state["config"]["reject_legacy_signatures"] is True
        request = CreateUploadVideoRequest.CreateUploadVideoRequest()
        request.set_Title("legacy")
        request.set_FileName("legacy.mp4")
        try:
            call(info, request)
        except Exception as exc:  # aliyunsdkcore's ServerException
            assert "IncompleteSignature" in str(exc)
        else:
            raise AssertionError("HMAC-SHA1 was accepted in strict mode")
        clip = tmp_path / "clip.mp4"
        clip.write_bytes(os.urandom(300 * 1024))
        env = {
            **os.environ,
            "VODSTUDIO_HOME": str(tmp_path / "home"),
            "ALIBABA_CLOUD_ACCESS_KEY_ID": info["access_key_id"],
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET": info["access_key_secret"],
        }
        upload = [sys.executable, "-m", "vodstudio", "upload", str(clip), "--endpoint", info["vod_endpoint"]]
        done = subprocess.run(upload, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        legacy = subprocess.run(
            [*upload, "--signature", "hmac-sha1"], env=env, capture_output=True, text=True, timeout=120
        )
        assert legacy.returncode != 0
        output = legacy.stdout + legacy.stderr
        assert "signature.refused" in output and "ACS3-HMAC-SHA256" in output and "RequestId" in output
    finally:
        stop(process)


def test_link_option_emulates_a_slow_link(tmp_path: Path) -> None:
    """`vodstudio sandbox --link ...`: the spec is live at start, reported by the control API, and a bad
    spec is refused with a sentence before anything listens."""
    process, info = start(tmp_path / "sandbox", "--link", "rtt=80ms,per-conn=2MB/s,total=40MB/s")
    try:
        link = httpx.get(f"{info['vod_endpoint']}/_sandbox/link").json()
        assert (link["rtt_ms"], link["per_conn_bps"], link["total_bps"]) == (80, 2e6, 40e6)
    finally:
        assert stop(process) == 0
    bad = subprocess.run([*COMMAND, "--data-dir", str(tmp_path / "b"), "--link", "rtt=fast"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert bad.returncode == 2
    assert "--link" in bad.stderr and "not a duration" in bad.stderr
