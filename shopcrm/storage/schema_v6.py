"""Schema version 6: what the numbers need (the lead merges the branches' SQL into one step)."""

NUMBERS_SQL = """
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
"""
