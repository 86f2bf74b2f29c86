"""Shared sandbox state: configuration, fault knobs, the clock, the database and id minting."""

from __future__ import annotations

import collections
import datetime as dt
import json
import secrets
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from vodstudio.sandbox.link import LinkEmulator
from vodstudio.sandbox.schema import SCHEMA, SCHEMA_VERSION

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Fixed demo identities: stable across restarts so a stored sandbox account keeps working.
DEFAULT_ACCESS_KEY_ID = "LTAI5tSandboxDemoKey"
DEFAULT_ACCESS_KEY_SECRET = "SandboxDemoSecret0123456789abcd"
DEFAULT_HUAWEI_AK = "HWSANDBOXDEMOAK000001"
DEFAULT_HUAWEI_SK = "HwSandboxDemoSecretKey0123456789abcdefgh"
DEFAULT_HUAWEI_PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
DEFAULT_BUCKET = "outin-5a1dbe0c8f5011e8a4a500163e1c35d5"
REGION = "cn-shanghai"  # the one region the sandbox imitates (its OSS V4 signing region too)


@dataclass
class FaultConfig:
    """Fault injection, changeable while the sandbox runs (in-process or via POST /_sandbox/faults).

    ``error_rate`` maps an operation name (a VOD Action such as ``CreateUploadVideo``, or an OSS
    operation: ``PutObject``, ``InitiateMultipartUpload``, ``UploadPart``, ``ListParts``,
    ``CompleteMultipartUpload``, ``AbortMultipartUpload``, ``GetObject``, ``HeadObject``, or ``*`` for
    all) to a probability of answering 503 ServiceUnavailable / InternalError.
    ``drop_rate`` is the probability of closing the connection mid-body (after reading part of a
    request body, or after sending part of a response body).
    ``throttle_burst`` answers the next N API calls with Throttling (a burst), counting down.
    """

    error_rate: dict[str, float] = field(default_factory=dict)
    drop_rate: dict[str, float] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    throttle_burst: int = 0
    seed: int | None = None
    # Hostile servers (see sandbox/wire_faults.py): operation -> setting.
    redirect: dict[str, str] = field(default_factory=dict)
    redirect_status: int = 307
    stall_s: dict[str, float] = field(default_factory=dict)
    trickle_s: dict[str, float] = field(default_factory=dict)
    hostile: dict[str, str] = field(default_factory=dict)

    def rate(self, table: dict[str, float], operation: str) -> float:
        return table.get(operation, table.get("*", 0.0))


@dataclass
class SandboxConfig:
    """Behaviour knobs. All durations are seconds on the sandbox clock."""

    host: str = "127.0.0.1"
    port: int = 0  # API + OSS (+ Huawei) port; the CDN listens on its own port
    cdn_port: int = 0
    access_key_id: str = DEFAULT_ACCESS_KEY_ID
    access_key_secret: str = DEFAULT_ACCESS_KEY_SECRET
    huawei_ak: str = DEFAULT_HUAWEI_AK
    huawei_sk: str = DEFAULT_HUAWEI_SK
    huawei_project_id: str = DEFAULT_HUAWEI_PROJECT_ID
    bucket: str = DEFAULT_BUCKET
    upload_credential_lifetime: float = 3000.0
    # Media lifecycle: Uploading -> (complete) -> UploadSucc -> Transcoding -> Normal
    upload_succ_delay: float = 1.0  # UploadSucc observable this long before Transcoding starts
    transcode_delay: float = 3.0  # Transcoding lasts this long
    # A video whose title contains this text ends in TranscodeFail instead of Normal ('' = none do).
    transcode_fail_title: str = ""
    url_pull_delay: float = 1.0  # each UploadMediaByURL phase
    cdn_task_delay: float = 2.0  # Refreshing -> Complete
    huawei_task_delay: float = 2.0  # processing -> succeed/failed
    timestamp_tolerance: float = 900.0  # 15 minutes
    # Ingest limit for one connection in bytes/s (0 = unlimited); used by benchmarks and rate tests.
    ingest_limit: float = 0.0
    # Behave like an account created after 2025-09: OSS refuses V1 signatures (403, EC 0002-00000080),
    # the API gateway refuses HMAC-SHA1, and the sandbox's own presigned URLs are OSS V4.
    reject_legacy_signatures: bool = False

    def public_dict(self) -> dict[str, Any]:
        return asdict(self)


