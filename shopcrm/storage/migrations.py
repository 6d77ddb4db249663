"""The database schema, as numbered steps. ``PRAGMA user_version`` says which steps have run.

A step is never edited once released: a change to the schema is a new step at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from shopcrm.storage.schema_days import migrate_days
from shopcrm.storage.schema_kept import migrate_kept
from shopcrm.storage.schema_lean_customers import migrate_lean_customers
from shopcrm.storage.schema_merges import migrate_merges
from shopcrm.storage.schema_privacy import migrate_privacy
from shopcrm.storage.schema_search import migrate_search
from shopcrm.storage.schema_settled import migrate_settled
from shopcrm.storage.schema_v6 import SCHEMA_V6
from shopcrm.storage.statements import statements

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


SCHEMA_V4 = """
-- Occasions: birthdays, wedding anniversaries, engagements, a child's birthday or graduation,
-- name days, and any other date the shop keeps for a customer. A day and a month, with the
-- year when it is known; yearly, or once (a one-off date, whose year is then required).
-- ``whose`` is '' for the customer's own, or e.g. 'kızı Elif'. ``notice_days`` NULL takes the
-- kind's default from the settings. An occasion is removed, never deleted.
CREATE TABLE occasions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL CHECK (kind IN ('birthday', 'wedding', 'engagement', 'child_birthday',
                                       'child_graduation', 'name_day', 'other')),
    label TEXT NOT NULL DEFAULT '',
    whose TEXT NOT NULL DEFAULT '',
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
    year INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2200),
    yearly INTEGER NOT NULL DEFAULT 1 CHECK (yearly IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    notice_days INTEGER CHECK (notice_days IS NULL OR notice_days BETWEEN 0 AND 90),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    removed_at TEXT,
    CHECK (yearly = 1 OR year IS NOT NULL)
);
CREATE INDEX occasions_of_customer ON occasions(customer_id);
CREATE INDEX occasions_by_day ON occasions(month, day) WHERE removed_at IS NULL;
CREATE TRIGGER occasions_never_deleted BEFORE DELETE ON occasions BEGIN
    SELECT RAISE(ABORT, 'occasions are removed, never deleted');
END;
-- A customer has one birthday of their own (``Customer.birthday`` reads it from here).
CREATE UNIQUE INDEX occasions_own_birthday ON occasions(customer_id)
    WHERE kind = 'birthday' AND whose = '' AND removed_at IS NULL;

-- The birthday of the customer record becomes their birthday occasion: one place for the date.
-- A value that is no date (the app never wrote one) is kept in the customer's notes instead.
INSERT INTO occasions (customer_id, kind, month, day, year, yearly, created_at, updated_at)
    SELECT id, 'birthday', CAST(substr(birthday, -5, 2) AS INTEGER),
           CAST(substr(birthday, -2) AS INTEGER),
           CASE WHEN length(birthday) = 10
                 AND CAST(substr(birthday, 1, 4) AS INTEGER) BETWEEN 1900 AND 2200
                THEN CAST(substr(birthday, 1, 4) AS INTEGER) END,
           1, created_at, updated_at
    FROM customers
    WHERE (birthday GLOB '[0-9][0-9]-[0-9][0-9]'
           OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
      AND CAST(substr(birthday, -5, 2) AS INTEGER) BETWEEN 1 AND 12
      AND CAST(substr(birthday, -2) AS INTEGER) BETWEEN 1 AND 31;
UPDATE customers SET notes = trim(notes || char(10) || 'Doğum günü: ' || birthday)
    WHERE birthday IS NOT NULL AND birthday <> ''
      AND id NOT IN (SELECT customer_id FROM occasions WHERE kind = 'birthday');
ALTER TABLE customers DROP COLUMN birthday;

-- The contact log: calls, letters, cards, gifts, visit notes, survey answers and complaints.
-- A complaint has a status (open, resolved), what was done and when it was resolved. An entry
-- is corrected (a new entry names the one it replaces, which is voided) or voided, never deleted.
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    kind TEXT NOT NULL CHECK (kind IN ('call', 'letter', 'card', 'gift', 'visit_note', 'survey',
                                       'complaint')),
    summary TEXT NOT NULL CHECK (length(summary) > 0),
    happened_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    follow_up_done_at TEXT,
    score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    status TEXT CHECK (status IS NULL OR status IN ('open', 'resolved')),
    resolution TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    occasion_id INTEGER REFERENCES occasions(id),
    replaces_id INTEGER REFERENCES contacts(id),
    created_at TEXT NOT NULL,
    voided_at TEXT,
    void_reason TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'complaint') = (status IS NOT NULL)),
    CHECK ((kind = 'survey') = (score IS NOT NULL))
);
CREATE INDEX contacts_of_customer ON contacts(customer_id, happened_at);
CREATE INDEX contacts_follow_ups ON contacts(follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND voided_at IS NULL;
CREATE INDEX contacts_open_complaints ON contacts(happened_at)
    WHERE kind = 'complaint' AND status = 'open' AND voided_at IS NULL;
-- A corrected entry finds its correction.
CREATE INDEX contacts_replacing ON contacts(replaces_id) WHERE replaces_id IS NOT NULL;
CREATE TRIGGER contacts_never_deleted BEFORE DELETE ON contacts BEGIN
    SELECT RAISE(ABORT, 'contacts are voided, never deleted');
END;

-- What was done for an occasion in a given year (called, card sent, gift sent, or dismissed):
-- the occasion leaves the upcoming list for that year. Each mark is logged as a contact too.
CREATE TABLE occasion_marks (
    id INTEGER PRIMARY KEY,
    occasion_id INTEGER NOT NULL REFERENCES occasions(id),
    year INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('called', 'card_sent', 'gift_sent', 'dismissed')),
    contact_id INTEGER REFERENCES contacts(id),
    created_at TEXT NOT NULL,
    UNIQUE (occasion_id, year)
);

