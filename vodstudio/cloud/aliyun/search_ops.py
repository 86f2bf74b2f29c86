"""Listing operations: SearchMedia and GetVideoList, with iterators past the 5,000-result window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from vodstudio.cloud.aliyun import limits as lim
from vodstudio.cloud.aliyun import parse as p
from vodstudio.cloud.aliyun.base import RpcCaller
from vodstudio.cloud.aliyun.models import MediaItem, SearchPage, Video, VideoListPage

SEARCH_TYPES = ("video", "audio", "image", "attached")
WINDOW = 5000  # without a ScrollToken (or a narrower time range) only this many records are reachable
PAGE_MAX = 100


def _fields(fields: Sequence[str] | str | None) -> str | None:
    if fields is None or isinstance(fields, str):
        return fields or None
    return ",".join(fields) or None


def _check_page(page_no: int, page_size: int) -> None:
    if page_no < 1:
        raise lim.local_error("InvalidParameter", "PageNo starts at 1.")
    if not 1 <= page_size <= PAGE_MAX:
        raise lim.local_error("InvalidParameter", f"PageSize must be 1..{PAGE_MAX}.")


class SearchOps(RpcCaller):
    def search_media(
        self,
        *,
        search_type: str = "video",
        match: str | None = None,
        fields: Sequence[str] | str | None = None,
        sort_by: str | None = None,
        page_no: int = 1,
        page_size: int = 10,
        scroll_token: str | None = None,
    ) -> SearchPage:
        lim.check_choice("SearchType", search_type, SEARCH_TYPES)
        _check_page(page_no, page_size)
        if scroll_token and search_type not in ("video", "audio"):
            raise lim.local_error("InvalidParameter", "ScrollToken only applies to video and audio.")
        params = {
            "SearchType": search_type,
            "Match": match or None,
            "Fields": _fields(fields),
            "SortBy": sort_by,
            "PageNo": page_no,
            "PageSize": page_size,
            "ScrollToken": scroll_token or None,
        }
        body = self.call("SearchMedia", params)
        return SearchPage(
            total=p.integer(body, "Total"),
            scroll_token=p.text(body, "ScrollToken"),
            items=[MediaItem.from_json(d) for d in p.items(body, "MediaList", "Media")],
            request_id=p.text(body, "RequestId"),
        )

    def iter_search_media(
        self,
        *,
        search_type: str = "video",
        match: str | None = None,
        fields: Sequence[str] | str | None = None,
        sort_by: str | None = None,
        page_size: int = PAGE_MAX,
    ) -> Iterator[MediaItem]:
        """Every match, page by page. Video/audio switch to the ScrollToken before leaving the 5,000
        window (one page at a time stays within the 1,200-record jump rule); images and attached media
        cannot scroll and stop at the window."""
        scrollable = search_type in ("video", "audio")
        page_no, seen, token = 1, 0, ""
        while True:
            past_window = page_no * page_size > WINDOW
            if past_window and not (scrollable and token):
                return
            page = self.search_media(
                search_type=search_type,
                match=match,
                fields=fields,
                sort_by=sort_by,
                page_no=page_no,
                page_size=page_size,
                scroll_token=token if past_window else None,
            )
            yield from page.items
            seen += len(page.items)
            token = page.scroll_token or token
            if not page.items or seen >= page.total or len(page.items) < page_size:
                return
            page_no += 1

    def get_video_list(
        self,
        *,
        status: Sequence[str] | str | None = None,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
        cate_id: int | None = None,
        page_no: int = 1,
        page_size: int = 10,
        sort_by: str | None = None,
        storage_location: str | None = None,
    ) -> VideoListPage:
        _check_page(page_no, page_size)
        lim.check_choice("SortBy", sort_by, ("CreationTime:Desc", "CreationTime:Asc"))
        params = {
            "Status": _fields(status),
            "StartTime": start_time,
            "EndTime": end_time,
            "CateId": cate_id,
            "PageNo": page_no,
            "PageSize": page_size,
            "SortBy": sort_by,
            "StorageLocation": storage_location,
        }
        body = self.call("GetVideoList", params)
        return VideoListPage(
            total=p.integer(body, "Total"),
            videos=[Video.from_json(d) for d in p.items(body, "VideoList", "Video")],
            request_id=p.text(body, "RequestId"),
        )

    def iter_video_list(
        self,
        *,
        status: Sequence[str] | str | None = None,
        start_time: dt.datetime | None = None,
        end_time: dt.datetime | None = None,
        cate_id: int | None = None,
        page_size: int = PAGE_MAX,
        storage_location: str | None = None,
    ) -> Iterator[Video]:
        """Every video, newest first. Past the 5,000 window the time range narrows to end at the oldest
        creation time seen so far (as the docs advise), skipping ids already yielded."""
        seen_ids: set[str] = set()
        upper = end_time
        while True:
            fresh = 0
            oldest: dt.datetime | None = None
            for page_no in range(1, WINDOW // page_size + 1):
                page = self.get_video_list(
                    status=status,
                    start_time=start_time,
                    end_time=upper,
                    cate_id=cate_id,
                    page_no=page_no,
                    page_size=page_size,
                    sort_by="CreationTime:Desc",
                    storage_location=storage_location,
                )
                for video in page.videos:
                    oldest = video.creation_time or oldest
                    if video.video_id not in seen_ids:
                        seen_ids.add(video.video_id)
                        fresh += 1
                        yield video
                if len(page.videos) < page_size or page_no * page_size >= page.total:
                    return
            if fresh == 0 or oldest is None:  # no progress: more than a window shares one second
                return
            upper = oldest
