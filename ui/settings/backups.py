"""The Backups part of the Settings page: the backups with when each was taken, its size and how
many customers and purchases it holds; restoring one after a question that says what happens;
the backups folder opened in the file manager; the room the backups may take (saved with the
page).

Restoring closes the shop, puts the backup in place (the current file is kept aside beside it,
``shop.restore``), opens the shop again and shows it in a new window in place of this one
(``MainWindow.reopen``), with a word on what was done.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common.formatting import file_size, moment, number
from shopcrm.common.i18n import _, babel_locale
from shopcrm.common.preferences import WHOLE_COUNTS, Settings
from shopcrm.storage.backup_list import BackupFile, BackupKind
from ui.confirm import Question, ask
from ui.settings.backup_work import BackupWork
from ui.style import ERROR_STYLE, HINT_STYLE
from ui.tables import list_table

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _kind_text(backup: BackupFile) -> str:
    if backup.damaged:
        return _("Damaged or unreadable")
    if backup.kind is BackupKind.BEFORE_UPGRADE:
        return _("Before an upgrade")
    return _("Daily")


class BackupSettings(QGroupBox):
    """The list of backups, Restore…, Open the backups folder, and the room for backups."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(_("Backups"), parent)
        self.shop = shop
        self.question: Question | None = None
        self.told: QMessageBox | None = None
        """What was said after a restore (kept for the tests)."""
        self.work: BackupWork | None = None
        """The check or the restore running off the UI thread, if any."""
        self.listed: list[BackupFile] = []
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [_("Taken"), _("Size"), _("Customers"), _("Purchases"), _("Kind")]
        )
        self.table: QTableView = list_table(self.model, stretch=4)
        self.table.setObjectName("backupsTable")
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 6)
        self.table.activated.connect(lambda _index: self.ask_to_restore())
        self.restore_button = QPushButton(_("Restore…"))
        self.restore_button.setToolTip(
            _("Put the chosen backup in place of the shop's data (Enter in the list)")
        )
        self.folder_button = QPushButton(_("Open the backups folder"))
        self.folder_button.setToolTip(str(shop.backup_folder))
        self.budget = QSpinBox()
        self.budget.setObjectName("backupBudget")
        self.budget.setLocale(QLocale(babel_locale()))
        self.budget.setRange(*WHOLE_COUNTS["backup_budget"])
        self.budget.setSuffix(" × " + _("the shop's data"))
        self.budget.setMaximumWidth(
            self.budget.fontMetrics().horizontalAdvance(self.budget.suffix() + "0000") + 40
        )
        self.budget_hint = QLabel()
        self.budget_hint.setWordWrap(True)
        self.budget_hint.setStyleSheet(HINT_STYLE)
        self.error = QLabel()
        self.error.setObjectName("backupsError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.status = QLabel()
        self.status.setObjectName("backupsStatus")
        self.status.setStyleSheet(HINT_STYLE)
        self.status.hide()

        about = QLabel(
            _(
                "A backup is taken each day ShopCRM opens, and before every upgrade. Restoring "
                "one keeps the current data aside in a file beside it: nothing is deleted."
            )
        )
        about.setWordWrap(True)
        about.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        budget = QFormLayout()
        budget.addRow(_("Room for backups:"), self.budget)
        budget.addRow("", self.budget_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addLayout(budget)

        self.restore_button.clicked.connect(self.ask_to_restore)
        self.folder_button.clicked.connect(self.open_folder)
        self.refresh()

    def refresh(self) -> None:
        """List the backups as they are on the disk now, newest first."""
        self.listed = self.shop.backups()
        self.model.removeRows(0, self.model.rowCount())
        for backup in self.listed:
            counts = (
                ("", "")
                if backup.damaged
                else (number(backup.customers or 0), number(backup.purchases or 0))
            )
            cells = [
                QStandardItem(moment(backup.taken_at)),
                QStandardItem(file_size(backup.size)),
                QStandardItem(counts[0]),
                QStandardItem(counts[1]),
                QStandardItem(_kind_text(backup)),
            ]
            for cell in cells[1:4]:
                cell.setTextAlignment(_RIGHT)
            if backup.damaged:
                cells[4].setForeground(Qt.GlobalColor.darkRed)
                cells[4].setToolTip(backup.problem)
            cells[0].setToolTip(backup.path.name)
            self.model.appendRow(cells)
        if self.listed:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.listed))

    def showEvent(self, event: QShowEvent) -> None:
        """Each time the page shows, the list is read again (today's backup may be new)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def show_settings(self, settings: Settings) -> None:
        """Show the room for backups as set, and what it comes to now."""
        self.budget.setValue(settings.backup_budget)
        try:
            size = self.shop.path.stat().st_size
        except OSError:
            size = 0
        self.budget_hint.setText(
            _(
                "All backups together take at most this many times the shop's data ({size} "
                "now); the oldest go first. The newest backup, and the last good one before a "
                "problem, are always kept."
            ).format(size=file_size(size))
        )

    def values(self) -> dict[str, object]:
        """The room for backups, as keyword arguments for ``shop.settings.update``."""
        return {"backup_budget": self.budget.value()}

    def chosen(self) -> BackupFile | None:
        """The backup picked in the list."""
        row = self.table.currentIndex().row()
        return self.listed[row] if 0 <= row < len(self.listed) else None

    def ask_to_restore(self) -> None:
        """Check the chosen backup (off the UI thread), then ask, saying what restoring it
        does."""
        backup = self.chosen()
        if backup is None or self.work is not None:
            return
        self.error.hide()
        path = self.shop.path
        self._start(
            _("Checking the backup…"),
            lambda: self.shop.check_backup(backup.path),
            lambda work: self._checked(backup, work, path),
        )

    def _checked(self, backup: BackupFile, work: BackupWork, path: Path) -> None:
        if work.error is not None:
            self._tell(str(work.error))
            return
        if self.shop.path != path:
            return
        message = _(
            "Restore the backup taken on {when}? Customers in it: {customers}; purchases: "
            "{purchases}.\n\nThe shop's data goes back to that day: what was recorded "
            "since then no longer shows. The current data is not deleted: it is kept in a file "
            "beside it, named with today's date and time. ShopCRM then opens the shop again."
        ).format(
            when=moment(backup.taken_at),
            customers=number(backup.customers or 0),
            purchases=number(backup.purchases or 0),
        )
        self.question = ask(
            self, _("Restore a backup"), message, _("Restore"), lambda: self.restore(backup)
        )

    def restore(self, backup: BackupFile) -> None:
        """Restore ``backup``: checked again (the file may have changed while the question was
        open), then the shop is closed, the backup put in place and the shop opened again, off
        the UI thread; then it is shown in a new window."""
        if self.work is not None:
            return
        self._start(
            _("Checking the backup…"),
            lambda: self.shop.check_backup(backup.path),
            lambda work: self._checked_again(backup, work),
        )

    def _checked_again(self, backup: BackupFile, work: BackupWork) -> None:
        if work.error is not None:  # the shop is still open, as it was
            self._tell(str(work.error))
            return
        window = self.window()
        stop_timers = getattr(window, "stop_timers", None)
        if stop_timers is not None:
            stop_timers()  # nothing polls the shop while it is closed
        window.setEnabled(False)
        self._start(
            _("Restoring the backup…"),
            lambda: self._swap(backup),
            lambda work: self._swapped(backup, work, window),
        )

    def _swap(self, backup: BackupFile) -> tuple[Shop, Path | None, str]:
        """In the thread: put the backup in place and open the shop again."""
        try:
            aside: Path | None = self.shop.restore(backup.path, checked=True)
            problem = ""
        except ShopError as error:  # the file is as it was; open it again as it is
            aside, problem = None, str(error)
        return Shop.open(self.shop.path, clock=self.shop.clock), aside, problem

    def _swapped(self, backup: BackupFile, work: BackupWork, window: QWidget) -> None:
        if work.error is not None or not isinstance(work.result, tuple):
            QMessageBox.critical(window, "ShopCRM", str(work.error))
            window.close()
            return
        shop, aside, problem = work.result
        reopen = getattr(window, "reopen", None)
        new_window = reopen(shop) if reopen is not None else None
        if aside is not None:
            text = _(
                "The backup taken on {when} is restored. The data as it was before is kept in "
                "{file}."
            ).format(when=moment(backup.taken_at), file=aside)
            icon = QMessageBox.Icon.Information
        else:
            text, icon = problem, QMessageBox.Icon.Warning
        box = QMessageBox(icon, "ShopCRM", text, parent=new_window or window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.told = box

    def _start(
        self, doing: str, job: Callable[[], object], then: Callable[[BackupWork], None]
    ) -> None:
        """Run ``job`` off the UI thread, saying ``doing`` meanwhile; ``then`` with the work."""
        work = BackupWork(job, self)
        self.work = work
        self.status.setText(doing)
        self.status.show()
        self.restore_button.setEnabled(False)

        def finished() -> None:
            self.work = None
            self.status.hide()
            self.restore_button.setEnabled(bool(self.listed))
            then(work)
            work.deleteLater()

        work.finished.connect(finished)
        work.start()

    def open_folder(self) -> None:
        """Show the backups folder in the system's file manager."""
        folder = self.shop.backup_folder
        if not folder.is_dir() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._tell(
                _("The backups folder could not be opened. It is {folder}").format(folder=folder)
            )

    def _tell(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def clear_message(self) -> None:
        """Hide what was said about the last action."""
        self.error.clear()
        self.error.hide()
