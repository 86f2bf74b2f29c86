"""Multipart upload: initiate or resume (ListParts is the truth), parallel parts, complete, verify CRC64."""

from __future__ import annotations

import logging
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import replace
from pathlib import Path
from typing import Any

from vodstudio.core.errors import (
    AuthError,
    IntegrityError,
    MalformedResponseError,
    NotFoundError,
    ServiceError,
    SourceFileError,
)
from vodstudio.core.jobs import Checkpoint, PartRecord
from vodstudio.transfer.crc import combine_parts, crc64
from vodstudio.transfer.oss_call import JobTransfer
from vodstudio.transfer.planner import part_ranges

log = logging.getLogger("vodstudio.transfer.multipart")


def check_unchanged(path: str, size: int, mtime_ns: int) -> None:
    """Fail with ``file.changed`` if the file is not the one the checkpoint was made from."""
    try:
        st = Path(path).stat()
    except OSError as exc:
        raise SourceFileError(f"the file is gone: {exc.strerror}", code="file.missing", path=path) from exc
    if st.st_size != size or st.st_mtime_ns != mtime_ns:
        raise SourceFileError(
            "the file changed since its upload started (size or modification time differs)",
            code="file.changed",
            path=path,
        )


def file_crc(path: str, offset: int, size: int) -> int:
    """CRC-64 of ``size`` bytes at ``offset``, read into one reused 1 MiB buffer (no per-read objects)."""
    crc = 0
    view = memoryview(bytearray(min(size, 1 << 20) or 1))
    with open(path, "rb", buffering=0) as handle:
        handle.seek(offset)
        left = size
        while left > 0:
            got = handle.readinto(view[: min(left, len(view))])
            if not got:
                break
            crc = crc64(view[:got], crc)
            left -= got
    return crc


def _list_parts(jt: JobTransfer, cp: Checkpoint) -> dict[int, tuple[str, int]]:
    """Every part the server holds for the upload: number -> (etag, size)."""
    found: dict[int, tuple[str, int]] = {}
    marker = 0
    while True:

        def page(bucket: Any, m: int = marker) -> Any:
            # oss2 wants strings: V4 signs every query value (V1 let an int marker through unsigned).
            return bucket.list_parts(cp.object_key, cp.upload_id, marker=str(m), max_parts=1000)

        result: Any = jt.call(page)
        for part in result.parts:
            found[int(part.part_number)] = (str(part.etag), int(part.size))
        if not result.is_truncated:
            return found
        marker = int(result.next_marker)


def _reconcile(jt: JobTransfer, cp: Checkpoint) -> tuple[Checkpoint, dict[int, PartRecord]]:
    """Resume: keep the parts the server has (recorded CRCs, or re-read locally when missing)."""
    queue = jt.shared.queue
    if not cp.upload_id:
        return cp, {}
    try:
        server = _list_parts(jt, cp)
    except NotFoundError:
        log.info("job %s: upload %s is gone on the server; starting a new one", jt.job_id, cp.upload_id)
        queue.forget_parts(jt.job_id)
        cp = replace(cp, upload_id="", parts=())
        queue.save_checkpoint(cp)
        return cp, {}
    sizes = {n: s for n, _, s in part_ranges(cp.file_size, cp.part_size)}
    offsets = {n: o for n, o, _ in part_ranges(cp.file_size, cp.part_size)}
    recorded = {p.part_number: p for p in cp.parts}
    done: dict[int, PartRecord] = {}
    for number, (etag, size) in server.items():
        if sizes.get(number) != size:
            continue
        mine = recorded.get(number)
        if mine is not None and mine.etag == etag:
            done[number] = mine
        else:  # acknowledged by OSS but not recorded before the crash: CRC from the local file
            rec = PartRecord(number, size, etag, file_crc(jt.path, offsets[number], size))
            done[number] = rec
    stale = [n for n in recorded if n not in done]
    if stale:
        queue.forget_parts(jt.job_id, stale)
    return cp, done


