"""The engine's side of adaptive parallelism: a ticker that feeds the controller and resizes the budget."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from vodstudio.core.errors import ThrottledError, VodStudioError
from vodstudio.core.jobs import Limits
from vodstudio.store.link_memory import LinkMemory, route_key
from vodstudio.transfer.adaptive import AdaptiveParallelism
from vodstudio.transfer.oss_call import ConnectionBudget, Shared

log = logging.getLogger("vodstudio.transfer.adaptive")

TICK_S = 0.25


class AdaptiveRunner:
    """Owns the controller of one engine; ``connections()`` is what the engine's parts may use."""

    def __init__(
        self,
        maximum: int,
        budget: ConnectionBudget,
        delivered: Callable[[], int],
        *,
        minimum: Callable[[], int],
        rate_cap: Callable[[], float],
        memory: LinkMemory | None = None,
    ) -> None:
        self.controller = AdaptiveParallelism(maximum)
        self._budget = budget
        self._delivered = delivered
        self._minimum = minimum
        self._rate_cap = rate_cap
        self._memory = memory
        self._routes: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @classmethod
    def attach(
        cls, shared: Shared, maximum: int, limits: Callable[[], Limits], memory: LinkMemory | None
    ) -> AdaptiveRunner:
        """A runner wired into the engine's shared resources (budget, retries, routes, part sizes)."""
        runner = cls(
            maximum, shared.budget, shared.hub.delivered,
            minimum=lambda: limits().parallel_files, rate_cap=lambda: shared.limiter.rate, memory=memory,
        )  # fmt: skip
        shared.on_retry, shared.on_route = runner.on_retry, runner.on_route
        shared.part_size_for = runner.part_size
        runner._apply()
        return runner

    def set_maximum(self, maximum: int) -> None:
        self.controller.set_maximum(maximum)
        self._apply()

    def connections(self) -> int:
        return self.controller.target

    def on_route(self, account: str, endpoint: str) -> None:
        """A job starts sending to ``endpoint`` for ``account``: start from what this route taught."""
        if self._memory is None:
            return
        key = route_key(account, endpoint)
        with self._lock:
            fresh = key not in self._routes
            self._routes.add(key)
        learnt = self._memory.get(key) if fresh else None
        if learnt is not None:
            self.controller.adopt(learnt)
            self._apply()

    def on_retry(self, error: VodStudioError) -> None:
        self.controller.record_error(throttled=isinstance(error, ThrottledError))

    def part_size(self, file_size: int) -> int | None:
        return self.controller.part_size(file_size)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="vod-adaptive", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self._remember()

    def _run(self) -> None:
        while not self._stop.wait(TICK_S):
            before = self.controller.target
            self.controller.tick(
                time.monotonic(), self._delivered(), busy=self._budget.busy(), rate_cap_bps=self._rate_cap()
            )
            if self.controller.target != before:
                log.info("adaptive parallelism: %d -> %d connections", before, self.controller.target)
                self._apply()
                if self.controller.holding:
                    self._remember()

    def _apply(self) -> None:
        self._budget.resize(max(self.controller.target, self._minimum()))

    def _remember(self) -> None:
        learnt = self.controller.learnt()
        if self._memory is None or learnt is None:
            return
        with self._lock:
            routes = list(self._routes)
        for key in routes:
            self._memory.put(key, learnt)
