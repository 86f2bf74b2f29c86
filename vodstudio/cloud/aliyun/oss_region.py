"""The signing region of an OSS endpoint, which OSS V4 puts in every credential scope."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# oss-cn-shanghai.aliyuncs.com, oss-cn-shanghai-internal.aliyuncs.com, bucket.oss-cn-shanghai..., and the
# dual-stack form cn-shanghai.oss.aliyuncs.com. Region ids are lower-case words joined by dashes.
_CLASSIC = re.compile(r"(?:^|\.)oss-([a-z0-9]+(?:-[a-z0-9]+)*?)(?:-internal)?\.aliyuncs\.com$")
_DUAL_STACK = re.compile(r"(?:^|\.)([a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\.oss\.aliyuncs\.com$")
# Global endpoints that name no region: transfer acceleration (signed with the bucket's own region).
_GLOBAL = frozenset({"accelerate", "accelerate-overseas"})


def _host(endpoint: str) -> str:
    parts = urlsplit(endpoint if "//" in endpoint else f"//{endpoint}")
    return (parts.hostname or "").lower().rstrip(".")


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost"
    return True


def region_from_endpoint(endpoint: str) -> str | None:
    """``cn-shanghai`` for ``https://oss-cn-shanghai.aliyuncs.com`` (also ``-internal``, a bucket
    host, the dual-stack form); None when the endpoint names no region: acceleration endpoints, IP
    addresses and loopback (the sandbox), custom domains."""
    host = _host(endpoint)
    if not host or _is_address(host):
        return None
    for pattern in (_CLASSIC, _DUAL_STACK):
        match = pattern.search(host)
        if match:
            region = match.group(1)
            return None if region in _GLOBAL else region
    return None


def signing_region(endpoint: str, *fallbacks: str) -> str:
    """The endpoint's region, else the first non-empty fallback (the upload credential's Region, then
    the account's region); empty when nothing is known."""
    return region_from_endpoint(endpoint) or next((f for f in fallbacks if f), "")
