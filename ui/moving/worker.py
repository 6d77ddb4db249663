"""Slow work of the import off the UI thread: reading the file, checking its rows, and the one
transaction that brings them in, with progress and a way to stop.

The shop's connection may be used from this thread (the store opens it for any thread); while
a job runs the dialog is modal, so the window makes no change of its own meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from shopcrm import ShopError
from shopcrm.common.i18n import _

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int], bool]], object]
"""The work: calls back (done, total), and stops when told False."""


class ImportWorker(QThread):
    """Runs ``job`` in a thread: ``progress`` as it goes, then ``done`` with its result, or
    ``failed`` with the reason (a cancellation included)."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancelled = False

    def cancel(self) -> None:
        """Stop at the next progress report."""
        self._cancelled = True

    def run(self) -> None:
        """Qt: do the job."""

        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._cancelled

        try:
            result = self._job(report)
        except ShopError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a fault must not leave the dialog waiting for ever
            log.exception("importing failed")
            self.failed.emit(
                _("The import failed: {error}. Nothing was imported.").format(
                    error=type(error).__name__
                )
            )
            return
        self.done.emit(result)
