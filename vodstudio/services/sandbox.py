"""The embedded sandbox for ``--sandbox`` and the welcome view: start it, register its two accounts.

It runs in strict mode (``reject_legacy_signatures``), like an account opened today. The sandbox
keeps its ports between runs when it can, so queued uploads (whose checkpoints name the endpoint)
resume against the same address. Blocking: the GUI calls ``start`` on a worker thread.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import TYPE_CHECKING

from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting
from vodstudio.services.accounts import AccountsService
from vodstudio.services.settings import SettingsService
from vodstudio.store.paths import ProfilePaths

if TYPE_CHECKING:  # the sandbox package is imported only when a sandbox is started
    from vodstudio.sandbox.server import Sandbox, SandboxInfo
    from vodstudio.sandbox.state import SandboxConfig

log = logging.getLogger(__name__)

ALIYUN_NAME = "Sandbox"
HUAWEI_NAME = "Sandbox (Huawei)"


class SandboxService:
    def __init__(self, paths: ProfilePaths, accounts: AccountsService, settings: SettingsService) -> None:
        self._paths = paths
        self._accounts = accounts
        self._settings = settings
        self._lock = threading.Lock()
        self._running: Sandbox | None = None

    @property
    def running(self) -> Sandbox | None:
        return self._running

    def start(self, *, seed_demo: bool = True, config: SandboxConfig | None = None) -> str:
        """Start the sandbox in the profile folder (once); return the Alibaba account's name."""
        from vodstudio.sandbox.server import Sandbox
        from vodstudio.sandbox.state import SandboxConfig

        with self._lock:
            if self._running is None:
                folder = self._paths.sandbox_dir
                ports_file = folder / "ports.json"
                # The app's own sandbox is strict, like an account opened today: every GUI path and
                # demo runs on OSS V4 and ACS3 signatures, never on what new accounts refuse.
                base = config or SandboxConfig(reject_legacy_signatures=True)
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
                self._running = box
                port = int(box.info.vod_endpoint.rsplit(":", 1)[1])
                cdn = int(box.info.cdn_domain.rsplit(":", 1)[1])
                ports_file.write_text(json.dumps({"port": port, "cdn": cdn}), "utf-8")
            info = self._running.info
        return self.ensure_accounts(info)

    def ensure_accounts(self, info: SandboxInfo, *, activate: bool = True) -> str:
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
        self._accounts.save(aliyun, info.access_key_secret)
        self._accounts.save(huawei, info.huawei_sk)
        if activate:
            self._accounts.set_active(ALIYUN_NAME)
        self._settings.set_cdn_domain(ALIYUN_NAME, info.cdn_domain)
        return ALIYUN_NAME

    def stop(self) -> None:
        with self._lock:
            box, self._running = self._running, None
        if box is not None:
            try:
                box.stop()
            except Exception:  # shutting down anyway; a stuck server must not block exit
                log.exception("sandbox stop failed")
