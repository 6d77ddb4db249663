"""Customers: recorded by name with checked details, archived instead of deleted."""

import pytest

from shopcrm import DuplicatePhone, InvalidInput, NotFound, Shop
from tests.core.conftest import FakeClock


def test_add_keeps_what_was_typed_cleaned(shop: Shop) -> None:
    c = shop.customers.add(
        name="  Şükrü   Öztürk ",
        phone="0532 123 45 67",
        email="sukru@example.com",
        address="Bağdat Cad. 12\nKadıköy",
        notes="Lilyum sever",
        tags=["VIP", " komşu ", "VIP"],
    )
    again = shop.customers.get(c.id)
    assert again.name == "Şükrü Öztürk"
    assert again.phone == "+905321234567"
    assert again.phone_display == "0532 123 45 67"
    assert again.address == "Bağdat Cad. 12\nKadıköy"
    assert again.tags == ("VIP", "komşu")
    assert again.visit_count == 0 and again.total_spent == 0 and again.last_visit is None
    assert not again.archived


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "name"),
        ({"name": "A" * 201}, "at most 200"),
        ({"name": "Ayşe", "phone": "123"}, "not a valid phone"),
        ({"name": "Ayşe", "email": "ayse@"}, "not a valid e-mail"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_saved(
    shop: Shop, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        shop.customers.add(**fields)
    assert shop.customers.count() == 0


def test_name_of_200_characters_is_accepted(shop: Shop) -> None:
    assert len(shop.customers.add(name="Ç" * 200).name) == 200


def test_a_known_phone_warns_and_offers_the_existing_customer(shop: Shop) -> None:
    first = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    with pytest.raises(DuplicatePhone) as error:
        shop.customers.add(name="Ayşe Y.", phone="+90 532 1234567")
    assert error.value.existing.id == first.id
    assert "Ayşe Yılmaz" in str(error.value)
    assert shop.customers.count() == 1
    second = shop.customers.add(name="Ayşe Y.", phone="5321234567", allow_duplicate_phone=True)
    assert second.phone == first.phone
    assert shop.customers.find_by_phone("0532 123 4567") == first


def test_update_checks_like_add(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Irmak Kılıç")
    other = shop.customers.add(name="Oya Ak", phone="0533 000 00 01")
    clock.advance(days=1)
    changed = shop.customers.update(c.id, name="Irmak Kılıç Şen", marketing_consent=True)
    assert changed.name == "Irmak Kılıç Şen"
    assert changed.marketing_consent and changed.consent_date == changed.updated_at
    assert changed.updated_at > c.updated_at
    assert shop.customers.search("sen")[0].id == c.id
    with pytest.raises(InvalidInput):
        shop.customers.update(c.id, name="")
    with pytest.raises(DuplicatePhone):
        shop.customers.update(c.id, phone=other.phone)
    assert shop.customers.get(c.id).name == "Irmak Kılıç Şen"


def test_referred_by_must_be_a_customer(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe")
    assert shop.customers.add(name="Fatma", referred_by=ayse.id).referred_by == ayse.id
    with pytest.raises(NotFound):
        shop.customers.add(name="Zehra", referred_by=999)
    with pytest.raises(InvalidInput):
        shop.customers.update(ayse.id, referred_by=ayse.id)


def test_archive_hides_from_search_and_lists_but_keeps_the_record(shop: Shop) -> None:
    c = shop.customers.add(name="Gülşen Doğan")
    shop.customers.archive(c.id)
    assert shop.customers.search("gulsen") == []
    assert [x.name for x in shop.customers.search("gulsen", include_archived=True)] == [
        "Gülşen Doğan"
    ]
    assert shop.customers.all() == []
    assert shop.customers.get(c.id).archived
    assert not shop.customers.unarchive(c.id).archived


def test_customers_are_never_deleted(shop: Shop) -> None:
    c = shop.customers.add(name="Ömer")
    with pytest.raises(Exception, match="archived, never deleted"):
        shop.store.execute("DELETE FROM customers WHERE id = ?", (c.id,))


def test_all_lists_in_turkish_alphabetical_order(shop: Shop) -> None:
    for name in ["Zeynep", "İlker", "Çağla", "Irmak", "Cem", "Ömer", "Oya", "Şule", "Selim"]:
        shop.customers.add(name=name)
    assert [c.name for c in shop.customers.all()] == [
        "Cem",
        "Çağla",
        "Irmak",
        "İlker",
        "Oya",
        "Ömer",
        "Selim",
        "Şule",
        "Zeynep",
    ]


def test_unknown_customer(shop: Shop) -> None:
    with pytest.raises(NotFound):
        shop.customers.get(42)
    for impossible in [2**63, -(2**70), True]:
        with pytest.raises(NotFound):
            shop.customers.get(impossible)


def test_every_refused_field_is_told_at_once_and_nothing_is_saved(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as error:
        shop.customers.add(
            name="",
            phone="0532 ABC DE FG",
            email="ayse@",
            notes="n" * 28000,
            birthday="31.02",
        )
    fields = error.value.fields
    assert list(fields) == ["name", "phone", "email", "notes", "birthday"]
    assert fields["name"] == "Please type the customer's name."
    assert "0532 ABC DE FG" in fields["phone"]
    assert "at most 2,000 characters" in fields["notes"]
    assert str(error.value) == "\n".join(fields.values())
    assert shop.customers.count() == 0


def test_an_update_tells_every_refused_field_and_changes_nothing(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe Yılmaz", email="ayse@example.com")
    with pytest.raises(InvalidInput) as error:
        shop.customers.update(c.id, name="A\x00yşe", email="nope", address="x" * 600)
    assert list(error.value.fields) == ["name", "email", "address"]
    assert shop.customers.get(c.id) == c


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "A" * 20000}, "name", "at most 200 characters long; this one has 20,000"),
        ({"name": "Ay\x00şe"}, "name", "“Name” holds an invisible"),
        ({"name": "Ayşe \ud800"}, "name", "“Name” holds an invisible"),
        ({"name": "\u202eAyşe"}, "name", "“Name” holds an invisible"),
        ({"name": "Ay\u200bşe"}, "name", "“Name” holds an invisible"),
        ({"name": "0532 123 45 67"}, "name", "at least one letter"),
        ({"name": "\u0301"}, "name", "at least one letter"),
        ({"notes": "n" * 28000}, "notes", "at most 2,000"),
        ({"notes": "çay\x07"}, "notes", "“Notes” holds an invisible"),
        ({"address": "x" * 501}, "address", "at most 500"),
        ({"email": "a" * 250 + "@example.com"}, "email", "at most 254"),
        ({"tags": ["x" * 51]}, "tags", "at most 50"),
        ({"tags": [f"t{n}" for n in range(31)]}, "tags", "at most 30 tags"),
        ({"tags": "VIP,\x00"}, "tags", "holds an invisible"),
        ({"phone": "0532 123 45 6²"}, "phone", "not a valid phone"),
        ({"birthday": "１５.０３"}, "birthday", "not a valid date"),
        ({"birthday": "9" * 5000}, "birthday", "not a valid date"),
    ],
)
def test_bad_text_is_refused_naming_its_field(
    shop: Shop, fields: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        shop.customers.add(**{"name": "Ayşe", **fields})  # type: ignore[arg-type]
    assert message in error.value.fields[field]
    assert len(str(error.value)) < 200
    assert shop.customers.count() == 0


def test_notes_and_addresses_keep_their_lines(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe", notes="Lilyum sever\r\n\tBeyaz", address="A\nB")
    assert (c.notes, c.address) == ("Lilyum sever\nBeyaz", "A\nB")


def test_a_referrer_that_cannot_exist_is_not_found(shop: Shop) -> None:
    for referrer in [2**70, -1, 0, True, "abc"]:
        with pytest.raises(NotFound):
            shop.customers.add(name="Zehra", referred_by=referrer)  # type: ignore[arg-type]
    assert shop.customers.count() == 0


def test_namesakes_are_customers_with_the_same_name_however_typed(shop: Shop) -> None:
    first = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    second = shop.customers.add(name="AYŞE  YILMAZ")
    shop.customers.add(name="Ayşe Yılmazer")
    archived = shop.customers.add(name="ayse yilmaz")
    shop.customers.archive(archived.id)
    assert [c.id for c in shop.customers.namesakes("ayse yılmaz")] == [first.id, second.id]
    assert [c.id for c in shop.customers.namesakes(" Ayşe Yılmaz ", exclude_id=first.id)] == [
        second.id
    ]
    assert shop.customers.namesakes("Ayşe") == []
    assert shop.customers.namesakes("") == []
    assert shop.customers.namesakes("Ayşe\x00 Yılmaz") == []
