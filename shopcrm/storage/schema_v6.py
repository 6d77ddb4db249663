"""Version 6 of the schema: what the numbers need (the lead joins each branch's part into one
step)."""

SEGMENTS_V6 = """
-- The segments (shopcrm.numbers.segments) count the active customers by how long they have
-- been away: a range of this index each (lapsed, at risk), and only the recent ones are read
-- whole, from the index alone, never from the wide customer rows.
CREATE INDEX customers_by_segment
    ON customers(archived_at, last_visit, created_at, visit_count, total_spent);
"""
