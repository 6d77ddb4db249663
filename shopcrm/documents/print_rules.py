"""The print rules: which routine notes are due, each with the reason it is due.

Four rules in the settings, each on or off: a welcome card after a customer's first purchase, a
thank-you card after a purchase over an amount, a card for each occasion some days ahead, a "we
miss you" letter when a customer lapses (passes the first win-back limit since their last
visit). Each reason has a key that names exactly what it is about, so that the queue takes it
once, ever: "welcome:<customer>", "thank_you:<purchase>", "occasion:<occasion>:<year>",
"we_miss_you:<customer>:<last visit day>".

Only reasons that arise after a rule was switched on count: switching the welcome card on does
not queue a card for every customer of ten years. When a rule is switched on (or its amount or
its days change), the moment and the last purchase recorded then are noted in the settings
table (key ``print_rule_<rule>``): the welcome and thank-you cards follow purchases recorded
after it, the letter follows customers who lapse on or after that day. The occasion rule needs
no such mark: it looks a bounded number of days ahead, so switching it on queues the cards of
the occasions within those days, and no more.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from shopcrm.common.clock import iso
from shopcrm.common.preferences import Settings
from shopcrm.storage.store import Store


class QueuedDocument(StrEnum):
    """What a routine note in the queue is."""

    WELCOME_CARD = "welcome_card"
    THANK_YOU_CARD = "thank_you_card"
    OCCASION_CARD = "occasion_card"
    WE_MISS_YOU_LETTER = "we_miss_you_letter"


class PrintRule(StrEnum):
    """The print rules that follow new events from the moment they are switched on."""

    WELCOME = "welcome"
    THANK_YOU = "thank_you"
    WE_MISS_YOU = "we_miss_you"


@dataclass(frozen=True)
class SwitchedOn:
    """When a print rule was switched on, and the last purchase recorded then."""

    since: str
    """ISO local time."""
    after_purchase: int
    """Purchases with a larger id were recorded after the rule was switched on."""


@dataclass(frozen=True)
class Due:
    """A routine note a rule says is due, with the reason it is due."""

    customer_id: int
    document: QueuedDocument
    reason_key: str
    purchase_id: int | None = None
    occasion_id: int | None = None
    occasion_year: int | None = None


RulesOn = dict[PrintRule, SwitchedOn]
"""The print rules that are on, each with when it was switched on."""


def rule_state(settings: Settings, rule: PrintRule) -> tuple[bool, int]:
    """Whether a rule is on, and the value whose change makes it a new rule (the thank-you
    card's amount, the days before a customer counts as lapsed)."""
    if rule is PrintRule.WELCOME:
        return settings.print_welcome, 0
    if rule is PrintRule.THANK_YOU:
        return settings.print_thank_you_over > 0, settings.print_thank_you_over
    return settings.print_we_miss_you, settings.lapsed_first_days


def switched_on(store: Store, rule: PrintRule) -> SwitchedOn | None:
    """When ``rule`` was switched on (as it is set now), or None when it is off or was never
    noted."""
    row = store.one("SELECT value FROM settings WHERE key = ?", (_key(rule),))
    return None if row is None else _switched_on(row["value"])


def note_switches(store: Store, now: datetime, before: Settings, after: Settings) -> None:
    """Note, inside the caller's transaction, each rule switched on (or changed) between
    ``before`` and ``after`` as on from ``now``, and forget each rule switched off."""
    for rule in PrintRule:
        was, is_now = rule_state(before, rule), rule_state(after, rule)
        if not is_now[0]:
            store.execute("DELETE FROM settings WHERE key = ?", (_key(rule),))
        elif is_now != was:
            _note(store, now, rule)


def rules_on(store: Store, now: datetime, settings: Settings) -> RulesOn:
    """Each rule that is on, with when it was switched on; inside the caller's transaction, a
    rule on without a note (set before the notes were kept, or by hand) is noted as on from
    ``now``: from now on, never backwards. One read of the notes, none when every rule is
    off."""
    wanted = [rule for rule in PrintRule if rule_state(settings, rule)[0]]
    if not wanted:
        return {}
    keys = tuple(_key(rule) for rule in wanted)
    marks = ", ".join("?" * len(keys))
    rows = store.query(f"SELECT key, value FROM settings WHERE key IN ({marks})", keys)
    noted = {r["key"]: r["value"] for r in rows}
    out: RulesOn = {}
    for rule in wanted:
        value = noted.get(_key(rule))
        out[rule] = _note(store, now, rule) if value is None else _switched_on(value)
    return out


def _switched_on(value: str) -> SwitchedOn:
    noted = json.loads(value)
    return SwitchedOn(str(noted["since"]), int(noted["after_purchase"]))


def _note(store: Store, now: datetime, rule: PrintRule) -> SwitchedOn:
    last = store.one("SELECT coalesce(max(id), 0) AS id FROM purchases")
    noted = SwitchedOn(iso(now), int(last["id"]) if last else 0)
    value = json.dumps({"since": noted.since, "after_purchase": noted.after_purchase})
    store.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (_key(rule), value),
    )
    return noted


