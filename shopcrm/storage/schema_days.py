"""One step of ``MIGRATIONS``: the numbers of any range of days, kept by day.

The kept months and years (``schema_numbers``) answer a calendar month or year. A custom range
("1 to 15 November") used to read every purchase in it and look up each customer's visit before
it: seconds over ten million purchases. Two small tables, kept by the purchase transaction,
answer any range in a few index ranges instead (``shopcrm.numbers.days`` reads them):

- ``numbers_day_visits``: for each day, the customers who came that day, counted by the day of
  their visit before it (``prev``: -1 for a first visit ever) and by ``kind`` (0: a first visit
  with one purchase, 1: a first visit with two or more, 2: a second visit after a first day of
  one purchase, 3: a second visit after a first day of two or more, 4: any later visit). The
  customers of a range are those whose visit in it has ``prev`` before the range; the days
  between visits add up ``day - prev``; whether a new customer came again within N days is
  their second visit's ``day - prev``.
- ``numbers_day_paid``: for each day, the purchases, what was paid and the discounts, by the
  day of the customers' first visit (``first``): the revenue from customers new in a range is
  the rows whose ``first`` is in it.

Days are whole numbers (``CAST(julianday(day) AS INTEGER)``, ``date.toordinal() + 1721424``).

How they follow a change: a trigger before each change to a purchase writes down which days of
the customer it can alter (``numbers_day_scope``): the day itself, the customer's next visit
day after it (its ``prev`` and ``kind`` follow), and all their days when the change is on or
before their first visit day (the ``first`` of every row follows). It takes those days' rows out
as they were; a trigger after the change puts them in again as they are. A wider set of days is
never wrong: a day that did not change is taken out and put back the same.
"""

from __future__ import annotations

import sqlite3

from shopcrm.storage import schema_numbers
from shopcrm.storage.statements import statements

DAY_NUMBER = "CAST(julianday({}) AS INTEGER)"
"""SQL for an ISO day ('2026-11-15') as the tables' day number."""

_COUNTED = "FROM purchases WHERE customer_id = {who} AND voided_at IS NULL"

_VISITS = """
    WITH d AS (
        SELECT customer_id, substr(purchased_at, 1, 10) AS day, count(*) AS n,
               sum(amount - discount) AS paid, sum(discount) AS discount
        FROM purchases WHERE voided_at IS NULL {only} GROUP BY customer_id, day
    )
    SELECT d.*, lag(day) OVER c AS prev, first_value(day) OVER c AS first,
           first_value(n) OVER c AS first_n, row_number() OVER c AS k
    FROM d WINDOW c AS (PARTITION BY customer_id ORDER BY day)
"""
"""Every visit day of the customers in ``only``, with the customer's visit day before it, their
first visit day and how many purchases that first day had."""

_KIND = "CASE k WHEN 1 THEN (n >= 2) WHEN 2 THEN 2 + (first_n >= 2) ELSE 4 END"


def _put(source: str, sign: str) -> tuple[str, str]:
    """The two upserts adding (``sign`` '+') or taking out ('-') the visits of ``source``."""
    day, prev, first = (DAY_NUMBER.format(c) for c in ("day", "prev", "first"))
    return (
        "INSERT INTO numbers_day_visits (day, prev, kind, customers) "
        f"SELECT {day}, coalesce({prev}, -1), {_KIND}, {sign}count(*) FROM ({source}) "
        "WHERE true GROUP BY 1, 2, 3 "
        "ON CONFLICT (day, prev, kind) DO UPDATE SET customers = customers + excluded.customers",
        "INSERT INTO numbers_day_paid (day, first, purchases, paid, discount) "
        f"SELECT {day}, {first}, {sign}sum(n), {sign}sum(paid), {sign}sum(discount) "
        f"FROM ({source}) WHERE true GROUP BY 1, 2 "
        "ON CONFLICT (day, first) DO UPDATE SET purchases = purchases + excluded.purchases, "
        "paid = paid + excluded.paid, discount = discount + excluded.discount",
    )


def _in_scope(who: str) -> str:
    """The visit days of customer ``who`` written down in ``numbers_day_scope``, with the
    figures ``_VISITS`` gives them, each found by a few steps down the customer's index of
    purchases (not by reading their whole history: a regular has hundreds of visits)."""
    counted = _COUNTED.format(who=who)
    return f"""
        SELECT x.*, CASE WHEN prev IS NULL THEN 1 WHEN prev = first THEN 2 ELSE 3 END AS k,
               (SELECT count(*) {counted} AND purchased_at >= x.first
                  AND purchased_at < date(x.first, '+1 day')) AS first_n
        FROM (
            SELECT s.day AS day, count(*) AS n, sum(p.amount - p.discount) AS paid,
                   sum(p.discount) AS discount,
                   (SELECT substr(max(purchased_at), 1, 10) {counted}
                      AND purchased_at < s.day) AS prev,
                   (SELECT substr(min(purchased_at), 1, 10) {counted}) AS first
            FROM numbers_day_scope s JOIN purchases p ON p.customer_id = {who}
                AND p.voided_at IS NULL AND p.purchased_at >= s.day
                AND p.purchased_at < date(s.day, '+1 day')
            WHERE s.customer_id = {who} GROUP BY s.day
        ) AS x
    """


