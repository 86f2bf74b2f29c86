"""Traffic and bandwidth charts (QtCharts) for one domain and a range, with total and peak figures."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vodstudio.core.cdn_ranges import RangePreset, query_window
from vodstudio.core.units import format_bits_per_second
from vodstudio.services.cdn import CdnDeskSession
from vodstudio.services.models import UsagePoint, UsageSeries
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import size_text
from vodstudio.ui.theme import is_dark
from vodstudio.ui.widgets.busy import StatusLine
from vodstudio.ui.widgets.date_range import DateRangePicker
from vodstudio.ui.widgets.flow import FlowLayout

_UNITS = (1, 1024, 1024**2, 1024**3, 1024**4)
_BYTE_NAMES = ("B", "KB", "MB", "GB", "TB")
_BIT_UNITS = (1, 1000, 1000**2, 1000**3, 1000**4)
_BIT_NAMES = ("bps", "Kbps", "Mbps", "Gbps", "Tbps")


def axis_scale(peak: float, bits: bool) -> tuple[float, str]:
    """The divisor and unit that keep the y axis readable (``MB`` rather than ``123456789``)."""
    units, names = (_BIT_UNITS, _BIT_NAMES) if bits else (_UNITS, _BYTE_NAMES)
    index = 0
    while index + 1 < len(units) and peak >= units[index + 1]:
        index += 1
    return float(units[index]), names[index]


class UsageChart(QChartView):
    """One series over time; ``show_series(points, bits)`` rescales the axes and unit."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        self.chart_.setTitle(title)
        self.chart_.legend().hide()
        self.chart_.setMargins(self.chart_.margins())
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(110)
        self.series = QLineSeries()
        self.chart_.addSeries(self.series)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MM-dd HH:mm")
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.1f")
        self.chart_.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        now = dt.datetime.now(dt.UTC)  # until data comes: the last day, never 1970's axis labels
        self.x_axis.setRange(
            QDateTime.fromSecsSinceEpoch(int((now - dt.timedelta(days=1)).timestamp())),
            QDateTime.fromSecsSinceEpoch(int(now.timestamp())),
        )
        self.x_axis.setFormat("HH:mm")
        self.y_axis.setRange(0, 1)
        self.follow_palette()

    def follow_palette(self) -> None:
        """Charts paint themselves: match the window's light or dark palette (never white on dark)."""
        palette = self.palette()
        dark = is_dark(palette)
        self.chart_.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        self.chart_.setBackgroundBrush(palette.base())
        self.chart_.setTitleBrush(palette.text())
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsBrush(palette.text())
            axis.setTitleBrush(palette.text())
        self.series.setColor(palette.color(QPalette.ColorRole.Highlight))
        self.setBackgroundBrush(palette.window())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.follow_palette()
        super().changeEvent(event)

    def show_series(self, points: list[UsagePoint], bits: bool, start: dt.datetime, end: dt.datetime) -> None:
        peak = max((float(p.value) for p in points), default=0.0)
        divisor, unit = axis_scale(peak, bits)
        self.series.clear()
        for point in points:
            self.series.append(point.timestamp.timestamp() * 1000, float(point.value) / divisor)
        self.x_axis.setRange(
            QDateTime.fromSecsSinceEpoch(int(start.timestamp())),
            QDateTime.fromSecsSinceEpoch(int(end.timestamp())),
        )
        self.x_axis.setFormat("HH:mm" if (end - start) <= dt.timedelta(days=1) else "MM-dd HH:mm")
        self.y_axis.setRange(0, max(peak / divisor * 1.1, 1.0))
        self.y_axis.applyNiceNumbers()
        self.y_axis.setTitleText(unit)


