"""Tools → Upload Route: acceleration for the account, and a speed test that picks the faster route."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vodstudio.services.routes import ACCELERATED, ProbeResult, RouteChoice, RouteMode, RoutesService
from vodstudio.ui.bridge import run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.localized import sentences


class RouteDialog(QDialog):
    """Reads and writes on workers; the speed test sends about 2 MiB per route and deletes it."""

    def __init__(self, routes: RoutesService, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routes = routes
        self._account = account
        self.setWindowTitle(self.tr("Upload Route"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            sentences(
                self.tr("Upload acceleration sends files through Alibaba Cloud's acceleration network."),
                self.tr("It can be much faster far from the bucket's region, and is billed per GB."),
                self.tr("The speed test sends a short sample both ways and remembers the faster route."),
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("Normal route"), RouteMode.OFF.value)
        self.mode_combo.addItem(self.tr("Always accelerate"), RouteMode.ON.value)
        self.mode_combo.addItem(self.tr("The faster route on this network"), RouteMode.AUTO.value)
        form.addRow(self.tr("Account “%1” uploads by:").replace("%1", account), self.mode_combo)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        form.addRow(self.tr("On this network:"), self.result_label)
        layout.addLayout(form)
        self.test_button = QPushButton(self.tr("Test Upload Speed"), self)
        self.test_button.clicked.connect(self.start_test)
        layout.addWidget(self.test_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.testing = False
        self.mode_combo.setEnabled(False)
        self.setMinimumWidth(480)  # wrapped sentences read badly in a narrow column
        run_in_background(self._load, self._loaded, self._failed, owner=self, ordered=True)

    def _load(self) -> tuple[RouteMode, RouteChoice | None]:
        return self._routes.mode(self._account), self._routes.choice(self._account)

    @Slot(object)
    def _loaded(self, result: tuple[RouteMode, RouteChoice | None]) -> None:
        mode, choice = result
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(mode.value)))
        self.mode_combo.setEnabled(True)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self._show_choice(choice)

    def _show_choice(self, choice: RouteChoice | None) -> None:
        self._say(self._choice_text(choice))

    def _say(self, text: str) -> None:
        """A longer answer takes more lines: grow with it instead of squeezing the text above."""
        self.result_label.setText(text)
        if self.isVisible():
            self.adjustSize()

    def _choice_text(self, choice: RouteChoice | None) -> str:
        if choice is None:
            return self.tr("Not tested yet.")
        text = self.tr("Normal %1 MB/s, accelerated %2 MB/s: the %3 route is faster.")
        faster = self.tr("accelerated") if choice.route == ACCELERATED else self.tr("normal")
        return (
            text.replace("%1", f"{choice.normal_bps / 1e6:.1f}")
            .replace("%2", f"{choice.accelerated_bps / 1e6:.1f}")
            .replace("%3", faster)
        )

    @Slot(int)
    def _mode_changed(self, _index: int) -> None:
        mode, routes, account = RouteMode(self.mode_combo.currentData()), self._routes, self._account
        run_in_background(
            lambda: routes.set_mode(account, mode), None, self._failed, owner=self, ordered=True
        )

    @Slot()
    def start_test(self) -> None:
        if self.testing:
            return
        self.testing = True
        self.test_button.setEnabled(False)
        self._say(self.tr("Testing both routes…"))
        routes, account = self._routes, self._account
        run_in_background(lambda: routes.probe(account), self._tested, self._test_failed, owner=self)

    @Slot(object)
    def _tested(self, result: ProbeResult) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self._show_choice(result.choice)

    @Slot(object)
    def _test_failed(self, error: BaseException) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self._failed(error)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._say(describe_error(error))
