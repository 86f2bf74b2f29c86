"""Tolerant readers for VOD JSON: numbers arrive as strings or numbers, lists wrapped or bare."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from vodstudio.core.errors import MalformedResponseError

Json = Mapping[str, Any]
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _get(data: Json, key: str) -> Any:
    """``data[key]`` or None; a list or a number where an object belongs is a malformed answer."""
    if not isinstance(data, Mapping):
        raise MalformedResponseError(f"expected an object holding {key}, got {type(data).__name__}")
    return data.get(key)


def text(data: Json, key: str, default: str = "") -> str:
    value = _get(data, key)
    return default if value is None else str(value)


def integer(data: Json, key: str, default: int = 0) -> int:
    value = _get(data, key)
    if value is None or value == "":
        return default
    try:
        return int(float(value)) if isinstance(value, str) and "." in value else int(value)
    except (TypeError, ValueError, OverflowError):
        raise MalformedResponseError(f"{key} is not an integer: {value!r}") from None


def optional_int(data: Json, key: str) -> int | None:
    return None if _get(data, key) in (None, "") else integer(data, key)


def number(data: Json, key: str, default: float = 0.0) -> float:
    value = _get(data, key)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        raise MalformedResponseError(f"{key} is not a number: {value!r}") from None


def timestamp(data: Json, key: str) -> dt.datetime | None:
    """ISO 8601 UTC (``2017-06-26T05:38:48Z``) as an aware datetime; empty → ``None``."""
    value = _get(data, key)
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise MalformedResponseError(f"{key} is not an ISO 8601 time: {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def tags(data: Json, key: str = "Tags") -> list[str]:
    return [tag.strip() for tag in text(data, key).split(",") if tag.strip()]


def as_list(value: Any) -> list[Any]:
    """What the API promises as a list, in every shape it is really sent.

    A list as is; a string holding a JSON array (GetVideoInfos' sample ``"[\"id\"]"``) as that array;
    any other single value (DeleteVideo's sample ``"NonExistVideoIds": "id"``, one XML element turned
    into an object) as a one-item list, so one odd field never fails a whole call.
    """
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str) and value.startswith("["):
        try:
            decoded = json.loads(value)
        except json.JSONDecodeError:
            # The reference abridges such arrays with "...": keep the quoted items it does show.
            quoted = _QUOTED.findall(value)
            return [json.loads(f'"{item}"') for item in quoted] if quoted else [value]
        return decoded if isinstance(decoded, list) else [decoded]
    return [value]


def items(data: Json, key: str, inner: str | None = None) -> list[Any]:
    """A list at ``key``, also wrapped as ``{"Key": {"Inner": [...]}}`` (XML heritage); see ``as_list``."""
    value = _get(data, key)
    if isinstance(value, dict):
        value = value.get(inner) if inner else next(iter(value.values()), None)
    return as_list(value)


def strings(data: Json, key: str, inner: str | None = None) -> list[str]:
    return [str(item) for item in items(data, key, inner)]


def comma_list(data: Json, key: str) -> list[str]:
    """Ids or URLs the service joins with commas into one string (``TaskIds``), or sends as a list."""
    return [part.strip() for item in strings(data, key) for part in item.split(",") if part.strip()]


def obj(data: Json, key: str, *, required: bool = False) -> dict[str, Any]:
    value = _get(data, key)
    if isinstance(value, dict):
        return value
    if required or value not in (None, ""):
        raise MalformedResponseError(f"the answer lacks the object {key}")
    return {}


def require_text(data: Json, key: str) -> str:
    value = _get(data, key)
    if value in (None, ""):
        raise MalformedResponseError(f"the answer lacks {key}")
    return str(value)


def iso(when: dt.datetime) -> str:
    """Aware (or naive-UTC) datetime → the API's ``yyyy-MM-ddTHH:mm:ssZ``."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
