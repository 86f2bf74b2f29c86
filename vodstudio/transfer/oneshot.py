"""A one-shot image upload outside the queue (a replaced cover), on the engine's one OSS path.

Same request path as a queued job: ``JobTransfer.send_slice`` streams the file, retries transient
failures, refreshes nothing it cannot refresh, and compares OSS's CRC-64 with the bytes sent. Runs on
the caller's thread (a background worker of the GUI, or the CLI).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.http import requests_proxies
from vodstudio.core.accounts import ProxySetting
from vodstudio.core.errors import SourceFileError, VodStudioError
from vodstudio.core.jobs import Checkpoint
from vodstudio.core.media_types import COVER_EXTENSIONS, MAX_COVER_BYTES, extension
from vodstudio.store.queue_db import QueueDb
from vodstudio.transfer.credentials import CredentialKeeper
from vodstudio.transfer.events import EventHub
from vodstudio.transfer.oss_call import ConnectionBudget, JobControl, JobTransfer, Shared
from vodstudio.transfer.oss_session import OssSession
from vodstudio.transfer.ratelimit import TokenBucket
from vodstudio.transfer.simple_put import upload_simple

log = logging.getLogger(__name__)

_NO_JOB = 0  # one-shot uploads have no queue row: progress events for id 0 go nowhere


@dataclass(frozen=True)
class UploadedImage:
    image_id: str
    url: str


def check_image_file(path: Path) -> str:
    """The ImageExt for ``path``; a ``SourceFileError`` for a missing, empty, huge or odd file."""
    ext = extension(path.name)
    if ext not in COVER_EXTENSIONS:
        allowed = ", ".join(sorted(COVER_EXTENSIONS)).upper()
        raise SourceFileError(
            f"{path.name}: an image must be one of {allowed}", code="file.not-media", path=str(path)
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise SourceFileError(f"{path.name} does not exist", code="file.missing", path=str(path)) from exc
    except OSError as exc:
        raise SourceFileError(
            f"{path.name} cannot be read: {exc.strerror}", code="file.unreadable", path=str(path)
        ) from exc
    if not path.is_file():
        raise SourceFileError(f"{path.name} is not a file", code="file.not-regular", path=str(path))
    if size == 0:
        raise SourceFileError(f"{path.name} is empty", code="file.empty", path=str(path))
    if size > MAX_COVER_BYTES:
        raise SourceFileError(f"{path.name} is larger than 20 MB", code="file.too-large", path=str(path))
    return ext


class OneShotUploader:
    """Uploads single images with a small connection budget of their own; ``close()`` frees the pool."""

    def __init__(self, queue: QueueDb) -> None:
        self._queue = queue
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="vod-oneshot")

    def _shared(self, proxy: ProxySetting) -> Shared:
        return Shared(
            queue=self._queue,
            # The account's proxy choice applies to OSS too (a studio behind a proxy reaches OSS via it).
            session=OssSession(pool_size=2, proxies=requests_proxies(proxy)),
            limiter=TokenBucket(0),
            budget=ConnectionBudget(2),
            pool=self._pool,
            hub=EventHub(lambda _event: None),
            parallel_parts=lambda: 1,
        )

    def upload_image(
        self,
        client: VodClient,
        path: Path,
        *,
        proxy: ProxySetting,
        image_type: str = "cover",
        title: str = "",
    ) -> UploadedImage:
        """CreateUploadImage, then one CRC-checked PUT; the image record is deleted if the PUT fails."""
        ext = check_image_file(path)
        st = path.stat()
        ticket = client.create_upload_image(
            image_type=image_type, image_ext=ext, title=title or path.stem, original_file_name=path.name
        )
        # An image credential cannot be refreshed; a cover takes seconds, well inside its lifetime.
        keeper = CredentialKeeper(ticket.auth, ticket.address, lambda: (ticket.auth, ticket.address))
        address = ticket.address
        checkpoint = Checkpoint(
            _NO_JOB, address.endpoint, address.bucket, address.file_name, "", 0, st.st_size, st.st_mtime_ns
        )
        transfer = JobTransfer(self._shared(proxy), JobControl(_NO_JOB), keeper, str(path))
        try:
            upload_simple(transfer, checkpoint)
        except VodStudioError:
            try:
                client.delete_image(image_ids=[ticket.media_id])
            except VodStudioError:
                log.warning("could not delete the half-uploaded image %s", ticket.media_id)
            raise
        finally:
            transfer.shared.session.close()  # its pooled connection is not kept for the next image
        return UploadedImage(ticket.media_id, ticket.media_url or ticket.file_url)

    def close(self) -> None:
        self._pool.shutdown(wait=False)
