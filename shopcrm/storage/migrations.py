"""The database schema, as numbered steps. ``PRAGMA user_version`` says which steps have run.

A step is never edited once released: a change to the schema is a new step at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_folded TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    phone_digits TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    referred_by INTEGER REFERENCES customers(id),
    marketing_consent INTEGER NOT NULL DEFAULT 0,
    consent_date TEXT,
    visit_count INTEGER NOT NULL DEFAULT 0,
    total_spent INTEGER NOT NULL DEFAULT 0,
    last_visit TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX customers_by_phone ON customers(phone);
CREATE INDEX customers_by_name ON customers(name_folded);
-- Phone searches typed from the start of the number read this index alone, in any order.
CREATE INDEX customers_by_phone_digits
    ON customers(phone_digits, visit_count, last_visit, archived_at);

-- The one- and two-letter beginnings of every word of every folded name, each with the
-- customer's visits and last visit (kept in step by a trigger), so that a search of one or two
-- letters walks an index already in best-first order and stops after the first results.
CREATE TABLE customer_prefixes (
    prefix TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    starts_name INTEGER NOT NULL,
    visit_count INTEGER NOT NULL DEFAULT 0,
    last_visit TEXT,
    PRIMARY KEY (prefix, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_prefixes_best_first
    ON customer_prefixes(prefix, starts_name DESC, visit_count DESC, last_visit DESC);
CREATE INDEX customer_prefixes_of_customer ON customer_prefixes(customer_id);
CREATE TRIGGER customer_prefixes_follow_visits AFTER UPDATE OF visit_count, last_visit
    ON customers BEGIN
    UPDATE customer_prefixes SET visit_count = new.visit_count, last_visit = new.last_visit
    WHERE customer_id = new.id;
END;

-- Substrings of three or more characters of the folded name and the phone digits.
CREATE VIRTUAL TABLE customer_search USING fts5(text, tokenize = 'trigram');

CREATE TRIGGER customers_indexed AFTER INSERT ON customers BEGIN
    INSERT INTO customer_search(rowid, text)
    VALUES (new.id, new.name_folded || ' ' || new.phone_digits);
END;
CREATE TRIGGER customers_reindexed AFTER UPDATE OF name_folded, phone_digits ON customers BEGIN
    DELETE FROM customer_search WHERE rowid = old.id;
    INSERT INTO customer_search(rowid, text)
    VALUES (new.id, new.name_folded || ' ' || new.phone_digits);
END;
CREATE TRIGGER customers_never_deleted BEFORE DELETE ON customers BEGIN
    SELECT RAISE(ABORT, 'customers are archived, never deleted');
END;

CREATE TABLE purchases (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    note TEXT NOT NULL DEFAULT '',
    purchased_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    voided_at TEXT,
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchases_by_customer ON purchases(customer_id, purchased_at);
CREATE TRIGGER purchases_never_deleted BEFORE DELETE ON purchases BEGIN
    SELECT RAISE(ABORT, 'purchases are voided, never deleted');
END;
"""


