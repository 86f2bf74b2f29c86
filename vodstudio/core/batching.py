"""Splitting a list into the batches an API takes per call (one helper for every provider)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence


def chunks[T](items: Sequence[T], size: int) -> Iterator[list[T]]:
    """``[1, 2, 3]`` by 2 → ``[1, 2]``, ``[3]``; ``size`` must be positive."""
    if size < 1:
        raise ValueError("a batch holds at least one item")
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
