"""Putting customers on today's call list by hand: the customers behind a figure of the numbers
("who lapsed this month"), say. Each one with consent to calls gets a note in their contact log
with a follow-up for today, so that the call list shows them with why; a customer without it
is left out and counted: a call to win a customer back is a commercial message (Law 6563). A
customer who already has a follow-up due today is not added twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.common.cleaning import clean
from shopcrm.common.clock import Clock
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.common.whole import known_id
from shopcrm.people.consent import Channel, consent_condition
from shopcrm.storage.store import Store

MAX_WHY = 200
MAX_CUSTOMERS = 100_000


@dataclass(frozen=True)
class PlannedCalls:
    """What putting customers on today's call list did."""

    added: int
    """Customers now on today's list for this reason."""
    already: int
    """Customers who already had a follow-up due today (not added twice)."""
    left_out: int
    """Customers without consent to calls (or archived): not added."""


def plan_calls(
    store: Store, clock: Clock, customer_ids: Sequence[int], why: str, recorded_by: str = ""
) -> PlannedCalls:
    """Put ``customer_ids`` on today's call list with ``why`` (see the module), in one
    transaction; unknown ids and a list longer than any shop are refused."""
    reason = clean(why, _("Why"), MAX_WHY)
    if not reason:
        raise InvalidInput(_("Say why they are to be called."))
    ids = sorted({known_id(i) or 0 for i in customer_ids})
    if len(ids) > MAX_CUSTOMERS or 0 in ids:
        raise InvalidInput(_("These are not customers of the shop."))
    if not ids:
        return PlannedCalls(0, 0, 0)
    now = clock()
    today = now.date().isoformat()
    marks = ", ".join("?" * len(ids))
    known = store.query(f"SELECT id FROM customers WHERE id IN ({marks})", tuple(ids))
    if len(known) != len(ids):
        raise InvalidInput(_("These are not customers of the shop."))
    callable_ids = [
        int(r["id"])
        for r in store.query(
            f"SELECT id FROM customers WHERE id IN ({marks}) AND archived_at IS NULL AND "
            + consent_condition(Channel.CALL, "customers.id"),
            tuple(ids),
        )
    ]
    due = {
        int(r["customer_id"])
        for r in store.query(
            f"SELECT DISTINCT customer_id FROM contacts WHERE customer_id IN ({marks}) "
            "AND follow_up_on = ? AND follow_up_done_at IS NULL AND voided_at IS NULL",
            (*ids, today),
        )
    }
    added = [i for i in callable_ids if i not in due]
    with store.transaction():
        for customer_id in added:
            add_entry(
                store,
                now,
                customer_id,
                ContactKind.VISIT_NOTE,
                _("To call: {why}").format(why=reason),
                recorded_by=recorded_by,
                follow_up_on=now.date(),
            )
    return PlannedCalls(len(added), len(callable_ids) - len(added), len(ids) - len(callable_ids))
