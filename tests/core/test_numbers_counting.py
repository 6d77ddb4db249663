"""A custom range counted apart (another thread, a read-only connection of its own) gives the
same figures as counting it on the shop's connection, and stops when asked."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from shopcrm import Shop, ShopError
from shopcrm.numbers.periods import custom
from shopcrm.storage.reading import Reader, Stopped
from tests.core.conftest import FakeClock


@pytest.fixture
def served(shop: Shop, clock: FakeClock) -> Shop:
    clock.now = datetime(2026, 12, 2, 10, 0)
    for n in range(12):
        who = shop.customers.add(name=f"Müşteri {n}").id
        for k in range(n % 4 + 1):
            when = datetime(2026, 9, 1, 12) + timedelta(days=9 * k + n)
            shop.purchases.log(who, amount=1000 * (n + 1), purchased_at=when)
    return shop


def test_a_count_apart_equals_the_count_on_the_shops_connection(served: Shop) -> None:
    period = custom(date(2026, 9, 5), date(2026, 10, 20), today=date(2026, 12, 2))
    assert not served.numbers.is_quick(period)
    result: list[object] = []
    counting = served.numbers.counting(period)
    worker = threading.Thread(target=lambda: result.append(counting.run()))
    worker.start()
    worker.join(10)
    here = {f.key: (f.value, f.previous) for f in served.numbers.figures(period).all()}
    apart = {f.key: (f.value, f.previous) for f in result[0].all()}  # type: ignore[attr-defined]
    assert apart == here
    assert here["customers_served"][0] == 11  # all but the one who came only on 1 September


def test_a_stopped_count_raises_stopped_and_says_nothing(served: Shop) -> None:
    period = custom(date(2026, 9, 5), date(2026, 10, 20), today=date(2026, 12, 2))
    counting = served.numbers.counting(period)
    counting.stop()
    with pytest.raises(Stopped):
        counting.run()
    assert str(Stopped()) == ""


def test_the_reader_cannot_change_the_file(served: Shop) -> None:
    reader = Reader(served.store.path)
    try:
        assert reader.one("SELECT count(*) AS n FROM customers") == {"n": 12}
        with pytest.raises(ShopError):
            reader.query("DELETE FROM customers")
    finally:
        reader.close()
    assert served.store.one("SELECT count(*) AS n FROM customers") == {"n": 12}


def test_the_customers_behind_a_figure_found_apart_are_those_of_the_shop_in_turkish_order(
    served: Shop,
) -> None:
    period = custom(date(2026, 9, 5), date(2026, 10, 20), today=date(2026, 12, 2))
    for who, name in ((5, "Çiğdem Şahin"), (6, "Cem Öz"), (7, "İlkay Işık"), (8, "Ilgaz Uç")):
        served.customers.update(who, name=name)
    result: list[object] = []
    listing = served.numbers.listing("new_customers", period)
    worker = threading.Thread(target=lambda: result.append(listing.run()))
    worker.start()
    worker.join(10)
    lines = result[0]
    ids = {line.id for line in lines}  # type: ignore[attr-defined]
    assert ids == set(served.numbers.customers_behind("new_customers", period))
    names = [line.name for line in lines if 5 <= line.id <= 8]  # type: ignore[attr-defined]
    assert names == ["Cem Öz", "Çiğdem Şahin", "Ilgaz Uç", "İlkay Işık"]  # c ç ı i


def test_a_figure_without_customers_behind_it_has_no_list_apart(served: Shop) -> None:
    period = custom(date(2026, 9, 5), date(2026, 10, 20), today=date(2026, 12, 2))
    with pytest.raises(ShopError, match="no list of customers"):
        served.numbers.listing("revenue_per_hour", period).run()
    listing = served.numbers.listing("customers_served", period)
    listing.stop()
    with pytest.raises(Stopped):
        listing.run()
