"""Drawing a long batch off the UI thread, with progress and a way to stop it.

The core prepares the batch (reading the database) on the UI thread, which is quick; drawing a
thousand cards touches no database and runs here, so the window keeps answering.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from shopcrm.common.i18n import _
from ui.work_thread import WorkThread

Draw = Callable[[Callable[[int, int], bool]], bytes]
"""Draws the batch, calling back (done, total) and stopping when told False."""


class DrawWorker(WorkThread):
    """A batch drawn in a thread (``WorkThread``): ``done`` brings the PDF."""

    def __init__(self, draw: Draw, parent: QObject | None = None) -> None:
        super().__init__(draw, _("The documents could not be made: {error}"), parent)
