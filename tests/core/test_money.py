"""Amounts typed at the counter become integer kuruş, or are refused with a clear message."""

import pytest

from shopcrm.errors import InvalidInput
from shopcrm.formatting import amount_input, money
from shopcrm.i18n import set_language
from shopcrm.money import parse_amount


@pytest.mark.parametrize(
    ("typed", "kurus"),
    [
        ("1.250,50", 125050),
        ("1250,5", 125050),
        ("1250.50", 125050),
        ("₺1.250", 125000),
        ("250", 25000),
        ("1.250,00 TL", 125000),
        ("0,99", 99),
        ("1,250.50", 125050),
        ("12,5", 1250),
        ("999.999,99", 99999999),
        ("1.000.000", 100000000),
        (" 75 ", 7500),
        (125050, 125050),
    ],
)
def test_amounts_typed_the_turkish_or_plain_way(typed: str | int, kurus: int) -> None:
    assert parse_amount(typed) == kurus


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "more than zero"),
        ("0,00", "more than zero"),
        ("-5", "more than zero"),
        ("abc", "is not an amount"),
        ("", "type an amount"),
        ("1.000.000,01", "more than 1.000.000"),
        ("5000000", "more than 1.000.000"),
        ("1,234", None),
        ("12,345", None),
        ("1,2345", "at most two digits"),
        ("1.25.0", "is not an amount"),
        ("1,", "is not an amount"),
        (",5", "is not an amount"),
        (0, "more than zero"),
    ],
)
def test_bad_amounts_are_refused_with_a_message(typed: str | int, message: str | None) -> None:
    if message is None:  # three digits after one separator group thousands: 1,234 is 1234 ₺
        assert parse_amount(typed) == int(str(typed).replace(",", "")) * 100
        return
    with pytest.raises(InvalidInput, match=message):
        parse_amount(typed)


def test_error_messages_are_turkish_when_the_shop_speaks_turkish() -> None:
    set_language("tr")
    with pytest.raises(InvalidInput) as error:
        parse_amount("abc")
    assert "tutar" in str(error.value).lower()


def test_money_is_written_for_the_language() -> None:
    assert money(125050, language="tr") == "₺1.250,50"
    assert money(125050, language="en") == "₺1,250.50"
    assert amount_input(125050, language="tr") == "1.250,50"
