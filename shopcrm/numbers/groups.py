"""The figures, group by group, and the customers behind each (definitions: docs/numbers.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from babel.numbers import format_decimal

from shopcrm.common.errors import NotFound
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _, babel_locale, ngettext
from shopcrm.common.preferences import Settings, VisitRule
from shopcrm.numbers import days, kept
from shopcrm.numbers import loyalty_care as lc
from shopcrm.numbers.figures import Figure, FigureGroup, FigureKind
from shopcrm.numbers.periods import Period
from shopcrm.numbers.standing import Standing, away_ids, standing
from shopcrm.numbers.visitors import served_ids
from shopcrm.numbers.wording import span
from shopcrm.storage.reading import Reading

DAYS_A_YEAR = 365
FULL_ENOUGH_DAYS = 90
"""The lifetime value estimate reads this year once this many days of it have passed."""
Value = int | float | None


@dataclass(frozen=True)
class Context:
    """What every figure is computed with: the database, the settings, and now."""

    store: Reading
    settings: Settings
    now: datetime

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def limits(self) -> tuple[int, int, int]:
        s = self.settings
        return (s.lapsed_first_days, s.lapsed_second_days, s.lapsed_third_days)

    def standing(self, period: Period) -> Standing:
        """The customers as they stood at the period's end (today, for a period not over)."""
        return standing(self.store, min(period.end, self.today), self.limits, self.today)

    def away(self, period: Period, band: int) -> set[int]:
        """The customers in a band of days away at the period's end (or today)."""
        day = min(period.end, self.today)
        return away_ids(self.store, day, self.limits, band, self.today)

    def visitor_values(self, period: Period) -> dict[str, Value]:
        """The customer and revenue figures: kept by month and year, and by day for a custom
        range."""
        s = self.settings
        if kept.unit_of(period):
            return kept.visitor_values(self.store, period, s.visit_rule, s.repeat_window_days)
        t = days.visitor_totals(self.store, period, s.visit_rule, s.repeat_window_days)
        gaps = t["visits"] - t["new"]
        return {
            "customers_served": t["customers"],
            "new_customers": t["new"],
            "returning_customers": t["customers"] - t["new"],
            "repeat_rate": share(t["again"], t["new"]),
            "revenue": t["paid"],
            "returning_revenue_share": share(t["paid"] - t["paid_new"], t["paid"]),
            "average_purchase": rounded(t["paid"], t["purchases"]),
            "average_days_between_visits": t["gap_days"] / gaps if gaps else None,
            "discounts_given": t["discount"],
        }

    def churn(self, period: Period) -> Value:
        if kept.unit_of(period.previous()):
            return kept.churn(self.store, period)
        before, gone = days.churned(self.store, period)
        return share(gone, before)

    def loyalty_care(self, period: Period) -> dict[str, Value]:
        return lc.loyalty_care_values(
            self.store, period, self.now, self.settings.complaint_target_days
        )


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` as a share from 0 to 1; None when the whole is nothing."""
    return part / whole if whole else None


def rounded(whole: int, parts: int) -> int | None:
    """``whole`` / ``parts`` to the nearest whole (halves up); None for no parts."""
    return (2 * whole + parts) // (2 * parts) if parts else None


def standing_values(s: Standing) -> dict[str, Value]:
    """The lapsed customers and the lifetime value spent, as they stood."""
    return {
        "lapsed_6m": s.away[0],
        "lapsed_1y": s.away[1],
        "lapsed_2y": s.away[2],
        "clv_spent": rounded(s.spent, s.buyers),
    }


def estimate(ctx: Context, period: Period) -> tuple[Value, str]:
    """The lifetime value estimate and its formula with its numbers: over the calendar year the
    period ends in (up to today; the year before when fewer than ``FULL_ENOUGH_DAYS`` of it have
    passed), the average paid per visit x the visits a year of a customer who came x
    ``clv_years``."""
    end = min(period.end, ctx.today)
    year = end.year
    days = (min(date(year, 12, 31), ctx.today) - date(year, 1, 1)).days + 1
    if days < FULL_ENOUGH_DAYS:
        year -= 1
        days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    t = kept.totals(ctx.store, "Y", str(year))
    visits = t["purchases"] if ctx.settings.visit_rule is VisitRule.EACH_PURCHASE else t["days"]
    if not visits:
        return None, ""
    years = ctx.settings.clv_years
    per_visit = t["paid"] / visits
    per_year = visits / t["customers"] * DAYS_A_YEAR / days
    value = round(per_visit * per_year * years)
    currency = ctx.settings.currency
    note = _("{visit} a visit × {visits} visits a year × {years} = {value}").format(
        visit=money(round(per_visit), currency),
        visits=_one_decimal(per_year),
        years=ngettext("{n} year", "{n} years", years).format(n=years),
        value=money(value, currency),
    )
    return value, note


def _one_decimal(value: float) -> str:
    return str(format_decimal(round(value, 1), "#,##0.0", locale=babel_locale()))


def _titles(ctx: Context) -> dict[str, tuple[str, str, FigureKind, bool | None]]:
    """key -> (group, title, kind, up_is_good), in the page's order."""
    s = ctx.settings
    away = _("Away {span} to {limit}")
    longest = _("Away {span} or more")
    t: dict[str, tuple[str, str, FigureKind, bool | None]] = {
        "customers_served": ("customers", _("Customers served"), FigureKind.COUNT, True),
        "new_customers": ("customers", _("New customers"), FigureKind.COUNT, True),
        "returning_customers": ("customers", _("Returning customers"), FigureKind.COUNT, True),
        "repeat_rate": ("customers", _("Repeat rate"), FigureKind.PERCENT, True),
        "churn": ("churn", _("Churn"), FigureKind.PERCENT, False),
        "lapsed_6m": (
            "churn",
            away.format(span=span(s.lapsed_first_days), limit=span(s.lapsed_second_days)),
            FigureKind.COUNT,
            False,
        ),
        "lapsed_1y": (
            "churn",
            away.format(span=span(s.lapsed_second_days), limit=span(s.lapsed_third_days)),
            FigureKind.COUNT,
            False,
        ),
        "lapsed_2y": (
            "churn",
            longest.format(span=span(s.lapsed_third_days)),
            FigureKind.COUNT,
            False,
        ),
        "revenue": ("revenue", _("Revenue"), FigureKind.MONEY, True),
        "returning_revenue_share": (
            "revenue",
            _("Revenue from returning customers"),
            FigureKind.PERCENT,
            True,
        ),
        "average_purchase": ("revenue", _("Average purchase"), FigureKind.MONEY, True),
        "average_days_between_visits": (
            "revenue",
            _("Average days between visits"),
            FigureKind.DAYS,
            False,
        ),
        "clv_spent": ("value", _("Spent per customer so far"), FigureKind.MONEY, True),
        "clv_estimate": ("value", _("Lifetime value (estimate)"), FigureKind.MONEY, True),
        "rewards_issued": ("loyalty", _("Rewards issued"), FigureKind.COUNT, None),
        "rewards_redeemed": ("loyalty", _("Rewards redeemed"), FigureKind.COUNT, True),
        "rewards_expired": ("loyalty", _("Rewards expired"), FigureKind.COUNT, False),
        "redemption_rate": ("loyalty", _("Redemption rate"), FigureKind.PERCENT, True),
        "discounts_given": ("loyalty", _("Discounts given"), FigureKind.MONEY, None),
        "complaints_opened": ("care", _("Complaints made"), FigureKind.COUNT, False),
        "complaints_resolved": ("care", _("Complaints resolved"), FigureKind.COUNT, True),
        "response_median_hours": ("care", _("Median response time"), FigureKind.HOURS, False),
        "response_longest_hours": ("care", _("Longest response time"), FigureKind.HOURS, False),
        "answered_within_target": (
            "care",
            _("Answered within {span}").format(span=span(s.complaint_target_days)),
            FigureKind.PERCENT,
            True,
        ),
        "contacts_made": ("care", _("Contacts made"), FigureKind.COUNT, True),
        "contacts_led_to_visit": (
            "care",
            _("Contacts followed by a visit"),
            FigureKind.PERCENT,
            True,
        ),
        "contacts_call": ("care", _("Calls made"), FigureKind.COUNT, None),
        "contacts_letter": ("care", _("Letters sent"), FigureKind.COUNT, None),
        "contacts_card": ("care", _("Cards sent"), FigureKind.COUNT, None),
        "contacts_gift": ("care", _("Gifts given"), FigureKind.COUNT, None),
    }
    return t


def group_titles() -> dict[str, str]:
    """The groups' keys and titles, in the page's order."""
    return {
        "customers": _("Customers"),
        "churn": _("Lost customers"),
        "revenue": _("Revenue"),
        "value": _("Customer value"),
        "loyalty": _("Loyalty"),
        "care": _("Care"),
    }


def all_groups(ctx: Context, period: Period, previous: Period) -> tuple[FigureGroup, ...]:
    """Every group of figures for ``period`` beside ``previous``."""
    a = {**ctx.visitor_values(period), **standing_values(ctx.standing(period))}
    b = {**ctx.visitor_values(previous), **standing_values(ctx.standing(previous))}
    a["churn"], b["churn"] = ctx.churn(period), ctx.churn(previous)
    a["clv_estimate"], note = estimate(ctx, period)
    b["clv_estimate"] = estimate(ctx, previous)[0]
    a.update(ctx.loyalty_care(period))
    b.update(ctx.loyalty_care(previous))
    figures: dict[str, list[Figure]] = {key: [] for key in group_titles()}
    for key, (group, title, kind, up) in _titles(ctx).items():
        figures[group].append(
            Figure(
                key,
                title,
                a[key],
                b[key],
                kind,
                up,
                note=note if key == "clv_estimate" else "",
                has_customers=key in _BEHIND or key in _LOYALTY_CARE_KEYS,
            )
        )
    return tuple(
        FigureGroup(key, title, tuple(figures[key])) for key, title in group_titles().items()
    )


_RAW_BEHIND = frozenset(
    {
        "customers_served",
        "new_customers",
        "returning_customers",
        "repeat_rate",
        "revenue",
        "returning_revenue_share",
        "average_purchase",
        "average_days_between_visits",
    }
)
_BEHIND = frozenset({*_RAW_BEHIND, "churn", "lapsed_6m", "lapsed_1y", "lapsed_2y"})
_LOYALTY_CARE_KEYS = frozenset(
    {
        *lc.counted_rows(date.today()),
        "redemption_rate",
        "response_median_hours",
        "response_longest_hours",
        "answered_within_target",
        "contacts_led_to_visit",
    }
)


def customers_behind(ctx: Context, key: str, period: Period) -> set[int] | None:
    """The customers behind the figure ``key``; None when it has no such list."""
    if key in ("lapsed_6m", "lapsed_1y", "lapsed_2y"):
        return ctx.away(period, ("lapsed_6m", "lapsed_1y", "lapsed_2y").index(key))
    s = ctx.settings
    if key in _BEHIND and kept.unit_of(period):
        return kept.behind(ctx.store, key, period, s.visit_rule, s.repeat_window_days)
    if key == "churn":
        before = served_ids(ctx.store, period.previous())
        return set(before - served_ids(ctx.store, period))
    if key in _RAW_BEHIND:
        return days.behind(ctx.store, key, period, s.visit_rule, s.repeat_window_days)
    if key in _LOYALTY_CARE_KEYS:
        return lc.loyalty_care_behind(
            ctx.store, key, period, ctx.now, ctx.settings.complaint_target_days
        )
    return None


def listed(ctx: Context, key: str, period: Period) -> set[int]:
    """The customers behind the figure ``key``; ``NotFound`` for a figure without such a list."""
    ids = customers_behind(ctx, key, period)
    if ids is None:
        raise NotFound(_("There is no list of customers behind “{key}”.").format(key=key))
    return ids
