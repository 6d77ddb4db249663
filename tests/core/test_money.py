"""Amounts typed at the counter become integer kuruş, read the way the current language writes
them, or are refused with a message that shows how to write them. Nothing is ever multiplied by a
thousand without a word."""

import pytest

from shopcrm import Shop
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import amount_input, money
from shopcrm.common.i18n import set_language
from shopcrm.common.money import MAX_AMOUNT, parse_amount


@pytest.mark.parametrize(
    ("typed", "kurus"),
    [
        ("1.250,50", 125050),
        ("1250,5", 125050),
        ("₺1.250", 125000),
        ("250", 25000),
        ("250TL", 25000),
        ("1.250,00 TL", 125000),
        ("0,99", 99),
        ("12,5", 1250),
        ("999.999,99", 99999999),
        ("1.000.000", 100000000),
        ("12.345", 1234500),
        ("1 250,50", 125050),
        (" 75 ", 7500),
        ("75 try", 7500),
        (125050, 125050),
    ],
)
def test_amounts_typed_the_turkish_way_in_turkish(typed: str | int, kurus: int) -> None:
    set_language("tr")
    assert parse_amount(typed) == kurus


@pytest.mark.parametrize(
    ("typed", "kurus"),
    [
        ("1,250.50", 125050),
        ("1250.5", 125050),
        ("₺1,250", 125000),
        ("$1,250.50", 125050),
        ("250", 25000),
        ("1,250.00 TL", 125000),
        ("0.99", 99),
        ("12.5", 1250),
        ("999,999.99", 99999999),
        ("1,000,000", 100000000),
        ("12,345", 1234500),
        ("1 250.50", 125050),
        (125050, 125050),
    ],
)
def test_amounts_typed_the_english_way_in_english(typed: str | int, kurus: int) -> None:
    assert parse_amount(typed) == kurus


@pytest.mark.parametrize(
    "typed", ["12,345", "0,001", "1,250", "0.500", "1250.50", "1,250.50", "12.5", "1.25.0", ",5"]
)
def test_what_is_not_turkish_is_refused_in_turkish_with_an_example(typed: str) -> None:
    set_language("tr")
    with pytest.raises(InvalidInput) as error:
        parse_amount(typed)
    assert amount_input(125050, language="tr") == "1.250,50"
    assert "1.250,50" in str(error.value)


@pytest.mark.parametrize(
    "typed", ["1.250,50", "0,001", "1.250", "0.500", "12,5", "0,50", "1,25", "1,2345", "1,", "1..5"]
)
def test_what_is_not_english_is_refused_in_english_with_an_example(typed: str) -> None:
    with pytest.raises(InvalidInput) as error:
        parse_amount(typed)
    assert "1,250.50" in str(error.value)


@pytest.mark.parametrize("typed", ["0.500", "0,001", "12,345"])
def test_never_a_thousand_times_more_without_a_word(typed: str) -> None:
    for language in ("tr", "en"):
        set_language(language)
        try:
            minor = parse_amount(typed)
        except InvalidInput:
            continue
        # English reads "12,345" as twelve thousand: that is what it says, not a guess.
        assert (language, typed) == ("en", "12,345") and minor == 1234500


@pytest.mark.parametrize("typed", ["²", "1²", "３", "٣٠", "12³,50", "5e3", "0x10", "1_000"])
def test_only_ascii_digits_are_digits(typed: str) -> None:
    for language in ("tr", "en"):
        set_language(language)
        with pytest.raises(InvalidInput):
            parse_amount(typed)


def test_thousands_of_digits_are_refused_without_a_crash() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_amount("9" * 5000)
    assert len(str(error.value)) < 120
    with pytest.raises(InvalidInput):
        parse_amount("1" + ",000" * 2000)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "more than zero"),
        ("0.00", "more than zero"),
        ("-5", "more than zero"),
        ("−5", "more than zero"),
        ("abc", "is not a valid amount"),
        ("", "type an amount"),
        ("  ₺ ", "type an amount"),
        ("1,000,000.01", "at most ₺1,000,000.00"),
        ("5000000", "at most ₺1,000,000.00"),
        (0, "more than zero"),
        (-100, "more than zero"),
        (MAX_AMOUNT + 1, "at most ₺1,000,000.00"),
    ],
)
def test_bad_amounts_are_refused_with_a_message(typed: str | int, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_amount(typed)


def test_booleans_are_not_amounts() -> None:
    with pytest.raises(InvalidInput):
        parse_amount(True)


def test_the_limit_is_written_in_the_shops_currency_and_language() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_amount("2,000,000", currency="USD")
    assert str(error.value) == "The amount can be at most $1,000,000.00."
    set_language("tr")
    with pytest.raises(InvalidInput) as error:
        parse_amount("2.000.000", currency="TRY")
    assert str(error.value) == "Tutar en fazla ₺1.000.000,00 olabilir."
    assert "1.000.000 ₺" not in str(error.value)


def test_a_refusal_quotes_what_was_typed_shortened() -> None:
    with pytest.raises(InvalidInput) as error:
        parse_amount("x" * 20000)
    assert "…" in str(error.value) and len(str(error.value)) < 150


def test_error_messages_are_turkish_when_the_shop_speaks_turkish() -> None:
    set_language("tr")
    with pytest.raises(InvalidInput) as error:
        parse_amount("abc")
    assert "tutar" in str(error.value).lower()


def test_money_is_written_for_the_language() -> None:
    assert money(125050, language="tr") == "₺1.250,50"
    assert money(125050, language="en") == "₺1,250.50"
    assert amount_input(125050, language="tr") == "1.250,50"
    assert amount_input(125050, language="en") == "1,250.50"


def test_every_form_that_takes_an_amount_writes_the_limit_in_the_shops_currency(
    shop: Shop,
) -> None:
    shop.settings.update(currency="USD")
    c = shop.customers.add(name="Ayşe")
    too_much = "2,000,000"
    attempts = {
        "purchase": lambda: shop.purchases.log(c.id, too_much),
        "preview": lambda: shop.purchases.preview_discount(c.id, too_much, []),
        "spending rule": lambda: shop.rules.add("spending", "percent", 5, every_spending=too_much),
        "amount rule": lambda: shop.rules.add("welcome", "amount", too_much),
        "goodwill": lambda: shop.rewards.give_goodwill(c.id, "amount", too_much),
        "gift vouchers": lambda: shop.rewards.issue_gift_vouchers(1, too_much),
        "adjustment": lambda: shop.loyalty.adjust(c.id, spending=too_much, reason="kart"),
        "negative adjustment": lambda: shop.loyalty.adjust(
            c.id, spending="-" + too_much, reason="kart"
        ),
        "adjustment in kuruş": lambda: shop.loyalty.adjust(c.id, spending=-(10**12), reason="x"),
    }
    for what, attempt in attempts.items():
        with pytest.raises(InvalidInput) as error:
            attempt()
        assert str(error.value) == "The amount can be at most $1,000,000.00.", what
