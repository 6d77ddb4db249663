"""The figures of a calendar month or year read from the aggregates the purchase transaction
keeps (``numbers_periods``, ``numbers_totals``: see shopcrm/storage/schema_numbers.py), so that they
take milliseconds over millions of purchases. They give exactly what ``visitors`` computes from
the purchases themselves for any range of days (the tests compare the two)."""

from __future__ import annotations

from datetime import date, timedelta

from shopcrm.common.preferences import VisitRule
from shopcrm.numbers.periods import Period, PeriodKind
from shopcrm.storage.reading import Reading

Value = int | float | None
_ZERO = {
    "customers": 0,
    "new": 0,
    "paid": 0,
    "paid_new": 0,
    "purchases": 0,
    "days": 0,
    "discount": 0,
    "gap_days": 0,
    "left_after": 0,
}


def unit_of(period: Period) -> tuple[str, str] | None:
    """The aggregates' unit and key of a month ('M', '2026-11') or a year ('Y', '2026'); None
    for a custom period."""
    if period.kind is PeriodKind.MONTH:
        return "M", period.start.isoformat()[:7]
    if period.kind is PeriodKind.YEAR:
        return "Y", str(period.start.year)
    return None


def totals(store: Reading, unit: str, key: str) -> dict[str, int]:
    """The added-up figures of one month or year (zeros when nobody came)."""
    row = store.one("SELECT * FROM numbers_totals WHERE unit = ? AND period = ?", (unit, key))
    return {k: int(row[k]) for k in _ZERO} if row else dict(_ZERO)


def _repeated(rule: VisitRule) -> str:
    """SQL: a new customer's next visit came within ``:window`` days of the first."""
    gap = "next_gap_by_purchase" if rule is VisitRule.EACH_PURCHASE else "next_gap"
    return f"{gap} <= :window"


def visitor_values(
    store: Reading, period: Period, rule: VisitRule, window: int
) -> dict[str, Value]:
    """The customer and revenue figures of a month or a year."""
    unit, key = unit_of(period) or ("", "")
    t = totals(store, unit, key)
    repeat = store.one(
        "SELECT count(*) AS again FROM numbers_periods WHERE unit = :unit AND period = :key "
        f"AND before_day IS NULL AND {_repeated(rule)}",
        {"unit": unit, "key": key, "window": window},
    )
    new, again = t["new"], (int(repeat["again"]) if repeat else 0)
    visits = t["purchases"] if rule is VisitRule.EACH_PURCHASE else t["days"]
    gaps = visits - t["new"]
    return {
        "customers_served": t["customers"],
        "new_customers": t["new"],
        "returning_customers": t["customers"] - t["new"],
        "repeat_rate": again / new if new else None,
        "revenue": t["paid"],
        "returning_revenue_share": (t["paid"] - t["paid_new"]) / t["paid"] if t["paid"] else None,
        "average_purchase": _rounded(t["paid"], t["purchases"]),
        "average_days_between_visits": t["gap_days"] / gaps if gaps else None,
        "discounts_given": t["discount"],
    }


def churn(store: Reading, period: Period) -> Value:
    """Of the customers of the period before, the share who did not come in this one."""
    unit, key = unit_of(period.previous()) or ("", "")
    t = totals(store, unit, key)
    return t["left_after"] / t["customers"] if t["customers"] else None


def _rounded(whole: int, parts: int) -> int | None:
    return (2 * whole + parts) // (2 * parts) if parts else None


def spent_so_far(store: Reading, day: date) -> tuple[int, int]:
    """Kuruş paid up to the end of the month of ``day`` and the customers who had bought by
    then (call it for a month's last day, or today)."""
    row = store.one(
        "SELECT coalesce(sum(paid), 0) AS paid, coalesce(sum(new), 0) AS buyers "
        "FROM numbers_totals WHERE unit = 'M' AND period <= ?",
        (day.isoformat()[:7],),
    )
    return (int(row["paid"]), int(row["buyers"])) if row else (0, 0)


def behind(
    store: Reading, key: str, period: Period, rule: VisitRule, window: int
) -> set[int] | None:
    """The customers behind a customer or revenue figure of a month or a year."""
    unit, name = unit_of(period) or ("", "")
    where = {
        "customers_served": "1",
        "revenue": "1",
        "average_purchase": "1",
        "new_customers": "before_day IS NULL",
        "returning_customers": "before_day IS NOT NULL",
        "returning_revenue_share": "before_day IS NOT NULL",
        "repeat_rate": f"before_day IS NULL AND {_repeated(rule)}",
        "average_days_between_visits": "(before_day IS NOT NULL OR "
        + ("purchases" if rule is VisitRule.EACH_PURCHASE else "days")
        + " > 1)",
    }
    params: dict[str, object] = {"unit": unit, "key": name, "window": window}
    if key == "churn":
        previous = unit_of(period.previous()) or ("", "")
        params.update(unit=previous[0], key=previous[1], end=period.end.isoformat())
        condition = "(after_day IS NULL OR after_day > :end)"
    elif key in where:
        condition = where[key]
    else:
        return None
    rows = store.query(
        "SELECT customer_id FROM numbers_periods WHERE unit = :unit AND period = :key "
        f"AND {condition}",
        params,
    )
    return {r["customer_id"] for r in rows}


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
