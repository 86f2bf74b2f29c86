"""The embedded sandbox for ``--sandbox`` and the welcome view: start it, register its two accounts.

No Qt here: it runs on a worker thread. The sandbox keeps its ports between runs when it can, so
queued uploads (whose checkpoints name the endpoint) resume against the same address.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting
from vodstudio.store.settings import save_settings

log = logging.getLogger(__name__)

ALIYUN_NAME = "Sandbox"
HUAWEI_NAME = "Sandbox (Huawei)"

_lock = threading.Lock()
_running: Any = None  # the one embedded Sandbox of this process


def running_sandbox() -> Any:
    return _running


def start_embedded_sandbox(services: Any, *, seed_demo: bool = True, config: Any = None) -> str:
    """Start (once per process) the sandbox in the profile folder; return the Alibaba account name."""
    global _running
    from vodstudio.sandbox.server import Sandbox
    from vodstudio.sandbox.state import SandboxConfig

    with _lock:
        if _running is None:
            folder = services.paths.sandbox_dir
            ports_file = folder / "ports.json"
            base = config or SandboxConfig()
            try:
                last = json.loads(ports_file.read_text("utf-8"))
                wanted = SandboxConfig(
                    **{**base.public_dict(), "port": last["port"], "cdn_port": last["cdn"]}
                )
            except (OSError, ValueError, KeyError, TypeError):
                wanted = base
            try:
                box = Sandbox(folder, wanted, seed_demo=seed_demo)
                box.start()
            except OSError:  # last run's ports are taken: any free ones will do
                box = Sandbox(folder, base, seed_demo=seed_demo)
                box.start()
            _running = box
            port = int(box.info.vod_endpoint.rsplit(":", 1)[1])
            cdn = int(box.info.cdn_domain.rsplit(":", 1)[1])
            ports_file.write_text(json.dumps({"port": port, "cdn": cdn}), "utf-8")
        info = _running.info
    return ensure_sandbox_accounts(services, info)


def ensure_sandbox_accounts(services: Any, info: Any, *, activate: bool = True) -> str:
    """Create or refresh the sandbox accounts for ``info`` (endpoints change when ports do)."""
    direct = ProxySetting(ProxyMode.NONE)  # loopback must never go through a system proxy
    aliyun = Account(
        name=ALIYUN_NAME,
        provider=Provider.ALIYUN,
        region=info.region,
        access_key_id=info.access_key_id,
        endpoint=info.vod_endpoint,
        proxy=direct,
        is_sandbox=True,
    )
    huawei = Account(
        name=HUAWEI_NAME,
        provider=Provider.HUAWEI,
        region="cn-north-4",
        access_key_id=info.huawei_ak,
        endpoint=info.huawei_endpoint,
        project_id=info.huawei_project_id,
        proxy=direct,
        is_sandbox=True,
    )
    services.accounts.save(aliyun, info.access_key_secret)
    services.accounts.save(huawei, info.huawei_sk)
    if activate:
        services.accounts.set_active(ALIYUN_NAME)
    settings = services.settings
    settings.cdn_domains = {**settings.cdn_domains, ALIYUN_NAME: info.cdn_domain}
    save_settings(services.paths, settings)
    return ALIYUN_NAME


def stop_embedded_sandbox() -> None:
    global _running
    with _lock:
        if _running is not None:
            try:
                _running.stop()
            except Exception:  # shutting down anyway; a stuck server must not block exit
                log.exception("sandbox stop failed")
            _running = None
