"""LibraryQuery's paging rules: ScrollToken past the first 5,000 (video/audio), the window for the rest.

A stand-in for SearchMedia records what the query asks for: no sandbox here holds 6,000 rows, and the
rule is the query's own arithmetic (the sandbox's enforcement of it is tested in tests/protocol).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vodstudio.cloud.aliyun.models import MediaItem, SearchPage
from vodstudio.core.match_builder import MediaFilter, SearchType
from vodstudio.services.library import LibraryQuery

TOTAL = 6000


@dataclass
class FakeSearch:
    calls: list[tuple[int, int, str | None]] = field(default_factory=list)

    def search_media(self, *, page_no: int, page_size: int, scroll_token: str | None, **_: Any) -> SearchPage:
        self.calls.append((page_no, page_size, scroll_token))
        start = (page_no - 1) * page_size
        count = max(0, min(page_size, TOTAL - start))
        items = [
            MediaItem.from_json({"MediaId": f"v{start + i}", "Video": {"VideoId": f"v{start + i}"}})
            for i in range(count)
        ]
        return SearchPage(total=TOTAL, scroll_token=f"tok{page_no}", items=items, request_id="r")


def drain(query: LibraryQuery) -> list[str]:
    ids: list[str] = []
    while query.has_more():
        ids += [a.asset_id for a in query.next_page()]
    return ids


def test_video_pages_past_5000_use_the_previous_scroll_token() -> None:
    fake = FakeSearch()
    query = LibraryQuery(fake, MediaFilter(SearchType.VIDEO), "CreationTime:Desc", 2500)  # type: ignore[arg-type]
    ids = drain(query)
    assert len(ids) == TOTAL and len(set(ids)) == TOTAL
    assert [c[2] for c in fake.calls] == [None, None, "tok2"]  # the third page ends past 5,000


def test_images_stop_at_the_first_5000() -> None:
    fake = FakeSearch()
    query = LibraryQuery(fake, MediaFilter(SearchType.IMAGE), "CreationTime:Desc", 2500)  # type: ignore[arg-type]
    assert len(drain(query)) == 5000
    assert all(c[2] is None for c in fake.calls)


def test_an_empty_page_ends_the_query_whatever_total_said() -> None:
    class Short(FakeSearch):
        def search_media(self, **kw: Any) -> SearchPage:
            page = super().search_media(**kw)
            return page if kw["page_no"] == 1 else SearchPage(TOTAL, "", [], "r")

    query = LibraryQuery(Short(), MediaFilter(SearchType.VIDEO), "CreationTime:Desc", 100)  # type: ignore[arg-type]
    assert len(drain(query)) == 100
    assert query.total == 100 and not query.has_more()


def test_video_rows_carry_their_fields() -> None:
    query = LibraryQuery(FakeSearch(), MediaFilter(), "CreationTime:Desc", 1)  # type: ignore[arg-type]
    (row,) = query.next_page()
    assert row.asset_id == "v0" and row.kind is SearchType.VIDEO
