"""The OSS object API that VOD uploads use, path-style: put, multipart, list parts, get/head, delete."""

from __future__ import annotations

import base64
import hashlib
import secrets
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from vodstudio.core.crc64 import combine_parts
from vodstudio.sandbox import lifecycle, oss_store, oss_xml, wire_faults
from vodstudio.sandbox import link as link_mod
from vodstudio.sandbox.httputil import (
    DropConnection,
    content_length,
    iter_body,
    read_body,
    send_empty,
    send_object,
    send_xml,
    split_target,
)
from vodstudio.sandbox.link import ConnectionLink
from vodstudio.sandbox.oss_auth import OssError, authenticate, presign_url
from vodstudio.sandbox.oss_parts import validate_parts
from vodstudio.sandbox.segments import ObjectReader, Segment
from vodstudio.sandbox.state import SandboxState

__all__ = ["handle", "presign_url"]

MAX_PART_NUMBER = 10_000
HOST_ID_SUFFIX = ".oss-cn-shanghai.aliyuncs.com"


@dataclass
class OssCall:
    """One OSS request after routing."""

    state: SandboxState
    handler: BaseHTTPRequestHandler
    operation: str
    bucket: str
    key: str
    params: dict[str, str]
    headers: dict[str, str]
    request_id: str
    body_read: bool = False
    link: ConnectionLink | None = None  # set while a link is emulated (sandbox/link.py)
    trip_owed: bool = False  # the answer's half of the round trip is still to be waited

    def owe_answer_trip(self) -> None:
        if self.trip_owed:
            self.trip_owed = False
            self.state.link.half_trip()

    def answer_headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"x-oss-request-id": self.request_id, **(extra or {})}

    def body(self) -> Iterator[bytes]:
        """The request body in pieces, throttled and possibly cut off by fault injection."""
        self.body_read = True
        pieces: Iterator[bytes] = (
            iter_body(self.handler) if self.link is None else link_mod.paced_body(self, self.link)
        )
        faults = self.state.faults
        if self.state.random.random() < faults.rate(faults.drop_rate, self.operation):
            pieces = _cut_off(pieces, content_length(self.handler) // 2)
        return pieces


def _cut_off(pieces: Iterator[bytes], keep: int) -> Iterator[bytes]:
    """Yield about ``keep`` bytes, then drop the connection (the rest of the body stays unread)."""
    seen = 0
    for piece in pieces:
        if seen + len(piece) > keep:
            yield piece[: max(0, keep - seen)]
            raise DropConnection("fault injection: connection dropped mid-body")
        seen += len(piece)
        yield piece
    raise DropConnection("fault injection: connection dropped at end of body")


def operation_name(method: str, params: dict[str, str]) -> str:
    if method == "PUT":
        return "UploadPart" if "uploadId" in params and "partNumber" in params else "PutObject"
    if method == "POST":
        if "uploads" in params:
            return "InitiateMultipartUpload"
        return "CompleteMultipartUpload" if "uploadId" in params else "PostObject"
    if method == "DELETE":
        return "AbortMultipartUpload" if "uploadId" in params else "DeleteObject"
    if method == "GET":
        if "uploads" in params:
            return "ListMultipartUploads"
        return "ListParts" if "uploadId" in params else "GetObject"
    return "HeadObject" if method == "HEAD" else method


def handle(state: SandboxState, handler: BaseHTTPRequestHandler) -> None:
    path, query = split_target(handler)
    bucket, _, key = path.lstrip("/").partition("/")
    params = dict(query)
    headers = {name.lower(): value for name, value in handler.headers.items()}
    call = OssCall(
        state, handler, operation_name(handler.command, params), bucket, key, params, headers, _request_id()
    )
    try:
        link_mod.enter(call)
        operation = _OPERATIONS.get(call.operation)
        if not bucket:
            raise OssError(403, "AccessDenied", "Anonymous access is forbidden for this operation.")
        principal = authenticate(state, handler.command, headers, bucket, key, query)
        if bucket != state.config.bucket:
            raise OssError(404, "NoSuchBucket", "The specified bucket does not exist.", "0015-00000101")
        listing = call.operation == "ListMultipartUploads"
        if operation is None or not (key or listing):
            raise OssError(501, "NotImplemented", "The sandbox does not implement this operation.")
        # An upload credential may list the open uploads below its own object (prefix), nothing else.
        if not principal.may_write(bucket, params.get("prefix", "") if listing else key):
            raise OssError(403, "AccessDenied", "You are forbidden to access this object.", "0003-00000201")
        _inject_faults(call)
        wire_faults.before_answer(state, handler, call.operation)
        if not wire_faults.hostile_oss(state, handler, call.operation):
            operation(call)
    except OssError as err:
        _send_error(call, err)


def _request_id() -> str:
    return secrets.token_hex(12).upper()


def _send_error(call: OssCall, err: OssError) -> None:
    call.owe_answer_trip()
    headers = call.answer_headers()
    if not call.body_read and content_length(call.handler) > 0:
        # The body was never read; on a kept-alive socket it would be parsed as the next request.
        call.handler.close_connection = True
        headers["Connection"] = "close"
    body = oss_xml.error(
        err.code, err.message, call.request_id, f"{call.bucket}{HOST_ID_SUFFIX}", err.ec, err.extra
    )
    send_xml(call.handler, err.status, body, headers)


def _inject_faults(call: OssCall) -> None:
    faults = call.state.faults
    delay = faults.rate(faults.latency_ms, call.operation)
    if delay > 0:
        time.sleep(delay / 1000.0)
    if call.state.random.random() < faults.rate(faults.error_rate, call.operation):
        call.state.injected[call.operation] += 1
        if call.state.random.random() < 0.5:
            raise OssError(503, "ServiceUnavailable", "Please reduce your request rate.")
        raise OssError(500, "InternalError", "We encountered an internal error. Please try again.")


def _check_md5(call: OssCall, written: oss_store.Written) -> None:
    given = call.headers.get("content-md5")
    if given and given != base64.b64encode(written.md5).decode():
        written.path.unlink(missing_ok=True)
        raise OssError(400, "InvalidDigest", "The Content-MD5 you specified is not valid.", "0016-00000402")


def _put_object(call: OssCall) -> None:
    state = call.state
    target = oss_store.object_path(state, call.bucket, call.key)
    written = oss_store.write_stream(target, call.body(), rate_limit=state.config.ingest_limit)
    _check_md5(call, written)
    ctype = call.headers.get("content-type", "application/octet-stream")
    with state.db() as conn:
        stale = oss_store.record_object(state, conn, call.bucket, call.key, written, content_type=ctype)
        lifecycle.on_object_completed(state, conn, call.bucket, call.key)
    oss_store.discard(stale)
    extra = {"ETag": f'"{written.etag}"', "x-oss-hash-crc64ecma": str(written.crc)}
    extra["Content-MD5"] = base64.b64encode(written.md5).decode()
    send_empty(call.handler, 200, call.answer_headers(extra))


def _initiate(call: OssCall) -> None:
    upload_id = uuid.uuid4().hex.upper()
    ctype = call.headers.get("content-type", "application/octet-stream")
    with call.state.db() as conn:
        conn.execute(
            "INSERT INTO multipart_uploads (upload_id, bucket, key, content_type, initiated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (upload_id, call.bucket, call.key, ctype, call.state.now()),
        )
    send_xml(call.handler, 200, oss_xml.initiate(call.bucket, call.key, upload_id), call.answer_headers())


def _require_upload(call: OssCall) -> str:
    upload_id = call.params.get("uploadId", "")
    with call.state.db() as conn:
        row = conn.execute(
            "SELECT 1 FROM multipart_uploads WHERE upload_id = ? AND bucket = ? AND key = ?",
            (upload_id, call.bucket, call.key),
        ).fetchone()
    if row is None:
        raise _no_such_upload()
    return upload_id


def _no_such_upload() -> OssError:
    return OssError(
        404,
        "NoSuchUpload",
        "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
        "aborted or completed.",
        "0042-00000002",
    )


def _upload_part(call: OssCall) -> None:
    state = call.state
    raw = call.params.get("partNumber", "")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PART_NUMBER:
        raise OssError(
            400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive."
        )
    number = int(raw)
    upload_id = _require_upload(call)
    target = oss_store.part_path(state, upload_id, number)
    try:
        written = oss_store.write_stream(target, call.body(), rate_limit=state.config.ingest_limit)
    except FileNotFoundError:  # the upload completed or was aborted: its part folder is gone
        raise _no_such_upload() from None
    _check_md5(call, written)
    with state.db() as conn:
        alive = conn.execute("SELECT 1 FROM multipart_uploads WHERE upload_id = ?", (upload_id,)).fetchone()
        if alive is not None:
            conn.execute(
                "INSERT OR REPLACE INTO parts (upload_id, part_number, size, etag, crc64, path, "
                "last_modified) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (upload_id, number, written.size, written.etag, str(written.crc), str(target), state.now()),
            )
    if alive is None:  # aborted while the body streamed in
        target.unlink(missing_ok=True)
        raise _no_such_upload()
    extra = {"ETag": f'"{written.etag}"', "x-oss-hash-crc64ecma": str(written.crc)}
    send_empty(call.handler, 200, call.answer_headers(extra))


def _int_param(call: OssCall, name: str, default: int, high: int) -> int:
    raw = call.params.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or int(raw) > high:
        raise OssError(400, "InvalidArgument", f"Argument {name} is invalid.")
    return int(raw)


def _list_parts(call: OssCall) -> None:
    upload_id = _require_upload(call)
    marker = _int_param(call, "part-number-marker", 0, MAX_PART_NUMBER)
    limit = _int_param(call, "max-parts", 1000, 1000) or 1000
    with call.state.db() as conn:
        rows = conn.execute(
            "SELECT * FROM parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?",
            (upload_id, marker, limit + 1),
        ).fetchall()
    truncated = len(rows) > limit
    body = oss_xml.list_parts(call.bucket, call.key, upload_id, marker, limit, rows[:limit], truncated)
    send_xml(call.handler, 200, body, call.answer_headers())


def _complete(call: OssCall) -> None:
    state = call.state
    upload_id = _require_upload(call)
    call.body_read = True
    try:
        wanted = oss_xml.parse_complete(read_body(call.handler))
    except ValueError:
        raise OssError(
            400, "MalformedXML", "The XML you provided was not well-formed.", "0042-00000204"
        ) from None
    with state.db() as conn:
        rows = {
            r["part_number"]: r
            for r in conn.execute("SELECT * FROM parts WHERE upload_id = ?", (upload_id,)).fetchall()
        }
    chosen = [rows[n] for n, _ in validate_parts(wanted, rows)]
    md5s = b"".join(bytes.fromhex(row["etag"]) for row in chosen)
    etag = f"{hashlib.md5(md5s).hexdigest().upper()}-{len(chosen)}"  # noqa: S324 - the OSS rule
    crc = combine_parts((int(row["crc64"]), int(row["size"])) for row in chosen)
    folder = oss_store.segment_dir(state, call.bucket, call.key, upload_id)
    segments = [Segment(folder / Path(row["path"]).name, int(row["size"])) for row in chosen]
    stale = _commit_segments(call, upload_id, folder, segments, etag, crc)
    oss_store.discard(stale)
    kept = {segment.path.name for segment in segments}
    oss_store.discard([path for path in folder.iterdir() if path.name not in kept])  # parts not listed
    location = f"{state.vod_endpoint}/{call.bucket}/{call.key}"
    extra = {"ETag": f'"{etag}"', "x-oss-hash-crc64ecma": str(crc)}
    body = oss_xml.complete(location, call.bucket, call.key, etag)
    send_xml(call.handler, 200, body, call.answer_headers(extra))


def _commit_segments(
    call: OssCall, upload_id: str, folder: Path, segments: list[Segment], etag: str, crc: int
) -> list[Path]:
    """End the upload and turn its part folder into the object, in one transaction: O(parts), no copy.

    The folder moves under the database lock, where UploadPart checks that its upload is still alive.
    """
    state = call.state
    with state.db() as conn:
        ctype = conn.execute(
            "SELECT content_type FROM multipart_uploads WHERE upload_id = ?", (upload_id,)
        ).fetchone()
        if ctype is None:  # aborted or completed meanwhile
            raise _no_such_upload()
        conn.execute("DELETE FROM multipart_uploads WHERE upload_id = ?", (upload_id,))
        folder.parent.mkdir(parents=True, exist_ok=True)
        (state.parts_dir / upload_id).rename(folder)
        try:
            stale = oss_store.record_composite(
                state,
                conn,
                call.bucket,
                call.key,
                folder,
                segments,
                etag=etag,
                crc=crc,
                content_type=ctype[0],
            )
            lifecycle.on_object_completed(state, conn, call.bucket, call.key)
        except BaseException:
            folder.rename(state.parts_dir / upload_id)  # the rollback restores the upload: keep its parts
            raise
    return stale


def _abort(call: OssCall) -> None:
    upload_id = _require_upload(call)
    with call.state.db() as conn:
        conn.execute("DELETE FROM multipart_uploads WHERE upload_id = ?", (upload_id,))
    shutil.rmtree(call.state.parts_dir / upload_id, ignore_errors=True)
    send_empty(call.handler, 204, call.answer_headers())


def _list_uploads(call: OssCall) -> None:
    prefix = call.params.get("prefix", "")
    with call.state.db() as conn:
        rows = conn.execute(
            "SELECT upload_id, key, initiated_at FROM multipart_uploads"
            " WHERE bucket = ? AND substr(key, 1, ?) = ? ORDER BY key, initiated_at",
            (call.bucket, len(prefix), prefix),
        ).fetchall()
    send_xml(call.handler, 200, oss_xml.list_uploads(call.bucket, prefix, rows), call.answer_headers())


def _get_object(call: OssCall) -> None:
    with call.state.db() as conn:
        row = oss_store.find_object(conn, call.bucket, call.key)
        reader = None if row is None else oss_store.open_object(call.state, conn, row)
    if row is None or reader is None:
        raise OssError(404, "NoSuchKey", "The specified key does not exist.", "0026-00000001")
    last_modified = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(row["created_at"]))
    extra = call.answer_headers(
        {
            "ETag": f'"{row["etag"]}"',
            "x-oss-hash-crc64ecma": row["crc64"],
            "Last-Modified": last_modified,
            "x-oss-object-type": "Multipart" if "-" in row["etag"] else "Normal",
            "x-oss-storage-class": "Standard",
        }
    )
    faults = call.state.faults
    with reader:
        if call.handler.command == "GET" and call.state.random.random() < faults.rate(
            faults.drop_rate, call.operation
        ):
            _send_partial(call, reader, row["content_type"], extra)
        send_object(
            call.handler,
            reader,
            size=reader.size,
            content_type=row["content_type"],
            range_header=call.headers.get("range"),
            headers=extra,
        )


def _send_partial(call: OssCall, reader: ObjectReader, content_type: str, headers: dict[str, str]) -> None:
    """Fault injection: announce the whole object, send half of it, then drop the connection."""
    handler = call.handler
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(reader.size))
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(reader.read(reader.size // 2))
    raise DropConnection("fault injection: response cut off")


def _delete_object(call: OssCall) -> None:
    with call.state.db() as conn:
        files = oss_store.remove_object(call.state, conn, call.bucket, call.key)
    oss_store.discard(files)
    send_empty(call.handler, 204, call.answer_headers())


_OPERATIONS: dict[str, Callable[[OssCall], None]] = {
    "PutObject": _put_object,
    "InitiateMultipartUpload": _initiate,
    "UploadPart": _upload_part,
    "ListParts": _list_parts,
    "ListMultipartUploads": _list_uploads,
    "CompleteMultipartUpload": _complete,
    "AbortMultipartUpload": _abort,
    "GetObject": _get_object,
    "HeadObject": _get_object,
    "DeleteObject": _delete_object,
}
