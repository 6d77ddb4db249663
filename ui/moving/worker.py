"""Slow work of the import off the UI thread: reading the file, checking its rows, and the one
transaction that brings them in, with progress and a way to stop.

The shop's connection may be used from this thread (the store opens it for any thread); while
a job runs the dialog is modal, so the window makes no change of its own meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from shopcrm.common.i18n import _
from ui.work_thread import Job, WorkThread

__all__ = ["ImportWorker", "Job"]


class ImportWorker(WorkThread):
    """An import's step in a thread (``WorkThread``)."""

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(job, _("The import failed: {error}. Nothing was imported."), parent)
