"""Drawing a long batch off the UI thread, with progress and a way to stop it.

The core prepares the batch (reading the database) on the UI thread, which is quick; drawing a
thousand cards touches no database and runs here, so the window keeps answering.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from shopcrm import ShopError
from shopcrm.common.i18n import _

log = logging.getLogger(__name__)

Draw = Callable[[Callable[[int, int], bool]], bytes]
"""Draws the batch, calling back (done, total) and stopping when told False."""


class DrawWorker(QThread):
    """Runs ``draw`` in a thread: ``progress`` as it goes, then ``done`` with the PDF, or
    ``failed`` with the reason (a cancellation included)."""

    progress = Signal(int, int)
    done = Signal(bytes)
    failed = Signal(str)

    def __init__(self, draw: Draw, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self._cancelled = False

    def cancel(self) -> None:
        """Stop at the next page."""
        self._cancelled = True

    def run(self) -> None:
        """Qt: draw the batch."""

        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._cancelled

        try:
            pdf = self._draw(report)
        except ShopError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a fault must not leave the page waiting for ever
            log.exception("drawing a batch failed")
            self.failed.emit(
                _("The documents could not be made: {error}").format(error=type(error).__name__)
            )
            return
        self.done.emit(pdf)
