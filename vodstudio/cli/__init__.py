"""Command-line front door: GUI flags at the top level, headless commands as subcommands.

Each command family is its own small module (``sandbox``, ``account``, ``upload``, ``queue``, ``cdn``,
``library``, ``schedule``, ``preset``, ``watch``) exposing ``register(subparsers)``. ``main`` builds the
services once (``build_services``) and hands them to the command or the GUI; only ``vodstudio sandbox``
runs without them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from vodstudio.app_info import NAME, VERSION

if TYPE_CHECKING:
    from vodstudio.services import Services

# Command name -> module under vodstudio.cli with ``register(subparsers) -> None``. The handler a
# module sets with ``set_defaults(run=...)`` receives the parsed namespace and the services (for a
# STANDALONE command: the namespace only) and returns the exit status.
COMMANDS: dict[str, str] = {
    "sandbox": "sandbox_cmd",
    "account": "account_cmd",
    "upload": "upload_cmd",
    "queue": "queue_cmd",
    "cdn": "cdn_cmd",
    "library": "library_cmd",
    "schedule": "schedule_cmd",
    "preset": "preset_cmd",
    "watch": "watch_cmd",
}
# Commands that never touch the user's profile (they get no services).
STANDALONE = frozenset({"sandbox"})
COMMAND_MODULES: tuple[str, ...] = tuple(COMMANDS.values())
# Top-level options that take a value (so their value is not mistaken for a command name).
_OPTIONS_WITH_VALUE = frozenset({"--screenshot", "--quit-after"})

Runner = Callable[..., int]


def modules_for(argv: list[str]) -> tuple[str, ...]:
    """Only the command modules this argv needs: starting the GUI imports none of them (start-up
    time), ``vodstudio upload ...`` imports one, ``--help`` or an unknown word imports all."""
    words = iter(argv)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif word in ("-h", "--help"):
            return COMMAND_MODULES
        elif not word.startswith("-"):
            return (COMMANDS[word],) if word in COMMANDS else COMMAND_MODULES
    return ()


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vodstudio",
        description=f"{NAME}: upload to, manage and serve from Alibaba Cloud VOD (and Huawei VOD CDN).",
    )
    parser.add_argument("--version", action="version", version=f"{NAME} {VERSION}")
    gui = parser.add_argument_group("desktop app (used when no command is given)")
    gui.add_argument("--sandbox", action="store_true", help="open straight into the embedded local sandbox")
    gui.add_argument(
        "--self-test", action="store_true", help="report keyring, folders, Qt, CRC speed; exit 0/1"
    )
    gui.add_argument(
        "--screenshot", metavar="DIR", help="render each main view of the sandbox account to PNGs"
    )
    gui.add_argument(
        "--quit-after",
        metavar="SECONDS",
        type=float,
        default=None,
        help="quit the app by itself after this many seconds (smoke tests)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        qualified = f"vodstudio.cli.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            # A trimmed build may leave a command family out; tests/unit/test_layering.py makes sure
            # the source tree has every one. Any other missing module is a real error.
            if exc.name != qualified:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str]) -> int:
    parser = build_parser(modules_for(argv))
    args = parser.parse_args(argv)
    run: Runner | None = getattr(args, "run", None)
    if args.command is not None:
        if run is None:  # a command family given without its action, e.g. `vodstudio queue`
            parser.parse_args([*argv, "--help"])
            return 2
        if args.command in STANDALONE:
            return run(args)
        return _with_services(lambda services: run(args, services))
    if args.self_test:
        from vodstudio.selftest import run_self_test

        return run_self_test(with_qt=True)
    if args.screenshot:  # a throwaway profile of its own: never the user's queue or keys
        from vodstudio.ui.screenshots import run_screenshots

        return run_screenshots(Path(args.screenshot))
    from vodstudio.ui.app import run_gui

    return _with_services(lambda services: run_gui(args, services))


def _with_services(body: Callable[[Services], int]) -> int:
    """Build the object graph once for this process, run ``body``, close it whatever happens."""
    from vodstudio.cli.common import report_error
    from vodstudio.core.errors import VodStudioError
    from vodstudio.services import build_services

    try:
        services = build_services()
    except VodStudioError as error:
        return report_error(error)
    notice = services.uploads.queue.notice  # e.g. a damaged queue database was set aside
    if notice:
        print(f"warning: {notice}", file=sys.stderr)
    try:
        return body(services)
    except VodStudioError as error:  # a disk that is full or read-only, met by any command
        return report_error(error)
    finally:
        services.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
