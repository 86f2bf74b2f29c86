"""UploadMediaByURL and GetURLUploadInfos: pull jobs that really fetch loopback URLs in the background.

The sandbox has no internet: a URL that is not ``http://`` on a loopback address ends in
``DOWNLOAD_FAIL`` (ErrorCode ``DownloadFailed``) after one phase, instead of hanging.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from vodstudio.sandbox import lifecycle, oss_store, vod_upload
from vodstudio.sandbox.rpc import RpcContext, RpcError, action
from vodstudio.sandbox.state import SandboxState

log = logging.getLogger(__name__)

# RFC 3986 reserved characters and "%": what already has a meaning in a URL stays as it is.
_FETCH_SAFE = ":/?#[]@!$&'()*+,;=%~"
_workers: dict[int, tuple[threading.Event, list[threading.Thread]]] = {}
_workers_lock = threading.Lock()


def is_loopback_http(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


def _entries(raw: str) -> list[str]:
    """The UploadURLs entries exactly as sent (each one URL-encoded by the caller)."""
    return [item.strip() for item in raw.split(",") if item.strip()]


def _url_list(raw: str) -> list[str]:
    return [unquote(item) for item in _entries(raw)]


def _fetchable(url: str) -> str:
    """A decoded URL made fit for an HTTP request again: spaces and non-ASCII escaped, escapes kept."""
    return quote(url, safe=_FETCH_SAFE)


@action("UploadMediaByURL")
def upload_media_by_url(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    entries = _entries(ctx.require("UploadURLs"))
    urls = [unquote(entry) for entry in entries]
    if not urls or len(urls) > 20 or any(urlsplit(u).scheme not in ("http", "https") for u in urls):
        raise RpcError(400, "InvalidParameter.UploadURLs", "The specified parameter UploadURLs is not valid.")
    metas: dict[str, dict[str, Any]] = {}
    if ctx.get("UploadMetadatas"):
        parsed = ctx.get_json("UploadMetadatas")
        if not isinstance(parsed, list) or not all(
            isinstance(m, dict) and m.get("SourceURL") for m in parsed
        ):
            raise ctx.invalid("UploadMetadatas")
        # Matched as strings, as the service does: SourceURL must be the UploadURLs entry itself
        # (encoded the same way), or the metadata is silently not applied.
        metas = {str(m["SourceURL"]): m for m in parsed}
    template = vod_upload.template_param(ctx)
    user_data = vod_upload.user_data_param(ctx)
    jobs: list[dict[str, str]] = []
    with state.db() as conn:
        for url in urls:
            job_id = uuid.uuid4().hex
            conn.execute(
                "INSERT INTO url_jobs (job_id, source_url, status, user_data, created_at) "
                "VALUES (?, ?, 'PENDING', ?, ?)",
                (job_id, url, user_data, state.now()),
            )
            jobs.append({"JobId": job_id, "SourceURL": url})
    for job, entry in zip(jobs, entries, strict=True):
        _start(state, job["JobId"], job["SourceURL"], metas.get(entry, {}), template)
    return {"UploadJobs": jobs}


def _start(state: SandboxState, job_id: str, url: str, meta: dict[str, Any], template: str) -> None:
    with _workers_lock:
        stop, threads = _workers.setdefault(id(state), (threading.Event(), []))
        thread = threading.Thread(
            target=_run,
            args=(state, stop, job_id, url, meta, template),
            name=f"url-pull-{job_id[:8]}",
            daemon=True,
        )
        threads.append(thread)
    thread.start()


def stop_all(state: SandboxState) -> None:
    """Stop this sandbox's pull workers (called by ``Sandbox.stop`` before the database closes)."""
    with _workers_lock:
        stop, threads = _workers.pop(id(state), (threading.Event(), []))
    stop.set()
    for thread in threads:
        thread.join(timeout=2)


def _set(state: SandboxState, job_id: str, status: str, **columns: Any) -> None:
    assignments = "".join(f", {name} = ?" for name in columns)
    with state.db() as conn:
        conn.execute(
            f"UPDATE url_jobs SET status = ?{assignments} WHERE job_id = ?",
            (status, *columns.values(), job_id),
        )


def _run(
    state: SandboxState, stop: threading.Event, job_id: str, url: str, meta: dict[str, Any], template: str
) -> None:
    delay = state.config.url_pull_delay
    try:
        if stop.wait(delay):
            return
        _set(state, job_id, "DOWNLOADING")
        temp = state.parts_dir / f"pull-{job_id}"
        try:
            if not is_loopback_http(url):
                raise OSError("the sandbox has no internet access; only loopback http URLs can be pulled")
            with urllib.request.urlopen(_fetchable(url), timeout=30) as answer:  # noqa: S310 - loopback http
                written = oss_store.write_stream(temp, _read(answer))
        except (OSError, ValueError) as exc:  # ValueError: http.client.InvalidURL
            if not stop.wait(delay):
                message = f"Download of the source file failed: {exc}"
                _set(state, job_id, "DOWNLOAD_FAIL", error_code="DownloadFailed", error_message=message,
                     completed_at=state.now())  # fmt: skip
            return
        if stop.wait(delay):
            return
        media_id = _begin_upload(state, job_id, url, meta, template, written.size)
        if stop.wait(delay):
            return
        _finish_upload(state, job_id, media_id, written)
    except Exception:
        log.exception("URL pull job %s failed", job_id)


