"""The numbers' part of schema version 6 (``shopcrm.storage.schema_v6`` joins it with the rest).

The numbers of a month or a year are read from aggregates that the purchase transaction keeps
in step (triggers on ``purchases``, so every way a purchase is logged, voided or corrected
updates them in the same transaction):

- ``numbers_periods``: one row per customer and calendar month ('M', '2026-11') or year ('Y',
  '2026') with a counted purchase: the days with purchases, the purchases, what was paid, the
  discount, the first and last day, the purchases of the first day, and the customer's visit
  days around it (``before_day``: the last before the period, NULL when the first ever is in it;
  ``next_day``: the first after the period's first day; ``after_day``: the first after the
  period). A change to a customer's purchases rebuilds that customer's rows.
- ``numbers_totals``: the rows of each month and year added up (customers, new ones, paid, paid
  by new ones, purchases, days, discount, days between visits, customers who did not come in
  the following period), kept by taking a customer's old rows out and their new rows in.
- ``numbers_hours``: counted purchases per day and hour, for the chart of busy hours.
"""

from collections.abc import Callable

_DAYS = """
    SELECT customer_id, substr(purchased_at, 1, 10) AS day, count(*) AS n,
           sum(amount - discount) AS paid, sum(discount) AS discount
    FROM purchases WHERE voided_at IS NULL {only} GROUP BY customer_id, day
"""

ROWS_SQL = f"""
    WITH d AS ({_DAYS}),
    w AS (
        SELECT d.*, lag(day) OVER c AS prev_day, lead(day) OVER c AS following_day
        FROM d WINDOW c AS (PARTITION BY customer_id ORDER BY day)
    ),
    u AS (
        SELECT 'M' AS unit, substr(day, 1, 7) AS period, w.* FROM w
        UNION ALL SELECT 'Y', substr(day, 1, 4), w.* FROM w
    ),
    v AS (
        SELECT u.*,
               first_value(prev_day) OVER g AS before_day,
               first_value(following_day) OVER g AS next_day,
               first_value(n) OVER g AS first_n,
               last_value(following_day) OVER g AS after_day
        FROM u WINDOW g AS (PARTITION BY unit, period, customer_id ORDER BY day
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    SELECT unit, period, customer_id, days, purchases, paid, discount, first_day, last_day,
           first_n, before_day, next_day, after_day,
           CAST(julianday(next_day) - julianday(first_day) AS INTEGER) AS next_gap,
           CASE WHEN first_n >= 2 THEN 0
                ELSE CAST(julianday(next_day) - julianday(first_day) AS INTEGER) END
    FROM (
        SELECT unit, period, customer_id, count(*) AS days, sum(n) AS purchases,
               sum(paid) AS paid, sum(discount) AS discount, min(day) AS first_day,
               max(day) AS last_day, max(first_n) AS first_n, max(before_day) AS before_day,
               max(next_day) AS next_day, max(after_day) AS after_day
        FROM v GROUP BY unit, period, customer_id
    )
"""

_INSERT_ROWS = (
    "INSERT INTO numbers_periods (unit, period, customer_id, days, purchases, paid, discount, "
    "first_day, last_day, first_purchases, before_day, next_day, after_day, next_gap, "
    "next_gap_by_purchase) "
)

CONTRIBUTION_SQL = """
    SELECT unit, period, 1 AS customers, (before_day IS NULL) AS new, paid,
           CASE WHEN before_day IS NULL THEN paid ELSE 0 END AS paid_new, purchases, days,
           discount,
           CAST(julianday(last_day) - julianday(coalesce(before_day, first_day)) AS INTEGER)
               AS gap_days,
           (after_day IS NULL OR after_day > CASE unit
                WHEN 'M' THEN date(period || '-01', '+2 months', '-1 day')
                ELSE CAST(period + 1 AS TEXT) || '-12-31' END) AS left_after
    FROM numbers_periods WHERE customer_id = {who}
"""

TOTAL_COLUMNS = (
    "customers",
    "new",
    "paid",
    "paid_new",
    "purchases",
    "days",
    "discount",
    "gap_days",
    "left_after",
)


