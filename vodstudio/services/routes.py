"""Upload acceleration per account and per upload, and a probe that picks the faster route per network."""

from __future__ import annotations

import enum
import hashlib
import json
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from vodstudio.cloud.http import requests_proxies
from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.core.jobs import JobMetadata
from vodstudio.services.accounts import AccountsService
from vodstudio.store.plays_db import RouteChoice as RouteChoice  # part of this service's surface
from vodstudio.store.plays_db import RouteTable
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.oss_session import OssSession, oss_error

log = logging.getLogger("vodstudio.services.routes")

ACCELERATE_DOMAIN = "https://oss-accelerate.aliyuncs.com"
ACCELERATE_CONFIG = {"Type": "oss", "Domain": ACCELERATE_DOMAIN}
SAMPLE_BYTES = 2 * 1024 * 1024
NORMAL = "normal"
ACCELERATED = "accelerated"


class RouteMode(enum.StrEnum):
    OFF = "off"  # the normal endpoint
    ON = "on"  # always accelerate (billed per GB by Alibaba)
    AUTO = "auto"  # what the speed test chose for the network the computer is on


@dataclass(frozen=True)
class ProbeResult:
    choice: RouteChoice

    @property
    def ratio(self) -> float:
        """How many times faster the chosen route was (1.0 when both were equal)."""
        slow = min(self.choice.normal_bps, self.choice.accelerated_bps)
        fast = max(self.choice.normal_bps, self.choice.accelerated_bps)
        return fast / slow if slow > 0 else 1.0


def current_network() -> str:
    """A short hash of the default gateway and the local address (no traffic sent; nothing stored raw).

    Another Wi-Fi, a VPN or a tethered phone changes it, so a route measured at the office is not used
    at home.
    """
    gateway = ""
    try:
        for line in Path("/proc/net/route").read_text().splitlines()[1:]:
            cols = line.split()
            if len(cols) > 2 and cols[1] == "00000000":
                gateway = cols[2]
                break
    except OSError:
        pass  # not Linux: the local address alone names the network
    local = ""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: a UDP connect picks the route, sends nothing
            local = probe.getsockname()[0]
    except OSError:
        local = "offline"
    return hashlib.blake2b(f"{gateway}|{local}".encode(), digest_size=8).hexdigest()


def with_acceleration(user_data: str, accelerate: bool) -> str:
    """``user_data`` (a JSON object or '') with ``AccelerateConfig`` added or taken out."""
    try:
        data = json.loads(user_data) if user_data.strip() else {}
    except json.JSONDecodeError as exc:
        raise ConfigError("UserData must be a JSON object", code="config.user-data") from exc
    if not isinstance(data, dict):
        raise ConfigError("UserData must be a JSON object", code="config.user-data")
    data.pop("AccelerateConfig", None)
    if accelerate:
        data["AccelerateConfig"] = ACCELERATE_CONFIG
    return json.dumps(data, separators=(",", ":")) if data else ""


class RoutesService:
    """Which route an account's uploads take, and the speed test that decides it per network."""

    def __init__(
        self, queue: QueueDb, accounts: AccountsService, *, network: Callable[[], str] = current_network
    ) -> None:
        self._accounts = accounts
        self.table = RouteTable(queue.database)
        self.network = network

    def mode(self, account: str) -> RouteMode:
        try:
            return RouteMode(self.table.mode(account))
        except ValueError:
            return RouteMode.OFF

    def set_mode(self, account: str, mode: RouteMode) -> None:
        self.table.set_mode(account, RouteMode(mode).value)

    def choice(self, account: str) -> RouteChoice | None:
        """The speed test's result for this network, if it ran here."""
        return self.table.choice(account, self.network())

    def accelerate(self, account: str, override: bool | None = None) -> bool:
        """Whether the next upload accelerates: the per-upload ``override`` wins over the account mode."""
        if override is not None:
            return override
        mode = self.mode(account)
        if mode is RouteMode.AUTO:
            found = self.choice(account)
            return found is not None and found.route == ACCELERATED
        return mode is RouteMode.ON

    def apply(self, account: str, metadata: JobMetadata, override: bool | None = None) -> JobMetadata:
        """The metadata with this upload's route written into its UserData (VOD reads it there)."""
        accelerate = self.accelerate(account, override)
        if not accelerate and "AccelerateConfig" not in metadata.user_data:
            return metadata
        return replace(metadata, user_data=with_acceleration(metadata.user_data, accelerate))

    # ---- the speed test -------------------------------------------------------------------------
    def probe(self, account: str, *, sample_bytes: int = SAMPLE_BYTES) -> ProbeResult:
        """Send the same sample over both routes; remember the faster one for this network.

        Each route gets a video record (deleted afterwards) and a multipart upload whose parts are
        aborted: no object is ever completed, so nothing remains and nothing is transcoded.
        """
        sample = os.urandom(sample_bytes)
        normal = self._measure(account, sample, accelerate=False)
        accelerated = self._measure(account, sample, accelerate=True)
        route = ACCELERATED if accelerated > normal else NORMAL
        choice = RouteChoice(account, self.network(), route, normal, accelerated, time.time())
        self.table.remember(choice)
        return ProbeResult(choice)

    def _measure(self, account: str, sample: bytes, *, accelerate: bool) -> float:
        client = self._accounts.vod_client(account)
        ticket = client.create_upload_video(
            "VOD Studio speed test",
            "vodstudio-speed-test.mp4",
            file_size=len(sample),
            user_data=with_acceleration("", accelerate) or None,
        )
        session = OssSession(pool_size=4, proxies=requests_proxies(self._accounts.get(account).proxy))
        try:
            bucket = session.bucket(ticket.address, ticket.auth)
            key = ticket.address.file_name
            upload_id = bucket.init_multipart_upload(key).upload_id
            started = time.perf_counter()
            try:
                bucket.upload_part(key, upload_id, 1, sample)
                elapsed = time.perf_counter() - started
            finally:
                bucket.abort_multipart_upload(key, upload_id)
        except VodStudioError:
            raise
        except Exception as exc:  # oss2 raises its own types: turned into ours with a stable code
            raise oss_error(exc) from exc
        finally:
            session.close()
            try:
                client.delete_video([ticket.media_id])
            except VodStudioError as exc:
                log.warning("speed test video %s was not deleted: %s", ticket.media_id, exc.code)
        return len(sample) / max(elapsed, 1e-6)
