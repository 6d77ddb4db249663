"""What the owner types in the rule and goodwill forms: percents either way round, whole numbers
in ASCII digits only."""

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.loyalty.rules import parse_percent


@pytest.mark.parametrize("typed", ["%15", "15 %", "15%", " 15 ", "% 15", 15])
def test_a_percent_is_read_the_turkish_or_the_english_way(shop: Shop, typed: str | int) -> None:
    rule = shop.rules.add("visits", "percent", typed, every_visits=4)
    assert rule.value == 15
    c = shop.customers.add(name="Ayşe")
    assert shop.rewards.give_goodwill(c.id, "percent", typed).value == 15
    assert parse_percent(typed) == 15


@pytest.mark.parametrize("typed", ["%%15", "15,5", "%", "1²", "١٥", "15 percent", "0", "101"])
def test_what_is_not_a_whole_percent_is_refused(shop: Shop, typed: str) -> None:
    before = shop.rules.all()
    with pytest.raises(InvalidInput):
        shop.rules.add("visits", "percent", typed, every_visits=4)
    assert shop.rules.all() == before


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("every_visits", "²"),
        ("every_visits", "٣"),
        pytest.param("every_visits", "9" * 5000, id="every_visits-5000 nines"),
        ("every_visits", True),
        ("every_visits", "-4"),
        ("valid_days", "3.0"),
        ("valid_days", "9" * 10),
        ("valid_days", 10**30),
        ("valid_days", "1e3"),
    ],
)
def test_whole_numbers_are_ascii_digits_and_bounded(shop: Shop, field: str, typed: object) -> None:
    before = shop.rules.all()
    fields: dict[str, object] = {"every_visits": 4, "valid_days": 30, field: typed}
    with pytest.raises(InvalidInput):
        shop.rules.add("visits", "percent", 10, **fields)  # type: ignore[arg-type]
    assert shop.rules.all() == before


def test_a_refused_whole_number_quotes_a_few_characters_only(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as error:
        shop.rules.add("visits", "percent", 10, every_visits="x" * 20000)  # type: ignore[arg-type]
    assert len(str(error.value)) < 80


@pytest.mark.parametrize(
    "count", ["²", "abc", True, pytest.param("9" * 5000, id="5000 nines"), 10**20, -1]
)
def test_gift_voucher_counts_are_whole_numbers(shop: Shop, count: object) -> None:
    with pytest.raises(InvalidInput):
        shop.rewards.issue_gift_vouchers(count, "50")  # type: ignore[arg-type]
    assert shop.rewards.all() == []


def test_a_gift_voucher_count_may_be_typed(shop: Shop) -> None:
    assert len(shop.rewards.issue_gift_vouchers(" 3 ", "50")) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "visits", ["²", "1e3", "--2", "+-2", True, pytest.param("9" * 5000, id="5000 nines"), 10**20]
)
def test_adjusted_visits_are_signed_whole_numbers(shop: Shop, visits: object) -> None:
    c = shop.customers.add(name="Ayşe")
    with pytest.raises(InvalidInput):
        shop.loyalty.adjust(c.id, visits=visits, reason="kart")  # type: ignore[arg-type]
    assert shop.loyalty.balance(c.id).visits == 0


def test_adjusted_visits_may_be_typed_with_a_sign(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.loyalty.adjust(c.id, visits=" +5 ", reason="kart")
    shop.loyalty.adjust(c.id, visits="-2", reason="düzeltme")
    assert shop.loyalty.balance(c.id).visits == 3
