"""The main window: sidebar sections, account switcher, menus, status bar, drag and drop, tray."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from vodstudio.app_info import NAME, VERSION
from vodstudio.core.accounts import Account
from vodstudio.core.errors import EngineBusyError
from vodstudio.services import Services
from vodstudio.ui.accounts.welcome import WelcomeView
from vodstudio.ui.bridge import EngineBridge, run_in_background
from vodstudio.ui.cdn.panel import CdnPanel
from vodstudio.ui.errors_text import describe_error
from vodstudio.ui.icons import vector_icon
from vodstudio.ui.library.panel import LibraryPanel
from vodstudio.ui.sections import Section, local_paths_of
from vodstudio.ui.uploads.panel import QueuePanel

log = logging.getLogger(__name__)

SECTION_KEYS = ("uploads", "library", "cdn")
_NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
        Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right,
    }
)  # fmt: skip


class DeliberateChoiceFilter(QObject):
    """Keeps a combo box from changing by a stray key or wheel turn: it changes only from its popup.

    Switching the active account changes what every section shows; arrow keys, Home/End or Ctrl+End
    on a focused combo (or a scroll wheel passing over it) would do that silently. Space, F4 and
    Alt+Down still open the popup, so the keyboard can choose on purpose.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel:
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QComboBox):
            key = Qt.Key(event.key())  # type: ignore[attr-defined]
            alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)  # type: ignore[attr-defined]
            return key in _NAVIGATION_KEYS and not (alt and key in (Qt.Key.Key_Down, Qt.Key.Key_Up))
        return False


