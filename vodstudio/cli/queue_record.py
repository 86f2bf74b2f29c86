"""`vodstudio queue next|priority|export`: jump the queue, and export the upload record."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vodstudio.core.errors import VodStudioError
from vodstudio.services import Services
from vodstudio.services.record import RecordFormat


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    first = actions.add_parser("next", help="upload these jobs next (ahead of every other waiting job)")
    first.add_argument("ids", nargs="+", type=int, metavar="JOB_ID")
    first.set_defaults(run=_next)
    rank = actions.add_parser("priority", help="set a job's priority (higher runs first; default 0)")
    rank.add_argument("job_id", type=int, metavar="JOB_ID")
    rank.add_argument("priority", type=int, metavar="N")
    rank.set_defaults(run=_priority)
    export = actions.add_parser(
        "export", help="the upload record: path, size, CRC-64, VideoId, times, bytes sent per job"
    )
    export.add_argument("out", metavar="OUT", help="OUT.csv or OUT.json")
    export.add_argument("--format", choices=[f.value for f in RecordFormat], default=None)
    export.add_argument("--batch", metavar="ID", default=None, help="only the jobs of one add")
    export.add_argument("--ids", type=int, nargs="+", metavar="JOB_ID", default=None, help="only these")
    export.add_argument(
        "--sha256", action="store_true", help="also hash each local file that is unchanged since queued"
    )
    export.set_defaults(run=_export)


def _next(args: argparse.Namespace, services: Services) -> int:
    engine = services.uploads.engine(lambda _event: None)
    try:  # a running engine (the app, another command) picks the new order up from the queue
        priority = engine.upload_next(args.ids)
    finally:
        engine.close()
    print(f"Jobs {', '.join(map(str, args.ids))} go next (priority {priority}).")
    return 0


def _priority(args: argparse.Namespace, services: Services) -> int:
    if services.uploads.job(args.job_id) is None:
        print(f"error: no job {args.job_id}", file=sys.stderr)
        return 1
    engine = services.uploads.engine(lambda _event: None)
    try:
        engine.set_priority(args.job_id, args.priority)
    finally:
        engine.close()
    return 0


def _export(args: argparse.Namespace, services: Services) -> int:
    out = Path(args.out).expanduser()
    fmt = RecordFormat(args.format) if args.format else RecordFormat.for_path(out)
    try:
        summary = services.uploads.record.export(
            out, fmt, batch_id=args.batch, job_ids=args.ids, sha256=args.sha256
        )
    except (OSError, VodStudioError) as exc:
        print(f"error: cannot write {out}: {exc}", file=sys.stderr)
        return 1
    line = f"Wrote {summary.jobs} job(s) to {summary.path} ({summary.format.value})"
    if args.sha256 and summary.unhashed:
        line += f"; SHA-256 left empty for {summary.unhashed} (see the note column)"
    print(line + ".")
    return 0
