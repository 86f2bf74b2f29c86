"""The queue's note beside the Limit box while the weekly schedule sets the limit ("Schedule: 2 MB/s
until 18:00"), so a Limit box showing another value never leaves the user guessing which one holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from vodstudio.services.schedule import ScheduleApplier
from vodstudio.ui.uploads.format import human_rate

REFRESH_MS = 5_000  # a cell lasts an hour: a look every few seconds is plenty, and cheap


class ScheduleNote(QLabel):
    """Hidden unless the schedule's own limit applies this hour; ``applier`` is read at each refresh."""

    def __init__(self, applier: Callable[[], ScheduleApplier | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduleNote")
        self._applier = applier
        self.setToolTip(
            self.tr(
                "The weekly schedule (Preferences → Bandwidth) sets the limit for this hour; "
                "the Limit box holds for the hours the schedule leaves to it."
            )
        )
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.hide()

    def refresh(self) -> None:
        applier = self._applier()
        cell, until = applier.in_effect() if applier is not None else (None, None)
        if cell is None:
            self.hide()
            return
        limit = human_rate(cell) if cell else self.tr("unlimited")
        if until is None:
            text = self.tr("Schedule: %1").replace("%1", limit)
        else:
            text = self.tr("Schedule: %1 until %2").replace("%1", limit).replace("%2", _when(until))
        self.setText(text)
        self.show()


def _when(moment: datetime) -> str:
    """``18:00`` today, ``Mon 09:00`` on another day, in the UI's locale."""
    locale = QLocale()
    clock = locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    if moment.date() == datetime.now().date():
        return clock
    day = locale.dayName(
        QDate(moment.year, moment.month, moment.day).dayOfWeek(), QLocale.FormatType.ShortFormat
    )
    return f"{day} {clock}"
