"""A custom range's figures counted in another thread, so the page (and the counter) never
wait for them; a newer period stops the older count."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from shopcrm import ShopError
from shopcrm.numbers.counting import Counting
from shopcrm.storage.reading import Stopped


class BackgroundCount(QObject):
    """Runs one ``Counting`` at a time; ``done`` brings its figures back to the page's thread."""

    done = Signal(object)
    """The ``Figures`` of the count last started."""
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counting: Counting | None = None
        self._thread: threading.Thread | None = None

    def start(self, counting: Counting) -> None:
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

    def _run(self, counting: Counting) -> None:
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
