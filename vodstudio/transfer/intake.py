"""From scanned files to new jobs: the metadata of one add applied per file (title pattern, cover rule)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath, PurePosixPath
from urllib.parse import unquote, urlsplit

from vodstudio.core.jobs import CoverRule, JobKind, JobMetadata
from vodstudio.core.presets import expand_title, has_pattern
from vodstudio.store.queue_db import NewJob
from vodstudio.transfer.covers import USED_AS_COVER, CoverFinder
from vodstudio.transfer.scan import Candidate, Skipped, displayable


def new_job(
    account: str,
    c: Candidate,
    meta: JobMetadata,
    *,
    when: dt.datetime | None = None,
    covers: CoverFinder | None = None,
    name: PurePath | None = None,
) -> NewJob:
    """The job for one file. ``name`` is what ``{stem}``/``{folder}`` read (a URL's path for pulls)."""
    kind = meta.kind or c.kind
    title = meta.title
    if has_pattern(title):
        title = expand_title(title, name or c.path, when or dt.datetime.now().astimezone())
    cover = meta.cover_path
    if meta.cover_rule is CoverRule.SAME_STEM and covers is not None:
        found = covers.cover_for(c.path) if kind is JobKind.VIDEO else None
        cover = str(found) if found is not None else ""
    return NewJob(
        kind=kind,
        account=account,
        path=str(c.path),
        size=c.size,
        mtime_ns=c.mtime_ns,
        title=title,
        description=meta.description,
        tags=meta.tags,
        cate_id=meta.cate_id,
        template_group_id=meta.template_group_id,
        workflow_id=meta.workflow_id,
        cover_path=cover,
        user_data=meta.user_data,
        business_type=meta.business_type,
        priority=meta.priority,
        storage_location=meta.storage_location,
        app_id=meta.app_id,
        prefetch_cdn=meta.prefetch_when_playable and kind is JobKind.VIDEO,
    )


def url_name(url: str) -> PurePath:
    """The file name a URL's path ends in, for the title pattern of a pull."""
    return PurePosixPath(unquote(urlsplit(url).path) or "/")


def jobs_from_scan(
    account: str, items: Iterable[Candidate | Skipped], meta: JobMetadata
) -> Iterator[NewJob | tuple[str, str]]:
    """A new job per candidate, or ``(path, reason)`` per file left out.

    With the same-stem cover rule, an image beside a video is that video's cover: it is held back and
    queued on its own only if its video was not in this add (a folder of clips with their stills
    uploads the clips with covers, not the stills as well).
    """
    when = dt.datetime.now().astimezone()  # one add, one {date}, even across midnight
    covers = CoverFinder() if meta.cover_rule is CoverRule.SAME_STEM else None
    held: list[Candidate] = []
    videos: set[tuple[Path, str]] = set()
    for item in items:
        if isinstance(item, Skipped):
            yield displayable(item.path), item.reason
            continue
        if covers is not None and meta.kind is None:
            if item.kind is JobKind.IMAGE and covers.video_beside(item.path):
                held.append(item)
                continue
            if item.kind is JobKind.VIDEO:
                videos.add((item.path.parent, item.path.stem))
        yield new_job(account, item, meta, when=when, covers=covers)
    for image in held:
        if (image.path.parent, image.path.stem) in videos:
            yield displayable(image.path), USED_AS_COVER
        else:
            yield new_job(account, image, meta, when=when, covers=covers)
