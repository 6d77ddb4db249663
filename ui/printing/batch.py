"""Running a print: drawing the PDF (and sending it to the printer) in a worker thread, with a
progress bar and a Stop button, so that a thousand cards never freeze the window.

The jobs are prepared (read from the database) on the UI thread before; the worker only draws
and prints. ``finished`` brings the PDF back: the page saves it, or says it was printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from shopcrm import Shop
from shopcrm.common.i18n import _
from shopcrm.documents.prepared import Prepared
from ui.printing.printer import print_pdf
from ui.printing.worker import DrawWorker

Progress = Callable[[int, int], bool]


class BatchRun(QWidget):
    """The progress of one print run, and its Stop button; hidden while nothing runs."""

    finished = Signal(bytes)
    """The run ended well: the PDF made (and printed, when a printer was given)."""
    failed = Signal(str)
    """The run was stopped or failed: why, in words."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.worker: DrawWorker | None = None
        self.what = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("printProgress")
        self.stop_button = QPushButton(_("&Stop"))
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.what)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        self.hide()

    def running(self) -> bool:
        """Whether a run is going on."""
        return self.worker is not None

    def start(self, prepared: Sequence[Prepared], printer: QPrinter | None = None) -> None:
        """Draw ``prepared`` into one PDF, and print it on ``printer`` when given."""
        jobs = list(prepared)
        documents = self.shop.documents

        def run(progress: Progress) -> bytes:
            if printer is None:
                return documents.draw(jobs, progress)
            pdf = documents.draw(jobs, lambda done, total: progress(done, 2 * total))

            def printing(done: int, total: int) -> bool:
                return progress(total + done, 2 * total)

            print_pdf(pdf, printer, printing)
            return pdf

        self.what.setText(_("Printing…") if printer is not None else _("Making the PDF…"))
        self.bar.setRange(0, 0)
        worker = DrawWorker(run, self)
        worker.progress.connect(self._progress)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        self.worker = worker
        self.show()
        self.stop_button.setEnabled(True)
        self.stop_button.setFocus()
        worker.start()

    def stop(self) -> None:
        """Stop the run at the next page (Stop, or Esc)."""
        if self.worker is not None:
            self.worker.cancel()
            self.stop_button.setEnabled(False)
            self.what.setText(_("Stopping…"))

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _done(self, pdf: bytes) -> None:
        self._end()
        self.finished.emit(pdf)

    def _failed(self, why: str) -> None:
        self._end()
        self.failed.emit(why)

    def _end(self) -> None:
        worker = self.worker
        self.worker = None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.hide()
