"""Preferences: language and theme (General), the weekly bandwidth schedule (Bandwidth), all saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vodstudio.core.schedule import BandwidthSchedule
from vodstudio.services.settings import SettingsService
from vodstudio.ui.i18n import LANGUAGES, resolve_language
from vodstudio.ui.theme import Theme, apply_theme
from vodstudio.ui.widgets.schedule_grid import ScheduleGrid


class PreferencesDialog(QDialog):
    """A theme applies at once; a language on the next start (every window is built in one language)."""

    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        current = settings.current
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_combo.addItem(self.tr("Follow the system") if not code else name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current.language)))
        self.theme_combo = QComboBox(self)
        for theme, label in (
            (Theme.SYSTEM, self.tr("Follow the system")),
            (Theme.LIGHT, self.tr("Light")),
            (Theme.DARK, self.tr("Dark")),
        ):
            self.theme_combo.addItem(label, theme.value)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(current.theme)))
        self.restart_note = QLabel(self)
        self.restart_note.setWordWrap(True)
        form = QFormLayout()
        language_label, theme_label = QLabel(self.tr("&Language:"), self), QLabel(self.tr("&Theme:"), self)
        language_label.setBuddy(self.language_combo)
        theme_label.setBuddy(self.theme_combo)
        form.addRow(language_label, self.language_combo)
        form.addRow(theme_label, self.theme_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.tabs = QTabWidget(self)
        general = QWidget(self.tabs)
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addWidget(self.restart_note)
        general_layout.addStretch()
        self.tabs.addTab(general, self.tr("General"))
        self.schedule_grid = ScheduleGrid(
            BandwidthSchedule.parse(current.bandwidth_schedule), current.bandwidth_limit, self.tabs
        )
        self.tabs.addTab(self.schedule_grid, self.tr("Bandwidth"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.theme_combo.currentIndexChanged.connect(self._theme_changed)
        self._started_language = resolve_language(current.language)

    def _language_changed(self) -> None:
        chosen = resolve_language(str(self.language_combo.currentData() or ""))
        self.restart_note.setText(
            self.tr("The new language is used from the next start of VOD Studio.")
            if chosen != self._started_language
            else ""
        )

    def _theme_changed(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a preview: Cancel puts the saved theme back
            apply_theme(app, Theme(str(self.theme_combo.currentData() or "")))

    def accept(self) -> None:
        self.settings.update(
            language=str(self.language_combo.currentData() or ""),
            theme=str(self.theme_combo.currentData() or ""),
            # The running engine's schedule applier hears this and applies it at once.
            bandwidth_schedule=self.schedule_grid.schedule().format(),
        )
        super().accept()

    def reject(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            saved = self.settings.current.theme
            apply_theme(app, Theme(saved) if saved in {t.value for t in Theme} else Theme.SYSTEM)
        super().reject()
