"""`vodstudio upload PATH...`: queue files and folders and upload them with the same engine as the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from vodstudio.cli.common import add_account_options, report_error, resolve_account
from vodstudio.cli.plays import add_route_option, report_duplicates, wait_playable, with_route
from vodstudio.cli.preset_options import add_setting_options, metadata_from
from vodstudio.cli.progress import ProgressPrinter, parse_rate
from vodstudio.core.errors import VodStudioError
from vodstudio.core.fingerprint import DuplicatePolicy
from vodstudio.core.jobs import USED_AS_COVER, JobState, Limits
from vodstudio.services import Services
from vodstudio.services.duplicates import KNOWN, REPEAT
from vodstudio.services.uploads import UploadEngine, resolved


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("upload", help="upload files or folders (resumable; see `queue resume`)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders recurse)")
    parser.add_argument(
        "--preset", default=None, metavar="NAME", help="start from a saved preset; options given here win"
    )
    add_setting_options(parser, title_flag="--title")
    parser.add_argument("--cover", default="", metavar="IMAGE", help="a local image used as the cover")
    parser.add_argument("--include-all", action="store_true", help="also queue non-media files in folders")
    parser.add_argument(
        "--duplicates",
        choices=[p.value for p in DuplicatePolicy],
        default=DuplicatePolicy.SKIP.value,
        help="files this account already has (same content): skip them (default), upload them again,"
        " or replace (upload, then delete the old video once the new one is uploaded)",
    )
    parser.add_argument(
        "--wait-playable",
        action="store_true",
        help="after uploading, wait until every video plays; exit 1 if a transcode fails",
    )
    parser.add_argument(
        "--wait-timeout", type=float, default=None, metavar="S", help="give up waiting after S s"
    )
    add_route_option(parser)
    add_run_options(parser)
    add_account_options(parser)
    parser.set_defaults(run=run_upload)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parallel", type=int, default=None, metavar="N", help="files in parallel")
    parser.add_argument("--parallel-parts", type=int, default=None, metavar="N", help="connections")
    parser.add_argument(
        "--limit-rate",
        default=None,
        metavar="RATE",
        help="total bandwidth for this run: 500K, 2M, 1.5MiB (overrides `vodstudio schedule`)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON event per line")


def limits_from(args: argparse.Namespace, services: Services) -> Limits:
    base = services.uploads.limits()
    rate = base.bandwidth_bps if args.limit_rate is None else parse_rate(args.limit_rate)
    return Limits(
        parallel_files=args.parallel or base.parallel_files,
        parallel_parts=args.parallel_parts or base.parallel_parts,
        bandwidth_bps=rate,
    )


def account_name(args: argparse.Namespace, services: Services) -> str:
    """Resolve the account; environment credentials are registered in memory under ``env``."""
    return resolve_account(args, services.accounts).name


def _label(services: Services) -> Callable[[int], str]:
    def name(job_id: int) -> str:
        job = services.uploads.job(job_id)
        return job.file_name if job else f"job {job_id}"

    return name


def run_engine(
    services: Services,
    args: argparse.Namespace,
    prepare: Callable[[UploadEngine], Iterable[int]],
) -> int:
    """Start the engine, let ``prepare`` queue work, run to idle; exit 1 if any job failed, 130 on Ctrl-C."""
    printer = ProgressPrinter(_label(services), json_lines=args.json)
    engine = services.uploads.engine(printer, limits=limits_from(args, services))
    try:
        engine.claim()  # before queueing: a second process refuses instead of queueing half its work
    except VodStudioError:
        engine.close()
        raise
    # An explicit --limit-rate holds for this run; otherwise the weekly schedule (if any) drives it.
    applier = services.uploads.apply_schedule(engine) if args.limit_rate is None else None
    try:
        try:
            ids = list(prepare(engine))
            engine.start()
            engine.wait_idle()
        finally:
            if applier is not None:
                applier.close()  # whatever ends the run, before the engine it drives
    except KeyboardInterrupt:
        engine.close()
        printer.finish()
        print("interrupted; `vodstudio queue resume` continues where this stopped", file=sys.stderr)
        return 130
    engine.close()
    printer.finish()
    if engine.storage_error is not None:
        return report_error(engine.storage_error)
    failed = set(printer.failed)
    for job_id in ids:
        job = services.uploads.job(job_id)
        if job is not None and job.state is JobState.FAILED:
            failed.add(job_id)
    if not args.json:
        print(f"{len(printer.done)} done, {len(failed)} failed", file=sys.stderr)
    return 1 if failed else 0


def run_upload(args: argparse.Namespace, services: Services) -> int:
    try:
        name = account_name(args, services)
        meta = metadata_from(args, services.presets.metadata(args.preset))
        if args.cover:
            meta = replace(meta, cover_path=str(resolved([Path(args.cover)])[0]))
        meta = with_route(services, name, meta, args)
        paths = resolved([Path(p) for p in args.paths])
        lost: list[str] = []
        queued: list[int] = []
        try:  # before any byte: a refused key or signature stops here, with its stable code
            check = services.duplicates.check(name, paths, include_all=args.include_all)
        except VodStudioError as exc:
            print(f"  the duplicate check failed ({exc.code}); nothing was sent", file=sys.stderr)
            raise
        report_duplicates(check, DuplicatePolicy(args.duplicates))

        def prepare(engine: UploadEngine) -> list[int]:
            result = services.duplicates.queue(engine, name, check, meta, DuplicatePolicy(args.duplicates))
            for path, reason in result.skipped:
                if reason in (KNOWN, REPEAT):
                    continue  # said above, once for the batch
                if reason == USED_AS_COVER:
                    print(f"  cover    {path}", file=sys.stderr)
                    continue
                print(f"  skipped  {path}: {reason}", file=sys.stderr)
                if reason != "not-media":  # a media file the user wanted that cannot be sent
                    lost.append(path)
            queued.extend(result.job_ids)
            return list(result.job_ids)

        status = run_engine(services, args, prepare)
        for media_id in services.duplicates.finish_replacements():
            print(f"  replaced: deleted the old video {media_id}", file=sys.stderr)
        if lost:
            print(f"{len(lost)} file(s) skipped (see above)", file=sys.stderr)
        if args.wait_playable and status == 0:
            status = wait_playable(services, queued, args.wait_timeout, json_lines=args.json)
        return max(status, 1) if lost else status
    except (VodStudioError, ValueError) as exc:
        return report_error(exc) if isinstance(exc, VodStudioError) else _usage(exc)


def _usage(exc: ValueError) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 2
