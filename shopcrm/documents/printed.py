"""What was printed, written to the customers' contact log: each thank-you card, occasion card
and letter, once the shop says it printed them (the Print page asks first). An occasion card
also marks its occasion "card sent" for its year, so that it leaves the upcoming list.

Vouchers, loyalty cards and address labels are not contacts: nothing is written for them.
"""

from __future__ import annotations

from collections.abc import Sequence

from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.care.upcoming import MAX_RECORDED_BY
from shopcrm.common.cleaning import clean
from shopcrm.common.clock import Clock, iso
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind
from shopcrm.documents.prepared import Prepared, Recipient
from shopcrm.storage.store import Store

_CONTACT_OF = {
    DocumentKind.THANK_YOU: ContactKind.CARD,
    DocumentKind.THANK_YOU_FOLDED: ContactKind.CARD,
    DocumentKind.OCCASION: ContactKind.CARD,
    DocumentKind.LETTER: ContactKind.LETTER,
}


def is_contact(kind: DocumentKind) -> bool:
    """Whether printing ``kind`` is a contact with each recipient (a card or a letter)."""
    return kind in _CONTACT_OF


class PrintedLog:
    """Write printed cards and letters to the contact log."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def log(
        self, prepared: Prepared | Sequence[Prepared], about: str = "", recorded_by: str = ""
    ) -> int:
        """Write one contact log entry for each card or letter of ``prepared`` (what was drawn
        and printed), all in one transaction; how many were written. ``about`` says what the
        text was ("Invitation to a customer evening"; "" for the owner's own text)."""
        jobs = [prepared] if isinstance(prepared, Prepared) else list(prepared)
        who = clean(recorded_by, _("Recorded by"), MAX_RECORDED_BY)
        about = clean(about, _("Text"), 200)
        now = self._clock()
        written = 0
        with self._store.transaction():
            for job in jobs:
                kind = _CONTACT_OF.get(job.kind)
                if kind is None:
                    continue
                for recipient in job.recipients:
                    contact_id = add_entry(
                        self._store,
                        now,
                        recipient.customer_id,
                        kind,
                        _summary(job.kind, recipient, about),
                        recorded_by=who,
                        occasion_id=recipient.occasion_id,
                    )
                    if recipient.occasion_id is not None and recipient.occasion_year is not None:
                        self._store.execute(
                            "INSERT INTO occasion_marks (occasion_id, year, action, contact_id, "
                            "created_at) VALUES (?, ?, 'card_sent', ?, ?) "
                            "ON CONFLICT(occasion_id, year) DO NOTHING",
                            (recipient.occasion_id, recipient.occasion_year, contact_id, iso(now)),
                        )
                    written += 1
        return written


def _summary(kind: DocumentKind, recipient: Recipient, about: str) -> str:
    """The log's words: "Thank-you card printed", "Card printed: Birthday: turns 35",
    "Letter printed: Invitation to a customer evening"."""
    if kind is DocumentKind.OCCASION:
        return _("Card printed: {occasion}").format(
            occasion=recipient.subheading or recipient.heading
        )
    if kind is DocumentKind.LETTER:
        return _("Letter printed: {about}").format(about=about) if about else _("Letter printed")
    if about:
        return _("Thank-you card printed: {about}").format(about=about)
    return _("Thank-you card printed")
