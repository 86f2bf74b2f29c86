"""`vodstudio schedule show|set SPEC|clear`: the weekly bandwidth schedule (the GUI's Bandwidth tab)."""

from __future__ import annotations

import argparse
import json
import string
import sys

from vodstudio.core.schedule import DAYS, HOURS, BandwidthSchedule
from vodstudio.core.units import format_rate
from vodstudio.services import Services

_DEFAULT_MARK = "."
_UNLIMITED_MARK = "U"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="weekly bandwidth limits (e.g. 2M in office hours, unlimited at night)",
        description="Rules are DAYS HOURS LIMIT separated by ';', later rules win, unlisted hours use "
        'the normal limit: "mon-fri 09-18 2M; sat,sun 10-12 500K; daily 00-06 unlimited". '
        "A running upload follows a change at once; `upload --limit-rate` overrides it for one run.",
    )
    actions = parser.add_subparsers(dest="schedule_action", metavar="ACTION")
    show = actions.add_parser("show", help="print the week as 7 rows of 24 hours")
    show.add_argument("--json", action="store_true", help="the text form and the 7 x 24 cells")
    show.set_defaults(run=_show)
    put = actions.add_parser("set", help='replace the schedule, e.g. "mon-fri 09-18 2M"')
    put.add_argument("spec", metavar="SPEC")
    put.set_defaults(run=_set)
    clear = actions.add_parser("clear", help="no schedule: the normal limit always")
    clear.set_defaults(run=_clear)
    parser.set_defaults(run=_show, json=False)


def grid_lines(schedule: BandwidthSchedule, base: int) -> list[str]:
    """Seven compact rows of one mark per hour and a legend of the marks."""
    limits = sorted({c for row in schedule.cells for c in row if c})
    marks = dict(zip(limits, string.ascii_lowercase, strict=False))
    lines = [
        "     " + "".join(str(h // 10) for h in range(HOURS)),
        "     " + "".join(str(h % 10) for h in range(HOURS)),
    ]
    for day, row in zip(DAYS, schedule.cells, strict=True):
        cells = "".join(
            _DEFAULT_MARK if c is None else _UNLIMITED_MARK if c == 0 else marks.get(c, "?") for c in row
        )
        lines.append(f"{day}  {cells}")
    normal = f"{format_rate(base)}/s" if base else "unlimited"
    legend = [f"{_DEFAULT_MARK} = normal limit ({normal})", f"{_UNLIMITED_MARK} = unlimited"]
    legend += [f"{mark} = {format_rate(limit)}/s" for limit, mark in marks.items()]
    lines.append("  ".join(legend))
    return lines


def _show(args: argparse.Namespace, services: Services) -> int:
    schedule = services.uploads.schedule()
    base = services.uploads.limits().bandwidth_bps
    if getattr(args, "json", False):
        print(json.dumps({"schedule": schedule.format(), "base_bps": base, "cells": schedule.cells}))
        return 0
    print(f"schedule: {schedule.format() or '(none)'}")
    for line in grid_lines(schedule, base):
        print(line)
    return 0


def _set(args: argparse.Namespace, services: Services) -> int:
    try:
        services.uploads.set_schedule(args.spec)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _show(args, services)


def _clear(args: argparse.Namespace, services: Services) -> int:
    services.uploads.set_schedule(BandwidthSchedule())
    return _show(args, services)
