"""The counter's list before anyone types: today's customers first, then the most recently seen."""

from __future__ import annotations

from shopcrm import Shop
from shopcrm.people.recent import RECENT_SQL
from tests.core.conftest import FakeClock


def test_today_first_then_most_recent(shop: Shop, clock: FakeClock) -> None:
    never = shop.customers.add(name="Hiç Gelmedi")
    old = shop.customers.add(name="Eski Müşteri")
    shop.purchases.log(old.id, "100")
    clock.advance(days=3)
    recent = shop.customers.add(name="Geçen Hafta")
    shop.purchases.log(recent.id, "50")
    clock.advance(days=4)
    morning = shop.customers.add(name="Sabah Gelen")
    shop.purchases.log(morning.id, "20")
    clock.advance(hours=2)
    noon = shop.customers.add(name="Öğlen Gelen")
    shop.purchases.log(noon.id, "30")

    found = shop.customers.recent()

    assert [c.name for c in found.customers] == [
        "Öğlen Gelen",
        "Sabah Gelen",
        "Geçen Hafta",
        "Eski Müşteri",
    ]
    assert found.today == 2
    assert never.id not in {c.id for c in found.customers}


def test_an_old_customer_served_again_moves_to_the_top(shop: Shop, clock: FakeClock) -> None:
    first = shop.customers.add(name="Ayşe Yılmaz")
    second = shop.customers.add(name="Şükrü Öztürk")
    shop.purchases.log(first.id, "10")
    clock.advance(minutes=5)
    shop.purchases.log(second.id, "10")
    clock.advance(days=1)
    shop.purchases.log(first.id, "10")

    found = shop.customers.recent()

    assert [c.name for c in found.customers] == ["Ayşe Yılmaz", "Şükrü Öztürk"]
    assert found.today == 1


def test_archived_customers_and_the_limit(shop: Shop, clock: FakeClock) -> None:
    ids = []
    for n in range(5):
        c = shop.customers.add(name=f"Müşteri {n}")
        shop.purchases.log(c.id, "10")
        clock.advance(minutes=1)
        ids.append(c.id)
    shop.customers.archive(ids[4])

    found = shop.customers.recent(limit=3)

    assert [c.id for c in found.customers] == [ids[3], ids[2], ids[1]]


def test_a_voided_only_purchase_is_no_visit(shop: Shop) -> None:
    c = shop.customers.add(name="Can Özkan")
    p = shop.purchases.log(c.id, "10")
    shop.purchases.void(p.id, reason="yanlış müşteri")

    assert shop.customers.recent().customers == []


def test_read_from_the_last_visit_index(shop: Shop) -> None:
    plan = shop.store.query(f"EXPLAIN QUERY PLAN {RECENT_SQL}", {"limit": 50})
    details = " ".join(row["detail"] for row in plan)
    # an index led by the last visit (customers_by_last_visit or customers_by_segment)
    assert "SEARCH customers USING INDEX customers_by_" in details and "(last_visit>?)" in details
    assert "SCAN customers" not in details
    assert "TEMP B-TREE" not in details  # no sorting: the index gives the order
