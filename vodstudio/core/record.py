"""The upload record: one typed row per job, as exported to CSV and JSON (what was delivered, provably)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class RecordRow:
    """One job of the record. Times are Unix seconds (0 = not yet); ``crc64`` is 16 hex digits."""

    job_id: int
    batch_id: str
    account: str
    kind: str
    path: str
    title: str
    size: int
    media_id: str  # the VideoId (ImageId, MediaId) the service gave the upload
    state: str
    started_at: float
    finished_at: float
    bytes_sent: int  # bytes sent over the wire, re-sends included (>= size once done)
    retries: int  # requests sent again after a failure
    crc64: str  # the object's CRC-64/ECMA as OSS stored and we verified it
    sha256: str = ""  # only when asked for at export time
    note: str = ""  # why ``sha256`` is empty when it was asked for
    error_code: str = ""
    error_message: str = ""
    request_id: str = ""


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(RecordRow))
_TIMES = frozenset({"started_at", "finished_at"})


def iso_time(seconds: float) -> str:
    """``1733212800.5`` -> ``"2024-12-03T08:00:00.500Z"``; ``0`` -> ``""``."""
    if not seconds:
        return ""
    moment = datetime.fromtimestamp(seconds, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def as_dict(row: RecordRow) -> dict[str, Any]:
    """The row with times in ISO 8601 UTC (the JSON object of one job)."""
    return {name: iso_time(value) if name in _TIMES else value for name, value in vars_of(row)}


def csv_cells(row: RecordRow) -> list[str]:
    return [str(value) for value in as_dict(row).values()]


def vars_of(row: RecordRow) -> list[tuple[str, Any]]:
    return [(name, getattr(row, name)) for name in COLUMNS]
