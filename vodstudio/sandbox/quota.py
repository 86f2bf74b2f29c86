"""Daily CDN quotas kept in ``quota_usage``, keyed by the Asia/Shanghai day of the sandbox clock."""

from __future__ import annotations

import sqlite3

from vodstudio.sandbox.state import SandboxState

# Per account (Alibaba) or per tenant (Huawei) and per Shanghai calendar day.
LIMITS: dict[tuple[str, str], int] = {
    ("aliyun", "url"): 2000,
    ("aliyun", "dir"): 100,
    ("aliyun", "preload"): 500,
    ("aliyun", "block"): 500,
    ("huawei", "refresh"): 1000,
    ("huawei", "preheat"): 1000,
}


def limit_of(provider: str, kind: str) -> int:
    return LIMITS[(provider, kind)]


def used(state: SandboxState, conn: sqlite3.Connection, provider: str, kind: str) -> int:
    row = conn.execute(
        "SELECT used FROM quota_usage WHERE provider = ? AND kind = ? AND day = ?",
        (provider, kind, state.shanghai_day()),
    ).fetchone()
    return int(row[0]) if row else 0


def remaining(state: SandboxState, conn: sqlite3.Connection, provider: str, kind: str, limit: int) -> int:
    """What is left today; a new Shanghai day starts from ``limit`` again."""
    return max(0, limit - used(state, conn, provider, kind))


def consume(
    state: SandboxState, conn: sqlite3.Connection, provider: str, kind: str, n: int, limit: int
) -> bool:
    """Take ``n`` units, all or nothing: False (and nothing taken) when fewer than ``n`` remain.

    Call inside one ``state.db()`` transaction with the work it pays for, so a failed check and the
    insert of tasks cannot interleave with another request.
    """
    if n < 0:
        raise ValueError("cannot consume a negative amount")
    if remaining(state, conn, provider, kind, limit) < n:
        return False
    if n:
        conn.execute(
            "INSERT INTO quota_usage (provider, kind, day, used) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (provider, kind, day) DO UPDATE SET used = used + excluded.used",
            (provider, kind, state.shanghai_day(), n),
        )
    return True
