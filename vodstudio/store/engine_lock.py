"""One uploading process per profile: an OS file lock, held by the running engine.

Two processes that both run the queue of one profile would each take the other's in-flight jobs
(the second one's start re-queues them as "interrupted"): videos uploaded twice, finished ones
failed. So the engine takes ``engine.lock`` in the profile before it recovers or runs anything; a
second process gets ``EngineBusyError`` naming the owner's pid. The lock is the OS's (``flock`` on
POSIX, ``msvcrt.locking`` on Windows): it dies with its process, so a killed process never leaves a
stale lock behind. Within one process the lock is shared (counted), so a GUI and its helpers
do not lock each other out.

Decision: a second CLI ``upload`` refuses before queueing anything (exit 1, the message says who
is uploading); a GUI that starts second shows the queue without running it, and files dropped
there are queued for the owner, whose dispatcher picks them up from the database.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from vodstudio.core.errors import EngineBusyError, StorageError
from vodstudio.store.paths import PRIVATE_FILE

_PID_AT = 16  # the pid is written past the locked byte (Windows locks bytes, not files)
_held: dict[str, tuple[int, int]] = {}  # resolved path -> (fd, holders in this process)
_held_lock = threading.Lock()


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_pid(fd: int) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        os.lseek(fd, _PID_AT, os.SEEK_SET)
        return int(os.read(fd, 32).decode("ascii").strip() or "0") or None
    return None


class EngineLock:
    """The profile's engine lock; ``acquire`` and ``release`` pair up (re-entrant in a process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._mine = 0

    def acquire(self) -> None:
        key = str(self.path.resolve())
        with _held_lock:
            if key in _held:
                fd, count = _held[key]
                _held[key] = (fd, count + 1)
                self._mine += 1
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
            except OSError as exc:
                raise StorageError(
                    f"the profile is read-only ({self.path.parent}): {exc.strerror}", code="storage.read-only"
                ) from exc
            if not _try_lock(fd):
                pid = _read_pid(fd)
                os.close(fd)
                raise EngineBusyError(pid)
            os.lseek(fd, _PID_AT, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.ftruncate(fd, _PID_AT + len(f"{os.getpid()}\n"))
            _held[key] = (fd, 1)
            self._mine += 1

    def release(self) -> None:
        if not self._mine:
            return
        self._mine -= 1
        key = str(self.path.resolve())
        with _held_lock:
            fd, count = _held[key]
            if count > 1:
                _held[key] = (fd, count - 1)
                return
            del _held[key]
        os.close(fd)  # closing the descriptor releases the OS lock

    @property
    def held(self) -> bool:
        return self._mine > 0
