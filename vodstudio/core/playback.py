"""After Complete: the video's way through the service's states until it plays (or fails)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class PlayState(enum.StrEnum):
    """What a done upload is on the server, in words the queue and the library show."""

    WAITING = "waiting"  # uploaded; the service has not started transcoding yet (Uploading/UploadSucc)
    TRANSCODING = "transcoding"
    PLAYABLE = "playable"  # Normal
    TRANSCODE_FAILED = "transcode-failed"
    UPLOAD_FAILED = "upload-failed"
    BLOCKED = "blocked"  # Blocked / checking refused
    GONE = "gone"  # deleted on the server meanwhile
    UNKNOWN = "unknown"  # a status this version does not know: kept and shown raw

    @property
    def is_final(self) -> bool:
        return self not in (PlayState.WAITING, PlayState.TRANSCODING)

    @property
    def is_failure(self) -> bool:
        return self in (
            PlayState.TRANSCODE_FAILED,
            PlayState.UPLOAD_FAILED,
            PlayState.BLOCKED,
            PlayState.GONE,
        )


_FAILURES = frozenset(
    {PlayState.TRANSCODE_FAILED, PlayState.UPLOAD_FAILED, PlayState.BLOCKED, PlayState.GONE}
)
_BY_STATUS = {
    "Uploading": PlayState.WAITING,
    "UploadSucc": PlayState.WAITING,
    "Transcoding": PlayState.TRANSCODING,
    "Checking": PlayState.TRANSCODING,  # under review: not yet playable, not failed
    "Normal": PlayState.PLAYABLE,
    "TranscodeFail": PlayState.TRANSCODE_FAILED,
    "UploadFail": PlayState.UPLOAD_FAILED,
    "Blocked": PlayState.BLOCKED,
    "checkFail": PlayState.BLOCKED,
}


def play_state(status: str) -> PlayState:
    """The VOD ``Status`` of a video as a play state (unknown statuses stay visible, not hidden)."""
    return _BY_STATUS.get(status, PlayState.UNKNOWN)


@dataclass(frozen=True)
class Backoff:
    """Polling intervals: quick at first (a short clip is ready in seconds), then slower, capped."""

    first: float = 1.0
    factor: float = 2.0
    cap: float = 60.0

    def delay(self, attempts: int) -> float:
        return min(self.cap, self.first * self.factor ** max(0, attempts))


@dataclass(frozen=True)
class Playback:
    """The last known server state of one done upload."""

    job_id: int
    account: str
    media_id: str
    file_name: str
    status: str  # the raw VOD status
    state: PlayState
    attempts: int = 0
    next_check_at: float = 0.0


@dataclass(frozen=True)
class PlaybackSummary:
    """A batch after polling: how many play, and which failed (named, for the notification)."""

    playable: tuple[str, ...] = ()
    failed: tuple[tuple[str, PlayState], ...] = ()  # (file name, state)
    pending: int = 0

    @property
    def finished(self) -> bool:
        return self.pending == 0
