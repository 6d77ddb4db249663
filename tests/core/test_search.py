"""Search the way a Turkish shopkeeper types: any case, no accents, any part, or phone digits."""

import dataclasses

import pytest

from shopcrm import Shop
from shopcrm.common.i18n import set_language


@pytest.fixture
def people(shop: Shop) -> Shop:
    shop.customers.add(name="Şükrü Öztürk", phone="+90 532 123 45 67")
    shop.customers.add(name="Işık Yılmaz", phone="0533 765 43 21")
    shop.customers.add(name="İpek Şahin")
    shop.customers.add(name="Ayşe Işıklı")
    shop.customers.add(name="Can Özkan", phone="0212 555 67 89")
    return shop


def names(shop: Shop, query: str) -> list[str]:
    return [c.name for c in shop.customers.search(query)]


@pytest.mark.parametrize(
    "query", ["sukru", "ŞÜKRÜ", "şük", "Şükrü", "ozturk", "ÖZTÜRK", "krü", "sukru ozt"]
)
def test_finds_sukru_however_typed(people: Shop, query: str) -> None:
    assert names(people, query) == ["Şükrü Öztürk"]


@pytest.mark.parametrize("query", ["isik", "IŞIK", "ışık", "Işık"])
def test_dotless_i_is_found_either_way(people: Shop, query: str) -> None:
    assert names(people, query) == ["Işık Yılmaz", "Ayşe Işıklı"]


@pytest.mark.parametrize("query", ["ipek", "İPEK", "IPEK"])
def test_dotted_capital_i(people: Shop, query: str) -> None:
    assert names(people, query) == ["İpek Şahin"]


@pytest.mark.parametrize("query", ["532 123", "0532", "+90 532", "05321234567", "123 45 67"])
def test_phone_digits_in_any_format(people: Shop, query: str) -> None:
    assert names(people, query) == ["Şükrü Öztürk"]


def test_one_or_two_letters_match_the_start_of_a_word(people: Shop) -> None:
    assert set(names(people, "öz")) == {"Şükrü Öztürk", "Can Özkan"}
    assert names(people, "ş") == ["Şükrü Öztürk", "İpek Şahin"]
    assert names(people, "zz") == []


def test_empty_and_unmatched_queries(people: Shop) -> None:
    assert names(people, "   ") == []
    assert names(people, "xyzw") == []
    assert names(people, '"%_') == []


def test_name_starting_with_the_query_comes_first(people: Shop) -> None:
    assert names(people, "işık")[0] == "Işık Yılmaz"
    assert names(people, "işıklı") == ["Ayşe Işıklı"]


def test_frequent_customers_come_before_rare_ones(shop: Shop) -> None:
    rare = shop.customers.add(name="Ali Kaya")
    frequent = shop.customers.add(name="Ali Koç")
    for day in range(1, 4):
        shop.purchases.log(frequent.id, "100", purchased_at=f"2026-03-0{day}T12:00:00")
    shop.purchases.log(rare.id, "100", purchased_at="2026-03-01T12:00:00")
    assert [c.id for c in shop.customers.search("ali")] == [frequent.id, rare.id]


def test_at_most_fifty_results(shop: Shop) -> None:
    with shop.store.transaction():
        for n in range(60):
            shop.customers.add(name=f"Mehmet Demir {n}")
    assert len(shop.customers.search("mehmet")) == 50
    assert len(shop.customers.search("me")) == 50


NEVER_RAISES = {
    "lone combining mark": "\u0301",
    "combining marks only": "\u0301\u0308 \u0327",
    "NUL": "şük\x00rü",
    "NUL alone": "\x00",
    "many short words": "ab " * 995,
    "many long words": "abc " * 995,
    "a very long word": "ş" * 20000,
    "lone surrogate": "ş\ud800k",
    "quotes": '"şük"rü" \'',
    "asterisks": "şük* *",
    "FTS5 operators": "sukru OR ozturk NOT ayse AND NEAR(a b) ^x col:y",
    "brackets": "({[ ]})",
    "bidi override": "\u202eşük",
    "superscript digits": "²³¹ ⁴⁵",
    "other digits": "٠٥٣٢ ١٢٣",
    "phone punctuation": "+-()./",
}


