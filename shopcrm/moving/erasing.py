"""Erasing a customer at their request (KVKK, Article 11): their personal data goes, the shop's
figures stay.

What goes, in one transaction: the name (a placeholder "Silinmiş müşteri #123" in its place),
phone, e-mail, address, notes, tags, who referred them, how cards greet them; their entries in
the search indexes (the folded name, its trigrams and word beginnings, the phone digits), so
that no search finds them by their old name or phone; their occasions (dates, whose, notes:
removed); the text of their contact log entries, complaints and opening balances; the notes of
their purchases, vouchers and consents. Consent on every channel is withdrawn, open vouchers
voided, notes waiting in the print queue dropped, open complaints closed, follow-ups marked
done, and the record archived, so that they show in no list, call list, occasion, print queue
or mailing list. Their card code still maps to the anonymous record.

What stays: the purchases' amounts, dates and discounts (voided ones too), so that revenue and
every figure of the Numbers page stay right; the anonymous counts of visits and spending; the
kinds and dates of contacts; the consent history's dates (proof of what was allowed when).

The erasure is logged (what and when, never the data erased). It asks for a word typed as
confirmation (``erase_word``), so that it never happens by a slip of a key. Backups made before
the erasure still hold the data until they are replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import _
from shopcrm.common.text import fold
from shopcrm.common.whole import known_id
from shopcrm.moving.privacy_log import PrivacyAction, is_erased, log_request
from shopcrm.people.consent import ConsentMethod, current, write_wishes
from shopcrm.storage.store import Store


def erase_word() -> str:
    """The word to type to confirm an erasure, in the current language ("SİL", "ERASE")."""
    return _("ERASE")


def placeholder_name(customer_id: int) -> str:
    """The name an erased customer keeps: "Silinmiş müşteri #123"."""
    return _("Erased customer #{id}").format(id=customer_id)


@dataclass(frozen=True)
class Erased:
    """What an erasure did."""

    customer_id: int
    name: str
    """The placeholder the record is now named by."""
    occasions: int
    contacts: int
    vouchers_voided: int
    queue_dropped: int


class ErasureService:
    """Erase a customer's personal data, on their request, keeping the shop's figures."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def is_erased(self, customer_id: int) -> bool:
        """Whether this customer's personal data was erased."""
        return is_erased(self._store, customer_id)

    def erase(self, customer_id: int, confirmation: str, recorded_by: str = "") -> Erased:
        """Erase ``customer_id``'s personal data; ``confirmation`` must be ``erase_word()``
        (case and Turkish letters do not matter). Nothing changes on bad input: an unknown
        customer, one already erased, or a confirmation that is not the word."""
        target = known_id(customer_id)
        if target is None or not self._store.one(
            "SELECT 1 AS x FROM customers WHERE id = ?", (target,)
        ):
            raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
        word = erase_word()
        if fold(str(confirmation).strip()) != fold(word):
            raise InvalidInput(
                _("Type {word} to confirm the erasure; nothing was erased.").format(word=word)
            )
        if is_erased(self._store, target):
            raise InvalidInput(_("This customer's data has already been erased."))
        now = self._clock()
        name = placeholder_name(target)
        store = self._store
        store.execute("PRAGMA secure_delete = ON")
        try:
            return self._erase(target, name, now, recorded_by)
        finally:
            store.execute("PRAGMA secure_delete = OFF")

    def _erase(self, target: int, name: str, now: datetime, recorded_by: str) -> Erased:
        store = self._store
        stamp = iso(now)
        gone = _("(erased)")
        with store.transaction():
            store.execute("UPDATE consents SET note = '' WHERE customer_id = ?", (target,))
            withdrawn = [
                (channel, False, ConsentMethod.WRITTEN)
                for channel, holds in current(store, target).items()
                if holds.given
            ]
            write_wishes(store, now, target, withdrawn, _("Withdrawn: their data was erased."))
            store.execute(
                "UPDATE customers SET name = ?, name_folded = '', phone = '', phone_digits = '', "
                "email = '', address = '', notes = '', tags = '', referred_by = NULL, "
                "address_form = '', archived_at = coalesce(archived_at, ?), updated_at = ? "
                "WHERE id = ?",
                (name, stamp, stamp, target),
            )
            # The schema's triggers take the old name and phone out of the search tables.
            occasions = store.execute(
                "UPDATE occasions SET kind = 'other', label = '', whose = '', note = '', "
                "month = 1, day = 1, year = NULL, yearly = 1, notice_days = NULL, "
                "removed_at = coalesce(removed_at, ?), updated_at = ? WHERE customer_id = ?",
                (stamp, stamp, target),
            ).rowcount
            store.execute(
                "UPDATE contacts SET status = 'resolved', resolved_at = ? "
                "WHERE customer_id = ? AND status = 'open'",
                (stamp, target),
            )
            contacts = store.execute(
                "UPDATE contacts SET summary = ?, resolution = '', void_reason = '', "
                "follow_up_done_at = CASE WHEN follow_up_on IS NOT NULL "
                "THEN coalesce(follow_up_done_at, ?) END WHERE customer_id = ?",
                (gone, stamp, target),
            ).rowcount
            store.execute(
                "UPDATE purchases SET note = '', void_reason = '' WHERE customer_id = ? "
                "AND (note <> '' OR void_reason <> '')",
                (target,),
            )
            vouchers = store.execute(
                "UPDATE rewards SET voided_at = ?, void_reason = ? WHERE customer_id = ? "
                "AND redeemed_at IS NULL AND voided_at IS NULL",
                (stamp, _("Voided: the customer's data was erased."), target),
            ).rowcount
            store.execute("UPDATE rewards SET note = '' WHERE customer_id = ?", (target,))
            store.execute("UPDATE adjustments SET reason = ? WHERE customer_id = ?", (gone, target))
            dropped = store.execute(
                "UPDATE print_queue SET dropped_at = ? WHERE customer_id = ? "
                "AND printed_at IS NULL AND dropped_at IS NULL",
                (stamp, target),
            ).rowcount
            log_request(store, target, PrivacyAction.ERASURE, now, recorded_by=recorded_by)
            # The full-text index keeps deleted words in its segments until they are merged.
            store.execute("INSERT INTO customer_search(customer_search) VALUES ('optimize')")
        return Erased(target, name, occasions, contacts, vouchers, dropped)
