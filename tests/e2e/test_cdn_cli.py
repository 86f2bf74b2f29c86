"""`vodstudio cdn ...` as a real subprocess against the sandbox, for Alibaba and for Huawei."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

Creds = tuple[dict[str, str], list[str]]


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "vodstudio", "cdn", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def aliyun(sandbox: Any) -> Creds:
    env = {
        "ALIBABA_CLOUD_ACCESS_KEY_ID": sandbox.info.access_key_id,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET": sandbox.info.access_key_secret,
    }
    return env, ["--endpoint", sandbox.info.vod_endpoint]


@pytest.fixture
def huawei(sandbox: Any) -> Creds:
    env = {
        "HUAWEICLOUD_SDK_AK": sandbox.info.huawei_ak,
        "HUAWEICLOUD_SDK_SK": sandbox.info.huawei_sk,
        "HUAWEICLOUD_SDK_PROJECT_ID": sandbox.info.huawei_project_id,
    }
    return env, ["--provider", "huawei", "--endpoint", sandbox.info.huawei_endpoint]


def test_aliyun_quota_refresh_status(sandbox: Any, aliyun: Creds, tmp_path: Path) -> None:
    env, opts = aliyun
    domain = sandbox.info.cdn_domain
    quota = run_cli(["quota", "--json", *opts], env)
    assert quota.returncode == 0, quota.stderr
    assert json.loads(quota.stdout)["quota"]["refresh_url"] == {"remaining": 2000, "limit": 2000}

    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two more\nhttp://{domain}/b.mp4\n\nhttp://{domain}/c.mp4\n")
    refresh = run_cli(
        ["refresh", f"http://{domain}/a.mp4", "--from-file", str(listing), "--json", *opts], env
    )
    assert refresh.returncode == 0, refresh.stderr
    doc = json.loads(refresh.stdout)
    assert [s["item"] for s in doc["submitted"]] == [f"http://{domain}/{n}.mp4" for n in "abc"]
    assert doc["deferred"] == []
    assert doc["quota_before"]["quota"]["refresh_url"]["remaining"] == 2000

    status = run_cli(["status", "--json", doc["task_ids"][0], *opts], env)
    assert status.returncode == 0, status.stderr
    tasks = json.loads(status.stdout)["tasks"]
    assert {t["item"] for t in tasks} == {s["item"] for s in doc["submitted"]}

    text = run_cli(["quota", *opts], env)
    assert "refresh_url: 1997 of 2000 left today" in text.stdout


def test_aliyun_service_error_exit_1_with_request_id(sandbox: Any, aliyun: Creds) -> None:
    env, opts = aliyun
    bad = run_cli(["refresh", "http://not-our-domain.example/a.mp4", *opts], env)
    assert bad.returncode == 1
    assert "InvalidDomain.NotFound" in bad.stderr
    assert "RequestId" in bad.stderr
    wrong = run_cli(["quota", *opts], {**env, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "wrong"})
    assert wrong.returncode == 1
    assert "SignatureDoesNotMatch" in wrong.stderr
    assert "wrong" not in wrong.stderr


def test_huawei_prefetch_status_quota(sandbox: Any, huawei: Creds) -> None:
    env, opts = huawei
    url = f"{sandbox.info.huawei_endpoint}/asset/demo/play.mp4"
    prefetch = run_cli(["prefetch", url, "--json", *opts], env)
    assert prefetch.returncode == 0, prefetch.stderr
    doc = json.loads(prefetch.stdout)
    assert len(doc["task_ids"]) == 1
    assert doc["quota_before"]["known"] is False

    status = run_cli(["status", "--json", *opts], env)
    assert status.returncode == 0, status.stderr
    tasks = json.loads(status.stdout)["tasks"]
    assert [t["task_id"] for t in tasks] == doc["task_ids"]
    assert tasks[0]["kind"] == "prefetch"

    quota = run_cli(["quota", "--json", *opts], env)
    assert json.loads(quota.stdout)["quota"]["prefetch"] == {"remaining": 999, "limit": 1000}

    by_id = run_cli(["status", doc["task_ids"][0], *opts], env)
    assert by_id.returncode == 0, by_id.stderr
    assert doc["task_ids"][0] in by_id.stdout

    no_dirs = run_cli(["refresh", "--dir", f"{url}/", *opts], env)
    assert no_dirs.returncode == 1
    assert "cannot do refresh_dir" in no_dirs.stderr


def test_huawei_wrong_sk_is_an_auth_error(sandbox: Any, huawei: Creds) -> None:
    env, opts = huawei
    result = run_cli(["refresh", "http://x.example/a.mp4", *opts], {**env, "HUAWEICLOUD_SDK_SK": "nope"})
    assert result.returncode == 1
    assert "APIGW.0301" in result.stderr