-- Consent to commercial messages (Law 6563), per customer and channel, as a history: each row
-- gives or withdraws consent; the newest row of a channel is what holds now.
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    channel TEXT NOT NULL CHECK (channel IN ('call', 'sms', 'email', 'letter')),
    given INTEGER NOT NULL CHECK (given IN (0, 1)),
    method TEXT NOT NULL CHECK (method IN ('written', 'verbal', 'electronic', 'earlier')),
    noted_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consents_of_customer ON consents(customer_id, channel, id);
CREATE TRIGGER consents_never_deleted BEFORE DELETE ON consents BEGIN
    SELECT RAISE(ABORT, 'consents are withdrawn, never deleted');
END;

-- The call list's outcomes: one row per call made from it (reached, no answer, call back on a
-- date, not interested), with what the call was for; each is logged as a contact too.
CREATE TABLE call_outcomes (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    reasons TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'call_back',
                                             'not_interested')),
    call_back_on TEXT,
    called_on TEXT NOT NULL,
    contact_id INTEGER REFERENCES contacts(id),
    created_at TEXT NOT NULL
);
CREATE INDEX call_outcomes_of_customer ON call_outcomes(customer_id, called_on);

-- The single marketing consent becomes a consent per channel, given (or withdrawn) when it was.
INSERT INTO consents (customer_id, channel, given, method, noted_at, recorded_at)
    SELECT c.id, ch.channel, c.marketing_consent, 'earlier',
           coalesce(c.consent_date, c.created_at), coalesce(c.consent_date, c.created_at)
    FROM customers c
    JOIN (SELECT 'call' AS channel UNION ALL SELECT 'sms' UNION ALL SELECT 'email'
          UNION ALL SELECT 'letter') ch
    WHERE c.marketing_consent = 1 OR c.consent_date IS NOT NULL;
-- customers.marketing_consent and consent_date stay, as a summary of the consents kept in step
-- by shopcrm.people.consent; a consent given without a day took the customer's own above.
UPDATE customers SET consent_date = created_at
    WHERE marketing_consent = 1 AND consent_date IS NULL;
"""


SCHEMA_V5 = """
-- How a customer is addressed on cards and letters: "Sayın Şükrü Bey", "Sevgili Ayşe Hanım",
-- the first name only, or no form at all ('' = not chosen: the documents decide).
ALTER TABLE customers ADD COLUMN address_form TEXT NOT NULL DEFAULT ''
    CHECK (address_form IN ('', 'bey', 'hanim', 'first_name', 'none'));

-- The owner's own texts for each kind of document (ready texts are in the program).
CREATE TABLE document_texts (
    kind TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The shop's logo for cards and letters: one image, kept in the database (and its backups).
CREATE TABLE shop_logo (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    image BLOB NOT NULL,
    file_name TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Routine notes waiting to be printed: a welcome card, a thank-you card, an occasion card, a
-- "we miss you" letter, each added by a print rule once for its reason (``reason_key`` is
-- unique: never twice for the same reason), printed in a batch, or dropped.
CREATE TABLE print_queue (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    document TEXT NOT NULL CHECK (document IN ('welcome_card', 'thank_you_card', 'occasion_card',
                                               'we_miss_you_letter')),
    reason_key TEXT NOT NULL UNIQUE,
    purchase_id INTEGER REFERENCES purchases(id),
    occasion_id INTEGER REFERENCES occasions(id),
    occasion_year INTEGER,
    queued_at TEXT NOT NULL,
    printed_at TEXT,
    contact_id INTEGER REFERENCES contacts(id),
    dropped_at TEXT
);
CREATE INDEX print_queue_waiting ON print_queue(queued_at)
    WHERE printed_at IS NULL AND dropped_at IS NULL;
CREATE INDEX print_queue_of_customer ON print_queue(customer_id);
CREATE INDEX print_queue_of_purchase ON print_queue(purchase_id) WHERE purchase_id IS NOT NULL;
"""


def _run(script: str) -> Callable[[sqlite3.Connection], None]:
    def migrate(conn: sqlite3.Connection) -> None:
        for statement in statements(script):
            conn.execute(statement)

    return migrate


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _run(SCHEMA_V1),
    _run(SCHEMA_V2),
    _run(SCHEMA_V3),
    _run(SCHEMA_V4),
    _run(SCHEMA_V5),
    _run(SCHEMA_V6),
    migrate_kept,
    migrate_privacy,
    migrate_settled,
    migrate_merges,
    migrate_search,
    migrate_lean_customers,
    migrate_days,
]
LATEST = len(MIGRATIONS)
