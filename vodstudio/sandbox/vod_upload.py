"""VOD upload actions: CreateUploadVideo/Image/AttachedMedia, RefreshUploadVideo, RegisterMedia."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import string
from typing import Any
from urllib.parse import unquote, urlsplit

from vodstudio.sandbox import lifecycle, oss_store, routes
from vodstudio.sandbox.rpc import RpcContext, RpcError, action
from vodstudio.sandbox.state import SandboxState

REGION = "cn-shanghai"
VIDEO_EXTS = frozenset(
    [
        "3gp",
        "asf",
        "avi",
        "dat",
        "dv",
        "flv",
        "f4v",
        "gif",
        "m2t",
        "m4v",
        "mj2",
        "mjpeg",
        "mkv",
        "mov",
        "mp4",
        "mpe",
        "mpg",
        "mpeg",
        "mts",
        "ogg",
        "qt",
        "rm",
        "rmvb",
        "swf",
        "ts",
        "vob",
        "wmv",
        "webm",
    ]
)
AUDIO_EXTS = frozenset(["aac", "ac3", "acm", "amr", "ape", "caf", "flac", "m4a", "mp3", "ra", "wav", "wma"])
IMAGE_EXTS = frozenset(["png", "jpg", "jpeg", "gif", "heic", "webp"])
ATTACHED_EXTS = {
    "watermark": frozenset(["png", "gif", "apng", "mov"]),
    "subtitle": frozenset(["srt", "ass", "stl", "ttml", "vtt"]),
    "material": frozenset(["jpg", "gif", "png", "mp4", "mat", "zip", "apk"]),
}
_REFERENCE = re.compile(r"^[A-Za-z0-9_-]{6,64}$")
_TEMPLATE = re.compile(r"^[0-9a-f]{32}$")
_ALNUM = string.ascii_letters + string.digits


# ---- parameter checks shared by the upload actions (reference §2.1–2.7) --------------------------
def has_emoji(text: str) -> bool:
    """VOD rejects 4-byte UTF-8 and the common symbol/emoji blocks in titles and descriptions."""
    return any(ord(c) > 0xFFFF or 0x2600 <= ord(c) <= 0x27BF or ord(c) == 0xFE0F for c in text)


def text_param(ctx: RpcContext, name: str, limit: int, *, required: bool = False) -> str:
    """A free-text field: the limit counts UTF-8 bytes, as the error message says."""
    value = ctx.require(name) if required else ctx.get(name)
    if len(value.encode("utf-8")) > limit:
        raise RpcError(400, "LengthExceededMax", f"The specified {name} length has exceeded {limit} bytes.")
    if has_emoji(value):
        raise RpcError(400, "IllegalCharacters", f"The specified {name} contains illegal characters.")
    return value


def tags_param(ctx: RpcContext) -> str:
    tags = [tag.strip() for tag in ctx.get("Tags").split(",") if tag.strip()]
    if len(tags) > 16:
        raise RpcError(400, "TagsExceededMax", "The number of Tags has exceeded the max limit 16.")
    for tag in tags:
        if len(tag.encode("utf-8")) > 32:
            raise RpcError(400, "LengthExceededMax", "The specified Tag length has exceeded 32 bytes.")
        if has_emoji(tag):
            raise RpcError(400, "IllegalCharacters", "The specified Tags contains illegal characters.")
    return ",".join(tags)


def cate_param(ctx: RpcContext, name: str = "CateId") -> int | None:
    return ctx.get_int(name, 0) if ctx.get(name) else None


def storage_param(ctx: RpcContext) -> str:
    own = storage_location(ctx.state)
    given = ctx.get("StorageLocation")
    if given and given != own:
        raise RpcError(404, "InvalidStorage.NotFound", "The storage location does not exist.")
    return own


def storage_location(state: SandboxState) -> str:
    return f"{state.config.bucket}.oss-{REGION}.aliyuncs.com"


def template_param(ctx: RpcContext) -> str:
    value = ctx.get("TemplateGroupId")
    if value and value != lifecycle.NO_TRANSCODE and not _TEMPLATE.match(value):
        raise RpcError(404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.")
    return value


def user_data_param(ctx: RpcContext) -> str:
    value = ctx.get("UserData")
    if value:
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            raise ctx.invalid("UserData") from None
        if not isinstance(parsed, dict) or len(value.encode()) > 1024:
            raise ctx.invalid("UserData")
    return value


def extension(file_name: str) -> str:
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


# ---- credentials and addresses (reference §3.1) ------------------------------------------------
def _random(state: SandboxState, length: int, alphabet: str = _ALNUM) -> str:
    return "".join(state.random.choice(alphabet) for _ in range(length))


def b64json(value: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(value, separators=(",", ":")).encode()).decode()


def issue_credential(
    state: SandboxState, conn: sqlite3.Connection, bucket: str, key: str, media_id: str
) -> str:
    """A fresh STS-style credential for one object key, as the base64 UploadAuth."""
    now = state.now()
    lifetime = state.config.upload_credential_lifetime
    key_id = "STS." + _random(state, 24)
    secret = _random(state, 44)
    token = "CAIS" + _random(state, 380, _ALNUM + "+/") + "=="
    conn.execute(
        "INSERT INTO sts_credentials (access_key_id, secret, token, bucket, key_prefix, media_id, issued_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key_id, secret, token, bucket, key, media_id, now, now + lifetime),
    )
    auth = {
        "SecurityToken": token,
        "AccessKeyId": key_id,
        "ExpireUTCTime": state.iso(now + lifetime),
        "AccessKeySecret": secret,
        "Expiration": str(int(lifetime)),
        "Region": REGION,
    }
    return b64json(auth)


def upload_address(state: SandboxState, bucket: str, key: str, user_data: str = "") -> str:
    """Where to upload; ``AccelerateConfig`` in UserData names the accelerated route (sandbox/routes.py)."""
    endpoint = routes.endpoint_for(state, user_data)
    return b64json({"Endpoint": endpoint, "Bucket": bucket, "FileName": key})


def cdn_url(state: SandboxState, key: str) -> str:
    return f"http://{state.cdn_domain}/{key}"


def oss_url(state: SandboxState, bucket: str, key: str) -> str:
    return f"{state.vod_endpoint}/{bucket}/{key}"


def video_key(state: SandboxState, ext: str) -> str:
    def part() -> str:
        return f"{_random(state, 8, '0123456789abcdef')}-{_random(state, 11, '0123456789abcdef')}"

    return f"sv/{part()}/{part()}.{ext}"


# ---- media rows -------------------------------------------------------------------------------
_MEDIA_COLUMNS = frozenset(
    [
        "media_id",
        "media_type",
        "title",
        "description",
        "tags",
        "cate_id",
        "cover_url",
        "status",
        "template_group_id",
        "workflow_id",
        "storage_location",
        "bucket",
        "object_key",
        "file_name",
        "ext",
        "size",
        "user_data",
        "app_id",
        "reference_id",
        "business_type",
        "mezzanine_status",
        "extra",
        "next_transition_at",
    ]
)


def insert_media(state: SandboxState, conn: sqlite3.Connection, **values: Any) -> None:
    unknown = set(values) - _MEDIA_COLUMNS
    if unknown:
        raise KeyError(f"unknown media columns {sorted(unknown)}")
    now = state.now()
    row = {"status": "Uploading", "created_at": now, "modified_at": now, **values}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO media ({names}) VALUES ({marks})", tuple(row.values()))


def find_video(conn: sqlite3.Connection, ctx: RpcContext) -> sqlite3.Row:
    video_id, reference = ctx.get("VideoId"), ctx.get("ReferenceId")
    if not video_id and not reference:
        ctx.require("VideoId")
    column, value = ("media_id", video_id) if video_id else ("reference_id", reference)
    row: sqlite3.Row | None = conn.execute(
        f"SELECT * FROM media WHERE {column} = ? AND media_type IN ('video', 'audio')",
        (value,),
    ).fetchone()
    if row is None:
        raise RpcError(404, "InvalidVideo.NotFound", "The video not exist.")
    return row


# ---- actions -----------------------------------------------------------------------------------
@action("CreateUploadVideo")
def create_upload_video(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    title = text_param(ctx, "Title", 128, required=True)
    file_name = ctx.require("FileName")
    ext = extension(file_name)
    if ext not in VIDEO_EXTS | AUDIO_EXTS:
        raise RpcError(400, "InvalidFileName.Extension", "The specified FileName's extension is illegal.")
    reference = ctx.get("ReferenceId") or None
    if reference is not None and not _REFERENCE.match(reference):
        raise ctx.invalid("ReferenceId")
    values = {
        "media_type": "audio" if ext in AUDIO_EXTS else "video",
        "title": title,
        "description": text_param(ctx, "Description", 1024),
        "tags": tags_param(ctx),
        "cate_id": cate_param(ctx),
        "cover_url": ctx.get("CoverURL"),
        "template_group_id": template_param(ctx),
        "workflow_id": ctx.get("WorkflowId"),
        "storage_location": storage_param(ctx),
        "user_data": user_data_param(ctx),
        "app_id": ctx.get("AppId") or "app-1000000",
        "size": ctx.get_int("FileSize", 0, low=0),
        "file_name": file_name,
        "ext": ext,
        "reference_id": reference,
    }
    media_id, bucket, key = state.new_media_id(), state.config.bucket, video_key(state, ext)
    with state.db() as conn:
        if reference and conn.execute("SELECT 1 FROM media WHERE reference_id = ?", (reference,)).fetchone():
            raise RpcError(400, "InvalidParameter.ReferenceId", "The specified ReferenceId already exists.")
        insert_media(state, conn, media_id=media_id, bucket=bucket, object_key=key, **values)
        auth = issue_credential(state, conn, bucket, key, media_id)
    address = upload_address(state, bucket, key, str(values["user_data"] or ""))
    return {"VideoId": media_id, "UploadAddress": address, "UploadAuth": auth}


@action("RefreshUploadVideo")
def refresh_upload_video(ctx: RpcContext) -> dict[str, Any]:
    """A new credential for the same address. Allowed in any status, as the real service does."""
    state = ctx.state
    with state.db() as conn:
        row = find_video(conn, ctx)
        auth = issue_credential(state, conn, row["bucket"], row["object_key"], row["media_id"])
    return {
        "VideoId": row["media_id"],
        "UploadAddress": upload_address(state, row["bucket"], row["object_key"], row["user_data"] or ""),
        "UploadAuth": auth,
    }


@action("CreateUploadImage")
def create_upload_image(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    image_type = ctx.require("ImageType")
    if image_type not in ("default", "cover"):
        raise ctx.invalid("ImageType")
    original = ctx.get("OriginalFileName")
    ext = (ctx.get("ImageExt") or extension(original) or "png").lower()
    if ext not in IMAGE_EXTS:
        raise ctx.invalid("ImageExt")
    media_id, bucket = state.new_media_id(), state.config.bucket
    key = f"image/{image_type}/{media_id}.{ext}"
    with state.db() as conn:
        insert_media(
            state, conn, media_id=media_id, media_type="image", title=text_param(ctx, "Title", 128),
            description=text_param(ctx, "Description", 1024), tags=tags_param(ctx), cate_id=cate_param(ctx),
            storage_location=storage_param(ctx), user_data=user_data_param(ctx),
            app_id=ctx.get("AppId") or "app-1000000", bucket=bucket, object_key=key,
            file_name=original or f"{media_id}.{ext}", ext=ext, business_type=image_type,
        )  # fmt: skip
        auth = issue_credential(state, conn, bucket, key, media_id)
    return {
        "ImageId": media_id,
        "ImageURL": cdn_url(state, key),
        "FileURL": oss_url(state, bucket, key),
        "UploadAddress": upload_address(state, bucket, key),
        "UploadAuth": auth,
    }


@action("CreateUploadAttachedMedia")
def create_upload_attached_media(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    business = ctx.require("BusinessType")
    if business not in ATTACHED_EXTS:
        raise ctx.invalid("BusinessType")
    file_name = ctx.get("FileName")
    ext = (ctx.get("MediaExt") or extension(file_name)).lower()
    if ext not in ATTACHED_EXTS[business]:
        raise ctx.invalid("MediaExt")
    cate_ids = ctx.get_list("CateIds", limit=5, code="CateIdsExceededMax")
    if any(not c.lstrip("-").isdigit() for c in cate_ids):
        raise ctx.invalid("CateIds")
    media_id, bucket = state.new_media_id(), state.config.bucket
    key = f"{business}/{media_id}.{ext}"
    with state.db() as conn:
        insert_media(
            state, conn, media_id=media_id, media_type="attached", title=text_param(ctx, "Title", 128),
            description=text_param(ctx, "Description", 1024), tags=tags_param(ctx),
            cate_id=int(cate_ids[0]) if cate_ids else None, storage_location=storage_param(ctx),
            user_data=user_data_param(ctx), app_id=ctx.get("AppId") or "app-1000000", bucket=bucket,
            object_key=key, file_name=file_name or f"{media_id}.{ext}", ext=ext, business_type=business,
            size=ctx.get_int("FileSize", 0, low=0), extra=json.dumps({"CateIds": [int(c) for c in cate_ids]}),
        )  # fmt: skip
        auth = issue_credential(state, conn, bucket, key, media_id)
    return {
        "MediaId": media_id,
        "MediaURL": cdn_url(state, key),
        "FileURL": oss_url(state, bucket, key),
        "UploadAddress": upload_address(state, bucket, key),
        "UploadAuth": auth,
    }


def parse_file_url(state: SandboxState, url: str) -> tuple[str, str] | None:
    """(bucket, key) for ``http(s)://<bucket>.<host>/<key>`` or the sandbox's path-style URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = unquote(parts.path).lstrip("/")
    if f"{parts.scheme}://{parts.netloc}" == state.vod_endpoint:
        bucket, _, key = path.partition("/")
        return (bucket, key) if key else None
    bucket = parts.hostname.split(".", 1)[0] if parts.hostname else ""
    return (bucket, path) if path and bucket else None


