"""Moving many purchases from one customer to another at once, with the numbers' aggregates
rebuilt once per customer instead of once per purchase.

The aggregates follow every purchase through triggers (``schema_numbers``): each moved purchase
rebuilds both customers' rows, so moving a thousand purchases one trigger at a time rebuilds them
two thousand times (seconds). Inside the caller's transaction, ``bulk_move`` takes the
triggers away, lets the caller move the purchases, rebuilds each customer's aggregates once with
the triggers' own statements, and puts the triggers back as they were: all or nothing, with the
transaction. The busy hours do not change when a purchase changes hands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from shopcrm.storage import schema_days, schema_numbers
from shopcrm.storage.statements import statements


@contextmanager
def bulk_move(conn: sqlite3.Connection, customer_ids: tuple[int, ...]) -> Iterator[None]:
    """Move purchases between ``customer_ids`` inside; their aggregates are rebuilt after.
    Must run inside a transaction."""
    assert conn.in_transaction
    names = schema_numbers.TRIGGER_NAMES + schema_days.TRIGGER_NAMES
    marks = ", ".join("?" for _name in names)
    triggers = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        names,
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for customer_id in customer_ids:
        schema_days.take_out_all(conn, customer_id)
    yield
    for customer_id in customer_ids:
        for statement in statements(schema_numbers.rebuild_sql(str(int(customer_id)))):
            conn.execute(statement)
        schema_days.put_in_all(conn, customer_id)
    for _name, sql in triggers:
        conn.execute(sql)
