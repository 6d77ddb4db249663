"""What the numbers are handed out as: a figure (this period and the one before), figures in
groups, and the revenue of a month split between new and returning customers.

Every figure's exact definition is in docs/numbers.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shopcrm.common.errors import NotFound
from shopcrm.common.i18n import _
from shopcrm.numbers.periods import Period


class FigureKind(StrEnum):
    """What a figure's value is, and so how it is shown."""

    COUNT = "count"
    """A whole number (customers, rewards, complaints...)."""
    MONEY = "money"
    """An int of kuruş."""
    PERCENT = "percent"
    """A share from 0 to 1 (0.25 is shown "%25")."""
    DAYS = "days"
    """A float of days."""
    HOURS = "hours"
    """A float of hours."""


@dataclass(frozen=True)
class Figure:
    """One number of a period, beside the same number for the period before it."""

    key: str
    """Stable and never translated: "churn", "revenue"..."""
    title: str
    """Translated, for the page."""
    value: int | float | None
    """None when there is nothing to compute it from (the page shows "—")."""
    previous: int | float | None
    """The same figure for ``period.previous()``."""
    kind: FigureKind
    up_is_good: bool | None
    """Whether a rise is good news (True), bad news (False: churn), or neither (None)."""
    note: str = ""
    """What the figure is made of, when the page should say it (the CLV estimate's formula)."""
    has_customers: bool = False
    """Whether ``customers_behind(key, period)`` lists the customers behind it."""

    @property
    def change(self) -> int | float | None:
        """This period's value less the previous one's; None when either is missing."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class FigureGroup:
    """Figures shown together under one title ("Customers", "Loyalty"...)."""

    key: str
    title: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Figures:
    """Every figure of a period, in the groups and the order the page shows them."""

    period: Period
    previous: Period
    groups: tuple[FigureGroup, ...]

    def get(self, key: str) -> Figure:
        """The figure with this key; ``NotFound`` when there is none."""
        for group in self.groups:
            for figure in group.figures:
                if figure.key == key:
                    return figure
        raise NotFound(_("There is no figure called “{key}”.").format(key=key))

    def all(self) -> tuple[Figure, ...]:
        """Every figure, in the page's order."""
        return tuple(figure for group in self.groups for figure in group.figures)


@dataclass(frozen=True)
class MonthRevenue:
    """What customers paid in one calendar month (kuruş), split by whether the customer's first
    visit ever was in that month (new) or before it (returning)."""

    month: date
    """The month's first day."""
    new: int
    returning: int

    @property
    def total(self) -> int:
        """The month's whole revenue."""
        return self.new + self.returning
