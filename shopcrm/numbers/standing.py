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
from shopcrm.storage.store import Store


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
    if day == kept.month_end(day):
        # Their first month after the day (in its year) or their first year after it says their
        # last visit up to it: one index range each.
        later = [("M", f"{day.year}-{m:02d}") for m in range(day.month + 1, 13)]
        later += [("Y", str(y)) for y in range(day.year + 1, today.year + 1)]
        return (
            " UNION ALL ".join(
                "SELECT p.customer_id AS id, p.before_day AS last FROM numbers_periods p "
                "JOIN customers c ON c.id = p.customer_id WHERE c.archived_at IS NULL "
                f"AND p.unit = '{unit}' AND p.period = '{key}' AND p.before_day < :edge"
                for unit, key in later
            )
            or "SELECT NULL AS id, NULL AS last WHERE 0"
        )
    came = (
        "SELECT c.id, (SELECT max(q.purchased_at) FROM purchases q WHERE q.customer_id = c.id "
        f"AND q.{COUNTED} AND q.purchased_at < :after) AS last FROM customers c "
        "WHERE c.archived_at IS NULL AND c.last_visit >= :after"
    )
    return f"SELECT id, last FROM ({came}) WHERE last < :edge"


def standing(store: Store, day: date, limits: tuple[int, ...], today: date) -> Standing:
    """How the customers stood at the end of ``day``, away by ``limits`` (days)."""
    limits = tuple(sorted(limits))
    edges = _edges(day, limits)
    params = {"edge": edges[0], "after": after(day)}
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


def away_ids(store: Store, day: date, limits: tuple[int, ...], band: int, today: date) -> set[int]:
    """The customers in one band of days away on ``day`` (0: the first limit to the second)."""
    limits = tuple(sorted(limits))
    edges = _edges(day, limits)
    lasts = f"{_STAYED} UNION ALL {_came(day, today)}"
    rows = store.query(
        f"SELECT id FROM ({lasts}) WHERE {_band(edges, 'last')} = :band",
        {"edge": edges[0], "after": after(day), "band": band},
    )
    return {r["id"] for r in rows}


def _spent(store: Store, day: date, today: date) -> tuple[int, int]:
    """Kuruş paid and customers who had bought, up to the end of ``day``."""
    if day >= today or day == kept.month_end(day):
        return kept.spent_so_far(store, day)
    row = store.one(
        "SELECT coalesce(sum(amount - discount), 0) AS paid, count(DISTINCT customer_id) AS buyers "
        f"FROM purchases WHERE {COUNTED} AND purchased_at < :after",
        {"after": after(day)},
    )
    return (int(row["paid"]), int(row["buyers"])) if row else (0, 0)
