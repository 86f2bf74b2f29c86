"""`vodstudio queue list|resume|pause|cancel|retry|remove|clear|next|priority|export`: the CLI queue."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable

from vodstudio.cli import queue_record
from vodstudio.cli.common import add_account_options, report_error
from vodstudio.cli.plays import play_words
from vodstudio.cli.progress import human_bytes
from vodstudio.cli.upload_cmd import account_name, add_run_options, run_engine
from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.core.jobs import JobState
from vodstudio.services import Services
from vodstudio.services.uploads import UploadEngine

_UNFINISHED = [s for s in JobState if not s.is_final]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("queue", help="list and control the upload queue")
    actions = parser.add_subparsers(dest="queue_action", metavar="ACTION")

    listing = actions.add_parser("list", help="list jobs")
    listing.add_argument("--state", action="append", choices=[s.value for s in JobState])
    listing.add_argument("--limit", type=int, default=200)
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_list)

    for name, helptext in (
        ("resume", "run paused and interrupted jobs to completion (same output as upload)"),
        ("retry", "re-queue failed (or given) jobs and run them to completion"),
    ):
        sub = actions.add_parser(name, help=helptext)
        sub.add_argument("ids", nargs="*", type=int, metavar="ID")
        add_run_options(sub)
        add_account_options(sub)
        sub.set_defaults(run=_resume if name == "resume" else _retry)

    for name, helptext in (
        ("pause", "pause jobs (or --all); resume continues them"),
        ("cancel", "cancel jobs (or --all): abort the upload and delete the VOD record it created"),
    ):
        sub = actions.add_parser(name, help=helptext)
        sub.add_argument("ids", nargs="*", type=int, metavar="ID")
        sub.add_argument("--all", action="store_true")
        if name == "cancel":
            add_account_options(sub)
        sub.set_defaults(run=_pause if name == "pause" else _cancel)
    _register_cleaning(actions)
    queue_record.register(actions)


def _register_cleaning(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    remove = actions.add_parser("remove", help="take finished jobs (done, failed, cancelled) off the list")
    remove.add_argument("ids", nargs="+", type=int, metavar="ID")
    remove.set_defaults(run=_remove)
    clear = actions.add_parser("clear", help="remove finished jobs: done and cancelled (and --failed)")
    clear.add_argument("--failed", action="store_true", help="also failed jobs")
    clear.add_argument("--only-failed", action="store_true", help="failed jobs only")
    clear.set_defaults(run=_clear)


def _remove(args: argparse.Namespace, services: Services) -> int:
    """The same call as the queue's *Remove* in the app: running or waiting jobs are never removed."""
    engine = services.uploads.engine(lambda _event: None)
    try:
        removed = set(engine.remove(args.ids))
    finally:
        engine.close()
    for job_id in args.ids:
        if job_id not in removed:
            print(f"kept {job_id}: only finished jobs can be removed (cancel it first)", file=sys.stderr)
    print(f"Removed {len(removed)} job(s).")
    return 0 if len(removed) == len(set(args.ids)) else 1


def _clear(args: argparse.Namespace, services: Services) -> int:
    states = [JobState.FAILED] if args.only_failed else [JobState.DONE, JobState.CANCELLED]
    if args.failed:
        states.append(JobState.FAILED)
    engine = services.uploads.engine(lambda _event: None)
    try:
        removed = engine.clear_finished(states)
    finally:
        engine.close()
    print(f"Removed {len(removed)} finished job(s).")
    return 0


def _list(args: argparse.Namespace, services: Services) -> int:
    queue = services.uploads.queue
    states = [JobState(s) for s in args.state] if args.state else None
    jobs = queue.page(args.offset, args.limit, states)
    plays = services.playback.of_jobs(j.id for j in jobs)
    if args.json:
        for job in jobs:
            row = {
                "id": job.id,
                "state": job.state.value,
                "kind": job.kind.value,
                "account": job.account,
                "path": job.path,
                "size": job.size,
                "bytes_done": job.bytes_done,
                "media_id": job.media_id,
                "error_code": job.error_code,
                "error_message": job.error_message,
                "request_id": job.request_id,
                "playback": plays[job.id].state.value if job.id in plays else "",
                "playback_status": plays[job.id].status if job.id in plays else "",
            }
            print(json.dumps(row, ensure_ascii=False))
        return 0
    totals = queue.totals()
    for job in jobs:
        err = f"  {job.error_code}: {job.error_message}" if job.error_code else ""
        play = f"  [{play_words(plays[job.id])}]" if job.id in plays else ""
        print(
            f"{job.id:>7}  {job.state.value:<10} {human_bytes(job.size):>10}  "
            f"{job.media_id or '-':<34} {job.file_name}{play}{err}"
        )
    summary = ", ".join(f"{n} {s.value}" for s, n in sorted(totals.by_state.items()))
    print(f"{totals.total} jobs: {summary or 'none'}", file=sys.stderr)
    return 0


def _register_env_account(args: argparse.Namespace, services: Services) -> None:
    """Jobs queued with environment credentials need them again; stored accounts resolve by name."""
    with contextlib.suppress(ConfigError):  # every job may belong to a stored account
        account_name(args, services)


def _run_to_completion(
    args: argparse.Namespace,
    services: Services,
    states: list[JobState],
    start: Callable[[UploadEngine, list[int]], None],
) -> int:
    """Start the given jobs (or every job in ``states``) and run them as `upload` does."""
    try:
        _register_env_account(args, services)

        def prepare(engine: UploadEngine) -> list[int]:
            ids = list(args.ids or services.uploads.queue.ids_in_order(states))
            start(engine, ids)
            return ids

        return run_engine(services, args, prepare)
    except VodStudioError as exc:
        return report_error(exc)


def _resume(args: argparse.Namespace, services: Services) -> int:
    return _run_to_completion(args, services, _UNFINISHED, UploadEngine.resume)


def _retry(args: argparse.Namespace, services: Services) -> int:
    return _run_to_completion(args, services, [JobState.FAILED], UploadEngine.retry)


def _selected(args: argparse.Namespace, services: Services) -> list[int]:
    if args.all:
        return services.uploads.queue.ids_in_order(_UNFINISHED)
    if not args.ids:
        raise ConfigError("give job ids or --all", code="config.usage")
    return list(args.ids)


def _pause(args: argparse.Namespace, services: Services) -> int:
    try:
        engine = services.uploads.engine(lambda _event: None)
        engine.claim()  # not while another process runs these jobs
        engine.pause(_selected(args, services))
        engine.close()
        return 0
    except VodStudioError as exc:
        return report_error(exc)


def _cancel(args: argparse.Namespace, services: Services) -> int:
    try:
        _register_env_account(args, services)
        engine = services.uploads.engine(lambda _event: None)
        engine.claim()
        engine.cancel(_selected(args, services))
        failures = engine.finish_cancels()
        engine.close()
        for job_id in failures:
            job = services.uploads.job(job_id)
            print(f"error: job {job_id} could not be cleaned up: {job.error_message if job else ''}")
        return 1 if failures else 0
    except VodStudioError as exc:
        return report_error(exc)
