"""`vodstudio cdn refresh|prefetch --video ID...`, `cdn status --media` and `cdn domains`.

By video: RefreshMediaPlayUrls over every matching play URL of each video, with the quota it will spend
printed first (the same estimate the library shows before its Refresh/Prefetch on CDN).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.models import MediaRefreshEstimate, MediaRefreshOptions, MediaRefreshOutcome

FORMATS = ("mp4", "m3u8", "mp3", "flv", "webm", "ts")


def add_video_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("by video (Alibaba: every play URL of the videos)")
    group.add_argument("--video", action="append", default=[], metavar="ID", help="a VideoId (repeatable)")
    group.add_argument(
        "--formats", default="", help=f"only these formats, comma-separated: {','.join(FORMATS)}"
    )
    group.add_argument("--definitions", default="", help="only these definitions, e.g. FD,LD,SD,HD")
    group.add_argument("--slices", type=int, default=0, metavar="N", help="M3U8: also the first N TS slices")


def options_from(args: argparse.Namespace, *, preload: bool) -> MediaRefreshOptions:
    def split(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in text.split(",") if p.strip())

    slices = int(args.slices or 0)
    return MediaRefreshOptions(
        task_type="Preload" if preload else "Refresh",
        formats=split(args.formats),
        definitions=split(args.definitions),
        slice_flag=True if slices else None,
        slice_count=slices or None,
    )


def submit_videos(args: argparse.Namespace, desk: CdnDeskSession, *, preload: bool) -> int:
    estimate = desk.estimate_media(args.video, options_from(args, preload=preload))
    if not args.json:
        _print_estimate(estimate)
    submissions = desk.refresh_media(estimate)  # refused locally when the quota would not cover it
    if args.json:
        doc = {
            "cost": estimate.cost,
            "remaining_before": estimate.remaining,
            "skipped": estimate.skipped,
            "jobs": [{"job_id": s.job_id, "media_ids": s.media_ids} for s in submissions],
        }
        print(json.dumps(doc, indent=2))
        return 0
    for s in submissions:
        print(f"Job {s.job_id}: {len(s.accepted_media_ids)} video(s)")
    print("Follow it with `vodstudio cdn status --media`.")
    return 0


def _print_estimate(estimate: MediaRefreshEstimate) -> None:
    kind = "prefetch" if estimate.options.preload else "refresh"
    count, cost, left = len(estimate.media_ids), estimate.cost, estimate.remaining
    print(f"{count} video(s), {cost} URL(s) to {kind}; {left} left today.")
    for media_id, code in estimate.skipped.items():
        print(f"  {media_id}: nothing to {kind} ({code})", file=sys.stderr)


def media_status(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    records = desk.media_jobs(limit=args.limit)
    outcomes = desk.media_outcomes([r.submission for r in records])
    if args.json:
        print(json.dumps({"videos": [outcome_json(o) for o in outcomes]}, indent=2))
        return 0
    if not outcomes:
        print("No refresh or prefetch by video yet.")
    for o in outcomes:
        detail = f" {o.error_code}" if o.error_code else ""
        counts = f"{len(o.succeeded_urls)} ok, {len(o.failed_urls)} failed"
        print(f"{o.job_id}\t{o.media_id}\t{o.status.value}\t{counts}{detail}")
    return 0


def outcome_json(outcome: MediaRefreshOutcome) -> dict[str, Any]:
    return {
        "job_id": outcome.job_id,
        "media_id": outcome.media_id,
        "status": outcome.status.value,
        "succeeded_urls": outcome.succeeded_urls,
        "failed_urls": outcome.failed_urls,
        "error_code": outcome.error_code,
    }


def domains(args: argparse.Namespace, desk: CdnDeskSession) -> int:
    found = desk.domains()
    if args.json:
        rows = [{"domain": d.domain_name, "status": d.status, "cname": d.cname} for d in found]
        print(json.dumps(rows, indent=2))
        return 0
    for domain in found:
        print(f"{domain.domain_name}\t{domain.status}\t{domain.cname}")
    return 0
