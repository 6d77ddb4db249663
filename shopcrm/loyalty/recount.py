"""Bringing every customer's rewards up to date after a change that affects many at once.

Two changes do that: a paused rule resumed (what was earned while it was paused is issued at
once, as if it had never stopped), and a new answer to "what counts as a visit" (visit counts
change, and so do the rewards they earned). Both find, in a few grouped queries, the customers
whose rewards may differ, and settle only those (``engine.settle``): a shop of 100,000
customers is not walked one by one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from shopcrm.loyalty import engine, rewards, visits
from shopcrm.loyalty.rules import LoyaltyRule, RuleKind
from shopcrm.loyalty.visits import Recount, VisitRule, visits_sql
from shopcrm.people.records import KNOWN_BIRTHDAYS
from shopcrm.storage.store import Store


def catch_up(store: Store, now: datetime, rule: LoyaltyRule, visit_rule: VisitRule) -> int:
    """Issue what ``rule`` has earned every customer and not given (inside the caller's
    transaction, with the rule active); the number of rewards issued."""
    before = _last_reward_id(store)
    if rule.kind is RuleKind.BIRTHDAY:
        for row in store.query(KNOWN_BIRTHDAYS):
            rewards.birthday_due(store, now, rule, row["id"], row["birthday"], now.date())
    else:
        for customer_id in _owed(store, rule, visit_rule):
            engine.settle(store, now, customer_id, visit_rule)
    return _issued_since(store, before)


def recount_visits(
    store: Store, now: datetime, visit_rule: VisitRule, take_back_reason: str
) -> Recount:
    """Count visits the ``visit_rule`` way and settle the rewards of every customer whose count
    can differ (inside the caller's transaction)."""
    before = _last_reward_id(store)
    unused_before = _unused_count(store, before)
    affected = [
        row[0]
        for row in store.execute(
            "SELECT DISTINCT customer_id FROM purchases WHERE voided_at IS NULL "
            "GROUP BY customer_id, substr(purchased_at, 1, 10) HAVING count(*) > 1"
        )
    ]
    changed = 0
    for customer_id in affected:
        old = store.one("SELECT visit_count FROM customers WHERE id = ?", (customer_id,))
        visits.refresh(store, visit_rule, customer_id)
        new = store.one("SELECT visit_count FROM customers WHERE id = ?", (customer_id,))
        changed += int(old != new)
        engine.settle(store, now, customer_id, visit_rule, take_back_reason=take_back_reason)
    taken = unused_before - _unused_count(store, before)
    return Recount(changed, _issued_since(store, before), taken)


class _TrialOver(Exception):
    """Raised to roll a trial back."""


@contextmanager
def trial(store: Store) -> Iterator[None]:
    """Run a change in a transaction that is always rolled back: to say what it would do."""
    try:
        with store.transaction():
            yield
            raise _TrialOver
    except _TrialOver:
        pass


def _owed(store: Store, rule: LoyaltyRule, visit_rule: VisitRule) -> list[int]:
    """Customers who may have earned more of ``rule`` than they hold."""
    if rule.kind is RuleKind.REFERRAL:
        return [
            row[0]
            for row in store.execute(
                """
                SELECT c.id FROM customers c
                WHERE c.referred_by IS NOT NULL
                  AND EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id
                              AND p.voided_at IS NULL AND p.purchased_at >= :since)
                  AND NOT EXISTS (SELECT 1 FROM rewards r WHERE r.rule_id = :rule
                                  AND r.customer_id = c.referred_by AND r.cycle = c.id
                                  AND r.voided_at IS NULL)
                """,
                {"since": rule.counts_from, "rule": rule.id},
            )
        ]
    earned = {
        RuleKind.VISITS: "max(0, coalesce(p.visits, 0) + coalesce(a.visits, 0)) / :every",
        RuleKind.SPENDING: "max(0, coalesce(p.spending, 0) + coalesce(a.spending, 0)) / :every",
        RuleKind.WELCOME: "coalesce(p.n, 0) > 0",
    }[rule.kind]
    every = rule.every_visits if rule.kind is RuleKind.VISITS else rule.every_spending
    return [
        row[0]
        for row in store.execute(
            f"""
            WITH p AS (SELECT customer_id, {visits_sql(visit_rule)} AS visits,
                              sum(amount - discount) AS spending, count(*) AS n
                       FROM purchases WHERE voided_at IS NULL AND purchased_at >= :since
                       GROUP BY customer_id),
                 a AS (SELECT customer_id, sum(visits) AS visits, sum(spending) AS spending
                       FROM adjustments WHERE created_at >= :since GROUP BY customer_id),
                 h AS (SELECT customer_id, count(*) AS n FROM rewards
                       WHERE rule_id = :rule AND voided_at IS NULL GROUP BY customer_id),
                 b AS (SELECT customer_id FROM p UNION SELECT customer_id FROM a)
            SELECT b.customer_id FROM b
            JOIN customers c ON c.id = b.customer_id AND c.archived_at IS NULL
            LEFT JOIN p ON p.customer_id = b.customer_id
            LEFT JOIN a ON a.customer_id = b.customer_id
            LEFT JOIN h ON h.customer_id = b.customer_id
            WHERE {earned} > coalesce(h.n, 0)
            """,
            {"since": rule.counts_from, "rule": rule.id, "every": max(1, every)},
        )
    ]


def _last_reward_id(store: Store) -> int:
    row = store.one("SELECT coalesce(max(id), 0) AS id FROM rewards")
    return int(row["id"]) if row else 0


def _issued_since(store: Store, last_id: int) -> int:
    row = store.one(
        "SELECT count(*) AS n FROM rewards WHERE id > ? AND voided_at IS NULL", (last_id,)
    )
    return int(row["n"]) if row else 0


def _unused_count(store: Store, up_to_id: int) -> int:
    row = store.one(
        "SELECT count(*) AS n FROM rewards WHERE id <= ? AND voided_at IS NULL "
        "AND redeemed_at IS NULL",
        (up_to_id,),
    )
    return int(row["n"]) if row else 0