class SandboxState:
    """Everything handlers share. Thread-safe: database access goes through ``db()``."""

    def __init__(self, data_dir: Path, config: SandboxConfig) -> None:
        self.data_dir = data_dir
        self.config = config
        self.faults = FaultConfig()
        # How many error answers were injected per operation (tests prove a fault really happened).
        self.injected: collections.Counter[str] = collections.Counter()
        self.clock_offset = 0.0  # seconds added to business time (tests jump ahead to a quota reset)
        self.skew = 0.0  # the server's wall clock minus the real one (clock-skew tests): Date, Timestamp
        self.objects_dir = data_dir / "objects"
        self.parts_dir = data_dir / "parts"
        self.logs_dir = data_dir / "cdn-logs"
        for folder in (self.objects_dir, self.parts_dir, self.logs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            data_dir / "sandbox.sqlite3", check_same_thread=False, isolation_level=None
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(SCHEMA)
        self._conn.execute(
            # The script only adds (IF NOT EXISTS), so an older data folder is now at this version too.
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION),),
        )
        self.random = secrets.SystemRandom()
        self.link = LinkEmulator()  # rtt, per-connection and total rate of OSS connections (link.py)
        self.stopping = threading.Event()  # set on stop: stalled and trickling answers give up
        self._used_nonces: dict[str, float] = {}
        # Filled in by the server once it listens: base URLs clients must use.
        self.vod_endpoint = ""  # http://127.0.0.1:PORT  (VOD RPC, OSS path-style, Huawei, admin)
        self.cdn_domain = ""  # 127.0.0.1:CDNPORT     (what VOD calls the domain name)

    # ---- clock -------------------------------------------------------------------------------
    def wall(self) -> float:
        """The server's wall clock: what its ``Date`` says and what signed timestamps are checked against."""
        return time.time() + self.skew

    def now(self) -> float:
        return self.wall() + self.clock_offset

    def shanghai_day(self, at: float | None = None) -> str:
        moment = dt.datetime.fromtimestamp(self.now() if at is None else at, tz=SHANGHAI)
        return moment.strftime("%Y-%m-%d")

    @staticmethod
    def iso(ts: float) -> str:
        return dt.datetime.fromtimestamp(ts, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    @staticmethod
    def parse_iso(text: str) -> float:
        """Parse ``YYYY-MM-DDThh:mm:ssZ`` (also with fractional seconds or ``+00:00``)."""
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.timestamp()

    # ---- database ----------------------------------------------------------------------------
    @contextmanager
    def db(self) -> Iterator[sqlite3.Connection]:
        """Serialised access to the database; one ``with`` block is one transaction."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # ---- ids ---------------------------------------------------------------------------------
    @staticmethod
    def new_request_id() -> str:
        return str(uuid.uuid4()).upper()

    @staticmethod
    def new_media_id() -> str:
        return uuid.uuid4().hex

    def new_numeric_id(self, digits: int = 11) -> str:
        return str(self.random.randrange(10 ** (digits - 1), 10**digits))

    def remember_nonce(self, nonce: str) -> bool:
        """Record a SignatureNonce; False if it was already used within the tolerance window."""
        now = time.monotonic()
        with self._lock:
            if len(self._used_nonces) > 50_000:
                horizon = now - self.config.timestamp_tolerance
                self._used_nonces = {k: v for k, v in self._used_nonces.items() if v > horizon}
            if nonce in self._used_nonces:
                return False
            self._used_nonces[nonce] = now
            return True

    # ---- runtime control ---------------------------------------------------------------------
    def update_faults(self, changes: dict[str, Any]) -> FaultConfig:
        allowed = {f.name for f in fields(FaultConfig)}
        with self._lock:
            for key, value in changes.items():
                if key not in allowed:
                    raise ValueError(f"unknown fault setting {key!r}")
                setattr(self.faults, key, value)
            if "seed" in changes and changes["seed"] is not None:
                self.random = _SeededRandom(int(changes["seed"]))
            return self.faults

    def update_config(self, changes: dict[str, Any]) -> SandboxConfig:
        allowed = {f.name for f in fields(SandboxConfig)} - {"host", "port", "cdn_port"}
        with self._lock:
            for key, value in changes.items():
                if key not in allowed:
                    raise ValueError(f"unknown or read-only setting {key!r}")
                current = getattr(self.config, key)
                if isinstance(current, bool) and not isinstance(value, bool):
                    raise ValueError(f"{key} takes true or false")  # bool("false") would be True
                setattr(self.config, key, type(current)(value))
            return self.config

    def describe(self) -> str:
        return json.dumps({"config": self.config.public_dict(), "faults": asdict(self.faults)})


class _SeededRandom(secrets.SystemRandom):
    """A reproducible random source for fault injection in tests (``seed`` set)."""

    def __init__(self, seed: int) -> None:
        import random

        self._inner = random.Random(seed)

    def random(self) -> float:
        return self._inner.random()

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        return self._inner.randrange(start, stop, step)
