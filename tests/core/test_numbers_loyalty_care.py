"""The loyalty and care figures on a small shop worked out by hand: November 2026 against
October 2026, seen on 2 December 2026 at 10:00."""

from __future__ import annotations

from datetime import datetime

import pytest

from shopcrm import Shop
from shopcrm.numbers.periods import last_month
from tests.core.conftest import FakeClock

TODAY = datetime(2026, 12, 2, 10, 0)
NOVEMBER = last_month(TODAY.date())


@pytest.fixture
def ids(shop: Shop, clock: FakeClock) -> dict[str, int]:
    shop.rules.pause(shop.rules.all()[0].id)  # only the vouchers given below
    names = {
        "A": "Ayşe Demir",
        "B": "Burak Kaya",
        "C": "Cem Öz",
        "D": "Deniz Şahin",
        "E": "Ece Tan",
    }
    people = {k: shop.customers.add(name=n).id for k, n in names.items()}
    give = shop.rewards.give_goodwill
    clock.now = datetime(2026, 10, 2, 10, 0)
    give(people["E"], "amount", 1000, valid_days=90)  # October, still valid
    clock.now = datetime(2026, 10, 20, 10, 0)
    give(people["A"], "percent", 10, valid_days=20)  # runs out in November, unused
    clock.now = datetime(2026, 11, 5, 10, 0)
    b = give(people["B"], "amount", 5000, valid_days=90)
    clock.now = datetime(2026, 11, 6, 12, 0)
    shop.purchases.log(people["B"], amount=20000, redeem=[b.id])  # 50 lira off
    clock.now = datetime(2026, 11, 10, 10, 0)
    give(people["C"], "gift", gift="Saksı", valid_days=90)  # November, still valid
    clock.now = datetime(2026, 11, 12, 10, 0)
    d = give(people["D"], "amount", 3000, valid_days=90)
    shop.rewards.void(d.id, "yanlış müşteri")  # does not count
    clock.now = TODAY

    log = shop.contacts.add
    k1 = log(people["A"], "complaint", "Soğuk kahve", happened_at="2026-11-02T09:00")
    shop.complaints.resolve(k1.id, "Yenisi verildi", resolved_at="2026-11-02T15:00")  # 6 h
    k2 = log(people["B"], "complaint", "Geç teslimat", happened_at="2026-11-10T10:00")
    shop.complaints.resolve(k2.id, "Özür dilendi", resolved_at="2026-11-14T10:00")  # 96 h
    log(people["C"], "complaint", "Kırık saksı", happened_at="2026-11-29T12:00")  # open 70 h
    log(people["D"], "complaint", "Yanlış çiçek", happened_at="2026-11-30T20:00")  # open 38 h
    k5 = log(people["D"], "complaint", "Çift kayıt", happened_at="2026-11-30T21:00")
    shop.contacts.void(k5.id, "iki kez girildi")
    k6 = log(people["E"], "complaint", "Eksik para üstü", happened_at="2026-10-30T10:00")
    shop.complaints.resolve(k6.id, "Ödendi", resolved_at="2026-11-01T09:00")  # 47 h

    log(people["B"], "call", "Kampanya", happened_at="2026-11-03T11:00")
    shop.purchases.log(people["B"], amount=10000, purchased_at="2026-11-20T10:00")
    log(people["C"], "letter", "Teşekkür mektubu", happened_at="2026-11-05T11:00")
    log(people["D"], "card", "Doğum günü kartı", happened_at="2026-11-25T11:00")
    shop.purchases.log(people["D"], amount=10000, purchased_at="2026-12-01T10:00")
    gift = log(people["A"], "gift", "Çikolata", happened_at="2026-11-07T11:00")
    shop.contacts.void(gift.id, "yanlış kayıt")
    log(people["A"], "visit_note", "Kızı için baktı", happened_at="2026-11-08T11:00")
    log(people["E"], "call", "Hatır sorma", happened_at="2026-10-10T11:00")
    shop.purchases.log(people["E"], amount=10000, purchased_at="2026-11-15T10:00")  # 36 days
    return people


def test_loyalty_figures(shop: Shop, ids: dict[str, int]) -> None:
    got = {f.key: (f.value, f.previous) for f in shop.numbers.figures(NOVEMBER).all()}
    assert got["rewards_issued"] == (2, 2)  # B, C (D's was voided) | E, A
    assert got["rewards_redeemed"] == (1, 0)  # B
    assert got["rewards_expired"] == (1, 0)  # A's, valid until 8 or 9 November
    assert got["redemption_rate"] == (0.5, None)
    assert got["discounts_given"] == (5000, 0)


def test_care_figures(shop: Shop, ids: dict[str, int]) -> None:
    got = {f.key: (f.value, f.previous) for f in shop.numbers.figures(NOVEMBER).all()}
    assert got["complaints_opened"] == (4, 1)  # A, B, C, D (one of D's voided) | E
    assert got["complaints_resolved"] == (3, 0)  # A, B, and E's from October
    assert got["response_median_hours"] == (51.0, 47.0)  # (6 + 96) / 2 | 47
    assert got["response_longest_hours"] == (96.0, 47.0)
    # Within 2 days: A. Judged: A, B (96 h), C (open 70 h); D's open 38 h is not yet.
    assert got["answered_within_target"] == (pytest.approx(1 / 3), 1.0)
    assert got["contacts_made"] == (3, 1)  # call, letter, card; the gift was voided
    # B bought 17 days after the call, D 6 days after the card (in December); C did not.
    # October: E bought 36 days after the call.
    assert got["contacts_led_to_visit"] == (pytest.approx(2 / 3), 0.0)
    assert got["contacts_call"] == (1, 1)
    assert got["contacts_letter"] == (1, 0)
    assert got["contacts_card"] == (1, 0)
    assert got["contacts_gift"] == (0, 0)


def test_the_customers_behind_loyalty_and_care(shop: Shop, ids: dict[str, int]) -> None:
    def behind(key: str) -> list[int]:
        return shop.numbers.customers_behind(key, NOVEMBER)

    assert behind("rewards_issued") == [ids["B"], ids["C"]]
    assert behind("rewards_redeemed") == [ids["B"]]
    assert behind("rewards_expired") == [ids["A"]]
    assert behind("discounts_given") == [ids["B"]]
    assert behind("complaints_opened") == [ids["A"], ids["B"], ids["C"], ids["D"]]
    assert behind("complaints_resolved") == [ids["A"], ids["B"], ids["E"]]
    assert behind("answered_within_target") == [ids["A"]]
    assert behind("contacts_made") == [ids["B"], ids["C"], ids["D"]]
    assert behind("contacts_led_to_visit") == [ids["B"], ids["D"]]
