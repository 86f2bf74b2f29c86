"""Display helpers for library times (the user's local zone)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vodstudio.ui.localized import date_time_text


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
    """A time in the user's local zone, in the locale's short format; ``–`` if unknown."""
    moment = as_datetime(value)
    return date_time_text(moment)