def _scope(who: str, rows: tuple[str, ...]) -> str:
    """SQL writing down the days of customer ``who`` that a change on the days of ``rows``
    ('new', 'old') can alter (see the module's note)."""
    days = [f"SELECT substr({row}.purchased_at, 1, 10) AS day" for row in rows]
    counted = _COUNTED.format(who=who)
    after = [
        f"SELECT (SELECT substr(min(purchased_at), 1, 10) {counted} "
        f"AND purchased_at >= date(substr({row}.purchased_at, 1, 10), '+1 day'))"
        for row in rows
    ]
    earliest = " OR ".join(
        f"substr({row}.purchased_at, 1, 10) <= coalesce((SELECT substr(min(purchased_at), 1, 10) "
        f"{counted}), '9999')"
        for row in rows
    )
    everything = f"SELECT DISTINCT substr(purchased_at, 1, 10) {counted} AND ({earliest})"
    return (
        "INSERT OR IGNORE INTO numbers_day_scope (customer_id, day) "
        f"SELECT {who}, day FROM ({' UNION '.join((*days, *after, everything))}) "
        "WHERE day IS NOT NULL"
    )


def _take_out(who: str, rows: tuple[str, ...]) -> str:
    return ";\n    ".join((_scope(who, rows), *_put(_in_scope(who), "-"))) + ";"


def _put_in(who: str) -> str:
    days = f"SELECT {DAY_NUMBER.format('day')} FROM numbers_day_scope WHERE customer_id = {who}"
    return (
        ";\n    ".join(
            (
                *_put(_in_scope(who), "+"),
                f"DELETE FROM numbers_day_visits WHERE customers = 0 AND day IN ({days})",
                f"DELETE FROM numbers_day_paid WHERE purchases = 0 AND day IN ({days})",
                f"DELETE FROM numbers_day_scope WHERE customer_id = {who}",
            )
        )
        + ";"
    )


TRIGGER_STATEMENTS = tuple(
    "CREATE TRIGGER " + t.strip()
    for t in f"""
@@numbers_days_before_a_new_purchase BEFORE INSERT ON purchases BEGIN
    {_take_out("new.customer_id", ("new",))}
END;

@@numbers_days_after_a_new_purchase AFTER INSERT ON purchases BEGIN
    {_put_in("new.customer_id")}
END;

@@numbers_days_before_a_changed_purchase
    BEFORE UPDATE OF voided_at, purchased_at, amount, discount, customer_id ON purchases BEGIN
    {_take_out("old.customer_id", ("old", "new"))}
END;

@@numbers_days_after_a_changed_purchase
    AFTER UPDATE OF voided_at, purchased_at, amount, discount, customer_id ON purchases BEGIN
    {_put_in("old.customer_id")}
END;

@@numbers_days_before_a_moved_purchase BEFORE UPDATE OF customer_id ON purchases
    WHEN new.customer_id <> old.customer_id BEGIN
    {_take_out("new.customer_id", ("new",))}
END;

@@numbers_days_after_a_moved_purchase AFTER UPDATE OF customer_id ON purchases
    WHEN new.customer_id <> old.customer_id BEGIN
    {_put_in("new.customer_id")}
END;
""".split("@@")[1:]
)
"""The triggers that keep the day tables in step with every change to a purchase."""
TRIGGER_NAMES = tuple(t.split()[2] for t in TRIGGER_STATEMENTS)

TABLES = """
CREATE TABLE numbers_day_visits (
    day INTEGER NOT NULL,
    prev INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    customers INTEGER NOT NULL,
    PRIMARY KEY (day, prev, kind)
) WITHOUT ROWID;
CREATE TABLE numbers_day_paid (
    day INTEGER NOT NULL,
    first INTEGER NOT NULL,
    purchases INTEGER NOT NULL,
    paid INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    PRIMARY KEY (day, first)
) WITHOUT ROWID;
CREATE TABLE numbers_day_scope (
    customer_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (customer_id, day)
) WITHOUT ROWID;
"""

FILL_STATEMENTS = _put(_VISITS.format(only=""), "+")
"""Fill the day tables from the purchases (the migration; a bulk load after it)."""


def take_out_all(conn: sqlite3.Connection, customer_id: int) -> None:
    """Take every day of one customer out of the day tables (before a change made without
    the triggers; ``put_in_all`` after it)."""
    who = str(int(customer_id))
    conn.execute(
        "INSERT OR IGNORE INTO numbers_day_scope (customer_id, day) "
        f"SELECT DISTINCT {who}, substr(purchased_at, 1, 10) {_COUNTED.format(who=who)}"
    )
    for statement in _put(_in_scope(who), "-"):
        conn.execute(statement)


def put_in_all(conn: sqlite3.Connection, customer_id: int) -> None:
    """Put every day of one customer back in the day tables, as they are now."""
    who = str(int(customer_id))
    conn.execute(
        "INSERT OR IGNORE INTO numbers_day_scope (customer_id, day) "
        f"SELECT DISTINCT {who}, substr(purchased_at, 1, 10) {_COUNTED.format(who=who)}"
    )
    for statement in statements(_put_in(who)):
        conn.execute(statement)


def migrate_days(conn: sqlite3.Connection) -> None:
    """Create the day tables, fill them from the purchases, and start the triggers; the kept
    months' and years' triggers are replaced too (``schema_numbers``: they now read a touched
    period from its own purchases, not the customer's whole history)."""
    for statement in statements(TABLES):
        conn.execute(statement)
    for statement in (*FILL_STATEMENTS, *TRIGGER_STATEMENTS):
        conn.execute(statement)
    for name in schema_numbers.TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in schema_numbers.TRIGGER_STATEMENTS:
        conn.execute(statement)
