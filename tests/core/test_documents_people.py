"""What the documents need from people: a form of address per customer, and loyalty card codes
that the counter's search box recognises and never takes for a voucher, a phone or a name."""

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.loyalty.vouchers import looks_like_code, new_code
from shopcrm.people.address_forms import AddressForm
from shopcrm.people.card_codes import card_code, customer_of
from shopcrm.people.phone import looks_like_phone


def test_a_customer_is_added_and_changed_with_a_form_of_address(shop: Shop) -> None:
    sukru = shop.customers.add(name="Şükrü Öztürk", address_form="bey")
    assert shop.customers.get(sukru.id).address_form is AddressForm.BEY
    shop.customers.update(sukru.id, address_form="first_name")
    assert shop.customers.get(sukru.id).address_form == "first_name"
    assert shop.customers.add(name="Ayşe Yılmaz").address_form is AddressForm.NOT_CHOSEN


def test_an_unknown_form_of_address_is_refused_by_name_and_nothing_changes(shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", address_form="hanim")
    with pytest.raises(InvalidInput, match="“efendi” is not a form of address") as refused:
        shop.customers.update(ayse.id, name="Ayşe Kaya", address_form="efendi")
    assert set(refused.value.fields) == {"address_form"}
    assert shop.customers.get(ayse.id).name == "Ayşe Yılmaz"
    assert shop.customers.get(ayse.id).address_form is AddressForm.HANIM
    with pytest.raises(InvalidInput):
        shop.customers.add(name="Can", address_form=3)  # type: ignore[arg-type]
    assert shop.customers.count() == 1


@pytest.mark.parametrize("customer_id", [1, 7, 123, 4_567, 999_999, 9_999_999, 10**7, 12**8])
def test_a_card_code_gives_back_its_customer_however_it_is_typed(customer_id: int) -> None:
    code = card_code(customer_id)
    assert code.isascii() and code.isalnum() and len(code) <= 11
    assert customer_of(code) == customer_id
    spaced = f" {code[0].lower()} {code[1:-1]}-{code[-1].lower()} "
    assert customer_of(spaced) == customer_id


def test_a_card_code_is_never_a_voucher_code_a_phone_or_a_name() -> None:
    for customer_id in (1, 99, 1234, 10**7 - 1, 10**7, 10**8):
        assert not looks_like_code(card_code(customer_id))
        assert not looks_like_phone(card_code(customer_id))
    assert customer_of(new_code()) is None
    for typed in ("0532 123 45 67", "5321234567", "Ayşe Yılmaz", "Kaya", "K", "", "K12F"):
        assert customer_of(typed) is None


def test_every_single_slip_in_a_card_code_is_caught() -> None:
    code = card_code(4_567)
    for at in range(1, len(code) - 1):
        for digit in "0123456789":
            if digit != code[at]:
                assert customer_of(code[:at] + digit + code[at + 1 :]) is None
    for at in range(1, len(code) - 2):
        swapped = code[:at] + code[at + 1] + code[at] + code[at + 2 :]
        if swapped != code:
            assert customer_of(swapped) is None