class MainWindow(QMainWindow):
    """One window over ``services`` (built once by the app). Owns the bridge and the upload engine."""

    account_changed = Signal(object)
    files_dropped = Signal(object)  # list[Path]

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, start_engine: bool = True
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.account: Account | None = None
        self.ask_before_quit = True
        self.connection_ok: bool | None = None  # None while unknown (tests and screenshots wait on it)
        self.setWindowTitle(NAME)
        self.setAcceptDrops(True)
        self.bridge = EngineBridge(self)
        self.engine = services.uploads.engine(self.bridge.sink)
        self.engine_busy = ""  # another process runs this profile's queue: shown here, not run here
        if start_engine:
            try:
                self.engine.start()
            except EngineBusyError as exc:
                self.engine_busy = describe_error(exc)
        # The weekly bandwidth schedule (Preferences → Bandwidth) drives this engine's limit live.
        self.schedule_applier = services.uploads.apply_schedule(self.engine)
        # The layout lives in the profile (not the registry or a plist): one folder holds everything.
        self._window_settings = QSettings(
            str(Path(services.paths.data_dir) / "window.ini"), QSettings.Format.IniFormat
        )
        self._build_ui()
        self._build_actions()
        self._build_status_bar()
        if self.engine_busy:
            self.statusBar().showMessage(self.engine_busy)
        self._build_tray()
        from vodstudio.ui.plays import PlaysWiring

        self.plays = PlaysWiring(self)  # duplicates on drops, playback states, notifications, routes
        self.tools_menu.addAction(self.plays.route_action)
        from vodstudio.ui.uploads.watch_dialog import WatchWiring

        self.watch = WatchWiring(self)  # the saved watch folders run while the window is open
        self.tools_menu.addAction(self.watch.action)
        self._restore_window_state()
        self.reload_accounts()

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        services = self.services
        self.root_stack = QStackedWidget(self)
        self.setCentralWidget(self.root_stack)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.sidebar = QListWidget(self.splitter)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMinimumWidth(120)
        self.sidebar.setMaximumWidth(260)
        # Three short names: never a scroll bar (at 150 % and the smallest window one appeared for a
        # few pixels of padding); a name that does not fit is elided instead.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pages = QStackedWidget(self.splitter)
        self.uploads = QueuePanel(
            services.uploads, services.library, services.settings, self.engine, self.bridge, self.pages
        )
        self.uploads.applier = self.schedule_applier
        self.uploads.schedule_note.refresh()
        self.uploads.presets = services.presets
        self.library = LibraryPanel(
            services.library, services.cdn, services.settings, services.paths.thumbnail_dir, self.pages
        )
        self.cdn = CdnPanel(services.cdn, services.settings, self.pages)
        # Typed as the protocol, so mypy checks that every panel really is a Section.
        self.sections: dict[str, Section] = {
            "uploads": self.uploads,
            "library": self.library,
            "cdn": self.cdn,
        }
        widgets: dict[str, QWidget] = {"uploads": self.uploads, "library": self.library, "cdn": self.cdn}
        titles = {"uploads": self.tr("Uploads"), "library": self.tr("Library"), "cdn": self.tr("CDN")}
        for key in SECTION_KEYS:
            self.pages.addWidget(widgets[key])
            item = QListWidgetItem(vector_icon(key), titles[key])
            item.setSizeHint(QSize(120, 36))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 900])
        self.root_stack.addWidget(self.splitter)
        self.welcome = WelcomeView()
        self.welcome.add_account_requested.connect(self.open_accounts)
        self.welcome.sandbox_requested.connect(self.start_sandbox)
        self.welcome_page = QScrollArea(self)  # scrolls in a window too small for it
        self.welcome_page.setWidgetResizable(True)
        self.welcome_page.setFrameShape(QFrame.Shape.NoFrame)
        self.welcome_page.setWidget(self.welcome)
        self.root_stack.addWidget(self.welcome_page)
        self._fit_to_screen(QSize(1180, 740))

    def _fit_to_screen(self, wanted: QSize) -> None:
        """The first window: the size we like, or less where the screen is smaller (a 1366 x 768
        laptop at 150 % has 911 x 512 logical pixels), centred on it."""
        room = self.screen().availableGeometry()
        size = wanted.boundedTo(QSize(int(room.width() * 0.94), int(room.height() * 0.9)))
        self.resize(size.expandedTo(self.minimumSizeHint().boundedTo(room.size())))
        frame = self.frameGeometry()
        frame.moveCenter(room.center())
        self.move(frame.topLeft())

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(SECTION_KEYS.index(key))

    def current_section(self) -> Section:
        return self.sections[SECTION_KEYS[max(self.pages.currentIndex(), 0)]]

    # ---------------------------------------------------------------- actions
    def _action(
        self, text: str, slot: Callable[..., object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden (macOS full screen)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_add_files = self._action(self.tr("Add &Files…"), self._add_files, QKeySequence(key.Open))
        self.act_add_folder = self._action(self.tr("Add F&older…"), self._add_folder, "Ctrl+Shift+O")
        self.act_presets = self._action(self.tr("Manage &Presets…"), self.open_presets)
        self.act_quit = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_delete = self._action(self.tr("&Delete"), self._delete, QKeySequence(key.Delete))
        self.act_find = self._action(self.tr("&Find"), self._find, QKeySequence(key.Find))
        self.act_refresh = self._action(self.tr("&Refresh"), self._refresh, "F5")
        self.act_accounts = self._action(self.tr("&Accounts…"), self.open_accounts, "Ctrl+Shift+A")
        self.act_preferences = self._action(self.tr("&Preferences…"), self.open_preferences, "Ctrl+,")
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_shortcuts = self._action(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1")
        self.act_logs = self._action(self.tr("Open &Log Folder"), self.open_log_folder)
        self.act_about = self._action(self.tr("&About %1").replace("%1", NAME), self._about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        from vodstudio.ui.uploads.record_actions import RecordWiring

        self.record = RecordWiring(self)  # the upload record: File menu and the queue's context menu
        self.uploads.extra_menu_actions.append(self.record.export_selected_action)
        self.record.export_selected_action.setEnabled(False)  # until a row is selected
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        for act in (self.act_add_files, self.act_add_folder):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.record.export_action)
        file_menu.addAction(self.act_presets)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_delete)
        edit_menu.addAction(self.act_find)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_refresh)
        view_menu.addSeparator()
        self.act_sections: dict[str, QAction] = {}
        for index, section in enumerate(SECTION_KEYS):
            title = self.sidebar.item(index).text()
            # ``triggered`` passes ``checked``: bind the key by default argument *after* it.
            act = self._action(
                title, lambda _checked=False, k=section: self.show_section(k), f"Ctrl+{index + 1}"
            )
            view_menu.addAction(act)
            self.act_sections[section] = act
        uploads_menu = self.uploads_menu = menu.addMenu(self.tr("&Uploads"))
        for act in (self.uploads.act_next, self.uploads.act_up, self.uploads.act_down):
            uploads_menu.addAction(act)
        uploads_menu.addSeparator()
        uploads_menu.addAction(self.record.export_selected_action)
        tools_menu = self.tools_menu = menu.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.act_accounts)
        tools_menu.addAction(self.act_preferences)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_shortcuts)
        help_menu.addAction(self.act_logs)
        help_menu.addSeparator()
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
        self.account_combo.setMinimumWidth(160)
        self.account_combo.setAccessibleName(self.tr("Active account"))
        self._combo_guard = DeliberateChoiceFilter(self.account_combo)
        self.account_combo.installEventFilter(self._combo_guard)
        self.account_combo.activated.connect(self._account_chosen)
        bar.addWidget(self.account_combo)
        self.act_accounts.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        bar.addAction(self.act_accounts)
        self.addToolBar(bar)

    @Slot()
    def _delete(self) -> None:
        self.current_section().delete_selected()

    @Slot()
    def _find(self) -> None:
        self.current_section().focus_search()

    @Slot()
    def _refresh(self) -> None:
        self.current_section().refresh()

    @Slot()
    def _add_files(self) -> None:
        self.show_section("uploads")
        self.uploads.add_files_dialog()

    @Slot()
    def _add_folder(self) -> None:
        self.show_section("uploads")
        self.uploads.add_folder_dialog()

    @Slot()
    def _about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About %1").replace("%1", NAME),
            self.tr("%1 %2\nUpload to, manage and serve from cloud VOD.")
            .replace("%1", NAME)
            .replace("%2", VERSION),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.open()  # window-modal, never blocks the event loop
        self.about_box = box

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
        self.active_uploads = 0
        self._show_activity(0, 0, 0.0)

    @Slot(int, int, float)
    def _show_activity(self, running: int, waiting: int, speed_bps: float) -> None:
        from vodstudio.ui.uploads.format import human_rate

        parts = []
        if running:
            parts.append(self.tr("%n uploading", "", running))
        if waiting:
            parts.append(self.tr("%n waiting", "", waiting))
        self.transfers_label.setText(" · ".join(parts) if parts else self.tr("Idle"))
        self.speed_label.setText(human_rate(speed_bps) if running else "")
        self.active_uploads = running

    def _build_tray(self) -> None:
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        icon = self.windowIcon()
        if icon.isNull():
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowUp)
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip(NAME)
        self.tray.show()  # its messages: ui/notifier.py (status bar where there is no tray)

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
            self.root_stack.setCurrentWidget(self.welcome_page)
            self._apply_account(None)
            return
        self.root_stack.setCurrentWidget(self.splitter)
        self._apply_account(self.services.accounts.get(self.account_combo.currentData()))

    @Slot(int)
    def _account_chosen(self, index: int) -> None:
        name = self.account_combo.itemData(index)
        if name and (self.account is None or name != self.account.name):
            self.services.accounts.set_active(name)
            self._apply_account(self.services.accounts.get(name))

    def _apply_account(self, account: Account | None) -> None:
        self.account = account
        for action in (self.act_add_files, self.act_add_folder):
            action.setEnabled(account is not None)
        for page in self.sections.values():
            page.set_account(account)
        self.account_changed.emit(account)
        self._check_connection(account)

    def _check_connection(self, account: Account | None) -> None:
        self.connection_ok = None
        if account is None:
            self.connection_label.setText(self.tr("No account"))
            return
        self.connection_label.setText(self.tr("Connecting to %1…").replace("%1", account.name))
        accounts = self.services.accounts
        run_in_background(
            lambda: accounts.probe(account),
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
            self.connection_ok = False
            self.connection_label.setText(self.tr("Offline: %1").replace("%1", describe_error(error)))

    @Slot()
    def open_accounts(self) -> None:
        from vodstudio.ui.accounts.dialog import AccountsDialog

        dialog = AccountsDialog(self.services.accounts, self.services.settings, self)
        dialog.accounts_changed.connect(self.reload_accounts)
        dialog.open()
        self.accounts_dialog = dialog

    @Slot()
    def open_presets(self) -> None:
        from vodstudio.ui.uploads.presets_dialog import PresetsDialog

        dialog = PresetsDialog(self.services.presets, self.services.settings, self)
        sheet = self.uploads.pending_sheet
        if sheet is not None:
            dialog.presets_changed.connect(sheet.fill_presets)
        dialog.open()
        self.presets_dialog = dialog

    @Slot()
    def open_preferences(self) -> None:
        from vodstudio.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.services.settings, self)
        dialog.accepted.connect(self.uploads.schedule_note.refresh)  # a new schedule shows at once
        dialog.open()
        self.preferences_dialog = dialog

    @Slot()
    def show_shortcuts(self) -> None:
        from vodstudio.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog([*self.actions(), self.uploads.act_next], self)  # the queue's own too
        dialog.open()
        self.shortcuts_dialog = dialog

    @Slot()
    def open_log_folder(self) -> None:
        folder = self.services.paths.log_dir
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            # No file manager to open it (a bare system): say where the logs are, without blocking.
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Log Folder"),
                self.tr("The logs are in %1").replace("%1", str(folder)),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()
            self.log_folder_box = box

    @Slot()
    def start_sandbox(self) -> None:
        self.welcome.set_busy(True)
        sandbox = self.services.sandbox
        run_in_background(sandbox.start, self._sandbox_started, self._sandbox_failed, owner=self)

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

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
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
        for page in self.sections.values():
            page.restore_state(self._window_settings)

    def save_window_state(self) -> None:
        self._window_settings.setValue("geometry", self.saveGeometry())
        self._window_settings.setValue("windowState", self.saveState())
        self._window_settings.setValue("splitter", self.splitter.saveState())
        self._window_settings.setValue("section", str(self.sidebar.currentRow()))
        for page in self.sections.values():
            page.save_state(self._window_settings)
        self._window_settings.sync()

    def shutdown(self) -> None:
        """Stop the engine (jobs in flight are paused durably and resume on the next start)."""
        if getattr(self, "_shut_down", False):
            return
        self._shut_down = True
        self.save_window_state()
        self.bridge.stop()
        self.plays.shutdown()
        for page in self.sections.values():
            page.shutdown()
        self.watch.shutdown()  # before the engine it queues into
        self.schedule_applier.close()  # before the engine it drives
        self.engine.close()  # the window owns its engine: stop it and release its threads
        if self.tray is not None:
            self.tray.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ask_before_quit and not getattr(self, "_shut_down", False) and self.active_uploads:
            # Never silently: a running upload pauses durably and goes on at the next start.
            event.ignore()
            self._ask_to_quit()
            return
        self.shutdown()
        super().closeEvent(event)

    def _ask_to_quit(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quit %1").replace("%1", NAME),
            self.tr(
                "%n upload(s) are running. Quit now? They stop where they are and continue the next "
                "time you open %1.",
                "",
                self.active_uploads,
            ).replace("%1", NAME),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep Uploading"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is quit_button:
                self.ask_before_quit = False
                self.close()

        box.finished.connect(answered)
        box.open()  # window-modal and asynchronous: nothing blocks the event loop
        self.quit_question = box
