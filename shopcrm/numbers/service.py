"""``shop.numbers``: the shop's numbers for a period beside the period before it, the customers
behind each, the charts' series and the numbers as CSV. Definitions: docs/numbers.md."""

from __future__ import annotations

from datetime import date

from shopcrm.common.clock import Clock
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.numbers import charts, groups, kept, showing
from shopcrm.numbers.counting import Counting, Listing
from shopcrm.numbers.figures import Figures, MonthRevenue
from shopcrm.numbers.periods import Period
from shopcrm.people.customer_list import lines_by_name
from shopcrm.storage.store import Store


class NumbersService:
    """The numbers, computed from the purchases, rewards and contact log as they are now."""

    def __init__(self, store: Store, clock: Clock, read_settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = read_settings

    def _context(self) -> groups.Context:
        settings: Settings = self._settings()
        return groups.Context(self._store, settings, self._clock())

    def figures(self, period: Period) -> Figures:
        """Every figure of ``period`` and of the period before it, grouped as the page shows
        them."""
        ctx = self._context()
        previous = period.previous()
        return Figures(period, previous, groups.all_groups(ctx, period, previous))

    def counting(self, period: Period) -> Counting:
        """A count of ``period``'s figures to run apart (another thread), on a connection of its
        own: what the page does for a custom range, which takes seconds over millions of
        purchases (a month or a year reads the kept aggregates: milliseconds)."""
        settings: Settings = self._settings()
        return Counting(self._store.path, settings, self._clock(), period)

    def listing(self, key: str, period: Period) -> Listing:
        """The customers behind the figure ``key`` of ``period``, to find apart (another
        thread): their lines in alphabetical order (``NotFound`` from ``run`` for a figure
        without such a list)."""
        settings: Settings = self._settings()
        return Listing(self._store.path, settings, self._clock(), key, period)

    def is_quick(self, period: Period) -> bool:
        """Whether ``period``'s figures come from the kept aggregates (a calendar month or year)."""
        return kept.unit_of(period) is not None

    def customers_behind(self, key: str, period: Period) -> list[int]:
        """The ids of the customers behind a figure of ``period`` (one whose ``has_customers``
        is True), ordered by name; ``NotFound`` for any other key."""
        ids = groups.listed(self._context(), key, period)
        return [line.id for line in lines_by_name(self._store, ids)]

    def revenue_by_month(self, months: int = 12, until: date | None = None) -> list[MonthRevenue]:
        """Revenue of ``months`` calendar months up to ``until``'s (today's by default), oldest
        first, split between new and returning customers."""
        return charts.revenue_by_month(self._store, max(1, months), until or self._clock().date())

    def visits_by_weekday_hour(self, period: Period) -> tuple[tuple[int, ...], ...]:
        """The period's purchases (trips to the counter) in 7 rows (Monday to Sunday) of 24
        hours."""
        return charts.visits_by_weekday_hour(self._store, period)

    def figures_csv(self, figures: Figures) -> str:
        """The figures as CSV in the current language, values as the page shows them: group;
        figure; this period; previous period; change (Turkish: ';' and decimal commas,
        English: ',')."""
        return showing.figures_csv(figures, self._settings().currency)
