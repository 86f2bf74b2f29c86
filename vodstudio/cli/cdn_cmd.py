"""`vodstudio cdn refresh|prefetch|status|quota|pending`: the CDN desk from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vodstudio.cdn.deferred import DeferredQueue
from vodstudio.cdn.desk import CdnDesk
from vodstudio.cdn.factory import build_desk
from vodstudio.cdn.store import open_cdn_db
from vodstudio.cli.common import add_account_options, report_error, resolve_account
from vodstudio.core.cdn import CdnQuota, CdnTask, CdnTaskKind, SubmitResult, TaskRef, next_reset
from vodstudio.core.errors import ConfigError, ServiceError, VodStudioError
from vodstudio.store.paths import ProfilePaths

Action = Callable[[argparse.Namespace, CdnDesk, DeferredQueue], int]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("cdn", help="CDN refresh, prefetch, task status and daily quota")
    actions = parser.add_subparsers(dest="cdn_action", metavar="ACTION")

    refresh = _action(actions, "refresh", "purge URLs (or directories with --dir) from the CDN", _refresh)
    refresh.add_argument("--dir", action="store_true", help="items are directories ending in / (Alibaba)")
    _add_items(refresh)
    prefetch = _action(actions, "prefetch", "warm the CDN with URLs (Huawei: also asset:<id>)", _prefetch)
    _add_items(prefetch)
    status = _action(actions, "status", "status of the given tasks, or of recent ones", _status)
    status.add_argument("task_ids", nargs="*", metavar="TASK_ID")
    _action(actions, "quota", "today's remaining refresh/prefetch quota", _quota)
    pending = _action(actions, "pending", "items deferred until the quota resets", _pending)
    pending.add_argument("--submit", action="store_true", help="submit what today's quota allows now")


def _action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str, action: Action
) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_account_options(parser)
    parser.set_defaults(run=lambda args: _run(args, action))
    return parser


def _add_items(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("items", nargs="*", metavar="URL", help="URLs; Huawei also takes asset:<asset_id>")
    parser.add_argument("--from-file", metavar="FILE", help="one item per line ('-' for stdin)")


def _run(args: argparse.Namespace, action: Action) -> int:
    try:
        resolved = resolve_account(args)
        db = open_cdn_db(ProfilePaths.default())
        try:
            desk = build_desk(resolved.account, resolved.secret, db)
            try:
                return action(args, desk, DeferredQueue(db, resolved.account.name))
            finally:
                desk.close()
        finally:
            db.close()
    except VodStudioError as error:
        if args.json:
            print(json.dumps({"error": _error_json(error)}))
        return report_error(error)


# ---- actions -----------------------------------------------------------------------------------
def _refresh(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue) -> int:
    kind = CdnTaskKind.REFRESH_DIR if args.dir else CdnTaskKind.REFRESH_URL
    return _submit(args, desk, queue, kind)


def _prefetch(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue) -> int:
    return _submit(args, desk, queue, CdnTaskKind.PREFETCH)


def _submit(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue, kind: CdnTaskKind) -> int:
    items = _read_items(args)
    desk.check(kind)
    earlier = queue.submit_due(desk)  # older deferred items go first: they have waited longer
    before = desk.quota()
    result = queue.submit(desk, kind, items)
    if args.json:
        doc = {"provider": desk.provider.value, "kind": kind.value, "quota_before": _quota_json(before)}
        doc |= _result_json(result) | {"earlier_deferred_submitted": len(earlier.submitted)}
        print(json.dumps(doc, indent=2))
    else:
        if earlier.submitted:
            print(f"Submitted {len(earlier.submitted)} item(s) deferred earlier.")
        print(_quota_sentence(before, kind))
        _print_result(result)
    if result.error is not None:
        report_error(result.error)
        return 1
    return 0


def _status(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue) -> int:
    if args.task_ids:
        known = {ref.task_id: ref for ref in queue.task_refs(desk.provider.value, limit=10_000)}
        tasks = desk.tasks([known.get(t, TaskRef(t)) for t in args.task_ids])
    elif desk.provider.value == "aliyun":
        tasks = desk.tasks()
    else:
        tasks = queue.statuses(desk)
    if args.json:
        print(
            json.dumps({"provider": desk.provider.value, "tasks": [_task_json(t) for t in tasks]}, indent=2)
        )
        return 0
    if not tasks:
        print("No tasks.")
    for task in tasks:
        progress = f"{task.progress}%" if task.progress is not None else "-"
        kind = task.kind.value if task.kind else "-"
        print(f"{task.task_id}\t{kind}\t{task.status.value}\t{progress}\t{task.item}")
    return 0


def _quota(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue) -> int:
    quota = desk.quota()
    waiting = queue.pending(desk.provider.value)
    if args.json:
        print(json.dumps({"provider": desk.provider.value, **_quota_json(quota), "pending": len(waiting)}))
        return 0
    for kind in CdnTaskKind:
        if desk.supports(kind):
            print(_quota_sentence(quota, kind))
    if not quota.known:
        print("(counted locally: Huawei has no quota API, so use by other tools is not included)")
    if waiting:
        print(f"{len(waiting)} item(s) deferred; they go out after the reset ({_reset_text()}).")
    return 0


def _pending(args: argparse.Namespace, desk: CdnDesk, queue: DeferredQueue) -> int:
    result = queue.submit_due(desk) if args.submit else SubmitResult()
    waiting = queue.pending(desk.provider.value)
    if args.json:
        rows = [{"id": p.id, "kind": p.kind.value, "item": p.item, "day": p.shanghai_day} for p in waiting]
        print(json.dumps({**_result_json(result), "pending": rows}, indent=2))
        return 0
    if args.submit:
        _print_result(result)
    for p in waiting:
        print(f"{p.id}\t{p.kind.value}\t{p.shanghai_day}\t{p.item}")
    print(f"{len(waiting)} item(s) waiting.")
    return 0


# ---- helpers -----------------------------------------------------------------------------------
def _read_items(args: argparse.Namespace) -> list[str]:
    items = list(args.items)
    if args.from_file:
        text = sys.stdin.read() if args.from_file == "-" else Path(args.from_file).read_text("utf-8")
        items += [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not items:
        raise ConfigError("Nothing to submit: give URLs or --from-file FILE.", code="cdn.no-items")
    return items


def _reset_text() -> str:
    now = dt.datetime.now(dt.UTC)
    left = next_reset(now) - now
    hours, minutes = divmod(int(left.total_seconds()) // 60, 60)
    return f"midnight Beijing time, in {hours} h {minutes} min"


def _quota_sentence(quota: CdnQuota, kind: CdnTaskKind) -> str:
    suffix = "" if quota.known else " (local count)"
    return f"{kind.value}: {quota.remaining(kind)} of {quota.limit(kind)} left today{suffix}"


def _print_result(result: SubmitResult) -> None:
    ids = result.task_ids
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    print(f"Submitted {len(result.submitted)} item(s)" + (f": task ids {shown}" if ids else "."))
    if result.deferred:
        print(f"Deferred {len(result.deferred)} item(s) until the quota resets ({_reset_text()}).")
    if result.failed:
        print(f"Not submitted because of an error: {len(result.failed)} item(s).")


def _quota_json(quota: CdnQuota) -> dict[str, Any]:
    lines = {k.value: {"remaining": v.remaining, "limit": v.limit} for k, v in quota.lines.items()}
    return {"known": quota.known, "quota": lines}


def _result_json(result: SubmitResult) -> dict[str, Any]:
    return {
        "submitted": [{"item": item, "task_id": task_id} for item, task_id in result.submitted],
        "task_ids": result.task_ids,
        "deferred": result.deferred,
        "failed": result.failed,
        "error": _error_json(result.error) if result.error else None,
    }


def _task_json(task: CdnTask) -> dict[str, Any]:
    return {
        "task_id": task.task_id,
        "kind": task.kind.value if task.kind else None,
        "item": task.item,
        "status": task.status.value,
        "progress": task.progress,
        "created_at": task.created_at.isoformat() if task.created_at else None,
        "description": task.description,
    }


def _error_json(error: VodStudioError) -> dict[str, Any]:
    doc: dict[str, Any] = {"code": error.code, "message": error.message}
    if isinstance(error, ServiceError):
        doc |= {"request_id": error.request_id, "http_status": error.http_status}
    return doc