def _key(rule: PrintRule) -> str:
    return f"print_rule_{rule.value}"


def _one_customer(customer_id: int | None, column: str) -> tuple[str, tuple[int, ...]]:
    """An SQL condition (and its value) limiting a query to one customer, or none."""
    if customer_id is None:
        return "", ()
    return f" AND {column} = ?", (customer_id,)


_WELCOME_DUE = (
    "c.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM adjustments a "
    "WHERE a.customer_id = p.customer_id AND a.visits > 0) "
    "AND NOT EXISTS (SELECT 1 FROM print_queue k WHERE k.reason_key = 'welcome:' || p.customer_id)"
)
"""SQL: the first purchase ``p`` of customer ``c`` calls for a welcome card: the customer is not
archived, brought no visits over from before, and was never queued one."""


def welcome_cards(store: Store, since: SwitchedOn, customer_id: int | None = None) -> list[Due]:
    """A welcome card for each customer whose first purchase (the earliest that counts) was
    recorded after the rule was switched on; not for a customer with visits brought over from
    before (an opening balance), nor an archived one."""
    if customer_id is None:
        rows = store.query(
            "SELECT p.id AS purchase_id, p.customer_id AS customer_id FROM purchases p "
            "JOIN customers c ON c.id = p.customer_id "
            "WHERE p.id > ? AND p.voided_at IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM purchases q WHERE q.customer_id = p.customer_id "
            "AND q.voided_at IS NULL AND (q.purchased_at < p.purchased_at "
            "OR (q.purchased_at = p.purchased_at AND q.id < p.id))) AND " + _WELCOME_DUE + " "
            "ORDER BY p.id",  # queued in the order the purchases were logged, whatever the plan
            (since.after_purchase,),
        )
    else:  # the customer's first purchase that counts: one step down their index
        rows = store.query(
            "SELECT p.id AS purchase_id, p.customer_id AS customer_id FROM (SELECT id, "
            "customer_id FROM purchases WHERE customer_id = ? AND voided_at IS NULL "
            "ORDER BY purchased_at, id LIMIT 1) p JOIN customers c ON c.id = p.customer_id "
            "WHERE p.id > ? AND " + _WELCOME_DUE,
            (customer_id, since.after_purchase),
        )
    return [
        Due(
            int(r["customer_id"]),
            QueuedDocument.WELCOME_CARD,
            f"welcome:{r['customer_id']}",
            purchase_id=int(r["purchase_id"]),
        )
        for r in rows
    ]


def thank_you_cards(
    store: Store, since: SwitchedOn, over: int, customer_id: int | None = None
) -> list[Due]:
    """A thank-you card for each purchase over ``over`` (kuruş, before vouchers) recorded after
    the rule was switched on, that counts, of a customer not archived; not for a purchase that
    already has a welcome card (one card thanks them for it)."""
    only, value = _one_customer(customer_id, "p.customer_id")
    rows = store.query(
        "SELECT p.id AS purchase_id, p.customer_id AS customer_id FROM purchases p "
        "JOIN customers c ON c.id = p.customer_id "
        "WHERE p.id > ? AND p.voided_at IS NULL AND p.amount > ? AND c.archived_at IS NULL"
        + only
        + " AND NOT EXISTS (SELECT 1 FROM print_queue w WHERE w.purchase_id = p.id "
        "AND w.document IN ('welcome_card', 'thank_you_card')) ORDER BY p.id",
        (since.after_purchase, over, *value),
    )
    return [
        Due(
            int(r["customer_id"]),
            QueuedDocument.THANK_YOU_CARD,
            f"thank_you:{r['purchase_id']}",
            purchase_id=int(r["purchase_id"]),
        )
        for r in rows
    ]


ComingOccasion = tuple[int, int, date]
"""An occasion to come: its id, its customer, the day it falls on."""


