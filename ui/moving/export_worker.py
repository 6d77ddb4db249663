"""Writing an export off the UI thread, with progress and a way to stop it.

The core reads what goes in the file on the UI thread (``shopcrm.moving``'s jobs), which is
quick; writing 100,000 rows of XLSX touches no database and runs here, so the window keeps
answering.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from shopcrm.common.i18n import _
from shopcrm.moving.table_files import Progress, Written
from ui.work_thread import WorkThread

Write = Callable[[Progress], Written]
"""Writes the file, calling back (done, total) and stopping when told False."""


class ExportWorker(WorkThread):
    """An export written in a thread (``WorkThread``): ``done`` brings what was written."""

    def __init__(self, write: Write, parent: QObject | None = None) -> None:
        super().__init__(write, _("The file could not be written: {error}"), parent)

    def stop(self) -> None:
        """Stop within the next few hundred rows."""
        self.cancel()
