"""Phone numbers typed in any Turkish form are stored in one form and found by their digits."""

import random

import phonenumbers
import pytest

from shopcrm.common.errors import InvalidInput
from shopcrm.people.phone import display_phone, normalize_phone, query_digits, split_name_and_phone


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


@pytest.mark.parametrize(
    "typed",
    [
        "0532 ABC DE FG",
        "0532 123 45 6a",
        "0532 123 45 6²",
        "0532 123 45 6³",
        "０５３２ １２３ ４５ ６７",
    ],
)
def test_letters_and_digits_other_than_0_to_9_are_not_a_phone(typed: str) -> None:
    with pytest.raises(InvalidInput, match="not a valid phone number"):
        normalize_phone(typed)


def test_a_refused_phone_is_quoted_short_and_shows_how_to_type_it() -> None:
    with pytest.raises(InvalidInput) as error:
        normalize_phone("5" * 5000)
    assert len(str(error.value)) < 120 and "0532 123 45 67" in str(error.value)


def test_search_digits_are_ascii_digits_only() -> None:
    assert query_digits("532²") == "532"


@pytest.mark.parametrize(
    ("typed", "name", "phone"),
    [
        ("0555 444 33 22", "", "0555 444 33 22"),
        ("Ayşe 0532 123 45 67", "Ayşe", "0532 123 45 67"),
        ("Ayşe Yılmaz", "Ayşe Yılmaz", ""),
        ("  0532 123 45 67   Ayşe  Yılmaz ", "Ayşe Yılmaz", "0532 123 45 67"),
        ("+90 (532) 123-45-67", "", "+90 (532) 123-45-67"),
        ("Ayşe 2", "Ayşe 2", ""),
        ("Ali3 Kaya", "Ali3 Kaya", ""),
        ("", "", ""),
    ],
)
def test_what_was_typed_in_the_search_box_splits_into_name_and_phone(
    typed: str, name: str, phone: str
) -> None:
    assert split_name_and_phone(typed) == (name, phone)


def _as_phonenumbers_lays_it_out(e164: str) -> str:
    number = phonenumbers.parse(e164, "TR")
    national = phonenumbers.region_code_for_number(number) == "TR"
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if national
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt))


def test_the_quick_layout_of_turkish_numbers_is_the_one_phonenumbers_gives() -> None:
    rng = random.Random(12)
    checked = 0
    for area in range(200, 600):
        for _ in range(3):
            e164 = f"+90{area}{rng.randrange(10**7):07d}"
            if phonenumbers.is_valid_number(phonenumbers.parse(e164, "TR")):
                assert display_phone(e164) == _as_phonenumbers_lays_it_out(e164), e164
                checked += 1
    for e164 in ("+905126279629", "+908502221111", "+904441234", "+31201016805", "+447946012345"):
        assert display_phone(e164) == _as_phonenumbers_lays_it_out(e164), e164
    assert checked > 300
    assert display_phone("+902125556789") == "(0212) 555 67 89"
