"""Part planning: simple PUT below a threshold, else a part size fitted to the file and the link."""

from __future__ import annotations

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

MIN_PART = 100 * KiB  # OSS: every part but the last must be at least this big
MAX_PART = 5 * GiB
MAX_PARTS = 10_000
DEFAULT_PART = 8 * MiB
MULTIPART_THRESHOLD = 16 * MiB


@dataclass(frozen=True)
class PartPlan:
    part_size: int  # 0 for a simple PUT
    part_count: int

    @property
    def multipart(self) -> bool:
        return self.part_size > 0


def preferred_part_size(link_bps: float = 0.0) -> int:
    """Bigger parts on fast links: aim at a few seconds per part, within 4–64 MiB.

    Small parts on a slow link keep the bytes re-sent after a failure small; big parts on a fast link
    keep per-request overhead (and the number of ListParts pages on resume) low.
    """
    if link_bps <= 0:
        return DEFAULT_PART
    target = int(link_bps * 4)  # ~4 s of transfer per part
    size = 4 * MiB
    while size < target and size < 64 * MiB:
        size *= 2
    return size


def plan(
    file_size: int, *, link_bps: float = 0.0, threshold: int | None = None, preferred: int | None = None
) -> PartPlan:
    """The part size and count for a file of ``file_size`` bytes."""
    if file_size <= (MULTIPART_THRESHOLD if threshold is None else threshold):
        return PartPlan(0, 1)
    size = max(preferred or preferred_part_size(link_bps), MIN_PART)
    # Never more than 10,000 parts: grow the part until the file fits, rounded up to whole MiB.
    if -(-file_size // size) > MAX_PARTS:
        size = -(-file_size // MAX_PARTS)
        size = -(-size // MiB) * MiB
    size = min(size, MAX_PART)
    return PartPlan(size, -(-file_size // size))


def part_ranges(file_size: int, part_size: int) -> list[tuple[int, int, int]]:
    """``(part_number, offset, size)`` for each part, numbered from 1."""
    out = []
    number = 1
    for offset in range(0, file_size, part_size):
        out.append((number, offset, min(part_size, file_size - offset)))
        number += 1
    return out