def _upload_part(jt: JobTransfer, cp: Checkpoint, number: int, offset: int, size: int) -> PartRecord:
    result, crc = jt.send_slice(
        offset,
        size,
        lambda bucket, body: bucket.upload_part(cp.object_key, cp.upload_id, number, body),
        f"part {number}",
    )
    return PartRecord(number, size, str(result.etag), crc)


def _send_parts(jt: JobTransfer, cp: Checkpoint, done: dict[int, PartRecord]) -> None:
    """Upload the missing parts, at most ``parallel_parts`` of this job in flight; record each durably."""
    todo = [r for r in part_ranges(cp.file_size, cp.part_size) if r[0] not in done]
    inflight: dict[Future[PartRecord], int] = {}
    try:
        while todo or inflight:
            while todo and len(inflight) < max(jt.shared.parallel_parts(), 1):
                jt.check_stop()
                number, offset, size = todo.pop(0)
                future = jt.shared.pool.submit(_upload_part, jt, cp, number, offset, size)
                inflight[future] = number
            # Not forever: when adaptive parallelism raises the count, more parts start within a second.
            finished, _ = wait(list(inflight), timeout=0.5, return_when=FIRST_COMPLETED)
            for future in finished:
                inflight.pop(future)
                record = future.result()  # raises the part's error: the job stops
                done[record.part_number] = record
                total = sum(p.size for p in done.values())
                jt.shared.queue.record_part(jt.job_id, record, bytes_done=total)
    finally:
        if inflight:  # a part failed or we were stopped: let the others land (bounded by the window)
            wait(list(inflight))
            for future in inflight:  # keep what the server acknowledged even while stopping
                if not future.cancelled() and future.exception() is None:
                    rec = future.result()
                    done[rec.part_number] = rec
                    total = sum(p.size for p in done.values())
                    jt.shared.queue.record_part(jt.job_id, rec, bytes_done=total)


def upload_multipart(jt: JobTransfer, cp: Checkpoint) -> Checkpoint:
    """Upload (or continue) the file described by ``cp``; returns the final checkpoint.

    The CRC64 of every part is checked as it lands; after Complete the object's CRC must equal the
    combination of the part CRCs (recorded ones after a resume, where ListParts gives no CRCs).
    """
    queue = jt.shared.queue
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    resumed = bool(cp.upload_id)
    cp, done = _reconcile(jt, cp)
    if resumed and not cp.upload_id and _already_complete(jt, cp):
        log.info("job %s: the object is already complete on the server; nothing to send", jt.job_id)
        return cp
    if not cp.upload_id:
        # A kill inside an earlier Initiate left an upload whose id we never learned: end it first.
        sweep_strays(jt, cp.object_key)
        result: Any = jt.call(lambda b: b.init_multipart_upload(cp.object_key))
        cp = replace(cp, upload_id=str(result.upload_id), parts=())
        queue.save_checkpoint(cp)  # durable before the first part is sent
    jt.shared.hub.set_done(jt.job_id, sum(p.size for p in done.values()), force=True)
    _send_parts(jt, cp, done)
    check_unchanged(jt.path, cp.file_size, cp.mtime_ns)
    _check_content(jt, cp, done)  # never Complete an object that mixes two versions of the file
    expected = combine_parts((done[n].crc64, done[n].size) for n in sorted(done))
    _complete(jt, cp, done, expected)
    return replace(cp, parts=tuple(done[n] for n in sorted(done)))


