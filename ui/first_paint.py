"""Work a window's first frame does not show waits until that frame has been drawn.

A zero-time timer is no such wait: it fires before the window system has exposed the new
window, so before its first paint. ``AfterFirstPaint`` watches the window's first paint instead
and runs the jobs just after it (or a quarter of a second after the window is shown, should no
paint come: a window the window system keeps covered).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 250
"""How long after being shown the jobs wait for a paint that does not come."""


class AfterFirstPaint(QObject):
    """Runs jobs once, right after ``window`` is first painted; a job added later runs at the
    next turn of the event loop."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._jobs: list[Callable[[], object]] = []
        self._done = False
        self._waiting = False
        window.installEventFilter(self)

    @property
    def done(self) -> bool:
        """Whether the jobs have run (the window has painted)."""
        return self._done

    def add(self, job: Callable[[], object]) -> None:
        """Run ``job`` after the first paint (soon, if it is over)."""
        if self._done:
            QTimer.singleShot(0, self, job)
        else:
            self._jobs.append(job)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: the first paint lets the jobs run; being shown starts the fallback."""
        if watched is self._window and not self._done:
            kind = event.type()
            if kind == QEvent.Type.Paint:
                QTimer.singleShot(0, self, self._run)
            elif kind == QEvent.Type.Show and not self._waiting:
                self._waiting = True
                QTimer.singleShot(FALLBACK_MS, self, self._run)
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job()
