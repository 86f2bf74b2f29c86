"""OSS XML bodies: errors (§3.4), multipart results, ListParts (§3.5) and the Complete request."""

from __future__ import annotations

import datetime as dt
import sqlite3
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _el(tag: str, value: object) -> str:
    return f"<{tag}>{escape(str(value))}</{tag}>"


def error(code: str, message: str, request_id: str, host_id: str, ec: str, extra: dict[str, str]) -> bytes:
    inner = (
        _el("Code", code) + _el("Message", message) + _el("RequestId", request_id) + _el("HostId", host_id)
    )
    inner += "".join(_el(k, v) for k, v in extra.items())
    if ec:
        inner += _el("EC", ec)
    return (_HEAD + f"<Error>{inner}</Error>\n").encode()


def oss_time(ts: float) -> str:
    """``YYYY-MM-DDTHH:MM:SS.000Z``: the only shape oss2's ListParts parser accepts."""
    return dt.datetime.fromtimestamp(ts, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def initiate(bucket: str, key: str, upload_id: str) -> bytes:
    body = _el("Bucket", bucket) + _el("Key", key) + _el("UploadId", upload_id)
    return (_HEAD + f"<InitiateMultipartUploadResult>{body}</InitiateMultipartUploadResult>").encode()


def list_uploads(bucket: str, prefix: str, rows: list[sqlite3.Row]) -> bytes:
    """ListMultipartUploads, one page (the sandbox lists every match; ``IsTruncated`` is false)."""
    uploads = "".join(
        "<Upload>" + _el("Key", r["key"]) + _el("UploadId", r["upload_id"])
        + _el("Initiated", oss_time(r["initiated_at"])) + "</Upload>"
        for r in rows
    )  # fmt: skip
    body = (
        _el("Bucket", bucket) + "<KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>"
        + "<NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>"
        + _el("Prefix", prefix) + "<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>" + uploads
    )  # fmt: skip
    return (_HEAD + f"<ListMultipartUploadsResult>{body}</ListMultipartUploadsResult>").encode()


def complete(location: str, bucket: str, key: str, etag: str) -> bytes:
    body = _el("Location", location) + _el("Bucket", bucket) + _el("Key", key) + _el("ETag", f'"{etag}"')
    return (_HEAD + f"<CompleteMultipartUploadResult>{body}</CompleteMultipartUploadResult>").encode()


def list_parts(
    bucket: str,
    key: str,
    upload_id: str,
    marker: int,
    max_parts: int,
    rows: list[sqlite3.Row],
    truncated: bool,
) -> bytes:
    next_marker = rows[-1]["part_number"] if rows else ""
    head = (
        _el("Bucket", bucket)
        + _el("Key", key)
        + _el("UploadId", upload_id)
        + _el("PartNumberMarker", marker)
        + _el("NextPartNumberMarker", next_marker)
        + _el("MaxParts", max_parts)
        + _el("IsTruncated", "true" if truncated else "false")
    )
    parts = "".join(
        "<Part>"
        + _el("PartNumber", row["part_number"])
        + _el("LastModified", oss_time(row["last_modified"]))
        + _el("ETag", f'"{row["etag"]}"')
        + _el("HashCrc64ecma", row["crc64"])
        + _el("Size", row["size"])
        + "</Part>"
        for row in rows
    )
    return (_HEAD + f"<ListPartsResult>{head}{parts}</ListPartsResult>").encode()


def parse_complete(body: bytes) -> list[tuple[int, str]]:
    """(PartNumber, ETag without quotes) in request order; ValueError if the XML is not a part list."""
    root = ET.fromstring(body)  # noqa: S314 - loopback clients, small bodies
    if root.tag != "CompleteMultipartUpload":
        raise ValueError("not a CompleteMultipartUpload document")
    parts: list[tuple[int, str]] = []
    for part in root.findall("Part"):
        number = part.findtext("PartNumber")
        etag = part.findtext("ETag")
        if number is None or etag is None:
            raise ValueError("part without PartNumber or ETag")
        parts.append((int(number), etag.strip().strip('"').upper()))
    return parts
