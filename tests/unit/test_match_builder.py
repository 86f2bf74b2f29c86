"""SearchMedia Match builder: quoting, ranges, multi-value lists, sort values."""

from __future__ import annotations

import datetime as dt

import pytest

from vodstudio.core.match_builder import (
    MediaFilter,
    SearchType,
    build_match,
    in_list,
    parse_tags,
    quote,
    sort_by,
    time_range,
)

JAN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
FEB = dt.datetime(2024, 2, 1, tzinfo=dt.UTC)


def test_empty_filter_matches_everything() -> None:
    assert build_match(MediaFilter()) == ""


def test_quote_strips_characters_the_grammar_cannot_carry() -> None:
    assert quote("it's a\\test") == "'it s a test'"
    assert quote("中文 标题") == "'中文 标题'"
    assert quote("  two\n lines ") == "'two lines'"


def test_creation_time_range_both_sides() -> None:
    assert time_range("CreationTime", JAN, FEB) == (
        "CreationTime = ('2024-01-01T00:00:00Z','2024-02-01T00:00:00Z')"
    )


def test_range_with_one_open_side_and_local_time_converted_to_utc() -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert time_range("CreationTime", dt.datetime(2024, 1, 1, 8, tzinfo=shanghai), None) == (
        "CreationTime = ('2024-01-01T00:00:00Z',)"
    )
    assert time_range("CreationTime", None, FEB) == "CreationTime = (,'2024-02-01T00:00:00Z')"


def test_range_rejects_reversed_and_empty_bounds() -> None:
    with pytest.raises(ValueError):
        time_range("CreationTime", FEB, JAN)
    with pytest.raises(ValueError):
        time_range("CreationTime", None, None)


def test_in_list_single_and_many() -> None:
    assert in_list("Status", ["Normal"]) == "Status = 'Normal'"
    assert in_list("Status", ["Normal", "Checking"]) == "Status in ('Normal','Checking')"
    with pytest.raises(ValueError):
        in_list("Tags", ["", "  "])


def test_full_filter_joins_with_and() -> None:
    match = build_match(
        MediaFilter(
            text="cat's video",
            statuses=("Normal", "Blocked"),
            created_from=JAN,
            created_to=FEB,
            category_id=42,
            tags=("a", " b "),
        )
    )
    assert match == (
        "Title = 'cat s video' and Status in ('Normal','Blocked') and "
        "CreationTime = ('2024-01-01T00:00:00Z','2024-02-01T00:00:00Z') and CateId = 42 and "
        "Tags in ('a','b')"
    )


def test_id_field_follows_the_search_type() -> None:
    assert build_match(MediaFilter(search_type=SearchType.IMAGE, video_ids=("i1",))) == "ImageId = 'i1'"
    assert build_match(MediaFilter(video_ids=("v1", "v2"))) == "VideoId in ('v1','v2')"
    with pytest.raises(ValueError):
        build_match(MediaFilter(video_ids=tuple(str(i) for i in range(101))))


def test_sort_by_only_server_sortable_fields() -> None:
    assert sort_by("CreationTime") == "CreationTime:Desc"
    assert sort_by("ModificationTime", descending=False) == "ModificationTime:Asc"
    with pytest.raises(ValueError):
        sort_by("Title")


def test_parse_tags_accepts_full_width_commas_and_drops_duplicates() -> None:
    assert parse_tags("a, b，c,,a") == ["a", "b", "c"]
