"""DescribeVodUserDomains and DescribeVodDomainDetail: the live CDN domain plus the ``cdn_domains`` rows.

The live domain is ``state.cdn_domain`` (``127.0.0.1:PORT``, new each run), always online, its origin the
sandbox bucket; other domains (the demo's offline one) are stored rows.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from vodstudio.sandbox import vod_cdn
from vodstudio.sandbox.rpc import RpcContext, RpcError, action
from vodstudio.sandbox.state import SandboxState

STATUSES = ("online", "offline", "configuring", "configure_failed", "checking", "check_failed")
SEARCH_TYPES = ("fuzzy_match", "pre_match", "suf_match", "full_match")
_LIVE_CREATED = "cdn_domain_created"  # meta key: when this sandbox's live domain was first listed


def not_supported(name: str) -> RpcError:
    return RpcError(
        400, f"Invalid{name}.ValueNotSupported", f"The specified value of parameter {name} is not supported."
    )


def _live(state: SandboxState, conn: sqlite3.Connection) -> dict[str, Any]:
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (_LIVE_CREATED, str(state.now())))
    created = float(conn.execute("SELECT value FROM meta WHERE key = ?", (_LIVE_CREATED,)).fetchone()[0])
    return {
        "domain_name": state.cdn_domain,
        "status": "online",
        "description": "VOD Studio sandbox CDN",
        "ssl_protocol": "off",
        "scope": "domestic",
        "created_at": created,
        "modified_at": created,
    }


def all_domains(state: SandboxState, conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every domain of the account, oldest first (the live one leads: it is the one in use)."""
    rows = conn.execute("SELECT * FROM cdn_domains ORDER BY created_at, domain_name").fetchall()
    stored = [dict(row) for row in rows if row["domain_name"].lower() != state.cdn_domain.lower()]
    return [_live(state, conn), *stored]


def _cname(domain: str) -> str:
    return f"{domain.split(':', 1)[0]}.w.alikunlun.net"


def _source(state: SandboxState, *, detail: bool) -> dict[str, Any]:
    source: dict[str, Any] = {
        "Type": "oss",
        "Content": f"{state.config.bucket}.oss-cn-shanghai.aliyuncs.com",
        "Port": 80,
        "Priority": "20",
    }
    if detail:
        source.update({"Enabled": "online", "Weight": "10"})
    return source


def _common(state: SandboxState, domain: dict[str, Any]) -> dict[str, Any]:
    """The fields the list's PageData and the detail share."""
    return {
        "DomainName": domain["domain_name"],
        "DomainStatus": domain["status"],
        "Cname": _cname(domain["domain_name"]),
        "Description": domain["description"],
        "GmtCreated": state.iso(domain["created_at"]),
        "GmtModified": state.iso(domain["modified_at"]),
    }


def _page_entry(state: SandboxState, domain: dict[str, Any]) -> dict[str, Any]:
    return {
        **_common(state, domain),
        "SslProtocol": domain["ssl_protocol"],
        "Sandbox": "normal",
        "Sources": {"Source": [_source(state, detail=False)]},
    }


def _matches(name: str, wanted: str, search_type: str) -> bool:
    name, wanted = name.lower(), wanted.lower()
    if search_type == "pre_match":
        return name.startswith(wanted)
    if search_type == "suf_match":
        return name.endswith(wanted)
    if search_type == "full_match":
        return name == wanted
    return wanted in name


def _int_param(ctx: RpcContext, name: str, default: int, high: int) -> int:
    try:
        return ctx.get_int(name, default, low=1, high=high)
    except RpcError:
        raise not_supported(name) from None


@action("DescribeVodUserDomains")
def describe_user_domains(ctx: RpcContext) -> dict[str, Any]:
    page_number = _int_param(ctx, "PageNumber", 1, 100000)
    page_size = _int_param(ctx, "PageSize", 20, 50)
    status = ctx.get("DomainStatus")
    if status and status not in STATUSES:
        raise not_supported("DomainStatus")
    search_type = ctx.get("DomainSearchType") or "fuzzy_match"
    if search_type not in SEARCH_TYPES:
        raise not_supported("DomainSearchType")
    wanted = ctx.get("DomainName").strip()
    with ctx.state.db() as conn:
        domains = all_domains(ctx.state, conn)
    chosen = [
        d
        for d in domains
        if (not status or d["status"] == status)
        and (not wanted or _matches(d["domain_name"], wanted, search_type))
    ]
    first = (page_number - 1) * page_size
    return {
        "Domains": {"PageData": [_page_entry(ctx.state, d) for d in chosen[first : first + page_size]]},
        "TotalCount": len(chosen),
        "PageNumber": page_number,
        "PageSize": page_size,
    }


@action("DescribeVodDomainDetail")
def describe_domain_detail(ctx: RpcContext) -> dict[str, Any]:
    name = ctx.require("DomainName").strip().lower()
    state = ctx.state
    with state.db() as conn:
        found = [d for d in all_domains(state, conn) if d["domain_name"].lower() == name]
    if not found:
        raise vod_cdn.domain_not_found()
    domain = found[0]
    if domain["status"] == "configuring":
        raise RpcError(403, "ServiceBusy", "The specified Domain is configuring, please retry again later.")
    return {
        "DomainDetail": {
            **_common(state, domain),
            # The detail spells it SSLProtocol where the list says SslProtocol (SDK models).
            "SSLProtocol": domain["ssl_protocol"],
            "SSLPub": "",
            "CertName": "",
            "Scope": domain["scope"],
            "Weight": "10",
            "Sources": {"Source": [_source(state, detail=True)]},
        }
    }
