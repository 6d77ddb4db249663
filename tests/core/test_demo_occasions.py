"""The demo shop keeps its customers' occasions, a few of them in the coming week."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from shopcrm import Shop
from shopcrm.demo import create_demo_database
from shopcrm.people.occasions import OccasionKind

TODAY = date(2026, 3, 9)


def test_the_demo_has_occasions_of_every_kind_some_this_week(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo_database(path, today=TODAY, customers=120)
    with Shop.open(path) as shop:
        kinds = {r["kind"] for r in shop.store.query("SELECT DISTINCT kind FROM occasions")}
        assert kinds == {k.value for k in OccasionKind}
        week = shop.upcoming.occasions(7, today=TODAY)
        assert len(week) >= 6
        assert any(u.occasion.note == "çiçek gönder" for u in week)
        assert any(u.occasion.whose.startswith("kızı ") for u in week)
        ayse = shop.customers.search("Ayşe Yılmaz")[0]
        assert [c.text for c in shop.occasions.near(ayse.id, today=TODAY)] == [
            "Wedding anniversary: 14 years — in 2 days",
            "kızı Elif: turns 18 — in 5 days",
        ]