@action("RegisterMedia")
def register_media(ctx: RpcContext) -> dict[str, Any]:
    state = ctx.state
    metadatas = ctx.get_json("RegisterMetadatas")
    if not isinstance(metadatas, list) or not metadatas:
        raise ctx.invalid("RegisterMetadatas")
    if len(metadatas) > 10:
        raise RpcError(400, "RegisterMetadatasExceededMax", "The RegisterMetadatas count has exceeded 10.")
    template = template_param(ctx)
    registered: list[dict[str, Any]] = []
    failed: list[str] = []
    with state.db() as conn:
        for meta in metadatas:
            if not isinstance(meta, dict) or not meta.get("FileURL") or not meta.get("Title"):
                raise ctx.invalid("RegisterMetadatas")
            entry = _register_one(state, conn, meta, template)
            if entry is None:
                failed.append(str(meta["FileURL"]))
            else:
                registered.append(entry)
    return {"RegisteredMediaList": registered, "FailedFileURLs": failed}


def _register_one(
    state: SandboxState, conn: sqlite3.Connection, meta: dict[str, Any], template: str
) -> dict[str, Any] | None:
    url = str(meta["FileURL"])
    located = parse_file_url(state, url)
    if located is None or len(url.encode()) > 1024:
        return None
    bucket, key = located
    stored = oss_store.find_object(conn, bucket, key)
    ext = extension(key)
    if stored is None or ext not in VIDEO_EXTS | AUDIO_EXTS:
        return None
    known = conn.execute(
        "SELECT media_id FROM media WHERE bucket = ? AND object_key = ?", (bucket, key)
    ).fetchone()
    if known is not None:
        return {"FileURL": url, "MediaId": known["media_id"], "NewRegister": False}
    media_id = state.new_media_id()
    cate = str(meta.get("CateId") or "")
    insert_media(
        state, conn, media_id=media_id, media_type="audio" if ext in AUDIO_EXTS else "video",
        title=str(meta["Title"])[:128], description=str(meta.get("Description", ""))[:1024],
        tags=str(meta.get("Tags", "")), cate_id=int(cate) if cate.isdigit() else None,
        cover_url=str(meta.get("CoverURL", "")), template_group_id=template, bucket=bucket, object_key=key,
        storage_location=storage_location(state), file_name=key.rsplit("/", 1)[-1], ext=ext,
    )  # fmt: skip
    lifecycle.on_object_completed(state, conn, bucket, key)
    return {"FileURL": url, "MediaId": media_id, "NewRegister": True}


# UploadMediaByURL and GetURLUploadInfos live with their background worker.
from vodstudio.sandbox import vod_url_pull  # noqa: E402, F401
