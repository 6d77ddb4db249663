"""The figures of any range of days read from the day tables the purchase transaction keeps
(``numbers_day_visits``, ``numbers_day_paid``: see shopcrm/storage/schema_days.py): a few index
ranges over some hundreds of rows a day, whatever the number of purchases. They give exactly
what ``visitors.visitor_totals`` and ``visitors.churned`` compute from the purchases themselves
(the tests compare them)."""

from __future__ import annotations

from datetime import date

from shopcrm.common.preferences import VisitRule
from shopcrm.numbers.periods import Period
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
