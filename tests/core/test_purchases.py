"""Purchases: logged in one step, voided with a reason, and the visits follow at once."""

from datetime import datetime

import pytest

from shopcrm import InvalidInput, NotFound, Shop
from tests.core.conftest import FakeClock


def test_log_counts_a_visit_and_the_spending(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Şükrü Öztürk")
    p = shop.purchases.log(c.id, amount="1,250.50", note="Doğum günü buketi")
    assert p.amount == 125050 and p.note == "Doğum günü buketi" and not p.voided
    assert p.purchased_at == "2026-03-09T10:30:00"
    after = shop.customers.get(c.id)
    assert (after.visit_count, after.total_spent, after.last_visit) == (1, 125050, p.purchased_at)


def test_two_purchases_on_one_day_are_one_visit_by_default(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.purchases.log(c.id, "100")
    clock.advance(hours=3)
    shop.purchases.log(c.id, "50")
    clock.advance(days=1)
    shop.purchases.log(c.id, "25")
    after = shop.customers.get(c.id)
    assert after.visit_count == 2
    assert after.total_spent == 17500


def test_each_purchase_a_visit_when_the_shop_says_so(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Ayşe")
    shop.purchases.log(c.id, "100")
    shop.purchases.log(c.id, "50")
    assert shop.customers.get(c.id).visit_count == 1
    shop.settings.update(visit_rule="purchase", confirmed=True)
    assert shop.customers.get(c.id).visit_count == 2
    shop.purchases.log(c.id, "10")
    assert shop.customers.get(c.id).visit_count == 3
    shop.settings.update(visit_rule="day", confirmed=True)
    assert shop.customers.get(c.id).visit_count == 1


def test_void_corrects_visits_and_spending_at_once(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Gül")
    first = shop.purchases.log(c.id, "100", purchased_at="2026-03-01T10:00:00")
    wrong = shop.purchases.log(c.id, "5000")
    voided = shop.purchases.void(wrong.id, reason="yanlış tutar")
    assert voided.voided and voided.void_reason == "yanlış tutar"
    after = shop.customers.get(c.id)
    assert (after.visit_count, after.total_spent, after.last_visit) == (
        1,
        10000,
        first.purchased_at,
    )
    assert [p.id for p in shop.purchases.of_customer(c.id)] == [wrong.id, first.id]


def test_void_needs_a_reason_and_happens_once(shop: Shop) -> None:
    c = shop.customers.add(name="Gül")
    p = shop.purchases.log(c.id, "100")
    with pytest.raises(InvalidInput, match="reason"):
        shop.purchases.void(p.id, reason="  ")
    shop.purchases.void(p.id, reason="müşteri vazgeçti")
    with pytest.raises(InvalidInput, match="already voided"):
        shop.purchases.void(p.id, reason="again")


def test_purchases_are_never_deleted(shop: Shop) -> None:
    c = shop.customers.add(name="Gül")
    p = shop.purchases.log(c.id, "100")
    with pytest.raises(Exception, match="voided, never deleted"):
        shop.store.execute("DELETE FROM purchases WHERE id = ?", (p.id,))


def test_yesterdays_sales_can_be_entered(shop: Shop, clock: FakeClock) -> None:
    c = shop.customers.add(name="Gül")
    p = shop.purchases.log(c.id, "100", purchased_at=datetime(2026, 3, 8, 18, 0))
    assert p.purchased_at == "2026-03-08T18:00:00"
    assert p.created_at == "2026-03-09T10:30:00"


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-03-10T10:00:00", "future"),
        ("1999-12-31T10:00:00", "too long ago"),
        ("yesterday", "not a date"),
        ("2026-02-30T10:00:00", "not a date"),
    ],
)
def test_absurd_dates_are_refused(shop: Shop, when: str, message: str) -> None:
    c = shop.customers.add(name="Gül")
    with pytest.raises(InvalidInput, match=message):
        shop.purchases.log(c.id, "100", purchased_at=when)
    assert shop.purchases.of_customer(c.id) == []


@pytest.mark.parametrize("amount", ["0", "-10", "abc", "2,000,000", "0,001"])
def test_bad_amounts_log_nothing(shop: Shop, amount: str) -> None:
    c = shop.customers.add(name="Gül")
    with pytest.raises(InvalidInput):
        shop.purchases.log(c.id, amount)
    assert shop.purchases.of_customer(c.id) == []
    assert shop.customers.get(c.id).visit_count == 0


def test_no_sale_to_an_unknown_or_archived_customer(shop: Shop) -> None:
    with pytest.raises(NotFound):
        shop.purchases.log(999, "100")
    c = shop.customers.add(name="Gül")
    shop.customers.archive(c.id)
    with pytest.raises(InvalidInput, match="archived"):
        shop.purchases.log(c.id, "100")


def test_a_failed_step_leaves_nothing_half_written(shop: Shop) -> None:
    c = shop.customers.add(name="Gül")
    with pytest.raises(RuntimeError), shop.store.transaction():
        shop.purchases.log(c.id, "100")
        raise RuntimeError("power cut")
    assert shop.purchases.of_customer(c.id) == []
    assert shop.customers.get(c.id).visit_count == 0
