"""Light, dark or the system's: the palette switches, and custom-painted parts follow it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from vodstudio.ui.theme import Theme, Tone, apply_theme, current_theme, is_dark, tone
from vodstudio.ui.widgets.busy import StatusLine


@pytest.fixture
def app_theme(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, Theme.LIGHT)  # leave the light palette for the other tests


def test_dark_theme_reaches_charts_and_status_lines(qtbot: Any, app_theme: QApplication) -> None:
    """Charts stayed white in dark mode; status colours were fixed light-background reds."""
    from vodstudio.ui.cdn.charts import UsageChart

    chart = UsageChart("Traffic")
    line = StatusLine()
    qtbot.addWidget(chart)
    qtbot.addWidget(line)
    chart.show()
    line.show()
    line.show_error("boom")
    apply_theme(app_theme, Theme.DARK)
    qtbot.wait(10)  # the palette change reaches widgets as a posted event
    assert current_theme(app_theme) is Theme.DARK and is_dark(app_theme.palette())
    assert chart.chart_.backgroundBrush().color().lightness() < 100
    assert tone(Tone.ERROR, app_theme.palette()).name() in line.styleSheet()
    apply_theme(app_theme, Theme.LIGHT)
    qtbot.wait(10)
    assert chart.chart_.backgroundBrush().color().lightness() > 200
    assert tone(Tone.ERROR, app_theme.palette()).name() in line.styleSheet()


def test_tones_stay_readable_on_both_backgrounds(app_theme: QApplication) -> None:
    for theme in (Theme.LIGHT, Theme.DARK):
        apply_theme(app_theme, theme)
        window = app_theme.palette().window().color().lightness()
        for kind in Tone:
            assert abs(tone(kind, app_theme.palette()).lightness() - window) > 60, (theme, kind)
