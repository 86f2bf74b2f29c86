"""CDN refresh/prefetch items typed or pasted by a user: parsed and checked line by line.

One parser for the CDN panel, the CLI and the library, so both faces accept the same lines in the
same order. A bad line does not reject the batch: it is reported with its line number and reason,
and the good lines go on.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from vodstudio.core.cdn import ASSET_PREFIX, CdnTaskKind

MAX_ITEM_LENGTH = 2048
_ASSET_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


class ItemProblemKind(enum.StrEnum):
    NOT_A_URL = "not-a-url"  # no http(s) scheme or no host
    HAS_SPACES = "has-spaces"  # unencoded white space inside a URL
    NOT_A_DIRECTORY = "not-a-directory"  # a directory refresh item must end with "/"
    ASSETS_NOT_SUPPORTED = "assets-not-supported"  # asset:<id> on a provider without asset items
    BAD_ASSET_ID = "bad-asset-id"
    TOO_LONG = "too-long"


@dataclass(frozen=True)
class ItemProblem:
    line: int  # 1-based, as an editor shows it
    text: str
    kind: ItemProblemKind


@dataclass(frozen=True)
class ItemList:
    items: list[str] = field(default_factory=list)
    problems: list[ItemProblem] = field(default_factory=list)
    duplicates: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_item(item: str, kind: CdnTaskKind, *, assets_allowed: bool) -> ItemProblemKind | None:
    """Why ``item`` cannot be sent as ``kind``, or None when it can."""
    if len(item) > MAX_ITEM_LENGTH:
        return ItemProblemKind.TOO_LONG
    if item.startswith(ASSET_PREFIX):
        if not assets_allowed or kind is CdnTaskKind.REFRESH_DIR:
            return ItemProblemKind.ASSETS_NOT_SUPPORTED
        ok = _ASSET_ID.match(item[len(ASSET_PREFIX) :])
        return None if ok else ItemProblemKind.BAD_ASSET_ID
    # Not a URL at all says more than "has spaces" about a line like "see notes below".
    parts = urlsplit(item.split(None, 1)[0])
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ItemProblemKind.NOT_A_URL
    if any(ch.isspace() for ch in item):
        return ItemProblemKind.HAS_SPACES
    if kind is CdnTaskKind.REFRESH_DIR and not item.endswith("/"):
        return ItemProblemKind.NOT_A_DIRECTORY
    return None


def parse_items(text: str, kind: CdnTaskKind, *, assets_allowed: bool = False) -> ItemList:
    """One item per line; blank lines and ``#`` comments (also indented) are skipped; duplicates
    are dropped keeping the first; every other line is either an item or a numbered problem."""
    items: dict[str, None] = {}
    problems: list[ItemProblem] = []
    duplicates = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        problem = check_item(line, kind, assets_allowed=assets_allowed)
        if problem is not None:
            problems.append(ItemProblem(number, line, problem))
        elif line in items:
            duplicates += 1
        else:
            items[line] = None
    return ItemList(list(items), problems, duplicates)
