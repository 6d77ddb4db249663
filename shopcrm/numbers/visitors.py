"""Who came in a period, and what they paid: the customers behind the customer, churn, revenue
and value figures, read from the counted (not voided) purchases.

A visit follows the shop's setting (``VisitRule``): each day with a purchase is one visit, or
each purchase is one. A purchase belongs to the day of its local ``purchased_at``: one made at
00:00:00 belongs to the day it starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shopcrm.common.preferences import VisitRule
from shopcrm.loyalty.visits import visits_sql
from shopcrm.numbers.periods import Period
from shopcrm.storage.reading import Reading

COUNTED = "voided_at IS NULL"


@dataclass(frozen=True)
class Visitor:
    """One customer's purchases in a period."""

    customer_id: int
    visits: int
    purchases: int
    paid: int
    """Kuruş paid: the amounts less the discounts of the rewards redeemed."""
    discount: int
    first_day: date
    last_day: date
    before: date | None
    """The day of their last visit before the period; None: their first visit is in it."""
    repeated: bool
    """Only for a new customer: a second visit within the repeat window of the first."""

    @property
    def is_new(self) -> bool:
        """Whether the customer's first visit ever falls in the period."""
        return self.before is None


@dataclass(frozen=True)
class Visitors:
    """Every customer who came in a period."""

    period: Period
    rows: tuple[Visitor, ...]

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(v.customer_id for v in self.rows)

    @property
    def new(self) -> tuple[Visitor, ...]:
        return tuple(v for v in self.rows if v.is_new)

    @property
    def returning(self) -> tuple[Visitor, ...]:
        return tuple(v for v in self.rows if not v.is_new)


def bounds(period: Period) -> dict[str, str]:
    """The period as bounds on ``purchased_at``: from its first day's midnight, to before the
    midnight that follows its last day."""
    return {"start": period.start.isoformat(), "after": after(period.end)}


def after(day: date) -> str:
    """The bound just after ``day`` on ISO moments: the next day's midnight."""
    return (day + timedelta(days=1)).isoformat()


def _second_visit(rule: VisitRule) -> str:
    """SQL: whether the customer of ``g`` came again within the window after their first visit."""
    window = "date(g.first_day, '+' || (:window + 1) || ' days')"
    if rule is VisitRule.EACH_PURCHASE:
        return (
            "(SELECT count(*) FROM (SELECT 1 FROM purchases r WHERE r.customer_id = g.customer_id "
            f"AND r.{COUNTED} AND r.purchased_at < {window} LIMIT 2)) = 2"
        )
    return (
        "EXISTS (SELECT 1 FROM purchases r WHERE r.customer_id = g.customer_id "
        f"AND r.{COUNTED} AND r.purchased_at >= date(g.first_day, '+1 day') "
        f"AND r.purchased_at < {window})"
    )


def _per_customer(rule: VisitRule) -> str:
    """SQL: one row per customer who came in the period (``:start``, ``:after``), with their
    figures in it, the day of their visit before it and whether a new one came again."""
    return f"""
        WITH g AS (
            SELECT customer_id, {visits_sql(rule)} AS visits, count(*) AS purchases,
                   sum(amount - discount) AS paid, sum(discount) AS discount,
                   min(substr(purchased_at, 1, 10)) AS first_day,
                   max(substr(purchased_at, 1, 10)) AS last_day
            FROM purchases
            WHERE {COUNTED} AND purchased_at >= :start AND purchased_at < :after
            GROUP BY customer_id
        ), b AS (
            SELECT g.*, (SELECT substr(max(q.purchased_at), 1, 10) FROM purchases q
                         WHERE q.customer_id = g.customer_id AND q.{COUNTED}
                           AND q.purchased_at < :start) AS before
            FROM g
        )
        SELECT b.*, CASE WHEN b.before IS NULL THEN {_second_visit(rule).replace("g.", "b.")}
                    ELSE 0 END AS repeated
        FROM b
    """


def visitor_totals(
    store: Reading, period: Period, rule: VisitRule, window_days: int
) -> dict[str, int]:
    """The period's customers added up in SQL (no row per customer leaves the database)."""
    row = store.one(
        "SELECT count(*) AS customers, coalesce(sum(before IS NULL), 0) AS new, "
        "coalesce(sum(repeated), 0) AS again, coalesce(sum(paid), 0) AS paid, "
        "coalesce(sum(CASE WHEN before IS NULL THEN paid ELSE 0 END), 0) AS paid_new, "
        "coalesce(sum(purchases), 0) AS purchases, coalesce(sum(visits), 0) AS visits, "
        "coalesce(sum(discount), 0) AS discount, coalesce(sum(CAST(julianday(last_day) - "
        "julianday(coalesce(before, first_day)) AS INTEGER)), 0) AS gap_days "
        f"FROM ({_per_customer(rule)})",
        {**bounds(period), "window": window_days},
    )
    assert row is not None
    return {k: int(v) for k, v in row.items()}


def visitors(store: Reading, period: Period, rule: VisitRule, window_days: int) -> Visitors:
    """The customers with a counted purchase in the period, each with their figures."""
    rows = store.query(_per_customer(rule), {**bounds(period), "window": window_days})
    return Visitors(
        period,
        tuple(
            Visitor(
                customer_id=r["customer_id"],
                visits=r["visits"],
                purchases=r["purchases"],
                paid=r["paid"],
                discount=r["discount"],
                first_day=date.fromisoformat(r["first_day"]),
                last_day=date.fromisoformat(r["last_day"]),
                before=date.fromisoformat(r["before"]) if r["before"] else None,
                repeated=bool(r["repeated"]),
            )
            for r in rows
        ),
    )


def served_ids(store: Reading, period: Period) -> frozenset[int]:
    """The customers with a counted purchase in the period."""
    rows = store.query(
        f"SELECT DISTINCT customer_id FROM purchases WHERE {COUNTED} "
        "AND purchased_at >= :start AND purchased_at < :after",
        bounds(period),
    )
    return frozenset(r["customer_id"] for r in rows)


def churned(store: Reading, period: Period) -> tuple[int, int]:
    """The customers who came in the period before this one, and how many of them did not
    come in this one."""
    earlier = bounds(period.previous())
    row = store.one(
        "SELECT count(*) AS before, coalesce(sum(NOT EXISTS (SELECT 1 FROM purchases q "
        f"WHERE q.customer_id = a.customer_id AND q.{COUNTED} AND q.purchased_at >= :start "
        "AND q.purchased_at < :after)), 0) AS gone "
        f"FROM (SELECT DISTINCT customer_id FROM purchases WHERE {COUNTED} "
        "AND purchased_at >= :earlier_start AND purchased_at < :earlier_after) a",
        {**bounds(period), "earlier_start": earlier["start"], "earlier_after": earlier["after"]},
    )
    return (int(row["before"]), int(row["gone"])) if row else (0, 0)
