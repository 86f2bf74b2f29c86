"""Upload settings as options, shared by `vodstudio upload` and `vodstudio preset save`.

Every option defaults to None ("not given"), so a preset's field is overridden only by a flag typed.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from vodstudio.core.jobs import CoverRule, JobMetadata
from vodstudio.core.match_builder import parse_tags

PATTERN_HELP = "{stem} the file name, {date} today (YYYY-MM-DD), {folder} the file's folder"


def add_setting_options(parser: argparse.ArgumentParser, *, title_flag: str) -> None:
    parser.add_argument(
        title_flag, dest="title", default=None, metavar="TEXT", help=f"title or pattern: {PATTERN_HELP}"
    )
    parser.add_argument("--description", default=None)
    parser.add_argument("--tags", default=None, help="comma-separated, at most 16")
    parser.add_argument("--cate-id", type=int, default=None)
    parser.add_argument("--template-group", default=None, help="transcoding template group id")
    parser.add_argument("--workflow", default=None, help="workflow id (wins over --template-group)")
    parser.add_argument(
        "--storage-location", default=None, metavar="LOC", help="storage address (default: the account's)"
    )
    parser.add_argument(
        "--app-id", default=None, metavar="ID", help="application id (default: the account's)"
    )
    parser.add_argument("--priority", type=int, default=None, metavar="N", help="higher uploads first")
    parser.add_argument(
        "--cover-rule",
        choices=[r.value for r in CoverRule],
        default=None,
        help="same-stem: each video's cover is the jpg/jpeg/png beside it with the same name",
    )
    prefetch = parser.add_mutually_exclusive_group()
    prefetch.add_argument(
        "--prefetch",
        dest="prefetch",
        action="store_true",
        default=None,
        help="prefetch the play URLs on the CDN once each video plays (uses the daily prefetch quota)",
    )
    prefetch.add_argument("--no-prefetch", dest="prefetch", action="store_false")


def metadata_from(args: argparse.Namespace, base: JobMetadata) -> JobMetadata:
    """``base`` (a preset's, or the plain defaults) with every option that was given applied."""
    given: dict[str, Any] = {
        "title": args.title,
        "description": args.description,
        "tags": tuple(parse_tags(args.tags)) if args.tags is not None else None,  # as the upload sheet
        "cate_id": args.cate_id,
        "template_group_id": args.template_group,
        "workflow_id": args.workflow,
        "storage_location": args.storage_location,
        "app_id": args.app_id,
        "priority": args.priority,
        "cover_rule": CoverRule(args.cover_rule) if args.cover_rule else None,
        "prefetch_when_playable": args.prefetch,
        "accelerate": getattr(args, "accelerate", None),
    }
    # type(), not isinstance: a CoverRule is a str too, and must stay one.
    changes: dict[str, Any] = {k: v.strip() if type(v) is str else v for k, v in given.items()}
    return replace(base, **{key: value for key, value in changes.items() if value is not None})
