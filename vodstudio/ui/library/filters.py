"""The library's filter bar: search text, type, status, category, tags and a creation-date range."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QSizePolicy, QWidget

from vodstudio.core.assets import CategoryNode
from vodstudio.core.match_builder import IMAGE_STATUSES, VIDEO_STATUSES, MediaFilter, SearchType, parse_tags
from vodstudio.ui.errors_text import status_text
from vodstudio.ui.widgets.date_range import DateRangePicker
from vodstudio.ui.widgets.flow import FlowLayout


class FilterBar(QWidget):
    """Emits ``changed`` when the user asks for a new search (Enter, a combo change, the button)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search titles… (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(160)
        self.type_combo = QComboBox(self)
        for value, label in (
            (SearchType.VIDEO, self.tr("Videos")),
            (SearchType.AUDIO, self.tr("Audio")),
            (SearchType.IMAGE, self.tr("Images")),
            (SearchType.ATTACHED, self.tr("Attached media")),
        ):
            self.type_combo.addItem(label, value.value)
        self.status_combo = QComboBox(self)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(self.tr("Any category"), None)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("Tags, comma separated"))
        self.tags_edit.setMinimumWidth(120)
        self.date_check = QCheckBox(self.tr("Created"), self)
        self.dates = DateRangePicker(self, with_time=False)
        self.dates.setEnabled(False)
        self.search_button = QPushButton(self.tr("Search"), self)
        self._fill_statuses()
        self._layout()
        self.search_edit.returnPressed.connect(self.changed)
        self.tags_edit.returnPressed.connect(self.changed)
        self.search_button.clicked.connect(self.changed)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.status_combo.currentIndexChanged.connect(self.changed)
        self.category_combo.currentIndexChanged.connect(self.changed)
        self.date_check.toggled.connect(self._dates_toggled)

    def _layout(self) -> None:
        # Wraps onto a second line in a narrow window instead of forcing the window wider.
        row = FlowLayout(self)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for widget in (
            self.search_edit,
            self.type_combo,
            self.status_combo,
            self.category_combo,
            self.tags_edit,
            self.date_check,
            self.dates,
            self.search_button,
        ):
            row.addWidget(widget)
        for combo in (self.status_combo, self.category_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)

    def _fill_statuses(self) -> None:
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("Any status"), None)
        kind = self.search_type()
        statuses = VIDEO_STATUSES if kind in (SearchType.VIDEO, SearchType.AUDIO) else IMAGE_STATUSES
        for status in statuses:
            self.status_combo.addItem(status_text(status), status)
        self.status_combo.blockSignals(False)

    def _type_changed(self) -> None:
        self._fill_statuses()
        self.changed.emit()

    def _dates_toggled(self, on: bool) -> None:
        self.dates.setEnabled(on)
        self.changed.emit()

    def search_type(self) -> SearchType:
        return SearchType(self.type_combo.currentData() or SearchType.VIDEO.value)

    def set_categories(self, categories: list[CategoryNode]) -> None:
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("Any category"), None)
        for node in categories:
            self.category_combo.addItem(node.path_label, node.cate_id)
        found = self.category_combo.findData(current)
        self.category_combo.setCurrentIndex(max(found, 0))
        self.category_combo.blockSignals(False)

    def current_filter(self) -> MediaFilter:
        status = self.status_combo.currentData()
        start = end = None
        if self.date_check.isChecked():
            start, end = self.dates.date_range()
        return MediaFilter(
            search_type=self.search_type(),
            text=self.search_edit.text(),
            statuses=(status,) if status else (),
            created_from=start,
            created_to=end,
            category_id=self.category_combo.currentData(),
            tags=tuple(parse_tags(self.tags_edit.text())),
        )

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()
