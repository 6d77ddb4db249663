"""The word starts of three letters, one step of ``MIGRATIONS``.

A search that hits many names ("yıl", "kay", "ali": tens of thousands of a million) must not
rank every match. ``customer_prefixes`` already keeps the one- and two-letter beginnings of
every word in best-first order; this step adds the three-letter beginnings, in two kinds:
"ali" for the first word of the name (``starts_name`` 1) and " ali" (a space before it) for a
later word (``starts_name`` 0). Then the names starting with what was typed, and those with a
later word starting with it, are each read best first from the index and stop at the limit
(see ``shopcrm.people.search``). Each later word of three letters or more is kept whole too,
"=kaya", so that the names with a later word starting with what was typed are counted, and when
they are few (a rare "gule" among the many "gül...") ranked, without walking every name that
shares its first three letters (the names' own index does this for their first word). The
visits trigger keeps the new rows in step like the others.

The same for phone numbers: "0532" starts a tenth of a shop's numbers. An index on the first
three digits, best first, lets the numbers starting with what was typed be walked in that
order and stop at the limit; SQLite keeps it in step by itself.
"""

from __future__ import annotations

import sqlite3

START_LENGTH = 3
LATER_WORD = " "
"""Put before the three-letter start of a word that is not the first of the name."""
WHOLE_WORD = "="
"""Put before a later word kept whole."""


def word_starts(name_folded: str) -> dict[str, int]:
    """The three-letter keys of a folded name and its later words whole, and whether each
    begins the name."""
    starts: dict[str, int] = {}
    for position, word in enumerate(name_folded.split()):
        if len(word) < START_LENGTH:
            continue
        if position == 0:
            starts[word[:START_LENGTH]] = 1
        else:
            starts[LATER_WORD + word[:START_LENGTH]] = 0
            starts[WHOLE_WORD + word] = 0
    return starts


PHONE_STARTS = """
CREATE INDEX IF NOT EXISTS customers_by_phone_start ON customers(
    substr(phone_digits, 1, 3), visit_count DESC, last_visit DESC, phone_digits, archived_at
)
"""


def migrate_search(conn: sqlite3.Connection) -> None:
    """Add the three-letter word starts of every customer's name to ``customer_prefixes``, and
    the index of the phone numbers' first three digits, best first."""
    conn.execute(PHONE_STARTS)
    rows = conn.execute("SELECT id, name_folded, visit_count, last_visit FROM customers")
    conn.executemany(
        "INSERT OR IGNORE INTO customer_prefixes"
        "(prefix, customer_id, starts_name, visit_count, last_visit) VALUES (?, ?, ?, ?, ?)",
        (
            (key, customer_id, first, visits, last)
            for customer_id, name_folded, visits, last in rows
            for key, first in word_starts(name_folded).items()
        ),
    )
