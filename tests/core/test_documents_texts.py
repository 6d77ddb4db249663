"""The owner's words on the documents: ready texts in Turkish and English, placeholders checked
when a text is saved, greetings by each customer's form of address, NFC."""

from __future__ import annotations

import re

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import set_language
from shopcrm.documents import greetings
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.documents.texts import KNOWN, fill, placeholders, ready_text
from tests.core.test_documents import Material, furnish, text_of


@pytest.fixture
def material(shop: Shop) -> Material:
    return furnish(shop)


@pytest.fixture
def turkish() -> None:
    set_language("tr")


def test_the_ready_texts_are_turkish_in_turkish(shop: Shop, turkish: None) -> None:
    thanks = shop.documents.ready_texts(DocumentKind.THANK_YOU)
    assert "Sizinle iş yapmaktan mutluyuz." in thanks[0].text
    keys = {ready.key for ready in thanks}
    assert {"thanks", "welcome"} <= keys
    letters = {r.key: r for r in shop.documents.ready_texts(DocumentKind.LETTER)}
    assert {"evening", "miss_you"} <= set(letters)
    assert "özledik" in letters["miss_you"].text
    occasions = {r.key for r in shop.documents.ready_texts(DocumentKind.OCCASION)}
    assert {"birthday", "anniversary", "engagement", "graduation"} <= occasions
    assert shop.documents.ready_texts(DocumentKind.VOUCHER)
    assert shop.documents.ready_texts(DocumentKind.LABELS) == []


def test_every_ready_text_uses_only_known_placeholders_in_both_languages(shop: Shop) -> None:
    for language in ("tr", "en"):
        set_language(language)
        for kind in DocumentKind:
            for ready in shop.documents.ready_texts(kind):
                assert shop.documents.check_text(ready.text) == ready.text


def test_an_unknown_placeholder_is_refused_by_name_when_the_text_is_saved(shop: Shop) -> None:
    with pytest.raises(InvalidInput, match=r"“\{ad\}” is not a placeholder") as refused:
        shop.documents.save_text(DocumentKind.THANK_YOU, "Merhaba {ad},\nteşekkürler!")
    assert "{first_name}" in str(refused.value)
    assert shop.documents.saved_text(DocumentKind.THANK_YOU) is None
    with pytest.raises(InvalidInput, match=re.escape("“{ name.upper }”")):
        shop.documents.save_text(DocumentKind.LETTER, "{ name.upper }")
    with pytest.raises(InvalidInput, match="is not a placeholder"):
        shop.documents.render(
            PrintJob(DocumentKind.THANK_YOU, customer_ids=(1,), text="Sevgili {müşteri}")
        )


def test_known_placeholders_any_case_and_lone_braces_are_kept(shop: Shop) -> None:
    text = "{Greeting}, { first_name }! %10 indirim {bugün değil"
    assert shop.documents.save_text(DocumentKind.THANK_YOU, text) == text
    assert shop.documents.text_of(DocumentKind.THANK_YOU_FOLDED) == text
    filled = fill(text, {"greeting": "Sayın Şükrü Bey", "first_name": "Şükrü"})
    assert filled == "Sayın Şükrü Bey, Şükrü! %10 indirim {bugün değil"


def test_a_saved_text_is_shared_by_its_kinds_and_an_empty_one_goes_back_to_the_ready_text(
    shop: Shop,
) -> None:
    ready = shop.documents.text_of(DocumentKind.VOUCHER)
    shop.documents.save_text(DocumentKind.VOUCHER_RECEIPT, "  Güle güle kullanın!  ")
    for kind in (DocumentKind.VOUCHER, DocumentKind.VOUCHER_SHEET, DocumentKind.VOUCHER_RECEIPT):
        assert shop.documents.text_of(kind) == "Güle güle kullanın!"
    assert shop.documents.saved_text(DocumentKind.LETTER) is None
    assert shop.documents.save_text(DocumentKind.VOUCHER, "") == ready
    assert shop.documents.saved_text(DocumentKind.VOUCHER) is None
    with pytest.raises(InvalidInput):
        shop.documents.save_text(DocumentKind.LABELS, "{name}")
    with pytest.raises(InvalidInput, match="not a kind of document"):
        shop.documents.save_text("poster", "{name}")


