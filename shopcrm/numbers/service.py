"""``shop.numbers``: the shop's numbers for a period beside the period before it, the customers
behind each, the charts' series and the numbers as CSV. Definitions: docs/numbers.md."""

from __future__ import annotations

import json
from collections.abc import Iterable

from shopcrm.common.clock import Clock
from shopcrm.common.errors import NotFound
from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.numbers import groups
from shopcrm.numbers.figures import Figures
from shopcrm.numbers.periods import Period
from shopcrm.storage.store import Store


class NumbersService:
    """The numbers, computed from the purchases, rewards and contact log as they are now."""

    def __init__(self, store: Store, clock: Clock, read_settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = read_settings

    def _context(self) -> groups.Context:
        settings: Settings = self._settings()
        return groups.Context(self._store, settings, self._clock().date())

    def figures(self, period: Period) -> Figures:
        """Every figure of ``period`` and of the period before it, grouped as the page shows
        them."""
        ctx = self._context()
        previous = period.previous()
        return Figures(period, previous, groups.all_groups(ctx, period, previous))

    def customers_behind(self, key: str, period: Period) -> list[int]:
        """The ids of the customers behind a figure of ``period`` (one whose ``has_customers``
        is True), ordered by name; ``NotFound`` for any other key."""
        ids = groups.customers_behind(self._context(), key, period)
        if ids is None:
            raise NotFound(_("There is no list of customers behind “{key}”.").format(key=key))
        return self._by_name(ids)

    def _by_name(self, ids: Iterable[int]) -> list[int]:
        rows = self._store.query(
            "SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY name_folded, id",
            (json.dumps(sorted(ids)),),
        )
        return [r["id"] for r in rows]
