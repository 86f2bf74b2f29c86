"""Single-request upload for small files, with the same CRC64 check as multipart parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vodstudio.core.errors import IntegrityError
from vodstudio.core.jobs import Checkpoint
from vodstudio.transfer.multipart import check_unchanged
from vodstudio.transfer.oss_call import JobTransfer
from vodstudio.transfer.oss_session import SliceReader


def upload_simple(jt: JobTransfer, cp: Checkpoint) -> int:
    """PUT the whole file to ``cp.object_key``; returns its CRC64."""
    shared = jt.shared
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    shared.budget.acquire(jt.control.cancel)
    try:
        sent = [0]

        def count(n: int) -> None:
            sent[0] += n
            shared.hub.add(jt.job_id, n)

        def undo() -> None:
            shared.hub.add(jt.job_id, -sent[0])
            sent[0] = 0

        def op(bucket: Any) -> int:
            with SliceReader(
                Path(jt.path),
                0,
                cp.file_size,
                limiter=shared.limiter,
                cancel=jt.control.cancel,
                on_bytes=count,
            ) as reader:
                result = bucket.put_object(cp.object_key, reader.body())
            if result.crc is not None and int(result.crc) != reader.crc:
                raise IntegrityError(f"OSS stored CRC64 {result.crc}, we sent {reader.crc}", retryable=True)
            return reader.crc

        crc: int = jt.call(op, on_failure=undo)
    finally:
        shared.budget.release()
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    return crc
