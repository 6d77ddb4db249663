"""The series the Numbers page draws: revenue by month split between new and returning
customers, and visits by weekday and hour."""

from __future__ import annotations

from datetime import date, timedelta

from shopcrm.common.preferences import VisitRule
from shopcrm.numbers.figures import MonthRevenue
from shopcrm.numbers.periods import Period
from shopcrm.numbers.visitors import COUNTED, bounds
from shopcrm.storage.store import Store


def month_starts(months: int, until: date) -> list[date]:
    """The first days of ``months`` calendar months, oldest first, the last being ``until``'s."""
    first = until.replace(day=1)
    out = [first]
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return out[::-1]


def revenue_by_month(store: Store, months: int, until: date) -> list[MonthRevenue]:
    """What customers paid in each of ``months`` calendar months up to ``until``'s, oldest
    first: "new" from customers whose first visit ever was in that month, "returning" from
    those who had come before it. A month without sales has 0 and 0."""
    starts = month_starts(months, until)
    end = (starts[-1] + timedelta(days=32)).replace(day=1)
    rows = store.query(
        f"""
        WITH m AS (
            SELECT customer_id, substr(purchased_at, 1, 7) AS month,
                   sum(amount - discount) AS paid
            FROM purchases
            WHERE {COUNTED} AND purchased_at >= :start AND purchased_at < :after
            GROUP BY customer_id, month
        )
        SELECT month, sum(paid) AS total,
               sum(CASE WHEN (SELECT substr(min(q.purchased_at), 1, 7) FROM purchases q
                              WHERE q.customer_id = m.customer_id AND q.{COUNTED}) = month
                   THEN paid ELSE 0 END) AS new
        FROM m GROUP BY month
        """,
        {"start": starts[0].isoformat(), "after": end.isoformat()},
    )
    found = {r["month"]: (r["new"], r["total"]) for r in rows}
    out = []
    for start in starts:
        new, total = found.get(start.isoformat()[:7], (0, 0))
        out.append(MonthRevenue(start, new, total - new))
    return out


def visits_by_weekday_hour(
    store: Store, period: Period, rule: VisitRule
) -> tuple[tuple[int, ...], ...]:
    """The visits of the period by weekday (7 rows, Monday first) and hour (24 columns). A
    visit is placed at the time of its first purchase (with visits counted by day, the day's
    first purchase of the customer)."""
    if rule is VisitRule.EACH_PURCHASE:
        moments = f"SELECT purchased_at AS t FROM purchases WHERE {COUNTED} AND {_IN_PERIOD}"
    else:
        moments = (
            f"SELECT min(purchased_at) AS t FROM purchases WHERE {COUNTED} AND {_IN_PERIOD} "
            "GROUP BY customer_id, substr(purchased_at, 1, 10)"
        )
    rows = store.query(
        "SELECT CAST(strftime('%w', substr(t, 1, 10)) AS INTEGER) AS weekday, "
        "CAST(substr(t, 12, 2) AS INTEGER) AS hour, count(*) AS visits "
        f"FROM ({moments}) GROUP BY weekday, hour",
        bounds(period),
    )
    grid = [[0] * 24 for _ in range(7)]
    for r in rows:
        grid[(r["weekday"] + 6) % 7][r["hour"]] = r["visits"]
    return tuple(tuple(row) for row in grid)


_IN_PERIOD = "purchased_at >= :start AND purchased_at < :after"