class ChartsPage(QWidget):
    """Pick a range; both series load in the background with the interval the API allows for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: CdnDeskSession | None = None
        self.domain = ""
        self.range_combo = QComboBox(self)
        for preset, label in (
            (RangePreset.LAST_HOUR, self.tr("Last hour")),
            (RangePreset.LAST_DAY, self.tr("Last 24 hours")),
            (RangePreset.LAST_WEEK, self.tr("Last 7 days")),
            (RangePreset.LAST_MONTH, self.tr("Last 30 days")),
            (RangePreset.CUSTOM, self.tr("Custom…")),
        ):
            self.range_combo.addItem(label, preset.value)
        self.range_combo.setCurrentIndex(1)
        self.custom = DateRangePicker(self)
        self.custom.setVisible(False)
        self.load_button = QPushButton(self.tr("Show"), self)
        self.traffic_chart = UsageChart(self.tr("Traffic"), self)
        self.bps_chart = UsageChart(self.tr("Bandwidth"), self)
        self.total_label = QLabel("–", self)
        self.peak_label = QLabel("–", self)
        self.interval_label = QLabel("", self)
        self.status = StatusLine(self)
        self._layout()
        self.range_combo.currentIndexChanged.connect(self._range_changed)
        self.load_button.clicked.connect(self.reload)
        self._token = 0
        self.last_series: tuple[UsageSeries, UsageSeries] | None = None

    def _layout(self) -> None:
        row = FlowLayout()  # wraps in a narrow window
        row.addWidget(QLabel(self.tr("Range:"), self))
        row.addWidget(self.range_combo)
        row.addWidget(self.custom)
        row.addWidget(self.load_button)
        row.addStretch(1)
        figures = QGridLayout()
        figures.addWidget(QLabel(self.tr("Total traffic:"), self), 0, 0)
        figures.addWidget(self.total_label, 0, 1)
        figures.addWidget(QLabel(self.tr("Peak bandwidth:"), self), 0, 2)
        figures.addWidget(self.peak_label, 0, 3)
        figures.addWidget(self.interval_label, 0, 4)
        figures.setColumnStretch(5, 1)
        for label in (self.total_label, self.peak_label):
            label.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(figures)
        layout.addWidget(self.traffic_chart, 1)
        layout.addWidget(self.bps_chart, 1)
        layout.addWidget(self.status)

    def needs_loading(self) -> bool:
        """True while the charts show nothing for the current domain (the tab then loads them)."""
        return self.desk is not None and bool(self.domain) and self.last_series is None

    def set_source(self, desk: CdnDeskSession | None, domain: str) -> None:
        self.desk, self.domain = desk, domain
        self.last_series = None
        self.total_label.setText("–")
        self.peak_label.setText("–")

    def _range_changed(self) -> None:
        self.custom.setVisible(self.range_combo.currentData() == RangePreset.CUSTOM.value)

    def reload(self) -> None:
        if self.desk is None or not self.domain:
            self.status.show_error(self.tr("Enter the CDN domain above first."))
            return
        preset = RangePreset(self.range_combo.currentData())
        try:
            start, end, interval = query_window(
                preset,
                dt.datetime.now(dt.UTC),
                self.custom.date_range() if preset is RangePreset.CUSTOM else None,
            )
        except ValueError as exc:
            self.status.show_error(str(exc))
            return
        self._token += 1
        token, desk, domain = self._token, self.desk, self.domain
        self.status.show_info(self.tr("Loading…"))
        self.interval_label.setText(self.tr("one point every %1 min").replace("%1", str(interval // 60)))

        run_in_background(
            lambda: desk.usage(domain, start, end, interval),
            lambda result: self._on_loaded(token, result, start, end),
            self._on_failed,
            owner=self,
        )

    def _on_loaded(
        self, token: int, result: tuple[UsageSeries, UsageSeries], start: dt.datetime, end: dt.datetime
    ) -> None:
        if token != self._token:
            return
        traffic, bps = result
        self.last_series = result
        self.traffic_chart.show_series(traffic.points, False, start, end)
        self.bps_chart.show_series(bps.points, True, start, end)
        total = traffic.total or sum(p.value for p in traffic.points)
        peak = max((p.value for p in bps.points), default=0.0)
        self.total_label.setText(size_text(total))
        self.peak_label.setText(format_bits_per_second(peak))
        empty = not traffic.points and not bps.points
        self.status.show_info(self.tr("No usage in this range.") if empty else "")

    def _on_failed(self, error: BaseException) -> None:
        self.status.show_error(describe_error(error))
