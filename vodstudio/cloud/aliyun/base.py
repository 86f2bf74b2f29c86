"""The one method every operation mixin relies on; ``VodClient`` implements it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class RpcCaller:
    clock_offset: float = 0.0  # server time minus local time, learned from the answers' Date

    def call(self, action: str, params: Mapping[str, object], *, cdn: bool = False) -> dict[str, Any]:
        raise NotImplementedError
