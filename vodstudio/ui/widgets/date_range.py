"""A start/end date-time picker that returns aware UTC datetimes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QWidget


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=dt.UTC)


class DateRangePicker(QWidget):
    """Two calendar pickers in local time. ``date_range()`` gives UTC; ``range_changed`` on any edit."""

    range_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_time: bool = True) -> None:
        super().__init__(parent)
        self.with_time = with_time
        fmt = "yyyy-MM-dd HH:mm" if with_time else "yyyy-MM-dd"
        now = QDateTime.currentDateTime()
        self.start_edit = QDateTimeEdit(now.addDays(-1), self)
        self.end_edit = QDateTimeEdit(now, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(fmt)
            edit.dateTimeChanged.connect(self._changed)
        self.start_edit.setAccessibleName(self.tr("Start"))
        self.end_edit.setAccessibleName(self.tr("End"))
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.end_edit)

    def date_range(self) -> tuple[dt.datetime, dt.datetime]:
        """Without times the range covers whole local days: the start day's midnight to the end day's end."""
        start, end = self.start_edit.dateTime(), self.end_edit.dateTime()
        if not self.with_time:
            start = QDateTime(start.date(), QTime(0, 0))
            end = QDateTime(end.date().addDays(1), QTime(0, 0))
        return from_qdatetime(start), from_qdatetime(end)

    def set_range(self, start: dt.datetime, end: dt.datetime) -> None:
        self.start_edit.setDateTime(to_qdatetime(start))
        self.end_edit.setDateTime(to_qdatetime(end))

    def _changed(self) -> None:
        self.range_changed.emit()
