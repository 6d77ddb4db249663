"""Settings that change the meaning of what is recorded ask first; the counter asks about a very
large amount once."""

from __future__ import annotations

import pytest

from shopcrm import InvalidInput, NeedsConfirmation, Shop
from shopcrm.common.i18n import set_language
from shopcrm.settings import VoucherRest
from tests.core.conftest import FakeClock


def test_another_currency_with_purchases_says_what_it_relabels_and_waits_for_a_yes(
    shop: Shop,
) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.purchases.log(c.id, "1000")
    with pytest.raises(NeedsConfirmation) as asked:
        shop.settings.update(currency="USD", shop_name="Güneş")
    message = str(asked.value)
    assert "1 purchase is already recorded" in message
    assert "₺1,000.00 becomes $1,000.00" in message
    assert "not converted" in message
    assert shop.settings.get().currency == "TRY"
    assert shop.settings.get().shop_name == ""  # nothing of the change was saved
    assert shop.settings.update(currency="USD", confirmed=True).currency == "USD"


def test_a_new_shop_changes_its_currency_without_a_question(shop: Shop) -> None:
    assert shop.settings.update(currency="EUR").currency == "EUR"


def test_the_currency_question_speaks_turkish_with_turkish_amounts(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.purchases.log(c.id, "1000")
    set_language("tr")
    with pytest.raises(NeedsConfirmation) as asked:
        shop.settings.update(currency="USD")
    assert "₺1.000,00" in str(asked.value)


def test_another_visit_rule_says_how_many_counts_and_rewards_change_before_applying(
    shop: Shop, clock: FakeClock
) -> None:
    # Every 4th visit: 10% off (the first rule of every shop).
    ayse = shop.customers.add(name="Ayşe")
    for _ in range(2):  # two days, two purchases each: 2 visits by day, 4 by purchase
        clock.advance(days=1)
        shop.purchases.log(ayse.id, "100")
        shop.purchases.log(ayse.id, "100")
    mehmet = shop.customers.add(name="Mehmet")
    shop.purchases.log(mehmet.id, "100")
    with pytest.raises(NeedsConfirmation) as asked:
        shop.settings.update(visit_rule="purchase")
    message = str(asked.value)
    assert "changes the visit count of 1 customer" in message
    assert "1 reward will be issued" in message
    assert shop.customers.get(ayse.id).visit_count == 2
    assert shop.rewards.of_customer(ayse.id) == []

    shop.settings.update(visit_rule="purchase", confirmed=True)
    assert shop.customers.get(ayse.id).visit_count == 4
    assert len(shop.rewards.of_customer(ayse.id)) == 1

    with pytest.raises(NeedsConfirmation, match="1 unused reward will be taken back"):
        shop.settings.update(visit_rule="day")
    shop.settings.update(visit_rule="day", confirmed=True)
    assert shop.customers.get(ayse.id).visit_count == 2
    assert shop.rewards.of_customer(ayse.id) == []


def test_a_visit_rule_that_changes_nobody_needs_no_question(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.purchases.log(c.id, "100")
    assert shop.settings.update(visit_rule="purchase").visit_rule == "purchase"


def test_a_very_large_amount_asks_once_and_logs_nothing_until_confirmed(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    with pytest.raises(NeedsConfirmation) as asked:
        shop.purchases.log(c.id, "60000")
    assert str(asked.value).startswith("₺60,000.00 is more than ₺50,000.00")
    assert shop.purchases.of_customer(c.id) == []
    assert shop.purchases.log(c.id, "60000", confirmed=True).amount == 6_000_000
    assert shop.purchases.log(c.id, "50000").amount == 5_000_000  # the limit itself is fine


def test_the_shop_sets_its_own_limit_or_none(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.settings.update(large_amount="1000")
    assert shop.settings.get().large_amount == 100_000
    with pytest.raises(NeedsConfirmation):
        shop.purchases.log(c.id, "1500")
    shop.settings.update(large_amount="0")
    assert shop.purchases.log(c.id, "900000").amount == 90_000_000
    with pytest.raises(InvalidInput):
        shop.settings.update(large_amount="abc")
    assert shop.settings.get().large_amount == 0


def test_what_a_vouchers_rest_becomes_is_a_setting(shop: Shop) -> None:
    assert shop.settings.get().voucher_rest is VoucherRest.KEEP
    shop.settings.update(voucher_rest="refuse")
    assert shop.settings.get().voucher_rest is VoucherRest.REFUSE
    with pytest.raises(InvalidInput):
        shop.settings.update(voucher_rest="sometimes")


def test_the_days_the_shop_counts_are_settings_within_bounds(shop: Shop) -> None:
    assert (shop.settings.get().upcoming_days, shop.settings.get().notice_name_day) == (7, 3)
    shop.settings.update(upcoming_days="14", notice_wedding=30, lapsed_first_days=" 90 ")
    s = shop.settings.get()
    assert (s.upcoming_days, s.notice_wedding, s.lapsed_first_days) == (14, 30, 90)
    for change in (
        {"upcoming_days": "0"},
        {"notice_birthday": "91"},
        {"expiring_reward_days": "x"},
    ):
        with pytest.raises(InvalidInput):
            shop.settings.update(**change)
    assert shop.settings.get() == s
    set_language("tr")
    with pytest.raises(InvalidInput, match="1 ile 366 gün arasında"):
        shop.settings.update(upcoming_days=400)


def test_the_print_rules_are_settings(shop: Shop) -> None:
    s = shop.settings.get()
    assert (s.print_welcome, s.print_thank_you_over, s.print_occasion_days) == (False, 0, 0)
    shop.settings.update(
        print_welcome=True,
        print_thank_you_over="500",
        print_occasion_days="5",
        print_we_miss_you=True,
    )
    s = shop.settings.get()
    assert (s.print_welcome, s.print_thank_you_over, s.print_occasion_days) == (True, 50_000, 5)
    assert s.print_we_miss_you is True
    for change in ({"print_welcome": "yes"}, {"print_occasion_days": 91}):
        with pytest.raises(InvalidInput):
            shop.settings.update(**change)
    assert shop.settings.get() == s
