"""Slow work off the UI thread (an import, a batch of cards, an export), with progress and a way
to stop it, so the window keeps answering."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from shopcrm import ShopError

log = logging.getLogger(__name__)

Job = Callable[[Callable[[int, int], bool]], object]
"""The work: calls back (done, total), and stops when told False."""


class WorkThread(QThread):
    """Runs ``job`` in a thread: ``progress`` as it goes, then ``done`` with its result, or
    ``failed`` with the reason (being stopped included). A fault that is not the core's own is
    logged and told with ``fault`` (a translated text with ``{error}``), so that the window is
    never left waiting."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, fault: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._fault = fault
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
        except Exception as error:
            log.exception("work off the UI thread failed")
            self.failed.emit(self._fault.format(error=type(error).__name__))
            return
        self.done.emit(result)
