"""What the core says reads as whole sentences in Turkish and in English (see TURKISH.md).

Turkish cannot put a suffix on a piece dropped in from elsewhere, uses one plural form, and
writes money, percents and counts its own way: each rule and reward has its own whole text,
a count of one or zero has its own message, and numbers come from ``shopcrm.common.formatting``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import set_language
from shopcrm.loyalty.rules import RewardKind, RuleKind
from tests.core.conftest import FakeClock


@pytest.fixture
def turkish() -> Iterator[None]:
    set_language("tr")
    yield
    set_language("en")


def only_rule(shop: Shop, **fields: object) -> str:
    """The description of a new rule, the shop's first one paused."""
    for rule in shop.rules.all():
        if rule.active:
            shop.rules.pause(rule.id)
    return shop.rules.add(**fields).description()  # type: ignore[arg-type]


RULES = [
    (
        {"kind": "visits", "reward": "percent", "value": 10, "every_visits": 4},
        "Her 4 ziyarette %10 indirim",
        "Every 4 visits: 10% off",
    ),
    (
        {"kind": "visits", "reward": "amount", "value": "25", "every_visits": 1},
        "Her ziyarette ₺25,00 indirim",
        "Every visit: ₺25.00 off",
    ),
    (
        {"kind": "visits", "reward": "gift", "gift": "saksı çiçeği", "every_visits": 10},
        "Her 10 ziyarette saksı çiçeği hediye",
        "Every 10 visits: saksı çiçeği as a gift",
    ),
    (
        {"kind": "visits", "reward": "percent", "value": 5, "every_visits": 1000},
        "Her 1.000 ziyarette %5 indirim",
        "Every 1,000 visits: 5% off",
    ),
    (
        {"kind": "spending", "reward": "amount", "value": "100", "every_spending": 200_000},
        "Her ₺2.000,00 harcamada ₺100,00 indirim",
        "Every ₺2,000.00 spent: ₺100.00 off",
    ),
    (
        {"kind": "birthday", "reward": "percent", "value": 15, "days_before": 0},
        "Doğum gününde %15 indirim",
        "On the birthday: 15% off",
    ),
    (
        {"kind": "birthday", "reward": "gift", "gift": "Çiçek", "days_before": 7},
        "Doğum gününe 7 gün kala Çiçek hediye",
        "7 days before the birthday: Çiçek as a gift",
    ),
    (
        {"kind": "birthday", "reward": "percent", "value": 15, "days_before": 1},
        "Doğum gününe 1 gün kala %15 indirim",
        "1 day before the birthday: 15% off",
    ),
    (
        {"kind": "welcome", "reward": "percent", "value": 10},
        "İlk alışverişte %10 indirim",
        "First purchase: 10% off",
    ),
    (
        {"kind": "referral", "reward": "amount", "value": "50"},
        "Yeni müşteri getirene ₺50,00 indirim",
        "Bringing a new customer: ₺50.00 off",
    ),
]


@pytest.mark.parametrize(("fields", "turkish_text", "english_text"), RULES)
def test_each_rule_reads_as_one_whole_sentence(
    shop: Shop, fields: dict[str, object], turkish_text: str, english_text: str
) -> None:
    assert only_rule(shop, **fields) == english_text
    set_language("tr")
    try:
        assert shop.rules.all()[-1].description() == turkish_text
    finally:
        set_language("en")


def test_no_rule_or_reward_text_has_two_colons_or_a_count_of_one(shop: Shop, turkish: None) -> None:
    for fields, _tr, _en in RULES:
        text = only_rule(shop, **fields)
        assert text.count(":") <= 1, text
        assert " 1 ziyaret" not in text and "0 gün" not in text, text


def test_an_anonymous_gift_voucher_is_a_gift_voucher_not_a_discount(shop: Shop) -> None:
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100")
    assert voucher.description() == "₺100.00 gift voucher"
    set_language("tr")
    try:
        assert voucher.description() == "₺100,00 değerinde hediye çeki"
        assert "indirim" not in shop.rewards.look_up(voucher.code).message
    finally:
        set_language("en")


def test_a_customers_vouchers_keep_their_worth(shop: Shop, turkish: None) -> None:
    c = shop.customers.add(name="Ayşe Yılmaz")
    amount = shop.rewards.give_goodwill(c.id, RewardKind.AMOUNT, value="1.250,50")
    gift = shop.rewards.give_goodwill(c.id, RewardKind.GIFT, gift="Kupa")
    assert amount.description() == "₺1.250,50 indirim"
    assert gift.description() == "Kupa hediye"


