"""Local checks of what the VOD API would reject anyway, raised before a request is spent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

# lim.chunks: the one batching helper (core), re-exported for the operation modules.
from vodstudio.core.batching import chunks as chunks
from vodstudio.core.errors import InvalidParameterError, ServiceFacts

Unit = Literal["chars", "bytes"]

TITLE_MAX = 128
DESCRIPTION_MAX = 1024
TAGS_MAX = 16
TAG_MAX = 32


def local_error(code: str, message: str) -> InvalidParameterError:
    """The same error class the service would raise; ``http_status`` 0 and no RequestId mark it local."""
    return InvalidParameterError(ServiceFacts(provider="aliyun", service_code=code, message=message))


def _length(value: str, unit: Unit) -> int:
    return len(value.encode("utf-8")) if unit == "bytes" else len(value)


def check_text(
    name: str,
    value: str | None,
    limit: int,
    *,
    unit: Unit = "chars",
    required: bool = False,
    astral_ok: bool = False,
) -> None:
    if value is None or value == "":
        if required:
            raise local_error(f"Missing{name}", f'The input parameter "{name}" is mandatory.')
        return
    if _length(value, unit) > limit:
        raise local_error("LengthExceededMax", f"The specified {name} length has exceeded {limit} {unit}.")
    # Emoji and other astral characters are refused in titles, descriptions and tags (not file names).
    if not astral_ok and any(ord(ch) > 0xFFFF for ch in value):
        raise local_error("IllegalCharacters", f"The specified {name} contains illegal characters.")


def join_tags(tags: Iterable[str] | None, *, unit: Unit = "chars") -> str | None:
    """Tags as the API wants them: comma-separated, ≤16, each ≤32."""
    if tags is None:
        return None
    cleaned = [tag.strip() for tag in tags if tag.strip()]
    if len(cleaned) > TAGS_MAX:
        raise local_error("TagsExceededMax", f"At most {TAGS_MAX} tags are allowed.")
    for tag in cleaned:
        if "," in tag:
            raise local_error("InvalidParameter", "A tag cannot contain a comma.")
        check_text("Tag", tag, TAG_MAX, unit=unit)
    return ",".join(cleaned)


def check_choice(name: str, value: str | None, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise local_error(f"Invalid{name}", f"{name} must be one of {', '.join(allowed)} (got {value!r}).")


def check_count(name: str, count: int, limit: int, code: str | None = None) -> None:
    if count > limit:
        raise local_error(code or f"{name}ExceededMax", f"At most {limit} {name} per request.")


def unique(items: Iterable[str]) -> list[str]:
    """Order-preserving de-duplication (a batch must not ask twice for the same id)."""
    return list(dict.fromkeys(item for item in items if item))


_REFERENCE_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


def check_reference_id(value: str) -> None:
    if not _REFERENCE_ID.match(value):
        raise local_error("InvalidParameter.ReferenceId", "A ReferenceId is 6-64 of A-Z a-z 0-9 _ -.")


def truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` that fits in ``limit`` UTF-8 bytes (never splits a character)."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")