def _take_out(who: str) -> str:
    sets = ", ".join(f"{c} = numbers_totals.{c} - d.{c}" for c in TOTAL_COLUMNS)
    return (
        f"UPDATE numbers_totals SET {sets} FROM ({CONTRIBUTION_SQL.format(who=who)}) AS d "
        "WHERE numbers_totals.unit = d.unit AND numbers_totals.period = d.period;"
    )


def _put_in(who: str) -> str:
    columns = ", ".join(TOTAL_COLUMNS)
    sets = ", ".join(f"{c} = numbers_totals.{c} + excluded.{c}" for c in TOTAL_COLUMNS)
    return (
        f"INSERT INTO numbers_totals (unit, period, {columns}) "
        f"SELECT unit, period, {columns} FROM ({CONTRIBUTION_SQL.format(who=who)}) WHERE true "
        f"ON CONFLICT (unit, period) DO UPDATE SET {sets};"
    )


def _rebuild(who: str) -> str:
    """The statements (for a trigger's body) that rebuild one customer's aggregates."""
    return "\n    ".join(
        (
            _take_out(who),
            f"DELETE FROM numbers_periods WHERE customer_id = {who};",
            _INSERT_ROWS
            + ROWS_SQL.format(only=f"AND customer_id = {who}").replace("\n", "\n    ")
            + ";",
            _put_in(who),
        )
    )


def _touched(who: str, rows: tuple[str, ...]) -> str:
    """SQL: the months and years whose rows a change on the days of ``rows`` ('new', 'old')
    can alter: those of each day, of the customer's last visit day before it and of their
    first visit day after it.

    Why no others: a period's row holds its own days, and three days outside it: the last
    visit before it (``before_day``), the first after its first day (``next_day``) and the
    first after it (``after_day``). A day that gains its first purchase or loses its last one
    changes these only for the period holding the visit day just after it (``before_day``)
    and the one holding the visit day just before it (``next_day``, ``after_day``). A day
    whose purchases change but stays a visit day changes only its own period. Rebuilding a
    period that did not change writes the same row again, so a wider set is never wrong.
    """
    days = []
    for row in rows:
        day = f"substr({row}.purchased_at, 1, 10)"
        counted = f"FROM purchases WHERE customer_id = {who} AND voided_at IS NULL"
        days += [
            f"SELECT {day} AS day",
            f"SELECT (SELECT max(purchased_at) {counted} AND purchased_at < {day})",
            f"SELECT (SELECT min(purchased_at) {counted} "
            f"AND purchased_at >= date({day}, '+1 day'))",
        ]
    return (
        "SELECT u.unit AS unit, CASE u.unit WHEN 'M' THEN substr(x.day, 1, 7) "
        "ELSE substr(x.day, 1, 4) END AS period FROM (SELECT 'M' AS unit UNION ALL SELECT 'Y') "
        "AS u, (" + " UNION ".join(days) + ") AS x WHERE x.day IS NOT NULL"
    )


def _rows_of_periods(who: str, periods: str) -> str:
    """SQL: the ``numbers_periods`` rows (as ``ROWS_SQL`` makes them) of customer ``who`` for
    the months and years ``periods`` lists (unit, period), each read from the customer's
    purchases of that period and three steps down their index for the visits around it: not
    from their whole history (a regular has hundreds of visits)."""
    counted = f"FROM purchases WHERE customer_id = {who} AND voided_at IS NULL"
    return f"""
        SELECT unit, period, {who}, days, purchases, paid, discount, first_day, last_day,
               (SELECT count(*) {counted} AND purchased_at >= g.first_day
                  AND purchased_at < date(g.first_day, '+1 day')) AS first_n,
               before_day, next_day, after_day,
               CAST(julianday(next_day) - julianday(first_day) AS INTEGER),
               CASE WHEN (SELECT count(*) {counted} AND purchased_at >= g.first_day
                            AND purchased_at < date(g.first_day, '+1 day')) >= 2 THEN 0
                    ELSE CAST(julianday(next_day) - julianday(first_day) AS INTEGER) END
        FROM (
            SELECT b.*,
                   (SELECT substr(max(purchased_at), 1, 10) {counted}
                      AND purchased_at < b.start) AS before_day,
                   (SELECT substr(min(purchased_at), 1, 10) {counted}
                      AND purchased_at >= date(b.first_day, '+1 day')) AS next_day,
                   (SELECT substr(min(purchased_at), 1, 10) {counted}
                      AND purchased_at >= b.finish) AS after_day
            FROM (
                SELECT t.unit AS unit, t.period AS period, t.start AS start,
                       t.finish AS finish, count(DISTINCT substr(p.purchased_at, 1, 10)) AS days,
                       count(*) AS purchases, sum(p.amount - p.discount) AS paid,
                       sum(p.discount) AS discount,
                       substr(min(p.purchased_at), 1, 10) AS first_day,
                       substr(max(p.purchased_at), 1, 10) AS last_day
                FROM (
                    SELECT DISTINCT unit, period,
                           CASE unit WHEN 'M' THEN period || '-01' ELSE period || '-01-01' END
                               AS start,
                           CASE unit WHEN 'M' THEN date(period || '-01', '+1 month')
                                ELSE CAST(period + 1 AS TEXT) || '-01-01' END AS finish
                    FROM ({periods}) AS x
                ) AS t
                JOIN purchases p ON p.customer_id = {who} AND p.voided_at IS NULL
                    AND p.purchased_at >= t.start AND p.purchased_at < t.finish
                GROUP BY t.unit, t.period
            ) AS b
        ) AS g
    """


