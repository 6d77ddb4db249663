"""Where a print goes: the printer (through the system's print dialog) or a PDF file (through
a save dialog), drawn in a worker thread with its progress and Stop.

Both dialogs open without blocking (``open()``); the dialog open is kept (``print_dialog``,
``file_dialog``) so that a test or the page can answer it. ``done`` brings back what was
printed or saved once it went well, with what to say; ``failed`` why it did not.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from shopcrm import Shop
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from shopcrm.documents.kinds import DocumentKind
from shopcrm.documents.prepared import Prepared
from ui.printing.batch import BatchRun
from ui.printing.printer import save_pdf


class PrintOutput(QObject):
    """Print or save prepared documents; ``run`` is the progress widget to show."""

    done = Signal(list, str)
    """The documents (``list[Prepared]``) went to the printer or the file, and the words
    saying so."""
    failed = Signal(str)
    """The print was stopped or failed: why."""
    started = Signal()

    def __init__(self, shop: Shop, window: QWidget) -> None:
        super().__init__(window)
        self.shop = shop
        self.window = window
        self.printer: QPrinter | None = None
        self.print_dialog: QPrintDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.run = BatchRun(shop, window)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)
        self._jobs: list[Prepared] = []
        self._save_to: str | None = None

    def busy(self) -> bool:
        """Whether a print is being drawn, printed or saved."""
        return self.run.running()

    def print_(self, prepared: list[Prepared]) -> None:
        """Ask the system's print dialog, then print ``prepared`` (a folded card both sides,
        turned on the short edge)."""
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer = self.printer
        if any(p.kind is DocumentKind.THANK_YOU_FOLDED for p in prepared):
            printer.setDuplex(QPrinter.DuplexMode.DuplexShortSide)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(_("Print"))
        self.print_dialog = dialog

        def chosen(result: int) -> None:
            self.print_dialog = None
            if result:
                self.start(prepared, printer)

        dialog.finished.connect(chosen)
        QDialog.open(dialog)  # PySide's QPrintDialog.open wants a receiver and a slot

    def save(self, prepared: list[Prepared], title: str) -> None:
        """Ask where, then save ``prepared`` as one PDF (named after ``title`` and today)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{title} {date.today().isoformat()}.pdf".replace("/", "-")
        dialog = QFileDialog(
            self.window, _("Save as PDF"), str(Path(folder) / name), _("PDF (*.pdf)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        self.file_dialog = dialog

        def chosen(path: str) -> None:
            self.file_dialog = None
            self.start(prepared, None, path)

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(lambda _r: setattr(self, "file_dialog", None))
        dialog.open()

    def start(
        self, prepared: list[Prepared], printer: QPrinter | None, path: str | None = None
    ) -> None:
        """Draw ``prepared`` in the worker and print it on ``printer``, or save it to
        ``path``."""
        self._jobs = list(prepared)
        self._save_to = path
        self.started.emit()
        self.run.start(self._jobs, printer)

    def _finished(self, pdf: bytes) -> None:
        jobs, self._jobs = self._jobs, []
        if self._save_to:
            try:
                saved = save_pdf(pdf, self._save_to)
            except OSError as error:
                self.failed.emit(
                    _("The PDF could not be saved: {error}").format(error=error.strerror or error)
                )
                return
            self.done.emit(jobs, _("Saved: {path}").format(path=str(saved)))
            return
        count = sum(p.count for p in jobs)
        self.done.emit(
            jobs,
            ngettext("{n} sent to the printer.", "{n} sent to the printer.", count).format(
                n=number(count)
            ),
        )

    def _failed(self, why: str) -> None:
        self._jobs = []
        self.failed.emit(why)
