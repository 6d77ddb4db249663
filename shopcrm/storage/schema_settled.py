"""A schema step: ``settled_cycles``, the rounds of a loyalty rule a customer completed before
the shop kept them here (a till's or a stamp card's history, imported): their visits and
spending count toward the next reward, and no reward is issued for those past rounds."""

from __future__ import annotations

import sqlite3

SETTLED_SQL = """
    CREATE TABLE settled_cycles (
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        rule_id INTEGER NOT NULL REFERENCES loyalty_rules(id),
        cycles INTEGER NOT NULL CHECK (cycles >= 0),
        PRIMARY KEY (customer_id, rule_id)
    ) WITHOUT ROWID
"""


def migrate_settled(conn: sqlite3.Connection) -> None:
    """Add the table of rounds settled before the shop kept the customer here."""
    conn.execute(SETTLED_SQL)