def _read(answer: Any) -> Iterator[bytes]:
    while piece := answer.read(1024 * 1024):
        yield piece


def _begin_upload(
    state: SandboxState, job_id: str, url: str, meta: dict[str, Any], template: str, size: int
) -> str:
    ext = str(meta.get("FileExtension") or vod_upload.extension(urlsplit(url).path) or "mp4").lower()
    media_id = state.new_media_id()
    title = str(meta.get("Title") or urlsplit(url).path.rsplit("/", 1)[-1] or media_id)[:128]
    cate = str(meta.get("CateId") or "")
    with state.db() as conn:
        vod_upload.insert_media(
            state, conn, media_id=media_id,
            media_type="audio" if ext in vod_upload.AUDIO_EXTS else "video", title=title,
            description=str(meta.get("Description") or "")[:1024], tags=str(meta.get("Tags") or ""),
            cate_id=int(cate) if cate.isdigit() else None, cover_url=str(meta.get("CoverURL") or ""),
            template_group_id=str(meta.get("TemplateGroupId") or template), bucket=state.config.bucket,
            object_key=vod_upload.video_key(state, ext), storage_location=vod_upload.storage_location(state),
            file_name=url.rsplit("/", 1)[-1][:255], ext=ext, size=size,
        )  # fmt: skip
        conn.execute(
            "UPDATE url_jobs SET status = 'UPLOADING', media_id = ?, file_size = ? WHERE job_id = ?",
            (media_id, size, job_id),
        )
    return media_id


def _finish_upload(state: SandboxState, job_id: str, media_id: str, written: oss_store.Written) -> None:
    with state.db() as conn:
        row = conn.execute("SELECT bucket, object_key FROM media WHERE media_id = ?", (media_id,)).fetchone()
        if row is None:  # deleted meanwhile
            written.path.unlink(missing_ok=True)
            conn.execute(
                "UPDATE url_jobs SET status = 'UPLOAD_FAIL', error_code = 'UploadFailed', "
                "error_message = 'The media was deleted.', completed_at = ? WHERE job_id = ?",
                (state.now(), job_id),
            )
            return
        bucket, key = row["bucket"], row["object_key"]
        target = oss_store.object_path(state, bucket, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        written.path.replace(target)
        stored = oss_store.Written(target, written.size, written.md5, written.crc)
        stale = oss_store.record_object(state, conn, bucket, key, stored)
        lifecycle.on_object_completed(state, conn, bucket, key)
        conn.execute(
            "UPDATE url_jobs SET status = 'SUCCESS', completed_at = ? WHERE job_id = ?", (state.now(), job_id)
        )
    oss_store.discard(stale)


@action("GetURLUploadInfos")
def get_url_upload_infos(ctx: RpcContext) -> dict[str, Any]:
    job_ids = ctx.get_list("JobIds", limit=10, code="JobIdsExceededMax")
    urls = _url_list(ctx.get("UploadURLs"))
    if len(urls) > 10:
        raise RpcError(400, "UploadURLsExceededMax", "The UploadURLs count has exceeded the max limit 10.")
    if not job_ids and not urls:
        ctx.require("JobIds")
    column, wanted = ("job_id", job_ids) if job_ids else ("source_url", urls)
    found: list[dict[str, Any]] = []
    missing: list[str] = []
    with ctx.state.db() as conn:
        for value in wanted:
            rows = conn.execute(
                f"SELECT * FROM url_jobs WHERE {column} = ? ORDER BY created_at DESC",
                (value,),
            ).fetchall()
            if not rows:
                missing.append(value)
            found.extend(_info(ctx.state, row) for row in rows[:1])
    return {"URLUploadInfoList": found, "NonExists": missing}


def _info(state: SandboxState, row: Any) -> dict[str, Any]:
    return {
        "JobId": row["job_id"],
        "UploadURL": row["source_url"],
        "MediaId": row["media_id"],
        "Status": row["status"],
        "ErrorCode": row["error_code"],
        "ErrorMessage": row["error_message"],
        "FileSize": str(row["file_size"]),
        "CreationTime": state.iso(row["created_at"]),
        "CompleteTime": state.iso(row["completed_at"]) if row["completed_at"] else "",
        "UserData": row["user_data"],
        "RegisteredMediaId": "",
    }
