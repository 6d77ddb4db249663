"""The Export dialog (Customers page, Ctrl+E): what to export (customers, purchases, the contact
log, a mailing list), in which format, for which days where that applies, then where to save.

The dialog stays open after saving and says what was written (and which characters Windows-1254
could not hold, and how many customers a mailing list left out), so the next file can follow.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Shop, ShopError
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, babel_locale, ngettext
from shopcrm.moving.table_files import SUFFIXES, TableFormat, TableJob, Written, format_titles
from shopcrm.moving.vcards import VCardJob
from ui.moving.export_worker import ExportWorker
from ui.moving.mailing_dialog import MailingPanel
from ui.style import ERROR_STYLE

VCARD = "vcard"


class ExportWhat(StrEnum):
    """What the dialog exports."""

    CUSTOMERS = "customers"
    PURCHASES = "purchases"
    CONTACTS = "contacts"
    MAILING = "mailing"


def what_titles() -> dict[ExportWhat, str]:
    return {
        ExportWhat.CUSTOMERS: _("Customers"),
        ExportWhat.PURCHASES: _("Purchases (for the accountant)"),
        ExportWhat.CONTACTS: _("Contact log (for the accountant)"),
        ExportWhat.MAILING: _("Mailing list (SMS or e-mail service)"),
    }


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """Export customers, purchases, the contact log or a mailing list to a file. A long file is
    written off the UI thread, with its progress and a Stop button; ``saved`` tells what was
    written once it is."""

    saved = Signal(object)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(_("Export"))
        self.file_dialog: QFileDialog | None = None
        self.what = QComboBox()
        for what, title in what_titles().items():
            self.what.addItem(title, what.value)
        self.format = QComboBox()
        today = shop.clock().date()
        self.start = self._day_box(_qdate(today.replace(day=1)))
        self.end = self._day_box(_qdate(today))
        self.mailing = MailingPanel(shop)
        self.outcome = QLabel()
        self.outcome.setObjectName("exportResult")
        self.outcome.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("exportError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.worker: ExportWorker | None = None
        hint = QLabel(
            _(
                "Cells that begin with = + - or @ get a ' in front, so that a spreadsheet "
                "never runs them as formulas."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("exportHint")

        form = QFormLayout()
        self.what_label = QLabel(_("&What:"))
        self.what_label.setBuddy(self.what)
        form.addRow(self.what_label, self.what)
        self.format_label = QLabel(_("&Format:"))
        self.format_label.setBuddy(self.format)
        form.addRow(self.format_label, self.format)
        self.start_label = QLabel(_("F&rom:"))
        self.start_label.setBuddy(self.start)
        form.addRow(self.start_label, self.start)
        self.end_label = QLabel(_("&To:"))
        self.end_label.setBuddy(self.end)
        form.addRow(self.end_label, self.end)
        self.form = form

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("&Save…"))
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button = QPushButton(_("St&op"))
        self.stop_button.hide()
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mailing)
        layout.addWidget(hint)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.what.currentIndexChanged.connect(lambda _i: self._what_changed())
        self.save_button.clicked.connect(self.ask_where)
        self.stop_button.clicked.connect(self.stop)
        self.buttons.rejected.connect(self.reject)
        self._what_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _day_box(self, day: QDate) -> QDateEdit:
        box = QDateEdit(day)
        box.setCalendarPopup(True)
        shop_locale = QLocale(babel_locale())
        box.setLocale(shop_locale)
        box.setDisplayFormat(shop_locale.dateFormat(QLocale.FormatType.ShortFormat))
        return box

    def chosen(self) -> ExportWhat:
        """What is chosen to export."""
        return ExportWhat(self.what.currentData())

    def choose(self, what: ExportWhat | str, kind: TableFormat | str | None = None) -> None:
        """Choose what to export, and the format (tests and the keyboard)."""
        self.what.setCurrentIndex(self.what.findData(ExportWhat(what).value))
        if kind is not None:
            self.format.setCurrentIndex(self.format.findData(str(kind)))

    def _what_changed(self) -> None:
        what = self.chosen()
        self.format.clear()
        if what is ExportWhat.MAILING:
            self.format.addItem(_("CSV (UTF-8, for message services)"), TableFormat.CSV.value)
        else:
            for kind, title in format_titles().items():
                self.format.addItem(title, kind.value)
            if what is ExportWhat.CUSTOMERS:
                self.format.addItem(_("vCard 3.0 (for a phone's contacts)"), VCARD)
        dated = what in (ExportWhat.PURCHASES, ExportWhat.CONTACTS)
        for widget in (self.start, self.end, self.start_label, self.end_label):
            widget.setVisible(dated)
        self.mailing.setVisible(what is ExportWhat.MAILING)
        if what is ExportWhat.MAILING:
            self.mailing.refresh()
        self.outcome.clear()
        self.error.hide()

    def suggested_name(self) -> str:
        """The file name offered: what, when, and the suffix of the format."""
        what, kind = self.chosen(), self.format.currentData()
        names = {
            ExportWhat.CUSTOMERS: _("customers"),
            ExportWhat.PURCHASES: _("purchases"),
            ExportWhat.CONTACTS: _("contact-log"),
            ExportWhat.MAILING: _("mailing-list"),
        }
        suffix = ".vcf" if kind == VCARD else SUFFIXES[TableFormat(kind)]
        return f"{names[what]}-{self.shop.clock().date().isoformat()}{suffix}"

    def ask_where(self) -> None:
        """Ask where to save, then save there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        kind = self.format.currentData()
        pattern = {VCARD: "*.vcf", TableFormat.XLSX.value: "*.xlsx"}.get(kind, "*.csv")
        dialog = QFileDialog(
            self,
            _("Save the export"),
            str(Path(folder) / self.suggested_name()),
            f"{self.format.currentText()} ({pattern})",
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(pattern.removeprefix("*."))
        dialog.fileSelected.connect(self.save_to)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: str | Path) -> None:
        """Export what is chosen to ``path``: read now, written off the UI thread (a mailing
        list at once); ``saved`` tells what was written, or the dialog says why not."""
        if self.worker is not None:
            return
        what, kind = self.chosen(), self.format.currentData()
        start, end = _day(self.start.date()), _day(self.end.date())
        self.error.hide()
        self.outcome.clear()
        try:
            if what is ExportWhat.MAILING:
                written, mailing = self.shop.mailing.write(path, self.mailing.chosen())
                self._done(written, mailing.summary())
                return
            if what is ExportWhat.CUSTOMERS and kind == VCARD:
                job: VCardJob | TableJob[Any] = self.shop.customer_export.vcard_job()
            elif what is ExportWhat.CUSTOMERS:
                job = self.shop.customer_export.table_job(kind)
            elif what is ExportWhat.PURCHASES:
                job = self.shop.sales_export.purchases_job(kind, start, end)
            else:
                job = self.shop.sales_export.contacts_job(kind, start, end)
        except ShopError as error:
            self._failed(str(error))
            return
        worker = ExportWorker(lambda progress: job.write(path, progress), self)
        worker.progress.connect(self._progress)
        worker.done.connect(lambda written: self._done(written))
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_finished)
        self.worker = worker
        self.progress.setRange(0, max(job.rows, 1))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.show()
        self.save_button.setEnabled(False)
        worker.start()

    def stop(self) -> None:
        """Stop the file being written; nothing is left behind."""
        if self.worker is not None:
            self.worker.stop()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, written: Written, told: str = "") -> None:
        self.outcome.setText(" ".join(t for t in (self._written_text(written), told) if t))
        self.saved.emit(written)

    def _failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _worker_finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.progress.hide()
        self.stop_button.hide()
        self.save_button.setEnabled(True)

    def reject(self) -> None:
        """Close, stopping a file being written first."""
        self._stop_and_wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_and_wait()
        super().closeEvent(event)

    def _stop_and_wait(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker.wait()

    def _written_text(self, written: Written) -> str:
        text = ngettext(
            "{n} row written to {path}.", "{n} rows written to {path}.", written.rows
        ).format(n=number(written.rows), path=written.path)
        if written.replaced:
            shown = ", ".join(f"{r.character} → {r.by}" for r in written.replaced[:8])
            text += " " + _(
                "Windows-1254 cannot hold some characters; they were replaced: {list}"
            ).format(list=shown)
        return text
