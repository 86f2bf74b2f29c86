"""`vodstudio library search|show|edit|delete`: the asset library over the same service as the GUI."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from vodstudio.cli.common import add_account_options, report_error, resolve_account
from vodstudio.core.assets import Asset, AssetEdit
from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.core.match_builder import MediaFilter, SearchType, parse_tags, sort_by
from vodstudio.core.units import format_bytes, format_duration
from vodstudio.services import Services

_SORT_FIELDS = {"created": "CreationTime", "modified": "ModificationTime"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("library", help="search, show, edit and delete assets")
    actions = parser.add_subparsers(dest="library_action", metavar="ACTION")

    search = actions.add_parser("search", help="search assets (SearchMedia; pages past 5,000 for video)")
    search.add_argument("text", nargs="?", default="", help="words in the title")
    search.add_argument("--status", action="append", default=[], help="e.g. Normal, UploadSucc")
    search.add_argument("--category", type=int, default=None, metavar="CATE_ID")
    search.add_argument("--tag", action="append", default=[])
    search.add_argument("--since", type=_date, default=None, metavar="YYYY-MM-DD", help="created on or after")
    search.add_argument("--until", type=_date, default=None, metavar="YYYY-MM-DD", help="created before")
    search.add_argument("--sort", choices=sorted(_SORT_FIELDS), default="created")
    search.add_argument("--ascending", action="store_true")
    search.add_argument("--limit", type=int, default=50, help="at most this many rows (default 50)")
    _common(search, search_cmd)

    show = actions.add_parser("show", help="one asset's details (videos: streams and source file too)")
    show.add_argument("asset_id")
    _common(show, show_cmd)

    edit = actions.add_parser("edit", help="change title, description, tags or category of assets")
    edit.add_argument("asset_ids", nargs="+", metavar="ID")
    edit.add_argument("--title")
    edit.add_argument("--description")
    edit.add_argument("--tags", help="comma-separated (replaces the tags)")
    edit.add_argument("--category", type=int, metavar="CATE_ID")
    _common(edit, edit_cmd)

    delete = actions.add_parser("delete", help="delete assets for good (source, streams, snapshots)")
    delete.add_argument("asset_ids", nargs="+", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask")
    _common(delete, delete_cmd)


def _common(parser: argparse.ArgumentParser, run: Any) -> None:
    parser.add_argument("--type", choices=[t.value for t in SearchType], default=SearchType.VIDEO.value)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_account_options(parser)
    parser.set_defaults(run=lambda args, services: _guarded(run, args, services))


def _guarded(run: Any, args: argparse.Namespace, services: Services) -> int:
    try:
        account = resolve_account(args, services.accounts).name
        status: int = run(args, services, account)
        return status
    except VodStudioError as error:
        return report_error(error)
    except ValueError as error:  # a filter the Match grammar cannot express
        print(f"error: {error}", file=sys.stderr)
        return 2


def _date(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def asset_json(asset: Asset) -> dict[str, Any]:
    return {
        "id": asset.asset_id,
        "type": asset.kind.value,
        "title": asset.title,
        "status": asset.status,
        "description": asset.description,
        "duration": asset.duration,
        "size": asset.size,
        "cover_url": asset.cover_url,
        "cate_id": asset.cate_id,
        "cate_name": asset.cate_name,
        "tags": list(asset.tags),
        "created": asset.created.isoformat() if asset.created else None,
        "modified": asset.modified.isoformat() if asset.modified else None,
    }


def _line(asset: Asset) -> str:
    duration = format_duration(asset.duration) if asset.duration else "-"
    size = format_bytes(asset.size) if asset.size else "-"
    created = asset.created.astimezone().strftime("%Y-%m-%d %H:%M") if asset.created else "-"
    return f"{asset.asset_id}  {asset.status:<13} {duration:>8} {size:>10}  {created}  {asset.title}"


def search_cmd(args: argparse.Namespace, services: Services, account: str) -> int:
    flt = MediaFilter(
        search_type=SearchType(args.type),
        text=args.text,
        statuses=tuple(args.status),
        created_from=args.since,
        created_to=args.until,
        category_id=args.category,
        tags=tuple(args.tag),
    )
    query = services.library.search(
        account, flt, sort_by(_SORT_FIELDS[args.sort], not args.ascending), page_size=min(args.limit, 100)
    )
    rows: list[Asset] = []
    while len(rows) < args.limit and query.has_more():
        rows += query.next_page()
    rows = rows[: args.limit]
    if args.json:
        print(json.dumps({"total": query.total, "assets": [asset_json(a) for a in rows]}, ensure_ascii=False))
        return 0
    for asset in rows:
        print(_line(asset))
    print(f"{len(rows)} of {query.total or 0} shown", file=sys.stderr)
    return 0


def show_cmd(args: argparse.Namespace, services: Services, account: str) -> int:
    kind = SearchType(args.type)
    asset = services.library.asset(account, kind, args.asset_id)
    doc = asset_json(asset)
    if kind in (SearchType.VIDEO, SearchType.AUDIO):
        with_streams = asset.status == "Normal"
        streams = services.library.play_info(account, asset.asset_id).streams if with_streams else []
        doc["streams"] = [
            {"format": s.format, "definition": s.definition, "size": s.size, "url": s.play_url}
            for s in streams
        ]
        source = services.library.source(account, asset.asset_id)
        doc["source"] = {"file_name": source.file_name, "size": source.size, "url": source.file_url}
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    for key, value in doc.items():
        if isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False)
        print(f"{key:>12}: {value}")
    return 0


def edit_cmd(args: argparse.Namespace, services: Services, account: str) -> int:
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.description is not None:
        changes["description"] = args.description
    if args.tags is not None:
        changes["tags"] = tuple(parse_tags(args.tags))
    if args.category is not None:
        changes["cate_id"] = args.category
    if not changes:
        raise ConfigError("Nothing to change: give --title, --description, --tags or --category.")
    edit = AssetEdit(**changes, changed=frozenset(changes))
    missing = services.library.edit(account, SearchType(args.type), args.asset_ids, edit)
    for asset_id in missing:
        print(f"not found: {asset_id}", file=sys.stderr)
    saved = len(args.asset_ids) - len(missing)
    print(json.dumps({"saved": saved, "missing": missing}) if args.json else f"Saved {saved} asset(s).")
    return 1 if missing else 0


def delete_cmd(args: argparse.Namespace, services: Services, account: str) -> int:
    ids = list(dict.fromkeys(args.asset_ids))
    if not args.yes:
        if not sys.stdin.isatty():
            raise ConfigError("Deleting needs --yes when there is no terminal to ask.", code="config.usage")
        answer = input(f"Delete {len(ids)} asset(s) for good? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing deleted.")
            return 1
    result = services.library.delete(account, SearchType(args.type), ids)
    deleted = [i for i in ids if i not in result.non_exist_ids and i not in result.forbidden_ids]
    if args.json:
        doc = {"deleted": deleted, "missing": result.non_exist_ids, "forbidden": result.forbidden_ids}
        print(json.dumps(doc))
    else:
        print(f"Deleted {len(deleted)} asset(s).")
        for asset_id in result.non_exist_ids:
            print(f"not found: {asset_id}", file=sys.stderr)
    return 0
