"""After printing, each card and letter goes to its customer's contact log (the Print page asks
first): one entry per recipient, in one transaction; an occasion card marks its occasion card
sent for its year; vouchers, loyalty cards and labels write nothing."""

from __future__ import annotations

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.documents.kinds import DocumentKind, PrintJob
from tests.core.test_documents import furnish


def test_thank_you_cards_and_letters_printed_are_written_to_each_customers_log(
    shop: Shop,
) -> None:
    material = furnish(shop, with_logo=False)
    sukru, ayse = material.customers[:2]
    cards = shop.documents.prepare(PrintJob(DocumentKind.THANK_YOU, customer_ids=(sukru, ayse)))
    letters = shop.documents.prepare(PrintJob(DocumentKind.LETTER, customer_ids=(ayse,)))
    assert shop.printed.log([cards, letters], about="Invitation to a customer evening") == 3

    summaries = [(e.kind, e.summary) for e in shop.contacts.of_customer(ayse)]
    assert ("card", "Thank-you card printed: Invitation to a customer evening") in summaries
    assert ("letter", "Letter printed: Invitation to a customer evening") in summaries
    assert [e.summary for e in shop.contacts.of_customer(sukru)] == [
        "Thank-you card printed: Invitation to a customer evening"
    ]
    assert "card" in shop.contacts.last_contact_text(sukru).lower()


def test_an_occasion_card_printed_marks_the_occasion_card_sent(shop: Shop) -> None:
    material = furnish(shop, with_logo=False)
    assert len(shop.upcoming.occasions(days=366)) == 2
    cards = shop.documents.prepare(
        PrintJob(DocumentKind.OCCASION, occasion_ids=tuple(material.occasions))
    )
    assert shop.printed.log(cards) == 2
    assert shop.upcoming.occasions(days=366) == []  # they leave the upcoming list this year
    child = material.occasions[0]
    marks = shop.upcoming.marks_of(child)
    assert [m.action for m in marks] == ["card_sent"]
    entry = shop.contacts.get(marks[0].contact_id)  # type: ignore[arg-type]
    assert entry.kind == "card" and entry.summary.startswith("Card printed: ")
    assert entry.occasion_id == child


def test_vouchers_loyalty_cards_and_labels_are_not_contacts(shop: Shop) -> None:
    material = furnish(shop, with_logo=False)
    people = tuple(material.customers)
    jobs = [
        PrintJob(DocumentKind.VOUCHER, reward_ids=tuple(material.vouchers)),
        PrintJob(DocumentKind.LOYALTY_CARD, customer_ids=people),
        PrintJob(DocumentKind.LABELS, customer_ids=people[:4]),
    ]
    assert shop.printed.log([shop.documents.prepare(job) for job in jobs]) == 0
    assert all(shop.contacts.of_customer(c) == [] for c in people)


def test_a_bad_recorded_by_is_refused_and_nothing_is_written(shop: Shop) -> None:
    material = furnish(shop, with_logo=False)
    cards = shop.documents.prepare(
        PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(material.customers[:2]))
    )
    with pytest.raises(InvalidInput):
        shop.printed.log(cards, recorded_by="x" * 500)
    assert shop.contacts.of_customer(material.customers[0]) == []
