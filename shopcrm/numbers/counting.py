"""The numbers of a period counted apart: on a read-only connection of their own, so that a
long count (a custom range over millions of purchases: seconds) runs in another thread while
the counter goes on, and can be stopped when the owner picks another period."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from shopcrm.common.preferences import Settings
from shopcrm.numbers import groups
from shopcrm.numbers.figures import Figures
from shopcrm.numbers.periods import Period
from shopcrm.storage.reading import Reader


class Counting:
    """One count of a period's figures: ``run`` in any one thread, ``stop`` from any other
    (``run`` then raises ``Stopped``)."""

    def __init__(self, path: Path, settings: Settings, now: datetime, period: Period) -> None:
        self.period = period
        self._settings = settings
        self._now = now
        self._reader = Reader(path)

    def run(self) -> Figures:
        """Every figure of the period and of the one before it (as ``shop.numbers.figures``)."""
        try:
            ctx = groups.Context(self._reader, self._settings, self._now)
            previous = self.period.previous()
            return Figures(self.period, previous, groups.all_groups(ctx, self.period, previous))
        finally:
            self._reader.close()

    def stop(self) -> None:
        """Stop the count half-way."""
        self._reader.stop()
