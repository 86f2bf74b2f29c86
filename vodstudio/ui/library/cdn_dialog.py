"""Refresh or prefetch the selected videos on the CDN: pick formats, see the quota it takes, send.

The estimate (GetPlayInfo per video with the same filters, and today's quota) is shown before anything
is sent; the Send button stays off while it would not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.models import MediaRefreshEstimate, MediaRefreshOptions, MediaRefreshSubmission
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import number_text, sentences
from vodstudio.ui.widgets.busy import StatusLine

FORMATS = ("mp4", "m3u8", "flv", "webm", "mp3", "ts")
ESTIMATE_DELAY_MS = 300  # coalesce a burst of option clicks into one estimate


class MediaRefreshDialog(QDialog):
    """``submitted(list[MediaRefreshSubmission])`` once the jobs are sent."""

    submitted = Signal(object)
    estimated = Signal(object)  # MediaRefreshEstimate (tests wait on it)

    def __init__(
        self, desk: CdnDeskSession, video_ids: list[str], *, preload: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.video_ids, self.preload = desk, video_ids, preload
        self.estimate: MediaRefreshEstimate | None = None
        self._token = 0
        title = self.tr("Prefetch on CDN") if preload else self.tr("Refresh on CDN")
        self.setWindowTitle(title)
        intro = QLabel(
            self.tr(
                "Every play URL of %n video(s) in the chosen formats (none ticked: all formats).",
                "",
                len(video_ids),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.format_checks = {fmt: QCheckBox(fmt.upper(), self) for fmt in FORMATS}
        formats = QHBoxLayout()
        for check in self.format_checks.values():
            formats.addWidget(check)
            check.toggled.connect(self._options_changed)
        formats.addStretch(1)
        self.slices_spin = QSpinBox(self)
        self.slices_spin.setRange(0, 20)
        self.slices_spin.setSpecialValueText(self.tr("None"))
        self.slices_spin.setAccessibleName(self.tr("TS slices per M3U8 stream"))
        self.slices_spin.valueChanged.connect(self._options_changed)
        slices = QHBoxLayout()
        slices_label = QLabel(self.tr("M3U8: also the first &TS slices:"), self)
        slices_label.setBuddy(self.slices_spin)
        slices.addWidget(slices_label)
        slices.addWidget(self.slices_spin)
        slices.addStretch(1)
        self.estimate_label = StatusLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.send_button = self.buttons.addButton(title, QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for item in (intro,):
            layout.addWidget(item)
        layout.addLayout(formats)
        layout.addLayout(slices)
        layout.addWidget(self.estimate_label)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ESTIMATE_DELAY_MS)
        self._timer.timeout.connect(self.refresh_estimate)
        self.refresh_estimate()

    def options(self) -> MediaRefreshOptions:
        slices = self.slices_spin.value()
        return MediaRefreshOptions(
            task_type="Preload" if self.preload else "Refresh",
            formats=tuple(fmt for fmt, check in self.format_checks.items() if check.isChecked()),
            slice_flag=True if slices else None,
            slice_count=slices or None,
        )

    def _options_changed(self) -> None:
        self.send_button.setEnabled(False)
        self._timer.start()

    def refresh_estimate(self) -> None:
        self._token += 1
        token, desk, ids, options = self._token, self.desk, self.video_ids, self.options()
        self.estimate_label.show_info(self.tr("Counting the URLs and checking today's quota…"))
        run_in_background(
            lambda: desk.estimate_media(ids, options),
            lambda estimate: self._on_estimate(token, estimate),
            lambda error: self._on_error(token, error),
            owner=self,
        )

    def _on_estimate(self, token: int, estimate: MediaRefreshEstimate) -> None:
        if token != self._token:
            return
        self.estimate = estimate
        text = self.tr("This uses %1 of today's %2 left.").replace("%1", number_text(estimate.cost))
        text = text.replace("%2", number_text(estimate.remaining))
        if estimate.skipped:
            text = sentences(
                text,
                self.tr("%n video(s) have nothing to send yet (not playable).", "", len(estimate.skipped)),
            )
        if estimate.fits:
            self.estimate_label.show_info(text)
        else:
            self.estimate_label.show_error(
                sentences(text, self.tr("Not enough quota today: send fewer videos."))
            )
        self.send_button.setEnabled(estimate.fits and estimate.cost > 0)
        self.estimated.emit(estimate)

    def _on_error(self, token: int, error: BaseException) -> None:
        if token == self._token:
            self.estimate_label.show_error(describe_error(error))

    def send(self) -> None:
        estimate, desk = self.estimate, self.desk
        if estimate is None:
            return
        self.send_button.setEnabled(False)
        self.estimate_label.show_info(self.tr("Sending…"))
        run_in_background(
            lambda: desk.refresh_media(estimate), self._on_sent, self._on_send_failed, owner=self
        )

    def _on_sent(self, submissions: list[MediaRefreshSubmission]) -> None:
        self.submitted.emit(submissions)
        self.accept()

    def _on_send_failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.estimate_label.show_error(describe_error(error))