def _rebuild_touched(who: str, rows: tuple[str, ...]) -> str:
    """The statements (for a trigger's body) that rebuild one customer's rows of the months and
    years a change touches (``_touched``), and their totals: a purchase logged today rewrites
    this month's and this year's rows, not the customer's whole history."""
    only = f"(unit, period) IN ({_touched(who, rows)})"
    contribution = f"SELECT * FROM ({CONTRIBUTION_SQL.format(who=who)}) WHERE {only}"
    columns = ", ".join(TOTAL_COLUMNS)
    take_out = ", ".join(f"{c} = numbers_totals.{c} - d.{c}" for c in TOTAL_COLUMNS)
    put_in = ", ".join(f"{c} = numbers_totals.{c} + excluded.{c}" for c in TOTAL_COLUMNS)
    return "\n    ".join(
        (
            f"UPDATE numbers_totals SET {take_out} FROM ({contribution}) AS d "
            "WHERE numbers_totals.unit = d.unit AND numbers_totals.period = d.period;",
            f"DELETE FROM numbers_periods WHERE customer_id = {who} AND {only};",
            f"{_INSERT_ROWS} {_rows_of_periods(who, _touched(who, rows))};",
            f"INSERT INTO numbers_totals (unit, period, {columns}) "
            f"SELECT unit, period, {columns} FROM ({contribution}) WHERE true "
            f"ON CONFLICT (unit, period) DO UPDATE SET {put_in};",
        )
    )


def rebuild_sql(who: str) -> str:
    """The statements that rebuild one customer's aggregates (``who``: an SQL expression of
    their id), as the triggers run them; for a bulk change made without the triggers."""
    return _rebuild(who)


def _hour(row: str, sign: str) -> str:
    return (
        "INSERT INTO numbers_hours (day, hour, purchases) "
        f"SELECT substr({row}.purchased_at, 1, 10), CAST(substr({row}.purchased_at, 12, 2) "
        f"AS INTEGER), {sign}1 WHERE {row}.voided_at IS NULL "
        "ON CONFLICT (day, hour) DO UPDATE SET purchases = purchases + excluded.purchases;"
    )


