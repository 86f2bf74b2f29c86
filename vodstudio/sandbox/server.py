"""The sandbox's two loopback HTTP servers (API/OSS/Huawei/admin and CDN) and their routing."""

from __future__ import annotations

import contextlib
import importlib
import logging
import socket
import struct
import sys
import threading
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any
from urllib.parse import urlsplit

from vodstudio.sandbox import wire_faults
from vodstudio.sandbox.httputil import DropConnection, send_json
from vodstudio.sandbox.state import SandboxConfig, SandboxState

log = logging.getLogger(__name__)

REGION = "cn-shanghai"


@dataclass(frozen=True)
class SandboxInfo:
    """Everything a client needs to talk to a running sandbox (printed by ``vodstudio sandbox``)."""

    vod_endpoint: str
    oss_endpoint: str
    cdn_domain: str
    cdn_base_url: str
    access_key_id: str
    access_key_secret: str
    region: str
    bucket: str
    huawei_endpoint: str
    huawei_ak: str
    huawei_sk: str
    huawei_project_id: str

    def as_dict(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}


def optional_module(name: str) -> ModuleType | None:
    """Import a teammate's module, or None while it does not exist yet (any other failure raises)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        log.warning("sandbox module %s is not available; its routes answer 404", name)
        return None


class _ApiServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        state: SandboxState,
        route: str = "normal",
    ):
        self.state = state
        self.route = route  # which upload route this listener imitates (sandbox/routes.py)
        self.stopped = False  # set before the state closes: kept-alive sockets must not reach it
        super().__init__(address, handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client closing its keep-alive socket is normal; anything else is worth a log line."""
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            log.debug("connection from %s ended: %s", client_address, exc)
        else:
            log.exception("sandbox connection from %s failed", client_address)


class SandboxRequestHandler(BaseHTTPRequestHandler):
    """Keep-alive handler that routes to the RPC, OSS, Huawei and admin surfaces."""

    protocol_version = "HTTP/1.1"
    server_version = "AliyunOSS"
    sys_version = ""
    timeout = 120  # an idle keep-alive connection gives its thread back eventually
    server: _ApiServer
    responded = False

    def send_response(self, code: int, message: str | None = None) -> None:
        self.responded = True
        super().send_response(code, message)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def date_time_string(self, timestamp: float | None = None) -> str:
        """``Date`` on the sandbox clock: clients learn the server's time from it, skewed or not."""
        return super().date_time_string(self.server.state.wall() if timestamp is None else timestamp)

    def _route(self) -> None:
        self.responded = False
        if self.server.stopped:
            self.close_connection = True
            return
        state = self.server.state
        path = urlsplit(self.path).path
        try:
            if path.startswith("/_sandbox/"):
                from vodstudio.sandbox import admin

                admin.handle(state, self)
            elif path.startswith(("/v1/", "/v1.0/")):
                huawei = optional_module("vodstudio.sandbox.huawei")
                if huawei is None:
                    send_json(self, 404, {"error_code": "APIGW.0101", "error_msg": "huawei sandbox missing"})
                else:
                    huawei.handle(state, self)
            elif path == "/":
                from vodstudio.sandbox import rpc_dispatch

                rpc_dispatch.handle(state, self)
            else:
                from vodstudio.sandbox import oss, routes

                length = int(self.headers.get("Content-Length") or 0)
                routes.on_oss_request(
                    state, self.server.route, self.command, urlsplit(self.path).query, length
                )
                oss.handle(state, self)
        except DropConnection:
            self._drop()
        except wire_faults.Answered:
            self.close_connection = True
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception:
            log.exception("sandbox handler failed: %s %s", self.command, self.path)
            self._fail()

    def _drop(self) -> None:
        """Close the socket abruptly: the client sees a reset or an incomplete answer."""
        self.close_connection = True
        with contextlib.suppress(OSError):  # linger 0: a reset, not a polite FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def _fail(self) -> None:
        self.close_connection = True
        if self.responded:
            return  # mid-answer: closing the socket is all that is left
        with contextlib.suppress(OSError):
            send_json(self, 500, {"Code": "InternalError", "Message": "The request processing has failed."})

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _route  # noqa: N815 - stdlib names


