"""CompleteMultipartUpload's checks of the requested part list, in the order OSS applies them."""

from __future__ import annotations

import itertools
import sqlite3

from vodstudio.sandbox.oss_auth import OssError

MIN_PART_SIZE = 100 * 1024


def validate_parts(wanted: list[tuple[int, str]], rows: dict[int, sqlite3.Row]) -> list[tuple[int, str]]:
    """The requested parts, checked as OSS checks them: order, existence + ETag, minimum size."""
    if not wanted:
        raise OssError(400, "MalformedXML", "The XML you provided was not well-formed.", "0042-00000204")
    numbers = [n for n, _ in wanted]
    if any(b <= a for a, b in itertools.pairwise(numbers)):
        raise OssError(
            400,
            "InvalidPartOrder",
            "The list of parts was not in ascending order. The parts list must be specified in order by "
            "part number.",
            "0042-00000206",
        )
    for number, etag in wanted:
        row = rows.get(number)
        if row is None or row["etag"] != etag:
            raise OssError(
                400,
                "InvalidPart",
                "One or more of the specified parts could not be found or the specified entity tag might "
                "not have matched the part's entity tag.",
                "0042-00000205",
            )
    for number, _ in wanted[:-1]:
        if rows[number]["size"] < MIN_PART_SIZE:
            raise OssError(
                400,
                "EntityTooSmall",
                "Your proposed upload is smaller than the minimum allowed size.",
                "0042-00000207",
                PartNumber=str(number),
            )
    return wanted
