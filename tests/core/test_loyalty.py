"""Loyalty rules turn visits and spending into rewards, once per cycle, and take them back."""

from datetime import date, datetime

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.loyalty.rewards import RewardStatus
from shopcrm.loyalty.rules import RewardKind, RuleKind
from tests.core.conftest import FakeClock


def visit(shop: Shop, clock: FakeClock, customer_id: int, amount: str = "100", **kw):  # type: ignore[no-untyped-def]
    """A purchase on a new day (so that it is a new visit)."""
    clock.advance(days=1)
    return shop.purchases.log(customer_id, amount, **kw)


def test_a_new_shop_starts_with_every_4th_visit_10_percent_off(shop: Shop) -> None:
    (rule,) = shop.rules.all()
    assert (rule.kind, rule.every_visits, rule.reward, rule.value) == (
        RuleKind.VISITS,
        4,
        RewardKind.PERCENT,
        10,
    )
    assert rule.description() == "Every 4 visits: 10% off"


def test_every_4th_visit_earns_and_the_cycle_repeats(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    earned = [len(shop.rewards.earned_by(visit(shop, clock, c.id).id)) for _ in range(8)]
    assert earned == [0, 0, 0, 1, 0, 0, 0, 1]
    assert len(shop.rewards.of_customer(c.id)) == 2


def test_two_purchases_on_one_day_are_one_visit_toward_the_rule(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    for _ in range(3):
        visit(shop, clock, c.id)
    clock.advance(days=1)
    shop.purchases.log(c.id, "10")
    shop.purchases.log(c.id, "10")
    assert shop.loyalty.balance(c.id).visits == 4
    assert len(shop.rewards.of_customer(c.id)) == 1


def test_progress_and_the_almost_there_mark(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    visit(shop, clock, c.id)
    visit(shop, clock, c.id)
    (p,) = shop.loyalty.progress(c.id)
    assert (p.text, p.almost, p.done, p.target) == ("2 more visits to 10% off", False, 2, 4)
    visit(shop, clock, c.id)
    (p,) = shop.loyalty.progress(c.id)
    assert (p.text, p.almost) == ("1 more visit to 10% off", True)


def test_a_big_purchase_crosses_a_spending_threshold_twice(shop: Shop, clock: FakeClock) -> None:
    shop.rules.pause(shop.rules.all()[0].id)
    shop.rules.add(RuleKind.SPENDING, RewardKind.AMOUNT, value="100", every_spending="2,000")
    c = shop.customers.add(name="Mehmet")
    p = visit(shop, clock, c.id, "5,000")
    assert [r.value for r in shop.rewards.earned_by(p.id)] == [10000, 10000]
    (progress,) = shop.loyalty.progress(c.id)
    assert progress.text == "₺1,000.00 more to ₺100.00 off"
    assert not progress.almost
    visit(shop, clock, c.id, "850")
    assert shop.loyalty.progress(c.id)[0].almost  # ₺150 left of ₺2,000


def test_the_discount_spends_less_toward_spending_rules(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Mehmet")
    for _ in range(4):
        visit(shop, clock, c.id)
    (reward,) = shop.rewards.of_customer(c.id)
    p = visit(shop, clock, c.id, "1,000", redeem=[reward.id])
    assert (p.amount, p.discount, p.paid) == (100000, 10000, 90000)
    assert shop.customers.get(c.id).total_spent == 4 * 10000 + 90000
    assert shop.loyalty.balance(c.id).spending == 130000


def test_redeeming_marks_the_voucher_used_with_the_purchase(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Mehmet")
    for _ in range(4):
        visit(shop, clock, c.id)
    (reward,) = shop.rewards.of_customer(c.id)
    assert shop.purchases.preview_discount(c.id, "250", [reward.id]) == 2500
    p = visit(shop, clock, c.id, "250", redeem=[reward.id])
    used = shop.rewards.get(reward.id)
    assert used.redeemed_purchase_id == p.id
    assert used.status(clock.now.date()) is RewardStatus.USED
    assert shop.rewards.of_customer(c.id) == []
    with pytest.raises(InvalidInput, match="was used on"):
        visit(shop, clock, c.id, "250", redeem=[reward.id])


def test_a_voucher_cannot_be_used_by_another_customer_or_after_it_expires(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Mehmet")
    other = shop.customers.add(name="Zeynep")
    for _ in range(4):
        visit(shop, clock, c.id)
    (reward,) = shop.rewards.of_customer(c.id)
    with pytest.raises(InvalidInput, match="another customer"):
        visit(shop, clock, other.id, "100", redeem=[reward.id])
    clock.advance(days=91)
    with pytest.raises(InvalidInput, match="expired on"):
        visit(shop, clock, c.id, "100", redeem=[reward.id])
    assert shop.purchases.of_customer(other.id) == []


def test_amount_and_percent_discounts_never_exceed_the_purchase(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Mehmet")
    goodwill = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="100", note="şikâyet")
    assert shop.purchases.preview_discount(c.id, "40", [goodwill.id]) == 4000
    p = visit(shop, clock, c.id, "40", redeem=[goodwill.id])
    assert (p.discount, p.paid) == (4000, 0)


def test_voiding_takes_back_an_unredeemed_reward_it_earned(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    purchases = [visit(shop, clock, c.id) for _ in range(4)]
    (reward,) = shop.rewards.of_customer(c.id)
    shop.purchases.void(purchases[1].id, reason="yanlış müşteri")
    taken = shop.rewards.get(reward.id)
    assert taken.status(clock.now.date()) is RewardStatus.VOIDED
    assert "yanlış müşteri" in taken.void_reason
    visit(shop, clock, c.id)  # the 4th visit again: earned anew, with a new code
    (again,) = shop.rewards.of_customer(c.id)
    assert again.id != reward.id and again.cycle == 1


def test_voiding_after_redemption_keeps_the_reward_and_notes_the_void(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    purchases = [visit(shop, clock, c.id) for _ in range(4)]
    (reward,) = shop.rewards.of_customer(c.id)
    visit(shop, clock, c.id, "500", redeem=[reward.id])  # the 5th visit
    shop.purchases.void(purchases[0].id, reason="ilk deneme")
    assert shop.rewards.get(reward.id).note == ""  # still 4 visits: still earned
    shop.purchases.void(purchases[1].id, reason="deneme")
    kept = shop.rewards.get(reward.id)
    assert kept.status(clock.now.date()) is RewardStatus.USED
    assert "deneme" in kept.note


def test_voiding_the_purchase_a_voucher_was_used_in_gives_it_back(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    for _ in range(4):
        visit(shop, clock, c.id)
    (reward,) = shop.rewards.of_customer(c.id)
    p = visit(shop, clock, c.id, "500", redeem=[reward.id])
    shop.purchases.void(p.id, reason="Kasada geri alındı")
    back = shop.rewards.get(reward.id)
    assert back.status(clock.now.date()) is RewardStatus.VALID
    assert "Kasada geri alındı" in back.note


def test_an_opening_balance_from_a_paper_card_counts(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Hatice")
    shop.loyalty.adjust(c.id, visits=3, reason="kâğıt kart: 3 damga")
    assert shop.rewards.of_customer(c.id) == []
    assert shop.loyalty.progress(c.id)[0].text == "1 more visit to 10% off"
    visit(shop, clock, c.id)
    assert len(shop.rewards.of_customer(c.id)) == 1
    shop.loyalty.adjust(c.id, visits=-1, reason="fazla damga")
    assert shop.rewards.of_customer(c.id) == []
    with pytest.raises(InvalidInput, match="reason"):
        shop.loyalty.adjust(c.id, visits=2)
    with pytest.raises(InvalidInput):
        shop.loyalty.adjust(c.id, visits="üç", reason="x")


def test_welcome_reward_on_the_first_purchase(shop: Shop, clock: FakeClock) -> None:
    shop.rules.add(RuleKind.WELCOME, RewardKind.GIFT, gift="Kupa", valid_days=30)
    c = shop.customers.add(name="Yeni")
    assert shop.loyalty.progress(c.id)[1].text == "First purchase: Kupa as a gift"
    p = visit(shop, clock, c.id)
    assert [r.gift for r in shop.rewards.earned_by(p.id)] == ["Kupa"]
    visit(shop, clock, c.id)
    assert [r.gift for r in shop.rewards.of_customer(c.id)] == ["Kupa"]
    gift = shop.rewards.of_customer(c.id)[0]
    assert shop.rewards.hand_over(gift.id).redeemed_at is not None


def test_referral_rewards_the_referrer_on_the_new_customers_first_purchase(
    shop: Shop, clock: FakeClock
) -> None:
    shop.rules.add(RuleKind.REFERRAL, RewardKind.AMOUNT, value="50")
    ayse = shop.customers.add(name="Ayşe")
    fatma = shop.customers.add(name="Fatma", referred_by=ayse.id)
    assert shop.rewards.of_customer(ayse.id) == []
    first = visit(shop, clock, fatma.id)
    visit(shop, clock, fatma.id)
    (reward,) = shop.rewards.of_customer(ayse.id)
    assert reward.value == 5000 and reward.cycle == fatma.id
    shop.purchases.void(first.id, reason="yanlış")
    assert len(shop.rewards.of_customer(ayse.id)) == 1  # Fatma still has a purchase


def test_birthday_reward_is_issued_days_before_once_a_year(shop: Shop, clock: FakeClock) -> None:
    shop.rules.add(RuleKind.BIRTHDAY, RewardKind.PERCENT, value=20, days_before=7, valid_days=14)
    c = shop.customers.add(name="Leyla", birthday="20.03.1990")
    assert shop.rewards.issue_birthdays(date(2026, 3, 12)) == []
    (reward,) = shop.rewards.issue_birthdays(date(2026, 3, 13))
    assert reward.customer_id == c.id and reward.cycle == 2026
    assert shop.rewards.issue_birthdays(date(2026, 3, 14)) == []
    assert len(shop.rewards.issue_birthdays(date(2027, 3, 15))) == 1


def test_a_29_february_birthday_is_kept_on_28_february(shop: Shop, clock: FakeClock) -> None:
    shop.rules.add(RuleKind.BIRTHDAY, RewardKind.GIFT, gift="Çiçek", days_before=0)
    shop.customers.add(name="Şubat", birthday="29.02")
    assert shop.rewards.issue_birthdays(date(2027, 2, 27)) == []
    assert len(shop.rewards.issue_birthdays(date(2027, 2, 28))) == 1
    assert shop.rewards.issue_birthdays(date(2027, 3, 1)) == []
    assert len(shop.rewards.issue_birthdays(date(2028, 2, 29))) == 1


def test_editing_a_rule_never_changes_rewards_already_issued(shop: Shop, clock: FakeClock) -> None:
    rule = shop.rules.all()[0]
    c = shop.customers.add(name="Ayşe")
    for _ in range(8):
        visit(shop, clock, c.id)
    shop.rules.update(rule.id, value=15, every_visits=5)
    assert [r.value for r in shop.rewards.of_customer(c.id)] == [10, 10]
    for _ in range(2):
        visit(shop, clock, c.id)  # 10 visits: the 2nd cycle of 5 is already held
    assert [r.value for r in shop.rewards.of_customer(c.id)] == [10, 10]
    visit(shop, clock, c.id)
    assert shop.loyalty.progress(c.id)[0].text == "4 more visits to 15% off"


def test_a_new_rule_counts_from_today_unless_told_to_count_the_past(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Ayşe")
    for _ in range(25):
        visit(shop, clock, c.id)
    clock.advance(days=1)
    shop.rules.add(RuleKind.VISITS, RewardKind.GIFT, gift="Kupa", every_visits=10)
    generous = shop.rules.add(
        RuleKind.VISITS, RewardKind.GIFT, gift="Çay", every_visits=10, count_past=True
    )
    p = visit(shop, clock, c.id)
    assert [r.gift for r in shop.rewards.earned_by(p.id)] == ["Çay", "Çay"]
    progress = {pr.rule.gift: pr.text for pr in shop.loyalty.progress(c.id)}
    assert progress["Kupa"] == "9 more visits to Kupa as a gift"
    assert progress["Çay"] == "4 more visits to Çay as a gift"
    assert generous.counts_from == ""


def test_a_paused_rule_issues_nothing(shop: Shop, clock: FakeClock) -> None:
    rule = shop.rules.pause(shop.rules.all()[0].id)
    assert not rule.active
    c = shop.customers.add(name="Ayşe")
    for _ in range(4):
        visit(shop, clock, c.id)
    assert shop.rewards.of_customer(c.id) == []
    assert shop.loyalty.progress(c.id) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "visits", "reward": "percent", "value": 10, "every_visits": 0},
        {"kind": "visits", "reward": "percent", "value": 150, "every_visits": 4},
        {"kind": "spending", "reward": "amount", "value": "100", "every_spending": "abc"},
        {"kind": "visits", "reward": "gift", "gift": " ", "every_visits": 10},
        {"kind": "birthday", "reward": "percent", "value": 10, "days_before": 90},
        {"kind": "visits", "reward": "percent", "value": 10, "every_visits": 4, "valid_days": 0},
        {"kind": "weekly", "reward": "percent", "value": 10},
    ],
)
def test_rules_that_make_no_sense_are_refused(shop: Shop, fields: dict[str, object]) -> None:
    with pytest.raises(InvalidInput):
        shop.rules.add(**fields)  # type: ignore[arg-type]
    assert len(shop.rules.all()) == 1


def test_owner_vouchers_goodwill_and_anonymous_gift_vouchers(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Kemal")
    goodwill = shop.rewards.give_goodwill(c.id, "amount", value="75", note="geç teslimat")
    assert goodwill.origin == "goodwill" and goodwill.customer_id == c.id
    gifts = shop.rewards.issue_gift_vouchers(3, value="250", valid_days=365)
    assert len({g.code for g in gifts}) == 3 and all(g.customer_id is None for g in gifts)
    p = visit(shop, clock, c.id, "400", redeem=[gifts[0].id])
    assert p.paid == 15000
    lookup = shop.rewards.look_up(gifts[1].code)
    assert lookup.state == "valid" and lookup.message.startswith("Gift voucher")


def test_looking_up_a_code_says_whose_it_is_and_why_it_cannot_be_used(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Şükrü Öztürk")
    reward = shop.rewards.give_goodwill(c.id, "percent", value=10, valid_days=10)
    found = shop.rewards.look_up(reward.code.lower().replace("-", " "))
    assert found.state == "valid" and found.customer == shop.customers.get(c.id)
    assert "Şükrü Öztürk" in found.message and "10% off" in found.message
    typo = reward.code[:-1] + ("A" if reward.code[-1] != "A" else "B")
    assert shop.rewards.look_up(typo).state == "mistyped"
    assert shop.rewards.look_up("2345-6789-AB").state in ("mistyped", "unknown")
    clock.advance(days=11)
    expired = shop.rewards.look_up(reward.code)
    assert expired.state == "expired" and "expired on" in expired.message
    shop.rewards.void(reward.id, reason="süresi doldu")
    assert shop.rewards.look_up(reward.code).state == "voided"


def test_an_unknown_well_formed_code_is_told_apart_from_a_typo(shop: Shop) -> None:
    from shopcrm.loyalty.vouchers import new_code

    assert shop.rewards.look_up(new_code()).state == "unknown"


def test_rewards_are_never_deleted_and_never_redeemed_twice_in_the_database(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Kemal")
    reward = shop.rewards.give_goodwill(c.id, "gift", gift="Kupa")
    shop.rewards.hand_over(reward.id)
    with pytest.raises(Exception, match="never deleted"):
        shop.store.execute("DELETE FROM rewards WHERE id = ?", (reward.id,))
    with pytest.raises(Exception, match="already redeemed"):
        shop.store.execute(
            "UPDATE rewards SET redeemed_at = ? WHERE id = ?",
            (datetime(2026, 4, 1).isoformat(), reward.id),
        )


def test_birthdays_are_read_as_people_give_them(shop: Shop) -> None:
    assert shop.customers.add(name="A", birthday="15.03").birthday == "03-15"
    assert shop.customers.add(name="B", birthday="15/03/1980").birthday == "1980-03-15"
    assert shop.customers.add(name="C", birthday="29.02").birthday == "02-29"
    for bad in ["31.02", "29.02.1981", "15.03.2099", "yarın"]:
        with pytest.raises(InvalidInput):
            shop.customers.add(name="D", birthday=bad)


def test_a_referral_reward_given_back_by_a_void_is_taken_back_when_no_longer_earned(
    shop: Shop, clock: FakeClock
) -> None:
    shop.rules.add(RuleKind.REFERRAL, RewardKind.PERCENT, value=5)
    ayse = shop.customers.add(name="Ayşe")
    fatma = shop.customers.add(name="Fatma", referred_by=ayse.id)
    fatmas = visit(shop, clock, fatma.id)
    (reward,) = shop.rewards.of_customer(ayse.id)
    ayses = visit(shop, clock, ayse.id, "100", redeem=[reward.id])
    shop.purchases.void(fatmas.id, reason="yanlış müşteri")
    assert shop.rewards.get(reward.id).redeemed_at is not None  # used: it stays
    shop.purchases.void(ayses.id, reason="iade")
    back = shop.rewards.get(reward.id)
    assert back.status(clock.now.date()) is RewardStatus.VOIDED  # given back, then not earned
