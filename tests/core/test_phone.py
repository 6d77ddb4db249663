"""Phone numbers typed in any Turkish form are stored in one form and found by their digits."""

import pytest

from shopcrm.errors import InvalidInput
from shopcrm.phone import display_phone, normalize_phone, query_digits


@pytest.mark.parametrize(
    "typed",
    ["0532 123 45 67", "+90 532 1234567", "5321234567", "0 (532) 123-45-67", "00905321234567"],
)
def test_mobile_forms_become_one_number(typed: str) -> None:
    assert normalize_phone(typed) == "+905321234567"


def test_landline_and_display() -> None:
    assert normalize_phone("0212 345 67 89") == "+902123456789"
    assert display_phone("+905321234567") == "0532 123 45 67"
    assert display_phone("+4930123456").startswith("+49")


@pytest.mark.parametrize("typed", ["123", "abc", "0532 123", "+90 999 999 99 99 99"])
def test_impossible_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="not a valid phone number"):
        normalize_phone(typed)


def test_empty_phone_is_allowed() -> None:
    assert normalize_phone("  ") == ""


def test_search_digits_drop_the_trunk_zero_and_country_code() -> None:
    assert query_digits("0532") == "532"
    assert query_digits("+90 532 123") == "532123"
    assert query_digits("532 123") == "532123"
