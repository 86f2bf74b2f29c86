"""The upload record as a use case: every job (or a batch, or chosen ones) exported to CSV or JSON."""

from __future__ import annotations

import csv
import enum
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from vodstudio.app_info import NAME, VERSION
from vodstudio.core.jobs import JobKind
from vodstudio.core.record import COLUMNS, RecordRow, as_dict, csv_cells, iso_time
from vodstudio.store.atomic import atomic_text
from vodstudio.store.queue_db import QueueDb
from vodstudio.store.record_db import RecordTable

_LOCAL_KINDS = frozenset({JobKind.VIDEO.value, JobKind.IMAGE.value, JobKind.ATTACHED.value})
_HASH_CHUNK = 1 << 20

# Why a requested SHA-256 is empty (stable words: a spreadsheet can filter on them).
NOTE_NOT_LOCAL = "not a local file"
NOTE_MISSING = "file missing"
NOTE_CHANGED = "file changed since it was queued"


class RecordFormat(enum.StrEnum):
    CSV = "csv"
    JSON = "json"

    @classmethod
    def for_path(cls, path: Path) -> RecordFormat:
        """From the file name (``.json``: JSON; anything else: CSV)."""
        return cls.JSON if path.suffix.lower() == ".json" else cls.CSV


@dataclass(frozen=True)
class RecordSummary:
    path: Path
    format: RecordFormat
    jobs: int
    hashed: int  # files whose SHA-256 was computed
    unhashed: int  # SHA-256 asked for but not possible (see the rows' notes)


def sha256_of(path: str, size: int, mtime_ns: int) -> tuple[str, str]:
    """(hex digest, "") of the local file if it is still the one queued, else ("", why not)."""
    file = Path(path)
    try:
        st = file.stat()
    except OSError:
        return "", NOTE_MISSING
    if st.st_size != size or st.st_mtime_ns != mtime_ns:
        return "", NOTE_CHANGED
    digest = hashlib.sha256()
    try:
        with file.open("rb") as handle:
            while chunk := handle.read(_HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return "", NOTE_MISSING
    return digest.hexdigest(), ""


class UploadRecord:
    """Rows are read a page at a time and written as they come: 100,000 jobs never sit in memory."""

    def __init__(self, queue: QueueDb) -> None:
        self._queue = queue
        self.table = RecordTable(queue.database)

    def rows(
        self,
        *,
        batch_id: str | None = None,
        job_ids: Sequence[int] | None = None,
        sha256: bool = False,
    ) -> Iterator[RecordRow]:
        for row in self.table.rows(batch_id=batch_id, job_ids=job_ids):
            yield self._hashed(row) if sha256 else row

    def _hashed(self, row: RecordRow) -> RecordRow:
        if row.kind not in _LOCAL_KINDS:
            return replace(row, note=NOTE_NOT_LOCAL)
        job = self._queue.job(row.job_id)
        if job is None:
            return replace(row, note=NOTE_MISSING)
        digest, note = sha256_of(job.path, job.size, job.mtime_ns)
        return replace(row, sha256=digest, note=note)

    def export(
        self,
        path: Path,
        fmt: RecordFormat | None = None,
        *,
        batch_id: str | None = None,
        job_ids: Sequence[int] | None = None,
        sha256: bool = False,
    ) -> RecordSummary:
        """Write the record to ``path`` atomically (a half-written record never replaces a good one)."""
        fmt = fmt or RecordFormat.for_path(path)
        rows = self.rows(batch_id=batch_id, job_ids=job_ids, sha256=sha256)
        counts = _Counts()
        if fmt is RecordFormat.CSV:
            # UTF-8 with a BOM: Excel (a Chinese Windows too) then reads the names right; CRLF per RFC 4180.
            with atomic_text(path, encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out, lineterminator="\r\n")
                writer.writerow(COLUMNS)
                for row in counts.of(rows, sha256):
                    writer.writerow(csv_cells(row))
        else:
            accounts = self.table.accounts(batch_id=batch_id, job_ids=job_ids)
            with atomic_text(path) as out:
                _write_json(out, accounts, counts.of(rows, sha256))
        return RecordSummary(path, fmt, counts.jobs, counts.hashed, counts.unhashed)


class _Counts:
    def __init__(self) -> None:
        self.jobs = self.hashed = self.unhashed = 0

    def of(self, rows: Iterator[RecordRow], sha256: bool) -> Iterator[RecordRow]:
        for row in rows:
            self.jobs += 1
            if sha256:
                self.hashed += bool(row.sha256)
                self.unhashed += not row.sha256
            yield row


def _write_json(out: TextIO, accounts: list[str], rows: Iterator[RecordRow]) -> None:
    """One object; the jobs list is streamed row by row (the same keys as the CSV header)."""
    head = {
        "generated_at": iso_time(datetime.now(UTC).timestamp()),
        "app": NAME,
        "app_version": VERSION,
        "accounts": accounts,
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "jobs": [')
    for index, row in enumerate(rows):
        out.write(("," if index else "") + "\n  " + json.dumps(as_dict(row), ensure_ascii=False))
    out.write("\n ]\n}\n")
