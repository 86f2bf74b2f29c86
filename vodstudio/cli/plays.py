"""Issue 13 B on the command line: duplicates, waiting until videos play, upload routes and the probe."""

from __future__ import annotations

import argparse
import json
import sys

from vodstudio.cli.common import report_error
from vodstudio.core.errors import VodStudioError
from vodstudio.core.fingerprint import DuplicatePolicy, IntakeCheck
from vodstudio.core.jobs import JobMetadata
from vodstudio.core.playback import Playback, PlayState
from vodstudio.services import Services
from vodstudio.services.routes import ACCELERATED, RouteMode

PLAY_WORDS = {
    PlayState.WAITING: "uploaded, waiting to transcode",
    PlayState.TRANSCODING: "uploaded, transcoding",
    PlayState.PLAYABLE: "playable",
    PlayState.TRANSCODE_FAILED: "transcode failed",
    PlayState.UPLOAD_FAILED: "upload failed on the server",
    PlayState.BLOCKED: "blocked",
    PlayState.GONE: "deleted on the server",
    PlayState.UNKNOWN: "unknown state",
}


def play_words(item: Playback) -> str:
    words = PLAY_WORDS[item.state]
    return f"{words} ({item.status})" if item.state is PlayState.UNKNOWN and item.status else words


# ---- upload options ---------------------------------------------------------------------------------
def add_route_option(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--accelerate", dest="accelerate", action="store_true", default=None, help="use upload acceleration"
    )
    group.add_argument(
        "--no-accelerate", dest="accelerate", action="store_false", help="use the normal upload route"
    )


def with_route(services: Services, account: str, meta: JobMetadata, args: argparse.Namespace) -> JobMetadata:
    override = getattr(args, "accelerate", None)  # a flag typed wins over a preset's route
    return services.routes.apply(account, meta, meta.accelerate if override is None else override)


def report_duplicates(check: IntakeCheck, policy: DuplicatePolicy) -> None:
    """One message for the batch, before any byte is sent (the GUI asks; the CLI says)."""
    if check.repeats:
        print(
            f"{len(check.repeats)} file(s) already in this batch or the queue: queued once", file=sys.stderr
        )
    if not check.duplicates:
        return
    for dup in check.duplicates:
        print(f"  uploaded before  {dup.path} = video {dup.media_id}", file=sys.stderr)
    verb = {
        DuplicatePolicy.SKIP: "skipped (--duplicates again|replace to upload them)",
        DuplicatePolicy.AGAIN: "uploaded again",
        DuplicatePolicy.REPLACE: "uploaded; the old videos are deleted once the new ones are uploaded",
    }[policy]
    print(f"{len(check.duplicates)} file(s) this account already has: {verb}", file=sys.stderr)


def wait_playable(services: Services, job_ids: list[int], timeout: float | None, *, json_lines: bool) -> int:
    """Follow the uploaded videos until they play; 1 if any failed (named), 3 on timeout."""

    def changed(item: Playback) -> None:
        if json_lines:
            row = {
                "event": "playback",
                "id": item.job_id,
                "media_id": item.media_id,
                "state": item.state.value,
            }
            print(json.dumps({**row, "status": item.status}), flush=True)
        else:
            print(f"  {item.file_name}: {play_words(item)}", file=sys.stderr, flush=True)

    followed = list(services.playback.of_jobs(job_ids))
    if not followed:
        return 0
    services.playback.check_now(followed)
    summary = services.playback.wait(followed, timeout=timeout, on_change=changed)
    for name, state in summary.failed:
        print(f"error: {name}: {PLAY_WORDS[state]}", file=sys.stderr)
    if not json_lines:
        print(f"{len(summary.playable)} playable, {len(summary.failed)} failed", file=sys.stderr)
    if summary.failed:
        return 1
    return 3 if summary.pending else 0


# ---- `vodstudio account route|probe-speed` --------------------------------------------------------
def register_account_routes(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    route = actions.add_parser("route", help="upload acceleration for an account: off, on, or auto")
    route.add_argument("name")
    route.add_argument("mode", nargs="?", choices=[m.value for m in RouteMode], help="omit to show it")
    route.set_defaults(run=_route)
    probe = actions.add_parser(
        "probe-speed",
        help="send a short sample over the normal and the accelerated route; remember the faster",
    )
    probe.add_argument("name")
    probe.add_argument("--sample-mib", type=float, default=2.0, help="sample size in MiB (default 2)")
    probe.add_argument("--json", action="store_true")
    probe.set_defaults(run=_probe)


def _route(args: argparse.Namespace, services: Services) -> int:
    try:
        services.accounts.get(args.name)
        if args.mode:
            services.routes.set_mode(args.name, RouteMode(args.mode))
        mode = services.routes.mode(args.name)
        choice = services.routes.choice(args.name)
        measured = f"; on this network the speed test chose {choice.route}" if choice else ""
        print(f"{args.name}: acceleration {mode.value}{measured}")
        return 0
    except VodStudioError as exc:
        return report_error(exc)


def _probe(args: argparse.Namespace, services: Services) -> int:
    try:
        result = services.routes.probe(args.name, sample_bytes=max(1, int(args.sample_mib * 1024 * 1024)))
    except VodStudioError as exc:
        return report_error(exc)
    c = result.choice
    if args.json:
        row = {"route": c.route, "normal_bps": c.normal_bps, "accelerated_bps": c.accelerated_bps}
        print(json.dumps({**row, "network": c.network}))
        return 0
    print(f"normal route:      {c.normal_bps / 1e6:8.2f} MB/s")
    print(f"accelerated route: {c.accelerated_bps / 1e6:8.2f} MB/s")
    faster = "accelerated" if c.route == ACCELERATED else "normal"
    print(f"The {faster} route is faster on this network ({result.ratio:.1f}x); remembered for it.")
    if services.routes.mode(args.name) is not RouteMode.AUTO:
        print(f"`vodstudio account route {args.name} auto` makes uploads follow this choice.")
    return 0