SCHEMA_V2 = """
-- Birthdays: 'MM-DD', or 'YYYY-MM-DD' when the year is known.
ALTER TABLE customers ADD COLUMN birthday TEXT;

-- A purchase records the gross amount and the discount of the rewards redeemed with it.
ALTER TABLE purchases ADD COLUMN discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0);

CREATE TABLE loyalty_rules (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('visits', 'spending', 'birthday', 'welcome', 'referral')),
    every_visits INTEGER NOT NULL DEFAULT 0,
    every_spending INTEGER NOT NULL DEFAULT 0,
    days_before INTEGER NOT NULL DEFAULT 0,
    reward TEXT NOT NULL CHECK (reward IN ('percent', 'amount', 'gift')),
    value INTEGER NOT NULL DEFAULT 0,
    gift TEXT NOT NULL DEFAULT '',
    valid_days INTEGER NOT NULL CHECK (valid_days > 0),
    active INTEGER NOT NULL DEFAULT 1,
    -- Visits, spending and adjustments from this date on count ('' counts all history), so
    -- that a new rule does not pay out the whole past at once.
    counts_from TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every reward is a voucher with a code. What it is worth is copied from the rule when it is
-- issued, so editing a rule never changes a reward already given.
CREATE TABLE rewards (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    customer_id INTEGER REFERENCES customers(id),
    rule_id INTEGER REFERENCES loyalty_rules(id),
    cycle INTEGER,
    origin TEXT NOT NULL CHECK (origin IN ('rule', 'goodwill', 'gift')),
    reward TEXT NOT NULL CHECK (reward IN ('percent', 'amount', 'gift')),
    value INTEGER NOT NULL DEFAULT 0,
    gift TEXT NOT NULL DEFAULT '',
    issued_at TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    earned_by_purchase_id INTEGER REFERENCES purchases(id),
    redeemed_at TEXT,
    redeemed_purchase_id INTEGER REFERENCES purchases(id),
    voided_at TEXT,
    void_reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX rewards_once_per_cycle ON rewards(customer_id, rule_id, cycle)
    WHERE rule_id IS NOT NULL AND voided_at IS NULL;
CREATE INDEX rewards_of_customer ON rewards(customer_id);
CREATE INDEX rewards_of_purchase ON rewards(redeemed_purchase_id);
CREATE TRIGGER rewards_never_deleted BEFORE DELETE ON rewards BEGIN
    SELECT RAISE(ABORT, 'rewards are voided, never deleted');
END;
-- Single use, whatever the program does: a redeemed voucher cannot be redeemed again.
CREATE TRIGGER rewards_redeemed_once BEFORE UPDATE OF redeemed_at ON rewards
    WHEN old.redeemed_at IS NOT NULL AND new.redeemed_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'voucher already redeemed');
END;

-- Opening balances and corrections: visits and spending that count toward the rules.
CREATE TABLE adjustments (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    visits INTEGER NOT NULL DEFAULT 0,
    spending INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX adjustments_of_customer ON adjustments(customer_id);
CREATE TRIGGER adjustments_never_deleted BEFORE DELETE ON adjustments BEGIN
    SELECT RAISE(ABORT, 'adjustments are never deleted');
END;

-- The first rule of every shop: every 4th visit, 10% off, valid for 90 days. It counts the
-- visits from the first sale of the shop, as if the program had always been there.
INSERT INTO loyalty_rules
    (kind, every_visits, reward, value, valid_days, counts_from, created_at, updated_at)
VALUES ('visits', 4, 'percent', 10, 90, '',
        strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'),
        strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'));
"""


SCHEMA_V3 = """
-- Why a purchase was voided, as a code that reads right in either language (shopcrm.sales.voids);
-- void_reason keeps the shopkeeper's own words, if any.
ALTER TABLE purchases ADD COLUMN void_code TEXT;
-- A correction is a void plus a new purchase: the new one names the purchase it replaces.
ALTER TABLE purchases ADD COLUMN replaces_id INTEGER REFERENCES purchases(id);
CREATE INDEX purchases_replacing ON purchases(replaces_id) WHERE replaces_id IS NOT NULL;
UPDATE purchases SET void_code = 'undone', void_reason = ''
    WHERE voided_at IS NOT NULL AND void_reason IN ('Undone at the counter', 'Kasada geri alındı');
UPDATE purchases SET void_code = 'other' WHERE voided_at IS NOT NULL AND void_code IS NULL;

-- What was left of an amount voucher worth more than the purchase it was used in.
ALTER TABLE rewards ADD COLUMN remainder_of INTEGER REFERENCES rewards(id);
"""


def _run(script: str) -> Callable[[sqlite3.Connection], None]:
    def migrate(conn: sqlite3.Connection) -> None:
        for statement in _statements(script):
            conn.execute(statement)

    return migrate


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (triggers keep their inner semicolons)."""
    statements, current = [], ""
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _run(SCHEMA_V1),
    _run(SCHEMA_V2),
    _run(SCHEMA_V3),
]
LATEST = len(MIGRATIONS)
