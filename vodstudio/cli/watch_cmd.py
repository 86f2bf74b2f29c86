"""`vodstudio watch FOLDER --preset P`: queue and upload a folder's new files once they stop growing.

``vodstudio watch`` alone runs the saved folders (the ones the GUI runs); ``watch list|add|remove``
edit them. A folder literally named ``list`` is given as ``./list``.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from vodstudio.cli.common import add_account_options, report_error
from vodstudio.cli.upload_cmd import account_name, add_run_options, run_engine
from vodstudio.core.errors import VodStudioError
from vodstudio.core.watch import DEFAULT_EXCLUDE, DEFAULT_INCLUDE, SETTLE_DEFAULT, WatchFolder
from vodstudio.services import Services
from vodstudio.services.uploads import UploadEngine
from vodstudio.services.watcher import WatchEvent, WatchOutcome

_ACTIONS = ("list", "add", "remove")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "watch",
        help="upload a folder's new files once they stop growing (`watch list|add|remove`: saved folders)",
    )
    parser.add_argument(
        "words",
        nargs="*",
        metavar="FOLDER",
        help="the folder to watch; none: the saved folders; or list, add FOLDER, remove FOLDER",
    )
    parser.add_argument("--preset", default="", metavar="NAME", help="the upload preset for its files")
    parser.add_argument("--recursive", action="store_true", help="also watch the sub-folders")
    parser.add_argument(
        "--include",
        action="append",
        default=None,
        metavar="GLOB",
        help="file names to queue, case-insensitive (repeatable; default: video and audio files)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=None,
        metavar="GLOB",
        help=f"file or folder names to leave alone (repeatable; default: {' '.join(DEFAULT_EXCLUDE)})",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=SETTLE_DEFAULT,
        metavar="S",
        help=f"a file is done when its size and time have not changed for S s (default {SETTLE_DEFAULT:g})",
    )
    parser.add_argument(
        "--once", action="store_true", help="queue what is there once it settles, upload it, exit"
    )
    parser.add_argument("--disabled", action="store_true", help="with `add`: saved, but not run")
    add_run_options(parser)
    add_account_options(parser)
    parser.set_defaults(run=run_watch)


def run_watch(args: argparse.Namespace, services: Services) -> int:
    words: list[str] = args.words
    try:
        if words and words[0] in _ACTIONS:
            return _manage(args, services, words[0], words[1:])
        if len(words) > 1:
            return _usage("give one folder (or `watch add FOLDER` for each, then `watch`)")
        if words:
            folders = [_folder(args, services, words[0])]
        else:
            folders = _saved(services)
            if not folders:
                return _usage("no folder given and none saved: `vodstudio watch FOLDER --preset P`")
        return _run(args, services, folders)
    except VodStudioError as exc:
        return report_error(exc)


def _saved(services: Services) -> list[WatchFolder]:
    """The enabled saved folders that can run now; one gone (an unplugged disk) is named and left out."""
    usable: list[WatchFolder] = []
    for folder in services.watch.folders():
        if not folder.enabled:
            continue
        try:
            usable.append(services.watch.checked(folder))
        except VodStudioError as exc:
            print(f"warning: not watching {folder.path}: {exc.message}", file=sys.stderr)
    return usable


def _folder(args: argparse.Namespace, services: Services, path: str) -> WatchFolder:
    folder = WatchFolder(
        path=path,
        preset=args.preset,
        account=account_name(args, services),
        recursive=args.recursive,
        include=tuple(args.include) if args.include else DEFAULT_INCLUDE,
        exclude=tuple(args.exclude) if args.exclude is not None else DEFAULT_EXCLUDE,
        settle=args.settle,
        enabled=not args.disabled,
    )
    return services.watch.checked(folder)


def _manage(args: argparse.Namespace, services: Services, action: str, rest: list[str]) -> int:
    if action == "list":
        for f in services.watch.folders():
            state = "" if f.enabled else "  (disabled)"
            recursive = "  recursive" if f.recursive else ""
            print(
                f"{f.path}\tpreset={f.preset or '-'}  account={f.account or '-'}  settle={f.settle:g}s"
                f"{recursive}{state}"
            )
        return 0
    if len(rest) != 1:
        return _usage(f"`watch {action}` takes one folder")
    if action == "add":
        folder = services.watch.add(_folder(args, services, rest[0]))
        print(f"saved {folder.path}", file=sys.stderr)
        return 0
    if not services.watch.remove(rest[0]):
        print(f"error: {rest[0]} is not a saved watch folder", file=sys.stderr)
        return 1
    print(f"removed {rest[0]}", file=sys.stderr)
    return 0


def _say(event: WatchEvent) -> None:
    line = {
        WatchOutcome.QUEUED: f"  queued   {event.path}",
        WatchOutcome.KNOWN: f"  known    {event.path} (as {event.detail}): not again",
        WatchOutcome.SKIPPED: f"  skipped  {event.path}: {event.detail}",
        WatchOutcome.FAILED: f"  failed   {event.path}: {event.detail} (tried again later)",
    }[event.outcome]
    print(line, file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, services: Services, folders: list[WatchFolder]) -> int:
    failed: list[WatchEvent] = []

    def sink(event: WatchEvent) -> None:
        if event.outcome is WatchOutcome.FAILED:
            failed.append(event)
        _say(event)

    def prepare(engine: UploadEngine) -> list[int]:
        watcher = services.watch.watcher(engine, folders, sink)
        for folder in watcher.folders:
            print(f"watching {folder.path} (settle {folder.settle:g} s)", file=sys.stderr)
        if args.once:  # everything queued first, then run_engine uploads it and returns
            return [i for e in watcher.settle() for i in e.job_ids]
        engine.start()  # uploads run while watching; Ctrl-C or SIGTERM ends both
        watcher.start()
        try:
            threading.Event().wait()
        finally:
            watcher.stop()
        return []

    with _sigterm_interrupts():
        status = run_engine(services, args, prepare)
    return max(status, 1) if failed and status == 0 else status


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (a service manager stopping a headless watcher) ends the run like Ctrl-C."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
