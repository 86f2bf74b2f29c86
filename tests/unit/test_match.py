"""The sandbox's SearchMedia Match parser: every construct run against a real SQLite media table."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from vodstudio.sandbox.match import MatchError, compile_match, tokenize
from vodstudio.sandbox.schema import SCHEMA

DAY = 86400.0
T0 = 1_700_000_000.0  # 2023-11-14T22:13:20Z

ROWS = [
    # id, type, title, tags, description, cate, status, size, duration, created, file_name, business
    (
        "v1",
        "video",
        "Product launch teaser v2",
        "launch,promo",
        "A short teaser",
        10,
        "Normal",
        100,
        30.0,
        T0,
    ),
    ("v2", "video", "第3集 城市夜景延时", "城市,夜景", "延时摄影", 11, "Transcoding", 200, 60.0, T0 + DAY),
    ("v3", "video", "Music 1", "music", "O'Brien's song", 10, "Checking", 300, 90.0, T0 + 2 * DAY),
    ("v4", "video", "music 2", "Music,live", "", None, "Normal", 400, 120.0, T0 + 3 * DAY),
    ("i1", "image", "Cover art", "cover", "", 10, "Normal", 50, 0.0, T0),
    ("a1", "attached", "Watermark", "", "", None, "Normal", 10, 0.0, T0),
]


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    for mid, kind, title, tags, desc, cate, status, size, duration, created in ROWS:
        db.execute(
            "INSERT INTO media (media_id, media_type, title, tags, description, cate_id, status, size, "
            "duration, created_at, modified_at, file_name, business_type) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                mid,
                kind,
                title,
                tags,
                desc,
                cate,
                status,
                size,
                duration,
                created,
                created + 5,
                f"{mid}.bin",
                "watermark" if kind == "attached" else "default",
            ),
        )
    yield db
    db.close()


def ids(conn: sqlite3.Connection, match: str, search_type: str = "video") -> list[str]:
    compiled = compile_match(match, search_type)
    rows = conn.execute(
        f"SELECT media_id FROM media WHERE media_type = ? AND ({compiled.sql}) ORDER BY media_id",
        (search_type, *compiled.params),
    )
    return [row[0] for row in rows]


def test_empty_matches_everything(conn: sqlite3.Connection) -> None:
    assert ids(conn, "") == ["v1", "v2", "v3", "v4"]


def test_exact_string_and_number(conn: sqlite3.Connection) -> None:
    assert ids(conn, "VideoId = 'v3'") == ["v3"]
    assert ids(conn, "CateId = 10") == ["v1", "v3"]
    assert ids(conn, "CateId='11'") == ["v2"]
    assert ids(conn, "Status = 'Normal'") == ["v1", "v4"]


def test_fuzzy_is_case_insensitive_substring(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Title = 'MUSIC'") == ["v3", "v4"]
    assert ids(conn, "Title = '夜景'") == ["v2"]
    assert ids(conn, "Description = 'teaser'") == ["v1"]


def test_tags_match_any_tag(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Tags = 'live'") == ["v4"]
    assert ids(conn, "Tags = 'music'") == ["v3", "v4"]
    assert ids(conn, "Tags in ('promo', '城市')") == ["v1", "v2"]


def test_in_list(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Status in ('Normal','Checking')") == ["v1", "v3", "v4"]
    assert ids(conn, "VideoId in ('v1', 'v2', 'nope')") == ["v1", "v2"]


def test_quoted_quote(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Description = 'O''Brien'") == ["v3"]


def test_ranges_open_closed_mixed_and_half(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Size = (100, 400)") == ["v2", "v3"]
    assert ids(conn, "Size = [100, 400]") == ["v1", "v2", "v3", "v4"]
    assert ids(conn, "Size = [100, 300)") == ["v1", "v2"]
    assert ids(conn, "Size = (100, 300]") == ["v2", "v3"]
    assert ids(conn, "Duration = (60,)") == ["v3", "v4"]
    assert ids(conn, "Duration = (,60]") == ["v1", "v2"]


def test_time_ranges(conn: sqlite3.Connection) -> None:
    assert ids(conn, "CreationTime = ('2023-11-15T00:00:00Z',)") == ["v2", "v3", "v4"]
    assert ids(conn, "CreationTime = ['2023-11-14T22:13:20Z','2023-11-15T22:13:20Z']") == ["v1", "v2"]
    assert ids(conn, "ModificationTime = (,'2023-11-14T22:13:26Z')") == ["v1"]


def test_and_and_parenthesised_or(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Title='Music 1' and Status in ('Normal','Checking')") == ["v3"]
    assert ids(conn, "(Status = 'Transcoding' or CateId = 10) and Size = [200,]") == ["v2", "v3"]
    assert ids(conn, "(Title = 'teaser' or (Tags = 'live' and Size = (0, 500)))") == ["v1", "v4"]
    assert ids(conn, "Status = 'Normal' AND Title = 'music'") == ["v4"]


def test_per_type_whitelists(conn: sqlite3.Connection) -> None:
    assert ids(conn, "ImageId = 'i1'", "image") == ["i1"]
    assert ids(conn, "FileName = 'I1'", "image") == ["i1"]
    assert ids(conn, "BusinessType = 'watermark'", "attached") == ["a1"]
    with pytest.raises(MatchError, match="ImageId"):
        compile_match("ImageId = 'i1'", "video")
    with pytest.raises(MatchError, match="Duration"):
        compile_match("Duration = (1,2)", "image")


@pytest.mark.parametrize(
    "bad",
    [
        "Nope = 'x'",
        "Title = 'a' or Title = 'b'",
        "Title = 'unterminated",
        "Title 'x'",
        "Title = ",
        "Status in 'Normal'",
        "Status in ('Normal'",
        "Size = ('1','2'",
        "Size = (,)",
        "Title = ('a','b')",
        "CateId in (1,2)",
        "Size = 'big'",
        "CreationTime = ('yesterday',)",
        "and Title = 'x'",
        "Title = 'x' and",
        "Title = 'x' ;",
        "(Title = 'x'",
    ],
)
def test_errors(bad: str) -> None:
    with pytest.raises(MatchError):
        compile_match(bad)


def test_too_many_ids() -> None:
    many = ",".join(f"'{n:032x}'" for n in range(101))
    with pytest.raises(MatchError, match="100"):
        compile_match(f"VideoId in ({many})")
    compile_match(f"VideoId in ({','.join(f"'{n:032x}'" for n in range(100))})")


def test_tokenizer_positions() -> None:
    tokens = tokenize("Title = 'a b' and Size=[1,2]")
    assert [t.kind for t in tokens][:4] == ["word", "punct", "str", "word"]
    assert tokens[2].text == "a b"
    assert tokens[-1].kind == "end"


def test_like_wildcards_are_literal(conn: sqlite3.Connection) -> None:
    assert ids(conn, "Title = '_'") == []
    assert ids(conn, "Title = '%'") == []
    assert ids(conn, "Description = 's_ng'") == []


def test_expressions_from_the_client_builder_parse(conn: sqlite3.Connection) -> None:
    import datetime as dt

    from vodstudio.core.match_builder import MediaFilter, SearchType, build_match

    flt = MediaFilter(
        text="music",
        statuses=("Normal", "Checking"),
        created_from=dt.datetime(2023, 11, 1, tzinfo=dt.UTC),
        category_id=10,
        tags=("music",),
    )
    assert ids(conn, build_match(flt)) == ["v3"]
    audio = MediaFilter(search_type=SearchType.AUDIO, video_ids=("x", "y"))
    compile_match(build_match(audio), "audio")
