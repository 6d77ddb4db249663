"""One step of ``MIGRATIONS``: the Customers page sorts in SQL, and the search tables get lean.

- ``customers.name_sort``: the Turkish sort key of the name (``shopcrm.common.text.name_sort_key``,
  about a byte a letter), written by the core with the name and filled here for every customer;
  with one index per sortable column of the Customers page (active customers only), showing and
  sorting the page read a page of an index, the same at 1,000 customers and at 1,000,000.
- ``customer_prefixes`` (the one- and two-letter word beginnings): kept once, best first (its
  primary key is the order the search walks), where it was kept three times (the table, the
  best-first index, an index by customer); the triggers now keep it (a new customer, a rename,
  visits), finding a customer's rows by their whole key; the last visit in it is a number
  (Unix seconds: 4 bytes instead of 19), in the same order.
- ``customer_search`` (the trigram index): contentless and without column sizes. The text it
  indexes is the customers' own folded name and phone digits: it is no longer kept twice.

The step must be quick on a file of a million customers: every row is written once, in the order
of its new key, and each index is built once at the end.
"""

from __future__ import annotations

import sqlite3

from shopcrm.common.text import name_sort_key
from shopcrm.storage.statements import statements

SORT_KEY_FUNCTION = "shopcrm_name_sort_key"

UNIX_SECONDS = "coalesce(CAST(strftime('%s', {}) AS INTEGER), 0)"
"""SQL for an ISO time as Unix seconds, 0 for none (a key column is never NULL; 0 sorts last
when descending, as NULL did): how ``customer_prefixes`` keeps a customer's last visit."""

SEARCH_TEXT = "{0}.name_folded || ' ' || {0}.phone_digits"
"""What the trigram index holds for a customer row (``new``, ``old`` or ``customers``)."""

SORT_INDEXES = """
-- The Customers page: one index per sortable column, of the active customers (the page's list).
-- The last visit's is there (customers_by_last_visit); the phone's (customers_by_phone) holds
-- the archived too, for finding a number, and would look each row up to skip them.
CREATE INDEX customers_by_name_sort ON customers(name_sort) WHERE archived_at IS NULL;
CREATE INDEX customers_by_phone_listed ON customers(phone) WHERE archived_at IS NULL;
CREATE INDEX customers_by_email ON customers(email) WHERE archived_at IS NULL;
CREATE INDEX customers_by_tags ON customers(tags) WHERE archived_at IS NULL;
CREATE INDEX customers_by_visits ON customers(visit_count) WHERE archived_at IS NULL;
CREATE INDEX customers_by_spent ON customers(total_spent) WHERE archived_at IS NULL;
CREATE INDEX customers_by_since ON customers(created_at) WHERE archived_at IS NULL;
-- How many are archived: the page counts the active ones as all less these.
CREATE INDEX customers_archived ON customers(archived_at) WHERE archived_at IS NOT NULL;
"""

_WORDS = (
    "json_each('[\"' || replace(replace(replace({0}, '\\', '\\\\'), '\"', '\\\"'), "
    "' ', '\",\"') || '\"]')"
)
"""SQL: the words of a folded name (``{0}``) as rows (``key`` 0 for the first)."""

PREFIXES_OF = (
    "SELECT prefix, max(starts) AS starts_name FROM ("
    "SELECT substr(w.value, 1, n.len) AS prefix, w.key = 0 AS starts "
    f"FROM {_WORDS} w, (SELECT 1 AS len UNION ALL SELECT 2) n WHERE length(w.value) >= n.len "
    "UNION ALL SELECT CASE WHEN w.key = 0 THEN '' ELSE ' ' END || substr(w.value, 1, 3), "
    f"w.key = 0 FROM {_WORDS} w WHERE length(w.value) >= 3 "
    f"UNION ALL SELECT '=' || w.value, 0 FROM {_WORDS} w WHERE w.key > 0 AND length(w.value) >= 3"
    ") GROUP BY prefix"
)
"""SQL: the keys of a folded name (``{0}``) with whether each begins the name: the one- and
two-letter beginnings of its words, the three-letter ones ("ali"; " ali" for a later word) and
the later words whole ("=kaya"): what ``shopcrm.people.search.prefix_rows`` makes, in SQL, so
that the triggers find a customer's rows by their whole key."""

