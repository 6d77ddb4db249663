"""Schema version 6: what the numbers need, one step of ``MIGRATIONS``: the numbers' indexes
and the figures the purchase transaction keeps (``shopcrm.storage.schema_numbers``), the
segments' index and the draws' tables."""

from __future__ import annotations

from shopcrm.storage.schema_numbers import NUMBERS_SQL

SEGMENTS_V6 = """
-- The segments (shopcrm.numbers.segments) count the active customers by how long they have
-- been away: a range of this index each (lapsed, at risk), and only the recent ones are read
-- whole, from the index alone, never from the wide customer rows. The last visit leads: an
-- index led by archived_at (or partial on it) looks narrow to SQLite for every query of the
-- active customers, and listing them all through it took 3 s instead of 1 s on 100,000.
CREATE INDEX customers_by_segment
    ON customers(last_visit, created_at, visit_count, total_spent, archived_at);
"""

DRAWS_SQL = """
-- A draw among customers: when, with which seed, from which list (its parameters, its words and
-- its size, the sorted ids of the candidates and their SHA-256), so that anyone can repeat it.
-- A draw is never changed nor deleted.
CREATE TABLE draws (
    id INTEGER PRIMARY KEY,
    drawn_at TEXT NOT NULL,
    seed INTEGER NOT NULL CHECK (seed >= 0),
    visited_from TEXT,
    visited_to TEXT,
    min_visits INTEGER NOT NULL DEFAULT 0 CHECK (min_visits >= 0),
    segment TEXT NOT NULL DEFAULT '',
    consent_only INTEGER NOT NULL CHECK (consent_only IN (0, 1)),
    pool_words TEXT NOT NULL,
    pool_size INTEGER NOT NULL CHECK (pool_size > 0),
    candidates TEXT NOT NULL,
    candidates_sha256 TEXT NOT NULL,
    winner_count INTEGER NOT NULL CHECK (winner_count > 0 AND winner_count <= pool_size),
    recorded_by TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER draws_never_deleted BEFORE DELETE ON draws BEGIN
    SELECT RAISE(ABORT, 'draws are kept, never deleted');
END;
CREATE TRIGGER draws_never_changed BEFORE UPDATE ON draws BEGIN
    SELECT RAISE(ABORT, 'a draw is never changed');
END;

-- The winners of a draw in the order they came out; the voucher a winner was given, once.
CREATE TABLE draw_winners (
    draw_id INTEGER NOT NULL REFERENCES draws(id),
    place INTEGER NOT NULL CHECK (place > 0),
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    reward_id INTEGER REFERENCES rewards(id),
    PRIMARY KEY (draw_id, place),
    UNIQUE (draw_id, customer_id)
);
CREATE INDEX draw_winners_of_customer ON draw_winners(customer_id);
CREATE TRIGGER draw_winners_never_deleted BEFORE DELETE ON draw_winners BEGIN
    SELECT RAISE(ABORT, 'draw winners are kept, never deleted');
END;
CREATE TRIGGER draw_winners_never_changed BEFORE UPDATE OF draw_id, place, customer_id
    ON draw_winners BEGIN
    SELECT RAISE(ABORT, 'a draw''s winners are never changed');
END;
CREATE TRIGGER draw_winners_one_voucher BEFORE UPDATE OF reward_id ON draw_winners
    WHEN old.reward_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'this winner already has a voucher');
END;
"""

SCHEMA_V6 = NUMBERS_SQL + "\n" + SEGMENTS_V6 + DRAWS_SQL
