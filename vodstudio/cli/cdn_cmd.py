"""`vodstudio cdn refresh|prefetch|status|quota|pending`: the CDN desk from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vodstudio.cli import cdn_media
from vodstudio.cli.common import add_account_options, error_json, report_error, resolve_account
from vodstudio.core.cdn import CdnQuota, CdnTask, CdnTaskKind, SubmitResult, next_reset
from vodstudio.core.cdn_items import ItemList
from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.services import Services
from vodstudio.services.cdn import CdnDeskSession

Action = Callable[[argparse.Namespace, CdnDeskSession], int]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("cdn", help="CDN refresh, prefetch, task status and daily quota")
    actions = parser.add_subparsers(dest="cdn_action", metavar="ACTION")

    refresh = _action(actions, "refresh", "purge URLs (or directories with --dir) from the CDN", _refresh)
    refresh.add_argument("--dir", action="store_true", help="items are directories ending in / (Alibaba)")
    _add_items(refresh)
    cdn_media.add_video_options(refresh)
    prefetch = _action(actions, "prefetch", "warm the CDN with URLs (Huawei: also asset:<id>)", _prefetch)
    _add_items(prefetch)
    cdn_media.add_video_options(prefetch)
    status = _action(actions, "status", "status of the given tasks, or of recent ones", _status)
    status.add_argument("task_ids", nargs="*", metavar="TASK_ID")
    status.add_argument("--media", action="store_true", help="each video of the recent refreshes by video")
    status.add_argument("--limit", type=int, default=20, help="with --media: this many recent jobs")
    _action(actions, "domains", "the account's accelerated domains and their status", cdn_media.domains)
    _action(actions, "quota", "today's remaining refresh/prefetch quota", _quota)
    pending = _action(actions, "pending", "items deferred until the quota resets", _pending)
    pending.add_argument("--submit", action="store_true", help="submit what today's quota allows now")


def _action(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str, action: Action
) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_account_options(parser)
    parser.set_defaults(run=lambda args, services: _run(args, services, action))
    return parser


def _add_items(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("items", nargs="*", metavar="URL", help="URLs; Huawei also takes asset:<asset_id>")
    parser.add_argument("--from-file", metavar="FILE", help="one item per line ('-' for stdin)")


def _run(args: argparse.Namespace, services: Services, action: Action) -> int:
    try:
        account = resolve_account(args, services.accounts)
        return action(args, services.cdn.open(account.name))
    except VodStudioError as error:
        if args.json:
            print(json.dumps({"error": error_json(error)}))
        return report_error(error)


# ---- actions -----------------------------------------------------------------------------------
def _refresh(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    if args.video:
        return cdn_media.submit_videos(args, desk, preload=False)
    kind = CdnTaskKind.REFRESH_DIR if args.dir else CdnTaskKind.REFRESH_URL
    return _submit(args, desk, kind)


def _prefetch(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    if args.video:
        return cdn_media.submit_videos(args, desk, preload=True)
    return _submit(args, desk, CdnTaskKind.PREFETCH)


def _submit(args: argparse.Namespace, desk: CdnDeskSession, kind: CdnTaskKind) -> int:
    items = _read_items(args, desk, kind)
    outcome = desk.submit(kind, items)  # the same call as the CDN panel: deferred items go first
    earlier, result, before = outcome.earlier, outcome.result, outcome.quota_before
    provider = desk.account.provider.value
    if args.json:
        doc = {"provider": provider, "kind": kind.value, "quota_before": _quota_json(before)}
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


def _status(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    if args.media:
        return cdn_media.media_status(args, desk)
    listing = desk.tasks(args.task_ids)
    tasks = listing.tasks
    if args.json:
        doc = {"provider": desk.account.provider.value, "total": listing.total}
        print(json.dumps(doc | {"tasks": [_task_json(t) for t in tasks]}, indent=2))
        return 0
    if not tasks:
        print("No tasks.")
    for task in tasks:
        progress = f"{task.progress}%" if task.progress is not None else "-"
        kind = task.kind.value if task.kind else "-"
        print(f"{task.task_id}\t{kind}\t{task.status.value}\t{progress}\t{task.item}")
    return 0


def _quota(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    quota = desk.quota()
    waiting = desk.pending()
    if args.json:
        provider = desk.account.provider.value
        print(json.dumps({"provider": provider, **_quota_json(quota), "pending": len(waiting)}))
        return 0
    for kind in desk.kinds():
        print(_quota_sentence(quota, kind))
    if not quota.known:
        print("(counted locally: Huawei has no quota API, so use by other tools is not included)")
    if waiting:
        print(f"{len(waiting)} item(s) deferred; they go out after the reset ({_reset_text()}).")
    return 0


def _pending(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    result = desk.submit_due() if args.submit else SubmitResult()
    waiting = desk.pending()
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
def _read_items(args: argparse.Namespace, desk: CdnDeskSession, kind: CdnTaskKind) -> list[str]:
    """Arguments, then the file's lines, through the CDN panel's parser (same items, same order)."""
    given = desk.parse("\n".join(args.items), kind)
    _report_problems(given, where="argument")
    items = list(given.items)
    if args.from_file:
        source = sys.stdin.read() if args.from_file == "-" else Path(args.from_file).read_text("utf-8-sig")
        listed = desk.parse(source, kind)
        _report_problems(listed, where="line")
        items += listed.items
    if not items:
        raise ConfigError("Nothing to submit: give URLs or --from-file FILE.", code="cdn.no-items")
    return list(dict.fromkeys(items))


def _report_problems(parsed: ItemList, *, where: str) -> None:
    """Name every bad item with its number, then stop before anything is sent."""
    if not parsed.problems:
        return
    for problem in parsed.problems:
        print(f"error: {where} {problem.line}: {problem.text}: {problem.kind.value}", file=sys.stderr)
    raise ConfigError(
        f"{len(parsed.problems)} item(s) cannot be sent; fix or remove them.", code="cdn.bad-items"
    )


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
        "error": error_json(result.error) if result.error else None,
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