def test_the_placeholder_list_names_every_placeholder_with_its_meaning() -> None:
    listed = placeholders()
    assert {name.strip("{}") for name, _meaning in listed} == KNOWN
    assert all(meaning for _name, meaning in listed)
    assert {
        "greeting",
        "address_form",
        "name",
        "first_name",
        "shop",
        "date",
        "visits",
        "occasion",
        "whose",
    } <= KNOWN


@pytest.mark.parametrize(
    ("name", "form", "turkish_greeting", "english_greeting", "turkish_in_a_sentence"),
    [
        ("Şükrü Öztürk", "bey", "Sayın Şükrü Bey", "Dear Mr Öztürk", "Şükrü Bey"),
        ("Ayşe Nur Yılmaz", "hanim", "Sayın Ayşe Nur Hanım", "Dear Ms Yılmaz", "Ayşe Nur Hanım"),
        ("Çağla Işık", "first_name", "Sevgili Çağla", "Dear Çağla", "Çağla"),
        ("İlker Güneş", "", "Sayın İlker Güneş", "Dear İlker Güneş", "İlker Güneş"),
        ("Gökçe Ünal", "none", "Gökçe Ünal", "Gökçe Ünal", "Gökçe Ünal"),
        ("Cem", "bey", "Sayın Cem Bey", "Dear Mr Cem", "Cem Bey"),
    ],
)
def test_the_greeting_follows_the_form_of_address_and_the_language(
    name: str,
    form: str,
    turkish_greeting: str,
    english_greeting: str,
    turkish_in_a_sentence: str,
) -> None:
    assert greetings.greeting(name, form) == english_greeting
    set_language("tr")
    assert greetings.greeting(name, form) == turkish_greeting
    assert greetings.addressed(name, form) == turkish_in_a_sentence


def test_a_card_greets_each_customer_by_their_form_and_fills_every_placeholder(
    shop: Shop, material: Material, turkish: None
) -> None:
    text = "{greeting},\n{address_form} ({name}, {first_name}) — {visits} — {shop} — {date}"
    job = PrintJob(DocumentKind.THANK_YOU, customer_ids=tuple(material.customers[:2]), text=text)
    prepared = shop.documents.prepare(job)
    sukru, ayse = (r.message for r in prepared.recipients)
    assert sukru.startswith("Sayın Şükrü Bey,\nŞükrü Bey (Şükrü Öztürk, Şükrü) — 1 — ")
    assert sukru.endswith("— Çiçekçi Gülşen & Oğulları — 9 Mart 2026")
    assert ayse.startswith("Sayın Ayşe Nur Hanım,\nAyşe Nur Hanım (Ayşe Nur Yılmaz, Ayşe Nur)")
    assert "{" not in text_of(shop.documents.draw(prepared))


def test_an_occasion_card_names_the_occasion_and_the_child(
    shop: Shop, material: Material, turkish: None
) -> None:
    child, own = material.occasions
    job = PrintJob(DocumentKind.OCCASION, occasion_ids=(child, own))
    prepared = shop.documents.prepare(job)
    for_child, for_herself = prepared.recipients
    assert for_child.subheading == "kızı Elif — 18. yaş günü"
    assert for_child.heading == "Nice mutlu yıllara!"
    assert for_child.message.startswith("Sayın Ayşe Nur Hanım,")
    assert "Ailenizin bu mutlu gününü" in for_child.message
    assert for_herself.heading == "İyi ki doğdunuz!"
    assert for_herself.subheading == "55. yaş günü"
    assert "Doğum gününüzü" in for_herself.message
    printed = text_of(shop.documents.draw(prepared))
    assert "kızı Elif — 18. yaş günü" in printed
    own_text = PrintJob(DocumentKind.OCCASION, occasion_ids=(child,), text="{whose}: {occasion}")
    assert shop.documents.prepare(own_text).recipients[0].message == (
        "kızı Elif: kızı Elif — 18. yaş günü"
    )


def test_the_owners_saved_text_is_used_when_a_job_gives_none(
    shop: Shop, material: Material, turkish: None
) -> None:
    shop.documents.save_text(DocumentKind.LETTER, "{greeting},\nYaz indirimi başladı!")
    job = PrintJob(DocumentKind.LETTER, customer_ids=(material.customers[2],))
    assert "Sevgili Çağla,\nYaz indirimi başladı!" in text_of(shop.documents.render(job))
    miss_you = ready_text(DocumentKind.LETTER, "miss_you").text
    given = PrintJob(DocumentKind.LETTER, customer_ids=(material.customers[2],), text=miss_you)
    assert "özledik" in shop.documents.prepare(given).recipients[0].message