def test_progress_reads_as_turkish(shop: Shop, clock: FakeClock, turkish: None) -> None:
    shop.rules.add(RuleKind.VISITS, RewardKind.GIFT, gift="Kupa", every_visits=1000)
    shop.rules.add(RuleKind.SPENDING, RewardKind.AMOUNT, value="100", every_spending="2.000")
    shop.rules.add(RuleKind.WELCOME, RewardKind.PERCENT, value=10)
    shop.rules.add(RuleKind.BIRTHDAY, RewardKind.PERCENT, value=15, days_before=7)
    c = shop.customers.add(name="Leyla", birthday="20.03.1990")
    texts = [p.text for p in shop.loyalty.progress(c.id)]
    assert texts == [
        "%10 indirim için 4 ziyaret kaldı",
        "Kupa hediye için 1.000 ziyaret kaldı",
        "₺100,00 indirim için ₺2.000,00 kaldı",
        "İlk alışverişte %10 indirim",
        "Doğum günü (20 Mar 2026): %15 indirim",
    ]


def test_progress_on_the_birthday_itself_says_today(
    shop: Shop, clock: FakeClock, turkish: None
) -> None:
    shop.rules.add(RuleKind.BIRTHDAY, RewardKind.PERCENT, value=15, days_before=0)
    c = shop.customers.add(name="Leyla", birthday="09.03.1990")
    assert shop.loyalty.progress(c.id)[-1].text == "Doğum günü bugün: %15 indirim"
    set_language("en")
    assert shop.loyalty.progress(c.id)[-1].text == "Birthday today: 15% off"


# Used and expired vouchers say whose they were, when, and with what -------------------------


def test_a_used_voucher_says_whose_it_was_when_and_with_which_purchase(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Şükrü Öztürk")
    reward = shop.rewards.give_goodwill(c.id, RewardKind.PERCENT, value=10)
    clock.now = datetime(2026, 3, 13, 16, 5)
    shop.purchases.log(c.id, "1,250.50", redeem=[reward.id])
    expected = (
        f"Voucher {reward.code} of Şükrü Öztürk was used on Mar 13, 2026, "
        "with a purchase of ₺1,250.50."
    )
    assert shop.rewards.look_up(reward.code).message == expected
    with pytest.raises(InvalidInput) as refused:
        shop.purchases.log(c.id, "10", redeem=[reward.id])
    assert str(refused.value) == expected
    set_language("tr")
    try:
        assert shop.rewards.look_up(reward.code).message == (
            f"Şükrü Öztürk adına verilen {reward.code} kuponu 13 Mar 2026 tarihinde "
            "₺1.250,50 tutarındaki alışverişte kullanıldı."
        )
    finally:
        set_language("en")


def test_a_gift_handed_over_says_so(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe Yılmaz")
    gift = shop.rewards.give_goodwill(c.id, RewardKind.GIFT, gift="Kupa")
    shop.rewards.hand_over(gift.id)
    assert shop.rewards.look_up(gift.code).message == (
        f"Voucher {gift.code} of Ayşe Yılmaz: the gift was handed over on Mar 9, 2026."
    )


def test_a_used_gift_voucher_says_it_was_a_gift_voucher(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe Yılmaz")
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100")
    shop.purchases.log(c.id, "250", redeem=[voucher.id])
    message = shop.rewards.look_up(voucher.code).message
    assert message == (
        f"Gift voucher {voucher.code} was used on Mar 9, 2026, with a purchase of ₺250.00."
    )
    set_language("tr")
    try:
        assert shop.rewards.look_up(voucher.code).message == (
            f"{voucher.code} hediye çeki 9 Mar 2026 tarihinde ₺250,00 tutarındaki "
            "alışverişte kullanıldı."
        )
    finally:
        set_language("en")


def test_an_expired_voucher_says_whose_it_was_and_when_it_expired(
    shop: Shop, clock: FakeClock
) -> None:
    c = shop.customers.add(name="Şükrü Öztürk")
    reward = shop.rewards.give_goodwill(c.id, RewardKind.PERCENT, value=10, valid_days=10)
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100", valid_days=10)
    clock.advance(days=11)
    assert shop.rewards.look_up(reward.code).message == (
        f"Voucher {reward.code} of Şükrü Öztürk expired on Mar 19, 2026."
    )
    assert shop.rewards.look_up(voucher.code).message == (
        f"Gift voucher {voucher.code} expired on Mar 19, 2026."
    )
    set_language("tr")
    try:
        assert shop.rewards.look_up(reward.code).message == (
            f"Şükrü Öztürk adına verilen {reward.code} kuponunun süresi 19 Mar 2026 "
            "tarihinde doldu."
        )
        assert shop.rewards.look_up(voucher.code).message == (
            f"{voucher.code} hediye çekinin süresi 19 Mar 2026 tarihinde doldu."
        )
    finally:
        set_language("en")


def test_a_valid_gift_voucher_says_what_it_is_worth_once(shop: Shop) -> None:
    (voucher,) = shop.rewards.issue_gift_vouchers(1, "100", valid_days=10)
    assert shop.rewards.look_up(voucher.code).message == (
        f"Gift voucher {voucher.code}: ₺100.00, valid until Mar 19, 2026."
    )
    set_language("tr")
    try:
        assert shop.rewards.look_up(voucher.code).message == (
            f"{voucher.code} kodlu ₺100,00 değerinde hediye çeki, 19 Mar 2026 tarihine kadar "
            "geçerli."
        )
    finally:
        set_language("en")
