"""In-app preview playback of a video's play URL (QtMultimedia), or a sentence saying why it cannot play."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QStyle, QVBoxLayout, QWidget

from vodstudio.core.units import format_duration

log = logging.getLogger(__name__)

try:  # QtMultimedia needs system libraries (libpulse on Linux) that a machine may lack.
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

    MULTIMEDIA_ERROR = ""
except ImportError as exc:  # pragma: no cover - depends on the machine
    MULTIMEDIA_ERROR = str(exc)


class PreviewPlayer(QWidget):
    """Play/pause, a seek slider and the time; ``load(url)`` prepares without playing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.player: QMediaPlayer | None = None
        self._layout = layout
        if MULTIMEDIA_ERROR:
            message = self.tr("Preview is unavailable: Qt Multimedia could not be loaded (%1).")
            self.notice = QLabel(message.replace("%1", MULTIMEDIA_ERROR), self)
            self.notice.setWordWrap(True)
            layout.addWidget(self.notice)
            return
        # QVideoWidget loads the multimedia backend (FFmpeg, VA-API probes): created on first use too.
        self.video: QWidget = QLabel(self.tr("Pick a stream and press Preview."), self)
        self.video.setMinimumHeight(100)
        self.video.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play_button = QPushButton(self)
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.play_button.setShortcut(Qt.Key.Key_Space)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName(self.tr("Position"))
        self.time_label = QLabel("0:00 / 0:00", self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        layout.addWidget(self.notice)
        self.play_button.clicked.connect(self.toggle)
        self.slider.sliderMoved.connect(self.seek)

    def _ensure_player(self) -> None:
        """Create the player on first use: opening the audio output talks to the sound server."""
        if self.player is not None or MULTIMEDIA_ERROR:
            return
        placeholder, self.video = self.video, QVideoWidget(self)
        self.video.setMinimumHeight(100)
        self._layout.replaceWidget(placeholder, self.video)
        placeholder.deleteLater()
        self.audio = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setAudioOutput(self.audio)
        self.player.setVideoOutput(self.video)
        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.errorOccurred.connect(self._on_error)

    @property
    def available(self) -> bool:
        return not MULTIMEDIA_ERROR

    def load(self, url: str) -> None:
        self._ensure_player()
        if self.player is None:
            return
        self.notice.clear()
        self.player.stop()
        self.player.setSource(QUrl(url) if url else QUrl())

    def has_source(self) -> bool:
        return self.player is not None and not self.player.source().isEmpty()

    def clear(self, reason: str = "") -> None:
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.notice.setText(reason)

    def shutdown(self) -> None:
        """Release the player now, on the GUI thread, while its decoder threads are idle.

        Left to garbage collection, a QMediaPlayer could be torn down at a random later moment while
        the multimedia backend still had work queued (a crash seen once in the test suite).
        """
        player, self.player = self.player, None
        if player is None:
            return
        player.stop()
        player.setSource(QUrl())
        player.deleteLater()  # parented to this widget: Qt owns it, so Qt deletes it

    def toggle(self) -> None:
        if self.player is None or self.player.source().isEmpty():
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, position_ms: int) -> None:
        if self.player is not None:
            self.player.setPosition(position_ms)

    def _on_position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self._show_time(position, self.player.duration() if self.player else 0)

    def _on_duration(self, duration: int) -> None:
        self.slider.setRange(0, max(0, duration))
        self._show_time(self.player.position() if self.player else 0, duration)

    def _show_time(self, position: int, duration: int) -> None:
        self.time_label.setText(f"{format_duration(position / 1000)} / {format_duration(duration / 1000)}")

    def _on_state(self, state: object) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _on_error(self, _error: object, text: str) -> None:
        self.notice.setText(self.tr("Playback failed: %1").replace("%1", text))
