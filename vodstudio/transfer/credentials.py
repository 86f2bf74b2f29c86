"""Per-job keeper of the upload credential: refresh before the deadline, and single-flight on expiry."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from vodstudio.cloud.aliyun.credentials import UploadAddress, UploadAuth

log = logging.getLogger("vodstudio.transfer.credentials")

PROACTIVE_MARGIN_S = 300.0  # refresh this long before the deadline...
PROACTIVE_FRACTION = 0.10  # ...or at 10 % of the lifetime left, whichever is smaller


@dataclass(frozen=True)
class Grant:
    """A credential and where it may write. ``generation`` counts refreshes (0 = first)."""

    auth: UploadAuth
    address: UploadAddress
    generation: int


Fetch = Callable[[], tuple[UploadAuth, UploadAddress]]


class CredentialKeeper:
    """Hands out the current grant; parallel parts that hit an expired token wait for ONE refresh.

    ``fetch`` is RefreshUploadVideo for videos. For images and attached media, whose credential cannot
    be refreshed, it re-creates the upload: the address changes, and the caller must restart the
    object (``Grant.address`` differs from the one it started with).
    """

    def __init__(
        self,
        auth: UploadAuth,
        address: UploadAddress,
        fetch: Fetch,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._lock = threading.Lock()
        self._grant = Grant(auth, address, 0)
        self.refreshes = 0

    @property
    def grant(self) -> Grant:
        return self._grant

    def margin(self, auth: UploadAuth) -> float:
        lifetime = max(auth.deadline - auth.issued_at, 0.0)
        return min(PROACTIVE_MARGIN_S, lifetime * PROACTIVE_FRACTION)

    def current(self) -> Grant:
        """The grant to use for the next request, refreshed first if its deadline is near."""
        grant = self._grant
        if grant.auth.deadline - self._clock() > self.margin(grant.auth):
            return grant
        return self.refresh(grant.generation)

    def refresh(self, seen_generation: int) -> Grant:
        """Refresh unless someone already did since ``seen_generation`` (single-flight).

        Callers pass the generation they used when the request failed; the first one in fetches,
        the others block on the lock and then get the new grant without another call.
        """
        with self._lock:
            grant = self._grant
            if grant.generation != seen_generation:
                return grant
            auth, address = self._fetch()
            self._grant = Grant(auth, address, grant.generation + 1)
            self.refreshes += 1
            log.info("upload credential refreshed (generation %d)", self._grant.generation)
            return self._grant
