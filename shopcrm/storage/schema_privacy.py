"""A schema step: the log of a customer's requests about their own data (KVKK, Article 11),
``privacy_requests``: what was done (their data exported, or erased), in which form, when and by
whom; never the data itself. A row is never changed nor deleted, and a customer erased stays
archived."""

from __future__ import annotations

import sqlite3

PRIVACY_SQL = (
    """
    CREATE TABLE privacy_requests (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        action TEXT NOT NULL CHECK (action IN ('data_export', 'erasure')),
        detail TEXT NOT NULL DEFAULT '',
        done_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX privacy_requests_of_customer ON privacy_requests(customer_id, done_at)",
    """
    CREATE TRIGGER privacy_requests_never_deleted BEFORE DELETE ON privacy_requests BEGIN
        SELECT RAISE(ABORT, 'privacy requests are kept, never deleted');
    END
    """,
    """
    CREATE TRIGGER erased_customers_stay_archived BEFORE UPDATE OF archived_at ON customers
        WHEN new.archived_at IS NULL AND EXISTS (SELECT 1 FROM privacy_requests p
            WHERE p.customer_id = old.id AND p.action = 'erasure') BEGIN
        SELECT RAISE(ABORT, 'an erased customer stays archived');
    END
    """,
    """
    CREATE TRIGGER privacy_requests_never_changed BEFORE UPDATE ON privacy_requests BEGIN
        SELECT RAISE(ABORT, 'a privacy request is never changed');
    END
    """,
)


def migrate_privacy(conn: sqlite3.Connection) -> None:
    """Add the log of privacy requests."""
    for statement in PRIVACY_SQL:
        conn.execute(statement)
