"""``vodstudio sandbox``: run the local VOD/OSS/CDN imitation in the foreground and print one JSON line."""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from vodstudio.store.paths import ProfilePaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the local VOD/OSS/CDN sandbox until interrupted",
        description="Run the local sandbox. Once ready it prints one JSON line with its endpoints and keys.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (loopback unless --allow-remote)"
    )
    parser.add_argument(
        "--allow-remote", action="store_true", help="allow a non-loopback --host (demo keys!)"
    )
    parser.add_argument("--port", type=int, default=0, help="API/OSS port (0: pick a free one)")
    parser.add_argument("--cdn-port", type=int, default=0, help="CDN port (0: pick a free one)")
    parser.add_argument("--data-dir", type=Path, default=None, help="state folder (default: profile sandbox)")
    parser.add_argument("--seed-demo", action="store_true", help="fill an empty sandbox with a demo library")
    parser.add_argument(
        "--credential-lifetime", type=float, default=None, metavar="S", help="upload auth life"
    )
    parser.add_argument("--error-rate", action="append", default=[], metavar="OP=P", help="fault: error rate")
    parser.add_argument("--drop-rate", action="append", default=[], metavar="OP=P", help="fault: drop rate")
    parser.add_argument(
        "--latency", action="append", default=[], metavar="OP=MS", help="fault: added latency"
    )
    parser.add_argument("--ingest-limit", type=float, default=0.0, metavar="BYTES_PER_S", help="upload cap")
    parser.add_argument(
        "--link",
        default="",
        metavar="SPEC",
        help="emulate a slow link for OSS uploads, e.g. rtt=80ms,per-conn=2MB/s,total=40MB/s "
        "(round trip added per request and answer, a rate cap per connection, a total all share)",
    )
    parser.add_argument(
        "--reject-legacy-signatures",
        action="store_true",
        help="behave like an account created after 2025-09: refuse OSS V1 (EC 0002-00000080) and "
        "HMAC-SHA1 API signatures; hand out OSS V4 presigned URLs",
    )
    parser.set_defaults(run=run)


def parse_rates(items: list[str], option: str) -> dict[str, float]:
    rates: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            rates[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise SystemExit(f"vodstudio sandbox: {option} expects OP=NUMBER, got {item!r}")
    return rates


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from vodstudio.sandbox.server import Sandbox
    from vodstudio.sandbox.state import SandboxConfig

    if not _is_loopback(args.host) and not args.allow_remote:
        print("vodstudio sandbox: refusing a non-loopback --host without --allow-remote", file=sys.stderr)
        return 2
    from vodstudio.sandbox.link import parse_link

    try:
        link = parse_link(args.link)
    except ValueError as exc:
        print(f"vodstudio sandbox: --link: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    config = SandboxConfig(
        host=args.host,
        port=args.port,
        cdn_port=args.cdn_port,
        ingest_limit=args.ingest_limit,
        reject_legacy_signatures=args.reject_legacy_signatures,
    )
    if args.credential_lifetime is not None:
        config.upload_credential_lifetime = args.credential_lifetime
    faults = {
        "error_rate": parse_rates(args.error_rate, "--error-rate"),
        "drop_rate": parse_rates(args.drop_rate, "--drop-rate"),
        "latency_ms": parse_rates(args.latency, "--latency"),
    }
    data_dir = args.data_dir or ProfilePaths.default().sandbox_dir
    sandbox = Sandbox(Path(data_dir), config, seed_demo=args.seed_demo)
    stopping = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    sandbox.state.update_faults(faults)
    sandbox.state.link.set(link)
    info = sandbox.start()
    try:
        sys.stdout.write(json.dumps(info.as_dict()) + "\n")
        sys.stdout.flush()
        while not stopping.wait(0.5):
            pass
    finally:
        sandbox.stop()
    return 0