class Sandbox:
    """A running imitation of VOD + OSS + CDN + Huawei VOD CDN on loopback ports."""

    def __init__(self, data_dir: Path, config: SandboxConfig | None = None, *, seed_demo: bool = False):
        data_dir.mkdir(parents=True, exist_ok=True)
        self.config = config or SandboxConfig()
        self.state = SandboxState(data_dir, self.config)
        self.seed_demo = seed_demo
        self._api: _ApiServer | None = None
        self._accelerated: _ApiServer | None = None  # the second upload route (sandbox/routes.py)
        self._cdn: ThreadingHTTPServer | None = None
        self._cdn_reserved: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._info: SandboxInfo | None = None

    @property
    def info(self) -> SandboxInfo:
        if self._info is None:
            raise RuntimeError("sandbox not started")
        return self._info

    def start(self) -> SandboxInfo:
        cfg = self.config
        self._api = _ApiServer((cfg.host, cfg.port), SandboxRequestHandler, self.state)
        api_port = self._api.server_address[1]
        cdn_port = self._start_cdn(cfg.host, cfg.cdn_port)
        host = cfg.host if cfg.host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        self.state.vod_endpoint = f"http://{host}:{api_port}"
        self.state.cdn_domain = f"{host}:{cdn_port}"
        self._accelerated = _ApiServer((cfg.host, 0), SandboxRequestHandler, self.state, route="accelerated")
        from vodstudio.sandbox import routes

        routes.book(self.state).accelerated_endpoint = f"http://{host}:{self._accelerated.server_address[1]}"
        self._seed()
        self._serve(self._api)
        self._serve(self._accelerated)
        if self._cdn is not None:
            self._serve(self._cdn)
        self._info = SandboxInfo(
            vod_endpoint=self.state.vod_endpoint,
            oss_endpoint=self.state.vod_endpoint,
            cdn_domain=self.state.cdn_domain,
            cdn_base_url=f"http://{self.state.cdn_domain}",
            access_key_id=cfg.access_key_id,
            access_key_secret=cfg.access_key_secret,
            region=REGION,
            bucket=cfg.bucket,
            huawei_endpoint=self.state.vod_endpoint,
            huawei_ak=cfg.huawei_ak,
            huawei_sk=cfg.huawei_sk,
            huawei_project_id=cfg.huawei_project_id,
        )
        log.info("sandbox ready at %s (CDN %s)", self.state.vod_endpoint, self.state.cdn_domain)
        return self._info

    def _start_cdn(self, host: str, port: int) -> int:
        cdn = optional_module("vodstudio.sandbox.cdn_server")
        if cdn is not None:
            handler = cdn.make_handler(self.state)
            self._cdn = ThreadingHTTPServer((host, port), handler)
            self._cdn.daemon_threads = True
            return int(self._cdn.server_address[1])
        # No CDN server yet: hold the port so the advertised domain stays ours.
        self._cdn_reserved = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._cdn_reserved.bind((host, port))
        return int(self._cdn_reserved.getsockname()[1])

    def _seed(self) -> None:
        if self.seed_demo:
            with self.state.db() as conn:
                empty = conn.execute("SELECT COUNT(*) FROM media").fetchone()[0] == 0
            demo = optional_module("vodstudio.sandbox.demo") if empty else None
            if demo is not None:
                demo.seed_demo(self.state)
        huawei = optional_module("vodstudio.sandbox.huawei")
        if huawei is not None and hasattr(huawei, "ensure_seeded"):
            huawei.ensure_seeded(self.state)

    def _serve(self, server: ThreadingHTTPServer) -> None:
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self.state.stopping.set()
        for api in (self._api, self._accelerated):
            if api is not None:
                api.stopped = True
        for server in (self._api, self._accelerated, self._cdn):
            if server is not None:
                server.shutdown()
                server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        if self._cdn_reserved is not None:
            self._cdn_reserved.close()
        self._api = self._accelerated = self._cdn = self._cdn_reserved = None
        self._threads.clear()
        from vodstudio.sandbox import vod_url_pull

        vod_url_pull.stop_all(self.state)
        self.state.close()

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
