"""The figures, group by group, and the customers behind each (definitions: docs/numbers.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings
from shopcrm.numbers.figures import Figure, FigureGroup, FigureKind
from shopcrm.numbers.periods import Period
from shopcrm.numbers.visitors import Visitors, visitors
from shopcrm.storage.store import Store


@dataclass(frozen=True)
class Context:
    """What every figure is computed with: the database, the settings, and today."""

    store: Store
    settings: Settings
    today: date

    def visitors(self, period: Period) -> Visitors:
        return visitors(
            self.store, period, self.settings.visit_rule, self.settings.repeat_window_days
        )


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a share from 0 to 1; None when the whole is nothing."""
    return part / whole if whole else None


def _customers_values(v: Visitors) -> dict[str, int | float | None]:
    new = v.new
    return {
        "customers_served": len(v.rows),
        "new_customers": len(new),
        "returning_customers": len(v.rows) - len(new),
        "repeat_rate": share(sum(1 for n in new if n.repeated), len(new)),
    }


def customers_group(now: Visitors, before: Visitors) -> FigureGroup:
    """Customers served, new, returning, and the repeat rate of the new ones."""
    a, b = _customers_values(now), _customers_values(before)
    titles = (
        ("customers_served", _("Customers served"), FigureKind.COUNT),
        ("new_customers", _("New customers"), FigureKind.COUNT),
        ("returning_customers", _("Returning customers"), FigureKind.COUNT),
        ("repeat_rate", _("Repeat rate"), FigureKind.PERCENT),
    )
    return FigureGroup(
        "customers",
        _("Customers"),
        tuple(
            Figure(key, title, a[key], b[key], kind, True, has_customers=True)
            for key, title, kind in titles
        ),
    )


def all_groups(ctx: Context, period: Period, previous: Period) -> tuple[FigureGroup, ...]:
    """Every group of figures for ``period`` beside ``previous``."""
    now, before = ctx.visitors(period), ctx.visitors(previous)
    return (customers_group(now, before),)


_BEHIND: dict[str, Callable[[Context, Period], set[int]]] = {
    "customers_served": lambda ctx, p: {v.customer_id for v in ctx.visitors(p).rows},
    "new_customers": lambda ctx, p: {v.customer_id for v in ctx.visitors(p).new},
    "returning_customers": lambda ctx, p: {v.customer_id for v in ctx.visitors(p).returning},
    "repeat_rate": lambda ctx, p: {v.customer_id for v in ctx.visitors(p).new if v.repeated},
}


def customers_behind(ctx: Context, key: str, period: Period) -> set[int] | None:
    """The customers behind the figure ``key``; None when it has no such list."""
    find = _BEHIND.get(key)
    return find(ctx, period) if find else None
