"""Streaming downloads (a video's source file, CDN domain logs): ``.part`` first, renamed when complete.

Runs on the caller's thread; ``progress(done, total)`` may be called often (the GUI coalesces it).
Every failure is a typed error: ``CancelledError`` when ``cancel`` was set (the ``.part`` is removed),
``NetworkError`` for transport trouble, ``ServiceError`` for an HTTP error answer, ``SourceFileError``
when the target cannot be written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from vodstudio.cloud.http import is_loopback, make_http_client
from vodstudio.cloud.retry import as_network_error
from vodstudio.core.accounts import ProxySetting
from vodstudio.core.errors import CancelledError, ServiceFacts, SourceFileError, classify
from vodstudio.core.safe_names import safe_join, unique_path

Progress = Callable[[int, int], None]
CHUNK = 256 * 1024


@dataclass(frozen=True)
class RemoteFile:
    """One thing to fetch: its URL, the name it should get, and its size if known (0: unknown)."""

    url: str
    name: str
    size: int = 0


def log_url(path: str) -> str:
    """DescribeVodDomainLog's LogPath has no scheme: HTTPS, except loopback (the sandbox is plain HTTP)."""
    if "://" in path:
        return path
    host = path.split("/", 1)[0]
    return ("http://" if is_loopback(host) else "https://") + path


def _stream(
    http: httpx.Client,
    url: str,
    target: Path,
    on_bytes: Callable[[int, int], None],
    cancel: threading.Event,
) -> Path:
    """``on_bytes(n, length)``: ``n`` more bytes written; ``length`` is the answer's Content-Length."""
    part = target.with_name(target.name + ".part")
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                facts = ServiceFacts(
                    provider="http",
                    service_code=f"HTTP{response.status_code}",
                    message=f"the server answered {response.status_code} for {target.name}",
                    http_status=response.status_code,
                )
                raise classify(facts)
            length = int(response.headers.get("Content-Length") or 0)
            with part.open("wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    if cancel.is_set():
                        break
                    out.write(chunk)
                    on_bytes(len(chunk), length)
    except httpx.TransportError as exc:
        part.unlink(missing_ok=True)
        raise as_network_error(exc) from exc
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SourceFileError(
            f"cannot write {target.name}: {exc.strerror}", code="file.unwritable", path=str(target)
        ) from exc
    if cancel.is_set():
        part.unlink(missing_ok=True)
        raise CancelledError("download cancelled")
    part.replace(target)
    return target


def download(
    url: str,
    target: Path,
    *,
    proxy: ProxySetting,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Path:
    """Fetch ``url`` into ``target`` (overwriting it only once complete)."""
    stop = cancel or threading.Event()
    done = [0]

    def counted(n: int, length: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], max(length, done[0]) if length else 0)

    with make_http_client(proxy=proxy) as http:
        return _stream(http, url, target, counted, stop)


def download_all(
    files: Sequence[RemoteFile],
    folder: Path,
    *,
    proxy: ProxySetting,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Path]:
    """Fetch each file into ``folder`` under a sanitised name that never overwrites another file."""
    stop = cancel or threading.Event()
    total = sum(max(0, f.size) for f in files)
    done = [0]

    def counted(n: int, _length: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], max(total, done[0]))

    saved: list[Path] = []
    with make_http_client(proxy=proxy) as http:
        for remote in files:
            target = unique_path(safe_join(folder, remote.name, fallback="download"))
            saved.append(_stream(http, remote.url, target, counted, stop))
    return saved


def fetch_small(url: str, *, proxy: ProxySetting, max_bytes: int) -> bytes:
    """A small file in memory (a cover thumbnail); ``SourceFileError`` when it exceeds ``max_bytes``."""
    data = bytearray()
    try:
        with make_http_client(proxy=proxy) as http, http.stream("GET", url) as response:
            if response.status_code >= 400:
                facts = ServiceFacts(
                    provider="http",
                    service_code=f"HTTP{response.status_code}",
                    message=f"the server answered {response.status_code}",
                    http_status=response.status_code,
                )
                raise classify(facts)
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise SourceFileError(f"larger than {max_bytes} bytes", code="file.too-large", path=url)
    except httpx.TransportError as exc:
        raise as_network_error(exc) from exc
    return bytes(data)
