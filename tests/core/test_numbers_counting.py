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
