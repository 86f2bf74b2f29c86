"""Tolerant readers for typed results (dataclass attributes or raw API dicts) and display formats."""

from __future__ import annotations

import datetime as dt
from typing import Any


def pick(obj: Any, *names: str, default: Any = "") -> Any:
    """The first present, non-None attribute or key among ``names`` (snake_case first, then API names)."""
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def as_datetime(value: Any) -> dt.datetime | None:
    """An aware datetime from a datetime, a UNIX time or an ISO 8601 string; None if unknown."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(value, int | float) and value > 0:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    if isinstance(value, str) and value:
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    return None


def local_text(value: Any) -> str:
    """A time in the user's local zone, ``YYYY-MM-DD HH:MM``; ``–`` if unknown."""
    moment = as_datetime(value)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "–"


def as_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def as_int(value: Any) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def media_id(item: Any) -> str:
    return str(pick(item, "video_id", "image_id", "audio_id", "media_id", "VideoId", "ImageId", "MediaId"))


def tags_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value or "")


def inner(item: Any) -> Any:
    """A SearchMedia ``MediaItem`` wraps one of video/audio/image/attached: the row shows that one."""
    for name in ("video", "audio", "image", "attached"):
        value = getattr(item, name, None)
        if value is not None:
            return value
    return item
