"""A step of ``MIGRATIONS``: the numbers' triggers rebuild only the months and years a change
touches, not the customer's whole history (``schema_numbers.TRIGGER_STATEMENTS``). A purchase
logged at the counter then writes a third fewer pages: the time it adds to the counter's
transaction is the benchmark's ``log a purchase`` figure."""

from __future__ import annotations

import sqlite3

from shopcrm.storage.schema_numbers import TRIGGER_NAMES, TRIGGER_STATEMENTS


def migrate_kept(conn: sqlite3.Connection) -> None:
    """Replace the numbers' triggers with the ones that rebuild only what a change touches."""
    for name in TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in TRIGGER_STATEMENTS:
        conn.execute(statement)
