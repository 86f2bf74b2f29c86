"""`vodstudio preset list|show|save|rename|delete|import|export|template-groups|workflows`: upload presets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vodstudio.cli.common import add_account_options, report_error, resolve_account
from vodstudio.cli.plays import add_route_option
from vodstudio.cli.preset_options import add_setting_options, metadata_from
from vodstudio.core.errors import VodStudioError
from vodstudio.core.jobs import JobMetadata
from vodstudio.core.presets import UploadPreset
from vodstudio.services import Services


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("preset", help="named upload settings (use with `upload --preset NAME`)")
    actions = parser.add_subparsers(dest="preset_action", metavar="ACTION")

    listing = actions.add_parser("list", help="the saved presets")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_list)

    show = actions.add_parser("show", help="one preset's settings as JSON")
    show.add_argument("name")
    show.set_defaults(run=_show)

    save = actions.add_parser("save", help="save a preset from these options (empty ones: defaults)")
    save.add_argument("name")
    save.add_argument("--replace", action="store_true", help="replace a preset with the same name")
    add_setting_options(save, title_flag="--title-pattern")
    add_route_option(save)
    save.set_defaults(run=_save)

    rename = actions.add_parser("rename", help="rename a preset")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(run=_rename)

    delete = actions.add_parser("delete", help="delete a preset")
    delete.add_argument("name")
    delete.set_defaults(run=_delete)

    imports = actions.add_parser("import", help="add the presets of a file (taken names get ' (2)')")
    imports.add_argument("file")
    imports.set_defaults(run=_import)

    export = actions.add_parser("export", help="write presets to a file (all, or the ones named)")
    export.add_argument("file")
    export.add_argument("names", nargs="*", metavar="NAME")
    export.set_defaults(run=_export)

    for name, run, what in (
        ("template-groups", _template_groups, "the account's transcoding template groups"),
        ("workflows", _workflows, "the account's workflows"),
    ):
        listed = actions.add_parser(name, help=what)
        listed.add_argument("--json", action="store_true")
        add_account_options(listed)
        listed.set_defaults(run=run)


def _list(args: argparse.Namespace, services: Services) -> int:
    presets = services.presets.list_all()
    if args.json:
        print(json.dumps([p.to_dict() for p in presets], ensure_ascii=False))
        return 0
    for preset in presets:
        print(f"{preset.name}\t{preset.title_pattern or '(file name)'}")
    if not presets:
        print("no presets; save one with `vodstudio preset save NAME ...`", file=sys.stderr)
    return 0


def _show(args: argparse.Namespace, services: Services) -> int:
    try:
        preset = services.presets.get(args.name)
    except VodStudioError as exc:
        return report_error(exc)
    print(json.dumps(preset.to_dict(), ensure_ascii=False, indent=2))
    return 0


def _save(args: argparse.Namespace, services: Services) -> int:
    try:
        meta = metadata_from(args, JobMetadata())
        saved = services.presets.save(UploadPreset.from_metadata(args.name, meta), overwrite=args.replace)
    except VodStudioError as exc:
        if exc.code == "preset.exists":
            print("  (add --replace to replace it)", file=sys.stderr)
        return report_error(exc)
    print(f"saved preset {saved.name!r}", file=sys.stderr)
    return 0


def _rename(args: argparse.Namespace, services: Services) -> int:
    try:
        renamed = services.presets.rename(args.name, args.new_name)
    except VodStudioError as exc:
        return report_error(exc)
    print(f"renamed to {renamed.name!r}", file=sys.stderr)
    return 0


def _delete(args: argparse.Namespace, services: Services) -> int:
    try:
        services.presets.delete(args.name)
    except VodStudioError as exc:
        return report_error(exc)
    print(f"deleted preset {args.name!r}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, services: Services) -> int:
    try:
        result = services.presets.import_file(Path(args.file).expanduser())
    except VodStudioError as exc:
        return report_error(exc)
    for original, given in result.renamed:
        print(f"  {original!r} exists: imported as {given!r}", file=sys.stderr)
    print(f"imported {len(result.added)} preset(s)", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, services: Services) -> int:
    try:
        names = services.presets.export_file(Path(args.file).expanduser(), args.names)
    except VodStudioError as exc:
        return report_error(exc)
    print(f"exported {len(names)} preset(s) to {args.file}", file=sys.stderr)
    return 0


def _template_groups(args: argparse.Namespace, services: Services) -> int:
    try:
        groups = services.presets.template_groups(resolve_account(args, services.accounts).name)
    except VodStudioError as exc:
        return report_error(exc)
    if args.json:
        rows = [
            {"id": g.group_id, "name": g.name, "default": g.is_default, "app_id": g.app_id} for g in groups
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for g in groups:
        print(f"{g.group_id}\t{g.name}{'  [default]' if g.is_default else ''}")
    return 0


def _workflows(args: argparse.Namespace, services: Services) -> int:
    try:
        flows = services.presets.workflows(resolve_account(args, services.accounts).name)
    except VodStudioError as exc:
        return report_error(exc)
    if args.json:
        rows = [{"id": f.workflow_id, "name": f.name, "status": f.status, "type": f.kind} for f in flows]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for f in flows:
        print(f"{f.workflow_id}\t{f.name}\t{f.status}")
    return 0
