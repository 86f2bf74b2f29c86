"""The asset library as a use case: search page by page, details, edits, deletes, covers, downloads.

Every method takes the account by name and asks ``AccountsService`` for its client at call time, so a
saved account change applies to the next call. Methods block (network): the GUI runs them on a worker,
the CLI on its own thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path

from vodstudio.cloud.aliyun.client import VodClient
from vodstudio.cloud.aliyun.models import AttachedMedia as AttachedInfo
from vodstudio.cloud.aliyun.models import (
    Audio,
    BatchResult,
    ImageInfo,
    MediaItem,
    Mezzanine,
    PlayInfo,
    Video,
)
from vodstudio.core.assets import Asset, AssetEdit, CategoryNode, CoverReplaced
from vodstudio.core.errors import ConfigError, ServiceError
from vodstudio.core.match_builder import MediaFilter, SearchType, build_match
from vodstudio.services import downloads
from vodstudio.services.accounts import AccountsService
from vodstudio.services.uploads import UploadsService

# Without a ScrollToken SearchMedia reaches only the first 5,000 matches.
FIRST_WINDOW = 5000
MAX_CATEGORY_LEVEL = 3
_FIELDS = {
    SearchType.VIDEO: "Title,CoverURL,Status,Duration,Size,CateId,CateName,Tags,Description,ModificationTime",
    SearchType.AUDIO: "Title,CoverURL,Status,Duration,Size,CateId,CateName,Tags,Description,ModificationTime",
    SearchType.IMAGE: "Title,URL,Status,CateId,CateName,Tags,Description,ModificationTime,FileName",
    SearchType.ATTACHED: "Title,URL,Status,CateId,CateName,Tags,Description,ModificationTime,FileName",
}


def asset_of(item: MediaItem | Video | Audio | ImageInfo | AttachedInfo, kind: SearchType) -> Asset:
    """The one row type for whatever SearchMedia or a Get*Info call answered."""
    if isinstance(item, MediaItem):
        inner = item.video or item.audio or item.image or item.attached
        if inner is None:
            return Asset(item.media_id, kind, created=item.creation_time)
        return asset_of(inner, kind)
    raw = item.raw
    if isinstance(item, Video):
        return Asset(
            item.video_id, kind, item.title, item.status, item.description, item.duration, item.size,
            item.cover_url, item.cate_id, item.cate_name, tuple(item.tags), item.creation_time,
            item.modification_time, storage_location=item.storage_location,
        )  # fmt: skip
    if isinstance(item, Audio):
        return Asset(
            item.audio_id, kind, item.title, item.status, str(raw.get("Description") or ""),
            item.duration, item.size, str(raw.get("CoverURL") or ""), created=item.creation_time,
        )  # fmt: skip
    if isinstance(item, ImageInfo):
        return Asset(
            item.image_id, kind, item.title, item.status, item.description, size=item.file_size,
            cover_url=item.url, cate_id=item.cate_id, cate_name=item.cate_name, tags=tuple(item.tags),
            created=item.creation_time, file_name=item.original_file_name or str(raw.get("FileName") or ""),
            storage_location=item.storage_location,
        )  # fmt: skip
    return Asset(
        item.media_id, kind, item.title, item.status, item.description, cover_url=item.url,
        tags=tuple(item.tags), created=item.creation_time, file_name=str(raw.get("FileName") or ""),
        storage_location=item.storage_location,
    )  # fmt: skip


class LibraryQuery:
    """One search, read page by page in order; owns the 5,000-result window and the ScrollToken.

    A page ending past the first 5,000 is reachable only with the previous page's ScrollToken, and only
    for video and audio (SearchMedia's rule); one page at a time also stays within its 1,200-record
    jump limit. Call ``next_page`` from one thread at a time.
    """

    def __init__(self, client: VodClient, flt: MediaFilter, sort: str, page_size: int) -> None:
        self.filter = flt
        self.match = build_match(flt)  # a ValueError here is the user's filter, reported at once
        self.sort = sort
        self.page_size = page_size
        self.total: int | None = None
        self.loaded = 0
        self._client = client
        self._next_page = 1
        self._token: str | None = None
        self._exhausted = False

    @property
    def scrollable(self) -> bool:
        return self.filter.search_type in (SearchType.VIDEO, SearchType.AUDIO)

    @property
    def reachable(self) -> int | None:
        """How many results this query can ever show (``None`` before the first page)."""
        if self.total is None:
            return None
        return self.total if self.scrollable else min(self.total, FIRST_WINDOW)

    def has_more(self) -> bool:
        if self._exhausted:
            return False
        reachable = self.reachable
        return reachable is None or self.loaded < reachable

    def next_page(self) -> list[Asset]:
        beyond = self._next_page * self.page_size > FIRST_WINDOW
        token = self._token if beyond and self.scrollable else None
        kind = self.filter.search_type
        page = self._client.search_media(
            search_type=kind.value,
            match=self.match or None,
            fields=_FIELDS[kind],
            sort_by=self.sort,
            page_no=self._next_page,
            page_size=self.page_size,
            scroll_token=token,
        )
        self._next_page += 1
        self.total = page.total
        self._token = page.scroll_token or self._token
        rows = [asset_of(item, kind) for item in page.items]
        if not rows:  # the server has no more, whatever Total said
            self._exhausted = True
            self.total = self.loaded
        self.loaded += len(rows)
        return rows


class LibraryService:
    def __init__(self, accounts: AccountsService, uploads: UploadsService) -> None:
        self._accounts = accounts
        self._uploads = uploads

    def _client(self, account: str) -> VodClient:
        return self._accounts.vod_client(account)

    # ---- reading --------------------------------------------------------------------------------
    def search(self, account: str, flt: MediaFilter, sort: str, *, page_size: int = 50) -> LibraryQuery:
        """A query to page through; no call is made until ``next_page``."""
        return LibraryQuery(self._client(account), flt, sort, page_size)

    def categories(self, account: str) -> list[CategoryNode]:
        """The whole category tree (three levels), parents before their children, pages followed."""
        client = self._client(account)
        out: list[CategoryNode] = []

        def walk(parent: int, level: int) -> None:
            page_no = 1
            while True:
                page = client.get_categories(cate_id=parent, page_no=page_no, page_size=100)
                for cat in page.subcategories:
                    # The depth of the walk, not the answer's Level: VOD counts that from 0 (a top
                    # category is Level 0), and the walk knows the depth for certain.
                    out.append(CategoryNode(cat.cate_id, cat.cate_name, level, parent))
                    if cat.sub_total and level < MAX_CATEGORY_LEVEL:
                        walk(cat.cate_id, level + 1)
                if len(page.subcategories) < 100:
                    return
                page_no += 1

        walk(-1, 1)
        return out

    def asset(self, account: str, kind: SearchType, asset_id: str) -> Asset:
        client = self._client(account)
        if kind is SearchType.IMAGE:
            return asset_of(client.get_image_info(asset_id), kind)
        if kind is SearchType.ATTACHED:
            raise ConfigError("attached media have no details call", code="config.usage")
        return asset_of(client.get_video_info(asset_id), kind)

    def video(self, account: str, video_id: str) -> Video:
        return self._client(account).get_video_info(video_id)

    def play_info(self, account: str, video_id: str) -> PlayInfo:
        return self._client(account).get_play_info(video_id)

    def source(self, account: str, video_id: str) -> Mezzanine:
        return self._client(account).get_mezzanine_info(video_id)

    def play_urls(self, account: str, video_ids: Sequence[str]) -> list[str]:
        """Every stream URL of the given videos; a video that is not Normal yet has none (skipped)."""
        client = self._client(account)
        out: list[str] = []
        for video_id in video_ids:
            with contextlib.suppress(ServiceError):
                out += [s.play_url for s in client.get_play_info(video_id).streams]
        return out

    # ---- writing --------------------------------------------------------------------------------
    def edit(self, account: str, kind: SearchType, ids: Sequence[str], edit: AssetEdit) -> list[str]:
        """Apply ``edit`` to every asset; returns the ids the service did not find."""
        if not edit.changed or not ids:
            return []
        client = self._client(account)
        if kind is SearchType.IMAGE:
            return client.update_image_infos([edit.entry(i, "ImageId") for i in ids])
        if kind not in (SearchType.VIDEO, SearchType.AUDIO):
            raise ConfigError(f"{kind.value} assets cannot be edited here", code="config.usage")
        if len(ids) == 1:
            client.update_video_info(
                ids[0],
                title=edit.title if "title" in edit.changed else None,
                description=edit.description if "description" in edit.changed else None,
                tags=edit.tags if "tags" in edit.changed else None,
                cate_id=edit.cate_id if "cate_id" in edit.changed else None,
            )
            return []
        return client.update_video_infos([edit.entry(i) for i in ids]).non_exist_ids

    def delete(self, account: str, kind: SearchType, ids: Sequence[str]) -> BatchResult:
        client = self._client(account)
        if kind is SearchType.IMAGE:
            client.delete_image(image_ids=list(ids))
            return BatchResult(non_exist_ids=[], forbidden_ids=[])
        if kind is SearchType.ATTACHED:
            client.delete_attached_media(list(ids))
            return BatchResult(non_exist_ids=[], forbidden_ids=[])
        return client.delete_video(list(ids))

    def delete_streams(self, account: str, video_id: str, job_ids: Sequence[str]) -> None:
        self._client(account).delete_stream(video_id, job_ids)

    def delete_source(self, account: str, video_ids: Sequence[str], *, force: bool) -> list[str]:
        """Delete source files; returns the ids kept because they are the only playable stream."""
        return self._client(account).delete_mezzanines(video_ids, force=force).forbidden_ids

    def delete_snapshots(self, account: str, video_id: str, kinds: Sequence[str]) -> None:
        self._client(account).delete_image(video_id=video_id, image_types=kinds)

    def delete_images_by_url(self, account: str, urls: Sequence[str]) -> None:
        self._client(account).delete_image(image_urls=urls)

    def replace_cover(self, account: str, video_id: str, path: Path) -> CoverReplaced:
        """Upload ``path`` through the engine's upload path, then point the video at it.

        The caller refreshes ``old_url`` on the CDN: players still get the old picture from caches.
        """
        client = self._client(account)
        old_url = client.get_video_info(video_id).cover_url
        image = self._uploads.upload_image(account, path, image_type="cover")
        client.update_video_info(video_id, cover_url=image.url)
        return CoverReplaced(video_id, image.image_id, image.url, old_url)

    def download_source(
        self,
        account: str,
        video_id: str,
        target: Path,
        *,
        progress: downloads.Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Path:
        """Save a video's source file (the URL GetMezzanineInfo signs) to ``target``."""
        source = self.source(account, video_id)
        if not source.file_url:
            raise ConfigError("this video has no downloadable source file", code="library.no-source")
        proxy = self._accounts.get(account).proxy
        return downloads.download(source.file_url, target, proxy=proxy, progress=progress, cancel=cancel)
