"""A custom range's figures, or the customers behind a figure, counted in another thread, so the
page (and the counter) never wait for them; a newer count stops the older one."""

from __future__ import annotations

import threading
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from shopcrm import ShopError
from shopcrm.storage.reading import Stopped


class Apart(Protocol):
    """A count to run apart: ``shopcrm.numbers.counting``'s ``Counting`` or ``Listing``."""

    def run(self) -> object: ...

    def stop(self) -> None: ...


class BackgroundCount(QObject):
    """Runs one count at a time; ``done`` brings its result back to the page's thread."""

    done = Signal(object)
    """What the count last started found (``Figures``, or the lines of a ``Listing``)."""
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counting: Apart | None = None
        self._thread: threading.Thread | None = None

    def start(self, counting: Apart) -> None:
        """Stop any count running, then start ``counting``."""
        self.stop()
        self._counting = counting
        self._thread = threading.Thread(target=self._run, args=(counting,), daemon=True)
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, wait: float = 0.0) -> None:
        """Stop the count running (its result is dropped); wait up to ``wait`` seconds for it."""
        counting, thread = self._counting, self._thread
        self._counting = None
        if counting is not None:
            counting.stop()
        if thread is not None and wait:
            thread.join(wait)

    def _run(self, counting: Apart) -> None:
        try:
            figures = counting.run()
        except Stopped:
            return
        except ShopError as error:
            if counting is self._counting:
                self.failed.emit(str(error))
            return
        if counting is self._counting:
            self.done.emit(figures)
