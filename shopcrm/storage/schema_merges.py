"""The merges of two customers into one (``shopcrm.people.merging``): one step of ``MIGRATIONS``.

A merge is logged with every value it changed, row by row, so that undoing it puts each one back.
"""

from __future__ import annotations

import sqlite3

MERGES_SQL = """
-- One customer merged into another: who was kept, who was merged, when; undone_at once undone.
-- A customer is merged into one other at a time.
CREATE TABLE customer_merges (
    id INTEGER PRIMARY KEY,
    kept_id INTEGER NOT NULL REFERENCES customers(id),
    merged_id INTEGER NOT NULL REFERENCES customers(id),
    merged_at TEXT NOT NULL,
    undone_at TEXT,
    CHECK (kept_id <> merged_id)
);
CREATE UNIQUE INDEX customer_merges_once ON customer_merges(merged_id) WHERE undone_at IS NULL;
CREATE INDEX customer_merges_of_kept ON customer_merges(kept_id);
CREATE TRIGGER customer_merges_never_deleted BEFORE DELETE ON customer_merges BEGIN
    SELECT RAISE(ABORT, 'merges are undone, never deleted');
END;

-- Every value a merge changed: the table, the row, the column, the value before and after.
CREATE TABLE customer_merge_changes (
    merge_id INTEGER NOT NULL REFERENCES customer_merges(id),
    step INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    column_name TEXT NOT NULL,
    old_value,
    new_value,
    PRIMARY KEY (merge_id, step, table_name, row_id, column_name)
) WITHOUT ROWID;
"""


def migrate_merges(conn: sqlite3.Connection) -> None:
    """Add the tables that log merges of customers (inside the migration's transaction)."""
    statement = ""
    for line in MERGES_SQL.splitlines():
        if line.strip().startswith("--"):
            continue
        statement += line + "\n"
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
