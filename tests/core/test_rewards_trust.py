"""Rewards never quietly lose value: a resumed rule pays what was earned meanwhile at once, and a
voucher worth more than the purchase keeps its rest (or is refused, as the shop chooses)."""

from __future__ import annotations

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.loyalty.rules import RewardKind
from tests.core.conftest import FakeClock


def visit(shop: Shop, clock: FakeClock, customer_id: int, amount: str = "100") -> None:
    clock.advance(days=1)
    shop.purchases.log(customer_id, amount)


def test_resuming_a_rule_issues_what_was_earned_while_it_was_paused_at_once(
    shop: Shop, clock: FakeClock
) -> None:
    (rule,) = shop.rules.all()  # every 4th visit: 10% off
    shop.rules.pause(rule.id)
    ayse = shop.customers.add(name="Ayşe")
    mehmet = shop.customers.add(name="Mehmet")
    for _ in range(9):
        visit(shop, clock, ayse.id)
    for _ in range(3):
        visit(shop, clock, mehmet.id)
    assert shop.rewards.of_customer(ayse.id) == []

    shop.rules.resume(rule.id)
    assert len(shop.rewards.of_customer(ayse.id)) == 2  # visits 4 and 8, before her next visit
    assert shop.rewards.of_customer(mehmet.id) == []
    (progress,) = shop.loyalty.progress(ayse.id)
    assert (progress.done, progress.target) == (1, 4)
    assert progress.text.startswith("3 more visits")
    shop.rules.resume(rule.id)  # resuming again issues nothing twice
    assert len(shop.rewards.of_customer(ayse.id)) == 2


def test_resuming_a_spending_rule_pays_each_threshold_passed(shop: Shop, clock: FakeClock) -> None:
    rule = shop.rules.add("spending", "amount", value="100", every_spending="1000")
    shop.rules.pause(rule.id)
    c = shop.customers.add(name="Ayşe")
    for _ in range(5):
        visit(shop, clock, c.id, "450")
    shop.rules.resume(rule.id)
    mine = [r for r in shop.rewards.of_customer(c.id) if r.rule_id == rule.id]
    assert len(mine) == 2  # 2.250 spent since the rule was added


def test_a_voucher_worth_more_than_the_purchase_keeps_the_rest(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    hundred = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="100", valid_days=30)
    preview = shop.purchases.preview(c.id, "50", [hundred.id])
    assert preview.discount == 5000
    assert [(r.id, rest) for r, rest in preview.rests] == [(hundred.id, 5000)]
    p = shop.purchases.log(c.id, "50", redeem=[hundred.id])
    assert (p.discount, p.paid) == (5000, 0)
    (rest,) = shop.rewards.of_customer(c.id)
    assert (rest.value, rest.customer_id, rest.remainder_of) == (5000, c.id, hundred.id)
    assert rest.expires_on == hundred.expires_on
    assert rest.code != hundred.code


def test_an_anonymous_gift_vouchers_rest_stays_anonymous(shop: Shop) -> None:
    c = shop.customers.add(name="Ayşe")
    (gift,) = shop.rewards.issue_gift_vouchers(1, "200")
    shop.purchases.log(c.id, "120", redeem=[gift.id])
    rests = [r for r in shop.rewards.all("valid") if r.remainder_of == gift.id]
    assert [(r.value, r.customer_id, r.origin) for r in rests] == [(8000, None, "gift")]


def test_the_shop_may_refuse_a_voucher_worth_more_than_the_purchase(shop: Shop) -> None:
    shop.settings.update(voucher_rest="refuse")
    c = shop.customers.add(name="Ayşe")
    hundred = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="100")
    with pytest.raises(InvalidInput, match=r"worth ₺100.00, more than the ₺50.00 left to pay"):
        shop.purchases.log(c.id, "50", redeem=[hundred.id])
    assert shop.purchases.of_customer(c.id) == []
    assert shop.rewards.get(hundred.id).redeemed_at is None
    assert shop.purchases.log(c.id, "150", redeem=[hundred.id]).paid == 5000


def test_voiding_the_purchase_gives_the_whole_voucher_back_and_voids_the_rest(
    shop: Shop,
) -> None:
    c = shop.customers.add(name="Ayşe")
    hundred = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="100")
    p = shop.purchases.log(c.id, "50", redeem=[hundred.id])
    shop.purchases.void(p.id, "yanlış")
    open_rewards = shop.rewards.of_customer(c.id)
    assert [(r.id, r.value) for r in open_rewards] == [(hundred.id, 10000)]


def test_a_rest_already_used_keeps_the_voucher_used_when_the_first_purchase_is_voided(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    hundred = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="100")
    first = shop.purchases.log(c.id, "50", redeem=[hundred.id])
    (rest,) = shop.rewards.of_customer(c.id)
    clock.advance(days=1)
    shop.purchases.log(c.id, "80", redeem=[rest.id])
    shop.purchases.void(first.id, "yanlış")
    assert shop.rewards.get(hundred.id).redeemed_at is not None  # no value given twice
    assert "voided" in shop.rewards.get(hundred.id).note
