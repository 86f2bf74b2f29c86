"""Command-line front door: GUI flags at the top level, headless commands as subcommands.

A package rather than house-style's single ``cli.py``: each command family is its own small module
(``sandbox``, ``account``, ``upload``, ``queue``, ``cdn``) exposing ``register(subparsers)``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from vodstudio.app_info import NAME, VERSION

# Command name -> module under vodstudio.cli with ``register(subparsers) -> None``. The handler a
# module sets with ``set_defaults(run=...)`` receives the parsed namespace and returns the exit status.
COMMANDS: dict[str, str] = {
    "sandbox": "sandbox_cmd",
    "account": "account_cmd",
    "upload": "upload_cmd",
    "queue": "queue_cmd",
    "cdn": "cdn_cmd",
}
COMMAND_MODULES: tuple[str, ...] = tuple(COMMANDS.values())
# Top-level options that take a value (so their value is not mistaken for a command name).
_OPTIONS_WITH_VALUE = frozenset({"--screenshot", "--quit-after"})

Runner = Callable[[argparse.Namespace], int]


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
        return run(args)
    if args.self_test:
        from vodstudio.selftest import run_self_test

        return run_self_test(with_qt=True)
    from vodstudio.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
