"""Build SearchMedia ``Match`` expressions from a typed filter (quoting, ranges, multi-value lists)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class SearchType(enum.StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    IMAGE = "image"
    ATTACHED = "attached"


VIDEO_STATUSES: tuple[str, ...] = (
    "Uploading",
    "UploadFail",
    "UploadSucc",
    "Transcoding",
    "TranscodeFail",
    "Checking",
    "Blocked",
    "Normal",
    "ProduceFail",
)
IMAGE_STATUSES: tuple[str, ...] = ("Uploading", "Normal", "UploadFail")
SORTABLE_FIELDS: tuple[str, ...] = ("CreationTime", "ModificationTime")

# The protocol defines no escape inside '...', and only ASCII punctuation delimits: a quote or a
# backslash in user text would end or corrupt the literal, so those become spaces.
_UNSAFE = str.maketrans({"'": " ", "\\": " ", "\r": " ", "\n": " ", "\t": " "})
# Full-width look-alikes the server would treat as ordinary text are fine; the ASCII ones are not.


def quote(value: str) -> str:
    """One Match string literal: single-quoted, with characters the grammar cannot carry removed."""
    return "'" + " ".join(value.translate(_UNSAFE).split()) + "'"


def iso_utc(moment: dt.datetime) -> str:
    """``YYYY-MM-DDThh:mm:ssZ`` in UTC (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def in_list(field: str, values: Iterable[str]) -> str:
    """``field in ('a','b')``; a single value becomes ``field = 'a'``."""
    items = [v for v in (" ".join(x.translate(_UNSAFE).split()) for x in values) if v]
    if not items:
        raise ValueError(f"{field}: empty value list")
    if len(items) == 1:
        return f"{field} = {quote(items[0])}"
    return f"{field} in (" + ",".join(quote(v) for v in items) + ")"


def time_range(field: str, start: dt.datetime | None, end: dt.datetime | None) -> str:
    """An open range ``field = ('from','to')``; one side may be missing: ``('from',)`` / ``(,'to')``."""
    if start is None and end is None:
        raise ValueError(f"{field}: a range needs at least one bound")
    if start is not None and end is not None and end <= start:
        raise ValueError(f"{field}: the end must be after the start")
    left = quote(iso_utc(start)) if start is not None else ""
    right = quote(iso_utc(end)) if end is not None else ""
    return f"{field} = ({left},{right})"


@dataclass(frozen=True)
class MediaFilter:
    """What the library's search box and filters ask for. Empty fields do not filter."""

    search_type: SearchType = SearchType.VIDEO
    text: str = ""  # fuzzy match on Title
    statuses: Sequence[str] = ()
    created_from: dt.datetime | None = None
    created_to: dt.datetime | None = None
    category_id: int | None = None
    tags: Sequence[str] = ()
    video_ids: Sequence[str] = ()


def build_match(flt: MediaFilter) -> str:
    """The Match expression for a filter; ``""`` when nothing filters (the server then returns all)."""
    parts: list[str] = []
    text = " ".join(flt.text.translate(_UNSAFE).split())
    if text:
        parts.append(f"Title = {quote(text)}")
    if flt.statuses:
        parts.append(in_list("Status", flt.statuses))
    if flt.created_from is not None or flt.created_to is not None:
        parts.append(time_range("CreationTime", flt.created_from, flt.created_to))
    if flt.category_id is not None:
        parts.append(f"CateId = {int(flt.category_id)}")
    tags = [t for t in (" ".join(t.split()) for t in flt.tags) if t]
    if tags:
        parts.append(in_list("Tags", tags))
    if flt.video_ids:
        if len(flt.video_ids) > 100:
            raise ValueError("VideoId in (...) takes at most 100 ids")
        id_field = {SearchType.IMAGE: "ImageId", SearchType.ATTACHED: "MediaId"}.get(
            flt.search_type, "VideoId"
        )
        parts.append(in_list(id_field, flt.video_ids))
    return " and ".join(parts)


def sort_by(field: str, descending: bool = True) -> str:
    """A SortBy value; only CreationTime and ModificationTime sort on the server."""
    if field not in SORTABLE_FIELDS:
        raise ValueError(f"{field} cannot be sorted on the server")
    return f"{field}:{'Desc' if descending else 'Asc'}"


def parse_tags(text: str) -> list[str]:
    """Tags typed by a user: comma separated (ASCII or full-width comma), trimmed, de-duplicated."""
    seen: list[str] = []
    for raw in text.replace("，", ",").split(","):
        tag = raw.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen
