"""The numbers of a period, and the customers behind one of them, counted apart: on a read-only
connection of their own, so that a long count (many years of a big shop; the hundreds of
thousands of customers behind a figure of a million-customer shop: seconds) runs in another
thread while the counter goes on, and can be stopped when the owner picks another period."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from shopcrm.common.preferences import Settings
from shopcrm.numbers import groups
from shopcrm.numbers.figures import Figures
from shopcrm.numbers.periods import Period
from shopcrm.people.customer_list import lines_by_name
from shopcrm.people.records import CustomerLine
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


class Listing:
    """The customers behind one figure of a period, as lines of a list in alphabetical order:
    ``run`` in any one thread, ``stop`` from any other (``run`` then raises ``Stopped``)."""

    def __init__(
        self, path: Path, settings: Settings, now: datetime, key: str, period: Period
    ) -> None:
        self.key = key
        self.period = period
        self._settings = settings
        self._now = now
        self._reader = Reader(path)

    def run(self) -> list[CustomerLine]:
        """The lines; ``NotFound`` when the figure has no customers behind it."""
        try:
            ctx = groups.Context(self._reader, self._settings, self._now)
            return lines_by_name(self._reader, groups.listed(ctx, self.key, self.period))
        finally:
            self._reader.close()

    def stop(self) -> None:
        """Stop the count half-way."""
        self._reader.stop()