_OLD_ROWS = (
    f"prefix IN (SELECT prefix FROM ({PREFIXES_OF.format('old.name_folded')})) "
    "AND starts_name IN (0, 1) AND visit_count = old.visit_count "
    f"AND last_visit IS {UNIX_SECONDS.format('old.last_visit')} AND customer_id = old.id"
)
_NEW_ROWS = (
    "INSERT OR IGNORE INTO customer_prefixes "
    "(prefix, customer_id, starts_name, visit_count, last_visit) "
    f"SELECT prefix, new.id, starts_name, new.visit_count, {UNIX_SECONDS.format('new.last_visit')} "
    f"FROM ({PREFIXES_OF.format('new.name_folded')})"
)

LEAN_PREFIXES = f"""
DROP TRIGGER customer_prefixes_follow_visits;
-- One row per word beginning and customer, kept once, in the order the search reads them (best
-- first); the triggers find a customer's rows by their whole key, from the name and visits.
-- (The columns in the key's order: SQLite 3.40's quick_check misreads a WITHOUT ROWID table
-- whose key columns come in another order, and calls the file damaged.)
CREATE TABLE customer_prefixes_lean (
    prefix TEXT NOT NULL,
    starts_name INTEGER NOT NULL,
    visit_count INTEGER NOT NULL DEFAULT 0,
    last_visit INTEGER NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    PRIMARY KEY (prefix, starts_name DESC, visit_count DESC, last_visit DESC, customer_id)
) WITHOUT ROWID;
INSERT INTO customer_prefixes_lean (prefix, customer_id, starts_name, visit_count, last_visit)
    SELECT prefix, customer_id, starts_name, visit_count, {UNIX_SECONDS.format("last_visit")}
    FROM customer_prefixes INDEXED BY customer_prefixes_best_first
    ORDER BY prefix, starts_name DESC, visit_count DESC, last_visit DESC, customer_id;
DROP TABLE customer_prefixes;
ALTER TABLE customer_prefixes_lean RENAME TO customer_prefixes;
CREATE TRIGGER customer_prefixes_of_new AFTER INSERT ON customers BEGIN
    {_NEW_ROWS};
END;
CREATE TRIGGER customer_prefixes_of_renamed AFTER UPDATE OF name_folded ON customers BEGIN
    DELETE FROM customer_prefixes WHERE {_OLD_ROWS};
    {_NEW_ROWS};
END;
CREATE TRIGGER customer_prefixes_follow_visits AFTER UPDATE OF visit_count, last_visit
    ON customers BEGIN
    UPDATE customer_prefixes
    SET visit_count = new.visit_count, last_visit = {UNIX_SECONDS.format("new.last_visit")}
    WHERE {_OLD_ROWS};
END;
"""

LEAN_SEARCH = f"""
DROP TRIGGER customers_indexed;
DROP TRIGGER customers_reindexed;
DROP TABLE customer_search;
CREATE VIRTUAL TABLE customer_search USING fts5(
    text, tokenize = 'trigram', content = '', columnsize = 0
);
INSERT INTO customer_search(rowid, text) SELECT id, {SEARCH_TEXT.format("customers")}
    FROM customers;
CREATE TRIGGER customers_indexed AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search(rowid, text) VALUES (new.id, {SEARCH_TEXT.format("new")});
END;
CREATE TRIGGER customers_reindexed AFTER UPDATE OF name_folded, phone_digits ON customers BEGIN
    INSERT INTO customer_search(customer_search, rowid, text)
    VALUES ('delete', old.id, {SEARCH_TEXT.format("old")});
    INSERT INTO customer_search(rowid, text) VALUES (new.id, {SEARCH_TEXT.format("new")});
END;
"""


def migrate_lean_customers(conn: sqlite3.Connection) -> None:
    """Add and fill ``customers.name_sort`` with the page's indexes; slim the search tables."""
    conn.create_function(SORT_KEY_FUNCTION, 1, name_sort_key, deterministic=True)
    conn.execute("ALTER TABLE customers ADD COLUMN name_sort TEXT")
    conn.execute(f"UPDATE customers SET name_sort = {SORT_KEY_FUNCTION}(name)")
    for script in (SORT_INDEXES, LEAN_PREFIXES, LEAN_SEARCH):
        for statement in statements(script):
            conn.execute(statement)
