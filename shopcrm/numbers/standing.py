"""Where the customers stand on a day: how long each has been away (the lapsed figures) and
what they have paid so far (the lifetime value spent). The cached figures of the customer row
(last visit, total spent, visits) hold for today; only the customers who bought after the day
are read again from their purchases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shopcrm.numbers.visitors import COUNTED, after
from shopcrm.storage.store import Store


@dataclass(frozen=True)
class Standing:
    """The customers as they stood at the end of ``day``."""

    day: date
    away: tuple[frozenset[int], ...]
    """For each limit (ascending), the customers (not archived) whose last visit was at least
    that many days before ``day`` and less than the next limit."""
    spent: int
    """Kuruş paid by every customer up to the end of ``day``."""
    buyers: int
    """Customers with a counted purchase up to the end of ``day``."""


def standing(store: Store, day: date, limits: tuple[int, ...]) -> Standing:
    """How the customers stood at the end of ``day``, away by ``limits`` (days)."""
    limits = tuple(sorted(limits))
    later = store.query(
        f"""
        WITH later AS (
            SELECT customer_id AS id, sum(amount - discount) AS paid_after
            FROM purchases WHERE {COUNTED} AND purchased_at >= :after GROUP BY customer_id
        )
        SELECT later.id, later.paid_after, c.archived_at IS NOT NULL AS archived,
               (SELECT max(q.purchased_at) FROM purchases q WHERE q.customer_id = later.id
                AND q.{COUNTED} AND q.purchased_at < :after) AS last
        FROM later JOIN customers c ON c.id = later.id
        """,
        {"after": after(day)},
    )
    edges = [after(day - timedelta(days=n)) for n in limits]
    # Edges descend: away >= limits[i] means last visit before edges[i].
    kept = store.query(
        "SELECT id, last_visit AS last FROM customers "
        "WHERE archived_at IS NULL AND last_visit < :edge",
        {"edge": edges[0]},
    )
    lasts = [(r["id"], r["last"]) for r in kept]
    lasts += [(r["id"], r["last"]) for r in later if r["last"] is not None and not r["archived"]]
    bands: list[set[int]] = [set() for _ in limits]
    for customer_id, last in lasts:
        for i in range(len(limits) - 1, -1, -1):
            if last < edges[i]:
                bands[i].add(customer_id)
                break
    totals = store.one(
        "SELECT coalesce(sum(total_spent), 0) AS spent, count(*) AS buyers FROM customers "
        "WHERE visit_count > 0"
    )
    spent = int(totals["spent"]) if totals else 0
    buyers = int(totals["buyers"]) if totals else 0
    spent -= sum(r["paid_after"] for r in later)
    buyers -= sum(1 for r in later if r["last"] is None)
    return Standing(day, tuple(frozenset(b) for b in bands), spent, buyers)
