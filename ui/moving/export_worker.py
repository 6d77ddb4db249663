"""Writing an export off the UI thread, with progress and a way to stop it.

The core reads what goes in the file on the UI thread (``shopcrm.moving``'s jobs), which is
quick; writing 100,000 rows of XLSX touches no database and runs here, so the window keeps
answering.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from shopcrm import ShopError
from shopcrm.common.i18n import _
from shopcrm.moving.table_files import Progress, Written

log = logging.getLogger(__name__)

Write = Callable[[Progress], Written]
"""Writes the file, calling back (done, total) and stopping when told False."""


class ExportWorker(QThread):
    """Runs ``write`` in a thread: ``progress`` as it goes, then ``done`` with what was
    written, or ``failed`` with the reason (being stopped included)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, write: Write, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._write = write
        self._stopped = False

    def stop(self) -> None:
        """Stop within the next few hundred rows."""
        self._stopped = True

    def run(self) -> None:
        """Qt: write the file."""

        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._stopped

        try:
            written = self._write(report)
        except ShopError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a fault must not leave the dialog waiting for ever
            log.exception("writing an export failed")
            self.failed.emit(
                _("The file could not be written: {error}").format(error=type(error).__name__)
            )
            return
        self.done.emit(written)