def _check_content(jt: JobTransfer, cp: Checkpoint, done: dict[int, PartRecord]) -> None:
    """Read the file once more and compare each part's CRC-64 with the one of the bytes sent.

    Size and modification time can both be kept by an in-place edit (some editors, ``touch -r``),
    during the upload or between a kill and the resume; the object would then match neither version.
    Reading is an order of magnitude faster than uploading, so this costs a fraction of the upload.
    """
    for number, offset, size in part_ranges(cp.file_size, cp.part_size):
        jt.check_stop()
        try:
            now = file_crc(jt.path, offset, size)
        except OSError as exc:
            gone = f"the file is gone: {exc.strerror}"
            raise SourceFileError(gone, code="file.missing", path=jt.path) from exc
        if now != done[number].crc64:
            raise SourceFileError(
                f"the file was changed in place during the upload (part {number} differs, though size "
                "and modification time were kept); retry to upload it anew",
                code="file.changed",
                path=jt.path,
            )


def _complete(jt: JobTransfer, cp: Checkpoint, done: dict[int, PartRecord], expected: int) -> None:
    from vodstudio.transfer.oss2_import import load_oss2  # first use: see oss_session.OssSession.bucket

    PartInfo = load_oss2().models.PartInfo  # noqa: N806 (oss2's class)

    infos = [PartInfo(n, done[n].etag) for n in sorted(done)]
    try:
        result: Any = jt.call(lambda b: b.complete_multipart_upload(cp.object_key, cp.upload_id, infos))
        actual = result.crc
    except NotFoundError:
        # A retried Complete whose first attempt landed (the answer was lost): the object is there.
        actual = object_crc(jt, cp.object_key)
        if actual is None:
            raise
    if actual is None:  # OSS always sends the object's CRC; without it, ask whether the object exists
        actual = object_crc(jt, cp.object_key)
        if actual is None:
            raise IntegrityError("Complete was answered, but the object is not on the server")
    if int(actual) != expected:
        raise IntegrityError(f"the uploaded object's CRC64 {actual} differs from the file's {expected}")


def _already_complete(jt: JobTransfer, cp: Checkpoint) -> bool:
    """The upload is gone because Complete landed and its answer was lost (a kill inside Complete)?

    Then the object is there, as large as the file, with the file's CRC-64: finish instead of
    sending every byte again. Any other object (older, partial, someone else's) does not match.
    """
    try:
        head: Any = jt.call(lambda b: b.head_object(cp.object_key))
    except NotFoundError:
        return False
    size = int(head.headers.get("Content-Length") or -1)
    crc = head.headers.get("x-oss-hash-crc64ecma")
    return size == cp.file_size and bool(crc) and int(crc) == file_crc(jt.path, 0, cp.file_size)


def object_crc(jt: JobTransfer, key: str) -> int | None:
    try:
        head: Any = jt.call(lambda b: b.head_object(key))
    except NotFoundError:
        return None
    value = head.headers.get("x-oss-hash-crc64ecma")
    return int(value) if value else None


def sweep_strays(jt: JobTransfer, key: str, keep: str = "") -> int:
    """Abort every open multipart upload of ``key`` except ``keep``; returns how many were aborted.

    The object key belongs to this job alone (VOD hands out one per video), so any open upload of it
    is ours: one whose Initiate answer was lost in a kill, or one a failed abort left behind. A
    credential that may not list uploads only costs a log line.
    """
    try:
        listing: Any = jt.call(lambda b: b.list_multipart_uploads(prefix=key, max_uploads=1000))
    except (AuthError, MalformedResponseError) as exc:
        log.warning("job %s: cannot list open uploads of its object: %s", jt.job_id, exc)
        return 0
    strays = [u.upload_id for u in listing.upload_list if u.key == key and u.upload_id != keep]
    for upload_id in strays:
        log.info("job %s: aborting stray upload %s", jt.job_id, upload_id)
        abort(jt, Checkpoint(jt.job_id, "", "", key, upload_id))
    return len(strays)


def abort(jt: JobTransfer, cp: Checkpoint) -> None:
    if not cp.upload_id:
        return
    try:
        jt.call(lambda b: b.abort_multipart_upload(cp.object_key, cp.upload_id))
    except ServiceError as exc:  # already gone is fine
        if not isinstance(exc, NotFoundError):
            raise
