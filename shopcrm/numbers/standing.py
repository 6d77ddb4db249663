"""Where the customers stand on a day: how long each has been away (the lapsed figures) and
what they have paid so far (the lifetime value spent).

The cached figures of the customer row (last visit, total spent) hold for today. For an earlier
day, the customers who bought after it are read again: on a month's last day from the kept
aggregates (their first month or year after it says their last visit up to it), on any other
day from their purchases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shopcrm.numbers import days, kept
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
    if day < today:
        for band, n in enumerate(_came_back(store, day, limits)):
            away[band] += n
    spent, buyers = _spent(store, day, today)
    return Standing(day, tuple(away), spent, buyers)


def _came_back(store: Reading, day: date, limits: tuple[int, ...]) -> list[int]:
    """For each band of days away on ``day``, the customers (not archived) who came after it:
    read from the day tables, where the first visit after ``day`` holds the last one up to it
    (``prev``); the archived ones among them are looked up and taken away."""
    last = days.number(day)
    edges = [last - n for n in limits]
    cases = " ".join(f"WHEN {{0}} <= {edges[i]} THEN {i}" for i in range(len(edges) - 1, -1, -1))
    counts = [0] * len(limits)
    for r in store.query(
        f"SELECT CASE {cases.format('prev')} END AS band, sum(customers) AS n "
        "FROM numbers_day_visits WHERE day > :day AND kind >= 2 AND prev <= :edge "
        "GROUP BY band",
        {"day": last, "edge": edges[0]},
    ):
        counts[r["band"]] += r["n"]
    archived = (
        "SELECT CAST(julianday((SELECT max(q.purchased_at) FROM purchases q "
        f"WHERE q.customer_id = c.id AND q.{COUNTED} AND q.purchased_at < :after)) AS INTEGER) "
        "AS prev FROM customers c WHERE c.archived_at IS NOT NULL AND c.last_visit >= :after"
    )
    for r in store.query(
        f"SELECT CASE {cases.format('prev')} END AS band, count(*) AS n FROM ({archived}) "
        "WHERE prev <= :edge GROUP BY band",
        {"after": after(day), "edge": edges[0]},
    ):
        counts[r["band"]] -= r["n"]
    return counts


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
    span = {"a": days.number(month_start), "b": days.number(day)}
    row = store.one(
        "SELECT coalesce(sum(paid), 0) AS paid FROM numbers_day_paid WHERE day BETWEEN :a AND :b",
        span,
    )
    first = store.one(
        "SELECT coalesce(sum(customers), 0) AS n FROM numbers_day_visits "
        "WHERE day BETWEEN :a AND :b AND kind <= 1",
        span,
    )
    return paid + (int(row["paid"]) if row else 0), buyers + (int(first["n"]) if first else 0)