_TABLES = """
-- The numbers read a period's counted purchases in order of time, and a customer's counted
-- purchases (their first, their last before a day) without reading the voided ones.
CREATE INDEX purchases_counted_by_time
    ON purchases(purchased_at, customer_id, amount, discount) WHERE voided_at IS NULL;
CREATE INDEX purchases_counted_by_customer
    ON purchases(customer_id, purchased_at) WHERE voided_at IS NULL;
-- The customers away longest, by their last visit.
CREATE INDEX customers_by_last_visit ON customers(last_visit) WHERE archived_at IS NULL;
-- A period's rewards and contacts.
CREATE INDEX rewards_by_issue ON rewards(issued_at);
CREATE INDEX rewards_by_redemption ON rewards(redeemed_at) WHERE redeemed_at IS NOT NULL;
CREATE INDEX rewards_by_expiry ON rewards(expires_on);
CREATE INDEX contacts_by_time ON contacts(happened_at, kind);

CREATE TABLE numbers_periods (
    unit TEXT NOT NULL CHECK (unit IN ('M', 'Y')),
    period TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    days INTEGER NOT NULL,
    purchases INTEGER NOT NULL,
    paid INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    first_purchases INTEGER NOT NULL,
    before_day TEXT,
    next_day TEXT,
    after_day TEXT,
    -- Days from the first day to the next visit: visits by day, and by purchase (0 when the
    -- first day had two purchases). NULL: no next visit yet.
    next_gap INTEGER,
    next_gap_by_purchase INTEGER,
    PRIMARY KEY (customer_id, unit, period)
) WITHOUT ROWID;
CREATE INDEX numbers_periods_by_period ON numbers_periods(unit, period, before_day, next_gap);
CREATE INDEX numbers_periods_repeat_by_purchase
    ON numbers_periods(unit, period, before_day, next_gap_by_purchase);

CREATE TABLE numbers_totals (
    unit TEXT NOT NULL,
    period TEXT NOT NULL,
    customers INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    paid INTEGER NOT NULL DEFAULT 0,
    paid_new INTEGER NOT NULL DEFAULT 0,
    purchases INTEGER NOT NULL DEFAULT 0,
    days INTEGER NOT NULL DEFAULT 0,
    discount INTEGER NOT NULL DEFAULT 0,
    gap_days INTEGER NOT NULL DEFAULT 0,
    left_after INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit, period)
) WITHOUT ROWID;

CREATE TABLE numbers_hours (
    day TEXT NOT NULL,
    hour INTEGER NOT NULL,
    purchases INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
) WITHOUT ROWID;

"""

FILL_STATEMENTS = (
    f"{_INSERT_ROWS} {ROWS_SQL.format(only='')}",
    f"""INSERT INTO numbers_totals (unit, period, {", ".join(TOTAL_COLUMNS)})
    SELECT unit, period, {", ".join(f"sum({c})" for c in TOTAL_COLUMNS)}
    FROM ({CONTRIBUTION_SQL.format(who="customer_id")}) GROUP BY unit, period""",
    """INSERT INTO numbers_hours (day, hour, purchases)
    SELECT substr(purchased_at, 1, 10), CAST(substr(purchased_at, 12, 2) AS INTEGER), count(*)
    FROM purchases WHERE voided_at IS NULL GROUP BY 1, 2""",
)
"""Fill the aggregates from the purchases (the migration; a bulk load after it)."""


def _triggers(rebuild: Callable[[str, tuple[str, ...]], str]) -> tuple[str, ...]:
    """The three triggers, each rebuilding through ``rebuild(who, days touched)``."""
    return tuple(
        "CREATE TRIGGER " + t.strip()
        for t in f"""
@@numbers_follow_a_new_purchase AFTER INSERT ON purchases BEGIN
    {rebuild("new.customer_id", ("new",))}
    {_hour("new", "+")}
END;

@@numbers_follow_a_changed_purchase
    AFTER UPDATE OF voided_at, purchased_at, amount, discount, customer_id ON purchases BEGIN
    {rebuild("old.customer_id", ("old", "new"))}
    {_hour("old", "-")}
    {_hour("new", "+")}
END;

@@numbers_follow_a_moved_purchase AFTER UPDATE OF customer_id ON purchases
    WHEN new.customer_id <> old.customer_id BEGIN
    {rebuild("new.customer_id", ("new",))}
END;
""".split("@@")[1:]
    )


V6_TRIGGER_STATEMENTS = _triggers(lambda who, _rows: _rebuild(who))
"""Schema version 6's triggers: each change rebuilt all of the customer's rows."""

TRIGGER_STATEMENTS = _triggers(_rebuild_touched)
"""The triggers that keep the aggregates in step with every change to a purchase (from schema
version 7: only the months and years the change touches)."""
TRIGGER_NAMES = tuple(t.split()[2] for t in TRIGGER_STATEMENTS)

NUMBERS_SQL = "\n".join((_TABLES, *(f"{s};" for s in FILL_STATEMENTS), *V6_TRIGGER_STATEMENTS))
