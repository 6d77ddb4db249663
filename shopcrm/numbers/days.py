"""The figures of any range of days read from the day tables the purchase transaction keeps
(``numbers_day_visits``, ``numbers_day_paid``: see shopcrm/storage/schema_days.py): a few index
ranges over some hundreds of rows a day, whatever the number of purchases. They give exactly
what ``visitors.visitor_totals`` and ``visitors.churned`` compute from the purchases themselves
(the tests compare them)."""

from __future__ import annotations

from datetime import date

from shopcrm.common.preferences import VisitRule
from shopcrm.numbers.periods import Period
from shopcrm.numbers.visitors import served_ids
from shopcrm.storage.reading import Reading

ORDINAL_TO_DAY = 1721424
"""``date.toordinal()`` plus this is the tables' day number (SQLite's ``julianday`` as a whole)."""


def number(day: date) -> int:
    """The tables' number of ``day``."""
    return day.toordinal() + ORDINAL_TO_DAY


def _range(period: Period) -> dict[str, int]:
    return {"a": number(period.start), "b": number(period.end)}


def visitor_totals(
    store: Reading, period: Period, rule: VisitRule, window_days: int
) -> dict[str, int]:
    """The period's customer and revenue totals, as ``visitors.visitor_totals`` gives them."""
    r = _range(period)
    visits = store.one(
        "SELECT coalesce(sum(customers), 0) AS days, "
        "coalesce(sum(CASE WHEN kind <= 1 OR prev < :a THEN customers END), 0) AS customers, "
        "coalesce(sum(CASE WHEN kind <= 1 THEN customers END), 0) AS new, "
        "coalesce(sum(CASE WHEN kind >= 2 THEN (day - prev) * customers END), 0) AS gap_days "
        "FROM numbers_day_visits WHERE day BETWEEN :a AND :b",
        r,
    )
    paid = store.one(
        "SELECT coalesce(sum(purchases), 0) AS purchases, coalesce(sum(paid), 0) AS paid, "
        "coalesce(sum(discount), 0) AS discount, "
        "coalesce(sum(CASE WHEN first >= :a THEN paid END), 0) AS paid_new "
        "FROM numbers_day_paid WHERE day BETWEEN :a AND :b",
        r,
    )
    assert visits is not None and paid is not None
    # A new customer came again within the window: their second visit is at most that many
    # days after their first (by purchase: also a first day of two purchases).
    second = "(2, 3)" if rule is VisitRule.EACH_DAY else "(2)"
    again = store.one(
        "SELECT coalesce(sum(customers), 0) AS n FROM numbers_day_visits "
        f"WHERE day BETWEEN :a + 1 AND :b + :w AND kind IN {second} "
        "AND prev BETWEEN :a AND :b AND day - prev <= :w",
        {**r, "w": window_days},
    )
    assert again is not None
    repeated = int(again["n"])
    if rule is not VisitRule.EACH_DAY:
        first_two = store.one(
            "SELECT coalesce(sum(customers), 0) AS n FROM numbers_day_visits "
            "WHERE day BETWEEN :a AND :b AND kind = 1",
            r,
        )
        repeated += int(first_two["n"]) if first_two else 0
    totals = {**{k: int(v) for k, v in visits.items()}, **{k: int(v) for k, v in paid.items()}}
    visit_count = totals["purchases"] if rule is VisitRule.EACH_PURCHASE else totals["days"]
    return {
        "customers": totals["customers"],
        "new": totals["new"],
        "again": repeated,
        "paid": totals["paid"],
        "paid_new": totals["paid_new"],
        "purchases": totals["purchases"],
        "visits": visit_count,
        "discount": totals["discount"],
        "gap_days": totals["gap_days"],
    }


def churned(store: Reading, period: Period) -> tuple[int, int]:
    """The customers who came in the period before this one, and how many of them did not
    come in this one: those whose first visit in this one follows a visit in that one stayed."""
    earlier = period.previous()
    row = store.one(
        "SELECT coalesce(sum(CASE WHEN day < :a AND (kind <= 1 OR prev < :e) "
        "THEN customers END), 0) AS before, "
        "coalesce(sum(CASE WHEN day >= :a AND kind >= 2 AND prev BETWEEN :e AND :a - 1 "
        "THEN customers END), 0) AS stayed "
        "FROM numbers_day_visits WHERE day BETWEEN :e AND :b",
        {**_range(period), "e": number(earlier.start)},
    )
    if row is None:
        return 0, 0
    before = int(row["before"])
    return before, before - int(row["stayed"])


def behind(
    store: Reading, key: str, period: Period, rule: VisitRule, window_days: int
) -> set[int] | None:
    """The customers behind a customer or revenue figure of any range of days: those served
    read from the purchases' index by time, the new ones from the kept months (a customer's
    row of the month of their first visit ever holds its day and their next visit's)."""
    served = set(served_ids(store, period))
    if key in ("customers_served", "revenue", "average_purchase"):
        return served
    gap = "next_gap_by_purchase" if rule is VisitRule.EACH_PURCHASE else "next_gap"
    second = "first_purchases >= 2 OR " if rule is VisitRule.EACH_PURCHASE else ""
    rows = store.query(
        f"SELECT customer_id, {gap} <= :w AS again, ({second}next_day <= :b) AS twice "
        "FROM numbers_periods WHERE unit = 'M' AND period BETWEEN :m1 AND :m2 "
        "AND before_day IS NULL AND first_day BETWEEN :a AND :b",
        {
            "m1": period.start.isoformat()[:7],
            "m2": period.end.isoformat()[:7],
            "a": period.start.isoformat(),
            "b": period.end.isoformat(),
            "w": window_days,
        },
    )
    new = {r["customer_id"] for r in rows}
    if key == "new_customers":
        return new
    if key == "repeat_rate":
        return {r["customer_id"] for r in rows if r["again"]}
    if key in ("returning_customers", "returning_revenue_share"):
        return served - new
    if key == "average_days_between_visits":
        return (served - new) | {r["customer_id"] for r in rows if r["twice"]}
    return None
