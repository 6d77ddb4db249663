"""Reading or copying a backup off the UI thread: a whole backup is read to check it (seconds
for a large shop), and restoring copies it; the window keeps answering meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread

from shopcrm import ShopError
from shopcrm.common.i18n import _

log = logging.getLogger(__name__)


class BackupWork(QThread):
    """Runs ``job`` in a thread; once ``finished`` (a Qt signal, delivered on the UI thread),
    ``result`` holds what it returned or ``error`` what went wrong."""

    def __init__(self, job: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.result: object = None
        self.error: ShopError | None = None

    def run(self) -> None:
        """Qt: run the job."""
        try:
            self.result = self._job()
        except ShopError as error:
            self.error = error
        except Exception as error:  # a fault must not leave the page waiting for ever
            log.exception("work on a backup failed")
            self.error = ShopError(
                _("The backup could not be used: {error}").format(error=type(error).__name__)
            )
