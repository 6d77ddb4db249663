"""Where the customers stand on a day: how long each has been away (the lapsed figures) and
what they have paid so far (the lifetime value spent).

The cached figures of the customer row (last visit, total spent) hold for today. For an earlier
day, the customers who bought after it are read again: on a month's last day from the kept
aggregates (their first month or year after it says their last visit up to it), on any other
day from their purchases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shopcrm.numbers import kept
from shopcrm.numbers.visitors import COUNTED, after
from shopcrm.storage.reading import Reading


@dataclass(frozen=True)
class Standing:
    """The customers as they stood at the end of ``day``."""

    day: date
    away: tuple[int, ...]
    """For each limit (ascending), how many customers (not archived) had their last visit at
    least that many days before ``day`` and less than the next limit."""
    spent: int
    """Kuruş paid by every customer up to the end of ``day``."""
    buyers: int
    """Customers with a counted purchase up to the end of ``day``."""


def _edges(day: date, limits: tuple[int, ...]) -> list[str]:
    """Away at least ``limits[i]`` days on ``day`` means a last visit before ``edges[i]``."""
    return [after(day - timedelta(days=n)) for n in limits]


def _band(edges: list[str], column: str) -> str:
    cases = " ".join(f"WHEN {column} < '{edges[i]}' THEN {i}" for i in range(len(edges) - 1, 0, -1))
    return f"CASE {cases} ELSE 0 END"


_STAYED = (
    "SELECT id, last_visit AS last FROM customers WHERE archived_at IS NULL AND last_visit < :edge"
)
"""The customers who did not come after the day: their cached last visit is their last up to it."""


def _came(day: date, today: date) -> str:
    """SQL listing (id, last) for the customers (not archived) who bought after ``day`` and
    whose last visit up to it was before ``:edge``."""
    if day >= today:
        return "SELECT NULL AS id, NULL AS last WHERE 0"
    end = kept.month_end(day)
    # Their first month after the month's end (in its year) or their first year after it says
    # their last visit up to it: one index range each.
    later = [("M", f"{end.year}-{m:02d}") for m in range(end.month + 1, 13)]
    later += [("Y", str(y)) for y in range(end.year + 1, today.year + 1)]
    parts = [
        "SELECT p.customer_id AS id, p.before_day AS last FROM numbers_periods p "
        "JOIN customers c ON c.id = p.customer_id WHERE c.archived_at IS NULL "
        f"AND p.unit = '{unit}' AND p.period = '{key}' AND p.before_day < :edge"
        for unit, key in later
    ]
    if day < end:
        # Those who came later in the day's own month: the visit before the month, or their
        # last purchase up to the day when they came on both sides of it.
        parts.append(
            "SELECT id, last FROM (SELECT p.customer_id AS id, CASE WHEN p.first_day > :day "
            "THEN p.before_day ELSE (SELECT max(q.purchased_at) FROM purchases q "
            f"WHERE q.customer_id = p.customer_id AND q.{COUNTED} AND q.purchased_at < :after) "
            "END AS last FROM numbers_periods p JOIN customers c ON c.id = p.customer_id "
            f"WHERE c.archived_at IS NULL AND p.unit = 'M' AND p.period = '{end.isoformat()[:7]}' "
            "AND p.last_day > :day) WHERE last < :edge"
        )
    return " UNION ALL ".join(parts) or "SELECT NULL AS id, NULL AS last WHERE 0"


def standing(store: Reading, day: date, limits: tuple[int, ...], today: date) -> Standing:
    """How the customers stood at the end of ``day``, away by ``limits`` (days)."""
    limits = tuple(sorted(limits))
    edges = _edges(day, limits)
    params = {"edge": edges[0], "after": after(day), "day": day.isoformat()}
    # Those who stayed away since: one index range count per band.
    bounds = [*edges[1:], ""]
    counts = [
        store.one(
            "SELECT count(*) AS n FROM customers WHERE archived_at IS NULL "
            "AND last_visit >= :low AND last_visit < :high",
            {"low": low, "high": high},
        )
        for low, high in zip(bounds, edges, strict=True)
    ]
    away = [int(row["n"]) if row else 0 for row in counts]
    for r in store.query(
        f"SELECT {_band(edges, 'last')} AS band, count(*) AS n FROM ({_came(day, today)}) "
        "GROUP BY band",
        params,
    ):
        away[r["band"]] += r["n"]
    spent, buyers = _spent(store, day, today)
    return Standing(day, tuple(away), spent, buyers)


def away_ids(
    store: Reading, day: date, limits: tuple[int, ...], band: int, today: date
) -> set[int]:
    """The customers in one band of days away on ``day`` (0: the first limit to the second)."""
    limits = tuple(sorted(limits))
    edges = _edges(day, limits)
    lasts = f"{_STAYED} UNION ALL {_came(day, today)}"
    rows = store.query(
        f"SELECT id FROM ({lasts}) WHERE {_band(edges, 'last')} = :band",
        {"edge": edges[0], "after": after(day), "day": day.isoformat(), "band": band},
    )
    return {r["id"] for r in rows}


def _spent(store: Reading, day: date, today: date) -> tuple[int, int]:
    """Kuruş paid and customers who had bought, up to the end of ``day``: the kept months
    before its month, and the days of its month up to it."""
    if day >= today or day == kept.month_end(day):
        return kept.spent_so_far(store, day)
    month_start = day.replace(day=1)
    paid, buyers = kept.spent_so_far(store, month_start - timedelta(days=1))
    row = store.one(
        "SELECT coalesce(sum(amount - discount), 0) AS paid FROM purchases "
        f"WHERE {COUNTED} AND purchased_at >= :start AND purchased_at < :after",
        {"start": month_start.isoformat(), "after": after(day)},
    )
    first = store.one(
        "SELECT count(*) AS n FROM numbers_periods WHERE unit = 'M' AND period = :month "
        "AND before_day IS NULL AND first_day <= :day",
        {"month": month_start.isoformat()[:7], "day": day.isoformat()},
    )
    return paid + (int(row["paid"]) if row else 0), buyers + (int(first["n"]) if first else 0)
