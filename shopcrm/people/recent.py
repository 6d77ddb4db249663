"""The customers the counter shows before anyone types: today's first, then the most recently
seen, newest visit first.

One query on the index of the customers' last visit (``customers_by_last_visit``, partial on
the customers not archived): it reads ``limit`` index entries backwards and nothing else, so
the counter's first screen costs the same for 300 customers or 100,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shopcrm.people.records import CUSTOMER_COLUMNS, Customer, customer_from_row
from shopcrm.storage.store import Store

RECENT_LIMIT = 50

RECENT_SQL = (
    f"SELECT {CUSTOMER_COLUMNS} FROM customers "
    "WHERE archived_at IS NULL AND last_visit IS NOT NULL "
    "ORDER BY last_visit DESC LIMIT :limit"
)
"""Customers (not archived) who ever came, the latest visit first."""


@dataclass(frozen=True)
class RecentCustomers:
    """Today's customers and then the most recently seen ones, in that order."""

    customers: list[Customer]
    """Newest visit first: the first ``today`` of them came today."""
    today: int
    """How many of ``customers`` came today."""


def recent_customers(store: Store, today: date, limit: int = RECENT_LIMIT) -> RecentCustomers:
    """Up to ``limit`` customers, those served ``today`` first, then the most recently seen."""
    rows = store.query(RECENT_SQL, {"limit": max(0, int(limit))})
    customers = [customer_from_row(row) for row in rows]
    day = today.isoformat()
    served_today = sum(1 for c in customers if (c.last_visit or "")[:10] == day)
    return RecentCustomers(customers, served_today)


__all__ = ["RECENT_LIMIT", "RECENT_SQL", "RecentCustomers", "recent_customers"]
