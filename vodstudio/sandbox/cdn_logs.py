"""Hourly gzip access logs of the sandbox CDN domain, built lazily from ``cdn_access_log``."""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import hmac
import mimetypes
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from vodstudio.sandbox.state import SHANGHAI, SandboxState

HOUR = 3600
LOG_URL_PREFIX = "/_logs/"
LOG_URL_LIFETIME = 3600.0  # seconds on the sandbox clock a LogPath stays valid


@dataclass(frozen=True)
class LogFile:
    """One hourly log file as DescribeVodDomainLog lists it."""

    name: str
    size: int
    start: int  # UNIX seconds, the hour it covers
    end: int


def safe_domain(domain: str) -> str:
    """The domain as it can appear in a file name (``127.0.0.1:8080`` → ``127.0.0.1_8080``)."""
    return "".join(ch if ch.isalnum() or ch in ".-" else "_" for ch in domain)


def log_name(domain: str, hour_start: int) -> str:
    """``<domain>_YYYY_MM_DD_HH0000_HH0000.gz`` in Beijing time, as Alibaba CDN names its files."""
    local = dt.datetime.fromtimestamp(hour_start, tz=SHANGHAI)
    return f"{safe_domain(domain)}_{local:%Y_%m_%d}_{local.hour:02d}0000_{local.hour + 1:02d}0000.gz"


def _format_line(row: sqlite3.Row, domain: str) -> str:
    """One line in Alibaba CDN's access-log layout.

    ``[time] ip proxy_ip response_ms "referer" "METHOD url" status request_bytes response_bytes
    hit_info "user_agent" "content_type"`` (the sandbox has no proxy and no cache: ``-`` and MISS).
    """
    when = dt.datetime.fromtimestamp(row["ts"], tz=SHANGHAI).strftime("%d/%b/%Y:%H:%M:%S %z")
    path = row["path"]
    content_type = mimetypes.guess_type(path.split("?", 1)[0])[0] or "application/octet-stream"
    # Response time and request size are not recorded; derive stable, plausible values.
    response_ms = 5 + row["bytes_sent"] // 200_000
    request_bytes = 180 + len(path) + len(row["user_agent"]) + len(row["range_hdr"])
    return (
        f'[{when}] {row["client_ip"]} - {response_ms} "{row["referer"]}" '
        f'"{row["method"]} http://{domain}{path}" {row["status"]} {request_bytes} {row["bytes_sent"]} '
        f'MISS "{row["user_agent"]}" "{content_type}"'
    )


def _hour_counts(conn: sqlite3.Connection, start: float, end: float) -> dict[int, int]:
    rows = conn.execute(
        "SELECT CAST(ts / 3600 AS INTEGER) AS hour, COUNT(*) FROM cdn_access_log "
        "WHERE ts >= ? AND ts < ? GROUP BY hour ORDER BY hour",
        (start, end),
    ).fetchall()
    return {int(row[0]) * HOUR: int(row[1]) for row in rows}


def _build(state: SandboxState, conn: sqlite3.Connection, hour: int, count: int, target: Path) -> None:
    """Write one hour's file (deterministic gzip: no timestamp) and remember its row count."""
    rows = conn.execute(
        "SELECT * FROM cdn_access_log WHERE ts >= ? AND ts < ? ORDER BY ts", (hour, hour + HOUR)
    ).fetchall()
    text = "".join(_format_line(row, state.cdn_domain) + "\n" for row in rows)
    partial = target.with_suffix(".part")
    with open(partial, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        packed.write(text.encode("utf-8"))
    partial.replace(target)
    target.with_suffix(".count").write_text(str(count))


def ensure_logs(state: SandboxState, start: float, end: float) -> list[LogFile]:
    """Every hourly file overlapping [start, end) that has traffic, (re)built when rows changed."""
    first = int(start // HOUR * HOUR)
    files = []
    with state.db() as conn:
        counts = _hour_counts(conn, first, end)
        for hour, count in counts.items():
            name = log_name(state.cdn_domain, hour)
            target = state.logs_dir / name
            marker = target.with_suffix(".count")
            if not target.exists() or not marker.exists() or marker.read_text() != str(count):
                _build(state, conn, hour, count, target)
            files.append(LogFile(name, target.stat().st_size, hour, hour + HOUR))
    return files


def _signature(secret: str, path: str, expires: int) -> str:
    mac = hmac.new(secret.encode(), f"{path}\n{expires}".encode(), hashlib.sha1).digest()
    return base64.b64encode(mac).decode()


def log_path(state: SandboxState, name: str) -> str:
    """The LogPath for a file: no scheme, like the real one, signed with the account secret."""
    path = LOG_URL_PREFIX + name
    expires = int(state.now() + LOG_URL_LIFETIME)
    signature = _signature(state.config.access_key_secret, path, expires)
    return f"{state.cdn_domain}{path}?Expires={expires}&Signature={quote(signature, safe='')}"


def check_signature(state: SandboxState, path: str, expires: str, signature: str) -> bool:
    """True if the query of a log download is ours and not yet expired."""
    try:
        deadline = int(expires)
    except ValueError:
        return False
    expected = _signature(state.config.access_key_secret, path, deadline)
    return hmac.compare_digest(expected, signature) and state.now() <= deadline


def file_for(state: SandboxState, name: str) -> Path | None:
    """The stored file for a log name, or None (names never leave the logs folder)."""
    if "/" in name or "\\" in name or not name.endswith(".gz") or name.startswith("."):
        return None
    target = state.logs_dir / name
    return target if target.is_file() else None
