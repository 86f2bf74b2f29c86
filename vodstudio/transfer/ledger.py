"""What each job sent over the wire and how often a request was retried, counted until it is recorded."""

from __future__ import annotations

import threading


class SendLedger:
    """Thread-safe counters per job: every part thread adds, the job's runner takes them to the queue.

    Counted where bytes are handed to a socket, so a retried part counts twice: the record shows what
    the link carried, not only the file's size.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sent: dict[int, int] = {}
        self._retries: dict[int, int] = {}

    def sent(self, job_id: int, amount: int) -> None:
        with self._lock:
            self._sent[job_id] = self._sent.get(job_id, 0) + amount

    def retried(self, job_id: int) -> None:
        with self._lock:
            self._retries[job_id] = self._retries.get(job_id, 0) + 1

    def take(self, job_id: int) -> tuple[int, int]:
        """(bytes sent, retries) since the last take, and forget them."""
        with self._lock:
            return self._sent.pop(job_id, 0), self._retries.pop(job_id, 0)
