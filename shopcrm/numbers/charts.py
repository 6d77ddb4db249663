"""The series the Numbers page draws: revenue by month split between new and returning
customers, and visits by weekday and hour."""

from __future__ import annotations

from datetime import date, timedelta

from shopcrm.numbers.figures import MonthRevenue
from shopcrm.numbers.periods import Period
from shopcrm.storage.reading import Reading


def month_starts(months: int, until: date) -> list[date]:
    """The first days of ``months`` calendar months, oldest first, the last being ``until``'s."""
    first = until.replace(day=1)
    out = [first]
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return out[::-1]


def revenue_by_month(store: Reading, months: int, until: date) -> list[MonthRevenue]:
    """What customers paid in each of ``months`` calendar months up to ``until``'s, oldest
    first: "new" from customers whose first visit ever was in that month, "returning" from
    those who had come before it. A month without sales has 0 and 0."""
    starts = month_starts(months, until)
    rows = store.query(
        "SELECT period, paid, paid_new FROM numbers_totals "
        "WHERE unit = 'M' AND period BETWEEN ? AND ?",
        (starts[0].isoformat()[:7], starts[-1].isoformat()[:7]),
    )
    found = {r["period"]: (r["paid_new"], r["paid"] - r["paid_new"]) for r in rows}
    return [MonthRevenue(start, *found.get(start.isoformat()[:7], (0, 0))) for start in starts]


def visits_by_weekday_hour(store: Reading, period: Period) -> tuple[tuple[int, ...], ...]:
    """The period's visits to the shop in 7 rows (Monday to Sunday) of 24 hours: each counted
    purchase at the hour it was made (two purchases of a customer on one day are two trips to
    the counter, whatever counts as a visit for the rewards)."""
    rows = store.query(
        "SELECT day, hour, purchases FROM numbers_hours WHERE day BETWEEN ? AND ? "
        "AND purchases > 0",
        (period.start.isoformat(), period.end.isoformat()),
    )
    grid = [[0] * 24 for _ in range(7)]
    for r in rows:
        grid[date.fromisoformat(r["day"]).weekday()][r["hour"]] += r["purchases"]
    return tuple(tuple(row) for row in grid)
