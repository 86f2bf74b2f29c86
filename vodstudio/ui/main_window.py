"""The main window: sidebar sections, account switcher, menus, status bar, drag and drop, tray."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from vodstudio.app_info import NAME, VERSION
from vodstudio.core.accounts import Account
from vodstudio.ui.bridge import EngineBridge, run_in_background
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.icons import vector_icon
from vodstudio.ui.sections import SECTION_CLASSES, adopt_shortcuts, local_paths_of, make_section

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """One window over ``services`` (built once by the app). Owns the bridge and the upload engine."""

    account_changed = Signal(object)
    files_dropped = Signal(object)  # list[Path]

    def __init__(self, services: Any, parent: QWidget | None = None, *, start_engine: bool = True) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(NAME)
        self.setAcceptDrops(True)
        self.bridge = EngineBridge(self)
        self.engine = services.engine(self.bridge.sink)
        if start_engine:
            self.engine.start()
        self._window_settings = QSettings(
            str(Path(services.paths.data_dir) / "window.ini"), QSettings.Format.IniFormat
        )
        self.sections: dict[str, QWidget] = {}
        self._build_ui()
        self._build_actions()
        self._adopt_section_shortcuts()
        self._build_status_bar()
        self._build_tray()
        self._restore_window_state()
        self.reload_accounts()

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        self.root_stack = QStackedWidget(self)
        self.setCentralWidget(self.root_stack)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.sidebar = QListWidget(self.splitter)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMinimumWidth(140)
        self.sidebar.setMaximumWidth(260)
        self.pages = QStackedWidget(self.splitter)
        titles = {"uploads": self.tr("Uploads"), "library": self.tr("Library"), "cdn": self.tr("CDN")}
        for key, module, cls in SECTION_CLASSES:
            page = self._make_section(module, cls, titles[key])
            self.sections[key] = page
            self.pages.addWidget(page)
            item = QListWidgetItem(vector_icon(key), titles[key])
            item.setSizeHint(QSize(120, 36))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 900])
        self.root_stack.addWidget(self.splitter)
        from vodstudio.ui.accounts.welcome import WelcomeView

        self.welcome = WelcomeView(self)
        self.welcome.add_account_requested.connect(self.open_accounts)
        self.welcome.sandbox_requested.connect(self.start_sandbox)
        self.root_stack.addWidget(self.welcome)
        self.resize(1180, 740)

    def _make_section(self, module_name: str, cls_name: str, title: str) -> QWidget:
        if cls_name == "QueuePanel":  # ours: it also needs the engine and the bridge
            return make_section(module_name, cls_name, title, self, self.services, self.engine, self.bridge)
        return make_section(module_name, cls_name, title, self, self.services)

    @property
    def uploads(self) -> Any:
        return self.sections["uploads"]

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow([k for k, _, _ in SECTION_CLASSES].index(key))

    def current_section(self) -> QWidget:
        return self.pages.currentWidget()

    # ---------------------------------------------------------------- actions
    def _action(self, text: str, slot: Callable[[], object], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden (macOS full screen)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_add_files = self._action(self.tr("Add &Files…"), self._add_files, key.Open)
        self.act_add_folder = self._action(self.tr("Add F&older…"), self._add_folder, "Ctrl+Shift+O")
        self.act_quit = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_delete = self._action(
            self.tr("&Delete"), lambda: self._forward("delete_selected"), key.Delete
        )
        self.act_find = self._action(self.tr("&Find"), lambda: self._forward("focus_search"), key.Find)
        self.act_refresh = self._action(self.tr("&Refresh"), lambda: self._forward("refresh"), "F5")
        self.act_accounts = self._action(self.tr("&Accounts…"), self.open_accounts, "Ctrl+,")
        self.act_about = self._action(self.tr("&About %1").replace("%1", NAME), self._about)
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for act in (self.act_add_files, self.act_add_folder):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_delete)
        edit_menu.addAction(self.act_find)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_refresh)
        view_menu.addSeparator()
        for index, (name, _, _) in enumerate(SECTION_CLASSES):
            title = self.sidebar.item(index).text()
            act = self._action(title, lambda k=name: self.show_section(k), f"Ctrl+{index + 1}")
            view_menu.addAction(act)
        tools_menu = menu.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.act_accounts)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        self.act_add_files.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.act_add_folder.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.act_refresh.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        bar.addAction(self.act_add_files)
        bar.addAction(self.act_add_folder)
        bar.addAction(self.act_refresh)
        spacer = QWidget(bar)
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel(self.tr("Account:"), bar))
        self.account_combo = QComboBox(bar)
        self.account_combo.setObjectName("accountCombo")
        self.account_combo.setMinimumWidth(200)
        self.account_combo.setAccessibleName(self.tr("Active account"))
        self.account_combo.activated.connect(self._account_chosen)
        bar.addWidget(self.account_combo)
        self.act_accounts.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        bar.addAction(self.act_accounts)
        self.addToolBar(bar)

    def _adopt_section_shortcuts(self) -> None:
        keys = [k for act in (self.act_delete, self.act_find, self.act_refresh) for k in act.shortcuts()]
        self._adopted = {key: adopt_shortcuts(page, keys) for key, page in self.sections.items()}

    def _forward(self, method: str) -> None:
        """Menu action → the current section's method, or the section's own shortcut for that key."""
        page = self.current_section()
        target = getattr(page, method, None)
        if callable(target):
            target()
            return
        action = {
            "delete_selected": self.act_delete,
            "focus_search": self.act_find,
            "refresh": self.act_refresh,
        }
        key = next((k for k, p in self.sections.items() if p is page), "")
        for sequence in action[method].shortcuts():
            shortcut = self._adopted.get(key, {}).get(sequence.toString())
            if shortcut is not None:
                shortcut.activated.emit()
                return

    def _add_files(self) -> None:
        self.show_section("uploads")
        self.uploads.add_files_dialog()

    def _add_folder(self) -> None:
        self.show_section("uploads")
        self.uploads.add_folder_dialog()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", NAME),
            self.tr("%1 %2\nUpload to, manage and serve from cloud VOD.")
            .replace("%1", NAME)
            .replace("%2", VERSION),
        )

    # ---------------------------------------------------------------- status bar and tray
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel(self.tr("Not connected"), bar)
        self.transfers_label = QLabel(bar)
        self.speed_label = QLabel(bar)
        bar.addWidget(self.connection_label, 1)
        bar.addPermanentWidget(self.transfers_label)
        bar.addPermanentWidget(self.speed_label)
        self.uploads.activity_changed.connect(self._show_activity)
        self._show_activity(0, 0.0)

    @Slot(int, float)
    def _show_activity(self, active: int, speed_bps: float) -> None:
        from vodstudio.ui.uploads.format import human_rate

        if active:
            self.transfers_label.setText(self.tr("%n active transfer(s)", "", active))
        else:
            self.transfers_label.setText(self.tr("Idle"))
        self.speed_label.setText(human_rate(speed_bps) if active else "")

    def _build_tray(self) -> None:
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        icon = self.windowIcon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip(NAME)
        self.tray.show()
        self.uploads.batch_finished.connect(self._notify_batch)

    @Slot(int, int)
    def _notify_batch(self, done: int, failed: int) -> None:
        if self.tray is None:
            return
        if failed:
            text = self.tr("%1 uploaded, %2 failed.").replace("%1", str(done)).replace("%2", str(failed))
            self.tray.showMessage(NAME, text, QSystemTrayIcon.MessageIcon.Warning)
        else:
            self.tray.showMessage(NAME, self.tr("%n upload(s) finished.", "", done))

    # ---------------------------------------------------------------- accounts
    def reload_accounts(self, select: str | None = None) -> None:
        accounts = self.services.accounts.list()
        active = self.services.accounts.active()
        name = select or (active.name if active else "")
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for account in accounts:
            self.account_combo.addItem(account.name, account.name)
        index = self.account_combo.findData(name)
        self.account_combo.setCurrentIndex(max(index, 0))
        self.account_combo.blockSignals(False)
        if not accounts:
            self.root_stack.setCurrentWidget(self.welcome)
            self._apply_account(None)
            return
        self.root_stack.setCurrentWidget(self.splitter)
        self._apply_account(self.services.accounts.get(self.account_combo.currentData()))

    @Slot(int)
    def _account_chosen(self, index: int) -> None:
        name = self.account_combo.itemData(index)
        if name:
            self.services.accounts.set_active(name)
            self._apply_account(self.services.accounts.get(name))

    def _apply_account(self, account: Account | None) -> None:
        self.account = account
        for action in (self.act_add_files, self.act_add_folder):
            action.setEnabled(account is not None)
        for page in self.sections.values():
            setter = getattr(page, "set_account", None)
            if callable(setter):
                setter(account)
        self.account_changed.emit(account)
        self._check_connection(account)

    def _check_connection(self, account: Account | None) -> None:
        self.connection_ok: bool | None = None  # None while unknown (tests and screenshots wait on it)
        if account is None:
            self.connection_label.setText(self.tr("No account"))
            return
        self.connection_label.setText(self.tr("Connecting to %1…").replace("%1", account.name))
        from vodstudio.ui.accounts.connection import test_connection

        services = self.services
        run_in_background(
            lambda: test_connection(account, services.accounts.secret_for(account)),
            lambda _r: self._connection_ok(account),
            lambda exc: self._connection_failed(account, exc),
            owner=self,
        )

    def _connection_ok(self, account: Account) -> None:
        if account == self.account:
            self.connection_ok = True
            suffix = self.tr(" (local sandbox)") if account.is_sandbox else ""
            self.connection_label.setText(self.tr("Connected: %1").replace("%1", account.name) + suffix)

    def _connection_failed(self, account: Account, error: BaseException) -> None:
        if account == self.account:
            self.connection_label.setText(self.tr("Offline: %1").replace("%1", describe_error(error)))

    @Slot()
    def open_accounts(self) -> None:
        from vodstudio.ui.accounts.dialog import AccountsDialog

        dialog = AccountsDialog(self.services, self)
        dialog.accounts_changed.connect(self.reload_accounts)
        dialog.open()
        self.accounts_dialog = dialog

    @Slot()
    def start_sandbox(self) -> None:
        from vodstudio.ui.sandbox_account import start_embedded_sandbox

        self.welcome.set_busy(True)
        run_in_background(
            lambda: start_embedded_sandbox(self.services),
            self._sandbox_started,
            self._sandbox_failed,
            owner=self,
        )

    def _sandbox_started(self, account_name: str) -> None:
        self.welcome.set_busy(False)
        self.reload_accounts(select=account_name)

    def _sandbox_failed(self, error: BaseException) -> None:
        self.welcome.set_busy(False)
        QMessageBox.warning(self, self.tr("Sandbox"), describe_error(error))

    # ---------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths_of(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if local_paths_of(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths_of(event.mimeData())
        if paths is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_section("uploads")
        self.files_dropped.emit(paths)
        self.uploads.add_paths(paths)

    # ---------------------------------------------------------------- window state
    def _restore_window_state(self) -> None:
        geometry = self._window_settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._window_settings.value("windowState")
        if state is not None:
            self.restoreState(state)
        splitter = self._window_settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        section = self._window_settings.value("section")
        if isinstance(section, str) and section.isdigit():
            self.sidebar.setCurrentRow(int(section))

    def save_window_state(self) -> None:
        self._window_settings.setValue("geometry", self.saveGeometry())
        self._window_settings.setValue("windowState", self.saveState())
        self._window_settings.setValue("splitter", self.splitter.saveState())
        self._window_settings.setValue("section", str(self.sidebar.currentRow()))
        for page in self.sections.values():
            saver = getattr(page, "save_state", None)
            if callable(saver):
                saver(self._window_settings)
        self._window_settings.sync()

    def shutdown(self) -> None:
        """Stop the engine (jobs in flight are paused durably and resume on the next start)."""
        if getattr(self, "_shut_down", False):
            return
        self._shut_down = True
        self.save_window_state()
        self.bridge.stop()
        for page in self.sections.values():
            closer = getattr(page, "shutdown", None)
            if callable(closer):
                closer()
        self.engine.close()  # the window owns its engine: stop it and release its threads
        if self.tray is not None:
            self.tray.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
