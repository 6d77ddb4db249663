"""The print queue's notes in words: what each is called, why it is due, and what the contact
log says once it is printed. Days are written once per day and language: a long queue repeats
the same days."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from shopcrm.common.formatting import day, money
from shopcrm.common.i18n import _, current_language
from shopcrm.documents.print_rules import QueuedDocument, last_visit_of
from shopcrm.people.occasions import Occasion
from shopcrm.storage.store import Row


def document_titles() -> dict[QueuedDocument, str]:
    """What each note is called, in the current language (lists, the contact log)."""
    return {
        QueuedDocument.WELCOME_CARD: _("Welcome card"),
        QueuedDocument.THANK_YOU_CARD: _("Thank-you card"),
        QueuedDocument.OCCASION_CARD: _("Occasion card"),
        QueuedDocument.WE_MISS_YOU_LETTER: _("“We miss you” letter"),
    }


def document_words() -> dict[QueuedDocument, str]:
    """What each note is called inside a sentence ("The welcome card for Ayşe ...")."""
    return {
        QueuedDocument.WELCOME_CARD: _("welcome card"),
        QueuedDocument.THANK_YOU_CARD: _("thank-you card"),
        QueuedDocument.OCCASION_CARD: _("occasion card"),
        QueuedDocument.WE_MISS_YOU_LETTER: _("“we miss you” letter"),
    }


def _day(value: str | date) -> str:
    """A day as the shop writes it, made once per day and language (a long queue repeats
    the same days)."""
    text = value.isoformat() if isinstance(value, date) else value[:10]
    return _day_in(text, current_language())


@lru_cache(maxsize=4096)
def _day_in(iso_day: str, language: str) -> str:
    return day(iso_day, language)


def _falls_in(occasion: Occasion, year: int) -> date:
    """The day an occasion falls on in ``year``."""
    return occasion.next_on(date(year, 1, 1)) or date(year, occasion.month, occasion.day)


def why(row: Row, occasions: Mapping[int, Occasion], currency: str) -> str:
    """Why a note is due, in words ("Purchase of ₺1.250,00 on 9 Mar 2026"), from its row in
    the queue (with its purchase's ``amount`` and ``purchased_at``)."""
    document = QueuedDocument(row["document"])
    if document is QueuedDocument.WELCOME_CARD:
        return _("First purchase on {date}").format(date=_day(row["purchased_at"]))
    if document is QueuedDocument.THANK_YOU_CARD:
        return _("Purchase of {amount} on {date}").format(
            amount=money(row["amount"] or 0, currency), date=_day(row["purchased_at"])
        )
    if document is QueuedDocument.OCCASION_CARD:
        occasion = occasions[row["occasion_id"]]
        falls = _falls_in(occasion, row["occasion_year"])
        return _("{occasion} on {date}").format(occasion=occasion.describe(falls), date=_day(falls))
    return _("No visit since {date}").format(date=_day(last_visit_of(row["reason_key"])))


def summary(row: Row, occasions: Mapping[int, Occasion], currency: str) -> str:
    """The contact log's words for a printed note, from its row in the queue."""
    document = QueuedDocument(row["document"])
    if document is QueuedDocument.WELCOME_CARD:
        return _("Welcome card printed after the first purchase ({date})").format(
            date=_day(row["purchased_at"])
        )
    if document is QueuedDocument.THANK_YOU_CARD:
        return _("Thank-you card printed for the purchase of {amount} on {date}").format(
            amount=money(row["amount"] or 0, currency), date=_day(row["purchased_at"])
        )
    if document is QueuedDocument.OCCASION_CARD:
        occasion = occasions[row["occasion_id"]]
        falls = _falls_in(occasion, row["occasion_year"])
        return _("Card printed for the occasion: {occasion} ({date})").format(
            occasion=occasion.describe(falls), date=_day(falls)
        )
    return _("“We miss you” letter printed (no visit since {date})").format(
        date=_day(last_visit_of(row["reason_key"]))
    )
