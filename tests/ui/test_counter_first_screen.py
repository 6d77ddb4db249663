"""The counter's first screen: before anyone types, today's customers, then the most recent."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import show_active
from ui.counter.page import CounterPage


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def served(tmp_path: Path, qtbot: QtBot):  # type: ignore[no-untyped-def]
    clock = Clock()
    shop = Shop.open(tmp_path / "shop.sqlite3", clock=clock)
    people = {}
    for name, days_ago, hour in [
        ("Eski Müşteri", 40, 10),
        ("Ayşe Yılmaz", 0, 9),
        ("Mehmet Şahin", 3, 15),
        ("Şükrü Öztürk", 0, 11),
    ]:
        clock.now = datetime(2026, 12, 2, hour, 0) - timedelta(days=days_ago)
        people[name] = shop.customers.add(name=name)
        shop.purchases.log(people[name].id, "100")
    shop.customers.add(name="Hiç Gelmedi")
    clock.now = datetime(2026, 12, 2, 12, 0)
    page = CounterPage(shop)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.focus_search()
    yield page, shop, people
    shop.close()


def names(page: CounterPage) -> list[str]:
    model = page.results_model
    return [model.record_at(row).name for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_before_typing_today_first_then_most_recent(served) -> None:  # type: ignore[no-untyped-def]
    page, _shop, _people = served
    assert page.search.text() == ""
    assert names(page) == ["Şükrü Öztürk", "Ayşe Yılmaz", "Mehmet Şahin", "Eski Müşteri"]
    assert "2 customers served today" in page.hint.text()
    assert page.customer is None  # nobody is served until Enter


def test_arrow_and_enter_pick_from_the_list_and_the_purchase_lands_on_them(
    qtbot: QtBot,
    served,  # type: ignore[no-untyped-def]
) -> None:
    page, shop, people = served
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.name == "Mehmet Şahin"
    assert page.amount.hasFocus()

    qtbot.keyClicks(page.amount, "75")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)

    mehmet = shop.customers.get(people["Mehmet Şahin"].id)
    assert mehmet.visit_count == 2
    assert shop.customers.get(people["Ayşe Yılmaz"].id).visit_count == 1
    # served today now: first in the list, and still the one served and highlighted
    assert names(page)[0] == "Mehmet Şahin"
    assert page.customer is not None and page.customer.id == mehmet.id
    current = page.finder.current()
    assert current is not None and current.id == mehmet.id


def test_typing_searches_and_clearing_brings_the_list_back(
    qtbot: QtBot,
    served,  # type: ignore[no-untyped-def]
) -> None:
    page, _shop, _people = served
    qtbot.keyClicks(page.search, "hic")
    assert names(page) == ["Hiç Gelmedi"]
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    assert names(page)[:2] == ["Şükrü Öztürk", "Ayşe Yılmaz"]


def test_a_new_shop_shows_the_usual_hint(qtbot: QtBot, shop: Shop) -> None:
    page = CounterPage(shop)
    qtbot.addWidget(page)
    assert page.results_model.rowCount() == 0
    assert page.hint.text() == "Type a few letters of the name, or the phone number."
