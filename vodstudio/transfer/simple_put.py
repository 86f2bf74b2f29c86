"""Single-request upload for small files, with the same CRC64 check as multipart parts."""

from __future__ import annotations

from vodstudio.core.errors import SourceFileError
from vodstudio.core.jobs import Checkpoint
from vodstudio.transfer.multipart import check_unchanged, file_crc
from vodstudio.transfer.oss_call import JobTransfer


def upload_simple(jt: JobTransfer, cp: Checkpoint) -> int:
    """PUT the whole file to ``cp.object_key``; returns its CRC64."""
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    _, crc = jt.send_slice(
        0, cp.file_size, lambda bucket, body: bucket.put_object(cp.object_key, body), "object"
    )
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    # Small enough to read again whole: an edit during the PUT that kept size and mtime shows here.
    if file_crc(jt.path, 0, cp.file_size) != crc:
        raise SourceFileError(
            "the file was changed in place during the upload (size and modification time were kept)",
            code="file.changed",
            path=jt.path,
        )
    return crc
