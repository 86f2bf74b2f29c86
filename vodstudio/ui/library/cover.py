"""Replace a video's cover: upload a local image as a ``cover`` image, point the video at it.

Qt-free (runs on a worker thread). A one-shot image upload belongs in ``vodstudio/transfer/``; until
the engine offers one, this uses CreateUploadImage + one oss2 PutObject with the STS credential.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vodstudio.cloud.http import requests_proxies
from vodstudio.core.accounts import Account
from vodstudio.core.errors import SourceFileError

IMAGE_EXTS = {".png": "png", ".jpg": "jpg", ".jpeg": "jpeg", ".gif": "gif"}
MAX_COVER_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class CoverReplaced:
    video_id: str
    image_id: str
    new_url: str
    old_url: str


def check_cover_file(path: Path) -> str:
    """The ImageExt for ``path``; raises ``SourceFileError`` for a missing, empty or odd file."""
    ext = IMAGE_EXTS.get(path.suffix.lower())
    if ext is None:
        raise SourceFileError(
            f"{path.name}: covers must be PNG, JPEG or GIF", code="file.not-regular", path=str(path)
        )
    if not path.is_file():
        raise SourceFileError(f"{path.name} does not exist", code="file.missing", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise SourceFileError(f"{path.name} is empty", code="file.empty", path=str(path))
    if size > MAX_COVER_BYTES:
        raise SourceFileError(f"{path.name} is larger than 20 MB", code="file.not-regular", path=str(path))
    return ext


def upload_cover_image(client: Any, account: Account, path: Path, title: str = "") -> tuple[str, str]:
    """Upload ``path`` as a cover image; returns ``(image_id, image_url)``."""
    import oss2  # on first use: importing it costs ~0.5 s of start-up (see transfer/oss_session.py)

    ext = check_cover_file(path)
    ticket = client.create_upload_image(
        image_type="cover", image_ext=ext, title=title or path.stem, original_file_name=path.name
    )
    auth = oss2.StsAuth(ticket.auth.access_key_id, ticket.auth.access_key_secret, ticket.auth.security_token)
    bucket = oss2.Bucket(
        auth, ticket.address.endpoint, ticket.address.bucket, proxies=requests_proxies(account.proxy)
    )
    with path.open("rb") as data:
        bucket.put_object(ticket.address.file_name, data)
    return ticket.media_id, ticket.media_url


def replace_cover(client: Any, account: Account, video_id: str, path: Path) -> CoverReplaced:
    """Upload, then UpdateVideoInfo CoverURL. The caller refreshes ``old_url`` on the CDN."""
    old_url = client.get_video_info(video_id).cover_url
    image_id, new_url = upload_cover_image(client, account, path)
    client.update_video_info(video_id, cover_url=new_url)
    return CoverReplaced(video_id, image_id, new_url, old_url)