def occasion_cards(coming: list[ComingOccasion]) -> list[Due]:
    """A card for each occasion to come (the caller gives those within the rule's days, not yet
    marked done for their year)."""
    return [
        Due(
            customer_id,
            QueuedDocument.OCCASION_CARD,
            f"occasion:{occasion_id}:{falls_on.year}",
            occasion_id=occasion_id,
            occasion_year=falls_on.year,
        )
        for occasion_id, customer_id, falls_on in coming
    ]


def we_miss_you_letters(store: Store, since: SwitchedOn, away_days: int, today: date) -> list[Due]:
    """A "we miss you" letter for each customer (not archived) who lapsed, that is passed
    ``away_days`` since their last visit, between the day the rule was switched on and
    ``today``. A customer who comes back and lapses again gets another."""
    first_day = datetime.fromisoformat(since.since).date()
    if first_day > today:
        return []
    rows = store.query(
        "SELECT id, substr(last_visit, 1, 10) AS last_day FROM customers "
        "WHERE archived_at IS NULL AND last_visit IS NOT NULL "
        "AND substr(last_visit, 1, 10) <= ? AND substr(last_visit, 1, 10) >= ? "
        "AND NOT EXISTS (SELECT 1 FROM print_queue k WHERE k.reason_key = "
        "'we_miss_you:' || customers.id || ':' || substr(customers.last_visit, 1, 10))",
        (
            (today - timedelta(days=away_days)).isoformat(),
            (first_day - timedelta(days=away_days)).isoformat(),
        ),
    )
    return [
        Due(
            int(r["id"]),
            QueuedDocument.WE_MISS_YOU_LETTER,
            f"we_miss_you:{r['id']}:{r['last_day']}",
        )
        for r in rows
    ]


def last_visit_of(reason_key: str) -> str:
    """The last visit day a "we miss you" letter's reason names (ISO)."""
    return reason_key.rsplit(":", 1)[-1]


def queue(store: Store, now: datetime, due: list[Due]) -> int:
    """Add each due note whose reason was never queued (inside the caller's transaction); how
    many were added."""
    added = 0
    for note in due:
        cursor = store.execute(
            "INSERT INTO print_queue (customer_id, document, reason_key, purchase_id, "
            "occasion_id, occasion_year, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(reason_key) DO NOTHING",
            (
                note.customer_id,
                note.document.value,
                note.reason_key,
                note.purchase_id,
                note.occasion_id,
                note.occasion_year,
                iso(now),
            ),
        )
        added += cursor.rowcount
    return added


STALE = (
    "(EXISTS (SELECT 1 FROM customers c WHERE c.id = print_queue.customer_id "
    "AND (c.archived_at IS NOT NULL OR (print_queue.document = 'we_miss_you_letter' "
    "AND substr(c.last_visit, 1, 10) > substr(print_queue.reason_key, -10)))) "
    "OR (document = 'thank_you_card' AND EXISTS (SELECT 1 FROM purchases p "
    "WHERE p.id = print_queue.purchase_id AND p.voided_at IS NOT NULL)) "
    "OR (document = 'welcome_card' AND NOT EXISTS (SELECT 1 FROM purchases p "
    "WHERE p.customer_id = print_queue.customer_id AND p.voided_at IS NULL)) "
    "OR (document = 'occasion_card' AND (EXISTS (SELECT 1 FROM occasions o "
    "WHERE o.id = print_queue.occasion_id AND o.removed_at IS NOT NULL) "
    "OR EXISTS (SELECT 1 FROM occasion_marks m WHERE m.occasion_id = print_queue.occasion_id "
    "AND m.year = print_queue.occasion_year AND m.action IN ('card_sent', 'dismissed')))))"
)
"""SQL: a waiting note whose reason no longer holds: its customer was archived, its purchase
voided (a welcome card: every purchase of the customer), the customer came back since the "we
miss you" letter was queued, the occasion was removed, or a card was sent or nothing is to be
done for it that year (marked on the upcoming list)."""


def withdraw_stale(store: Store, now: datetime, customer_id: int | None = None) -> int:
    """Drop the waiting notes (of one customer, or all) whose reason no longer holds (see
    ``STALE``), inside the caller's transaction; how many."""
    only, value = _one_customer(customer_id, "customer_id")
    cursor = store.execute(
        "UPDATE print_queue SET dropped_at = ? WHERE printed_at IS NULL AND dropped_at IS NULL"
        + only
        + " AND "
        + STALE,
        (iso(now), *value),
    )
    return cursor.rowcount