@pytest.mark.parametrize("query", NEVER_RAISES.values(), ids=NEVER_RAISES.keys())
def test_a_search_never_raises(people: Shop, query: str) -> None:
    assert isinstance(people.customers.search(query), list)


def test_what_is_searched_is_cut_to_a_sensible_length(people: Shop) -> None:
    assert names(people, "şükrü " + "x" * 500) == []
    assert names(people, "şükrü öztürk" + " ö" * 500) == ["Şükrü Öztürk"]
    assert names(people, "şük\x00rü") == ["Şükrü Öztürk"]


@pytest.mark.parametrize("typed", ["5", "53", "05", "0 5", "+90 5", "+90", "0"])
def test_one_or_two_phone_digits_ask_for_a_third(people: Shop, typed: str) -> None:
    assert people.customers.search_hint(typed) == "Type at least three digits of the phone number."


@pytest.mark.parametrize("typed", ["532", "0532", "ayşe", "a", "", "   ", "ş5", "KX7M-4QPA-9C"])
def test_no_hint_when_the_search_can_find_someone(people: Shop, typed: str) -> None:
    assert people.customers.search_hint(typed) is None


def test_the_hint_is_in_the_shops_language(people: Shop) -> None:
    set_language("tr")
    assert people.customers.search_hint("53") == "Telefon numarasının en az üç rakamını yazın."


def test_a_scanned_loyalty_card_finds_its_customer_only(people: Shop) -> None:
    from shopcrm.people.card_codes import card_code

    can = people.customers.search("Can Özkan")[0]
    assert names(people, card_code(can.id)) == ["Can Özkan"]
    assert names(people, " " + card_code(can.id).lower() + "\n") == ["Can Özkan"]
    assert people.customers.search_hint(card_code(can.id)) is None


def test_a_card_nobody_holds_or_of_an_archived_customer_says_so(people: Shop) -> None:
    from shopcrm.people.card_codes import card_code

    assert names(people, card_code(999)) == []
    assert people.customers.search_hint(card_code(999)) == (
        f"No customer has this loyalty card ({card_code(999)})."
    )
    ipek = people.customers.search("İpek")[0]
    people.customers.archive(ipek.id)
    assert names(people, card_code(ipek.id)) == []
    assert people.customers.search_hint(card_code(ipek.id)) == (
        "This loyalty card belongs to İpek Şahin, who is archived: bring them back on the "
        "Customers page."
    )
    assert [c.name for c in people.customers.search(card_code(ipek.id), include_archived=True)] == [
        "İpek Şahin"
    ]


def test_a_customer_found_is_the_same_record_as_one_read_by_id(shop: Shop) -> None:
    """The search builds its records its own quicker way: they equal the ones ``get`` reads,
    field for field (tags, birthday, form of address, archived), hash and show alike."""
    ayse = shop.customers.add(
        name="Ayşe Çığ",
        phone="0532 123 45 67",
        tags=["vip", "düğün"],
        birthday="15.03.1980",
        address_form="hanim",
    )
    shop.customers.add(name="Ayşe Öz")
    found = {c.id: c for c in shop.customers.search("ayşe")}
    assert found[ayse.id] == shop.customers.get(ayse.id)
    assert found[ayse.id].tags == ("vip", "düğün") and found[ayse.id].birthday == "1980-03-15"
    assert hash(found[ayse.id]) == hash(shop.customers.get(ayse.id))
    assert repr(found[ayse.id]) == repr(shop.customers.get(ayse.id))
    shop.customers.archive(ayse.id)
    (archived,) = shop.customers.search("çığ", include_archived=True)
    assert archived.archived and archived == shop.customers.get(ayse.id)
    with pytest.raises(dataclasses.FrozenInstanceError):
        archived.name = "Başka"  # type: ignore[misc]
