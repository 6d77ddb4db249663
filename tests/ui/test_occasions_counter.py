"""Occasions at the counter: the upcoming panel beside it never takes the search box's focus, and
a customer served shows the occasions that come within their notice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.common.i18n import set_language
from shopcrm.people.occasions import OccasionService
from tests.core.conftest import FakeClock
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage
from ui.main_window import MainWindow

TODAY = datetime(2026, 3, 9, 10, 30)


@pytest.fixture
def dated_shop(tmp_path: Path) -> Iterator[Shop]:
    """A shop on 9 March 2026: Ayşe's birthday in 3 days and a wedding anniversary today, Cem
    with nothing near, and a follow-up due."""
    shop = Shop.open(tmp_path / "shop.sqlite3", clock=FakeClock(TODAY))
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67", birthday="12.03.1991")
    shop.occasions.add(ayse.id, "wedding", "09.03.2016", note="çiçek gönder")
    cem = shop.customers.add(name="Cem Kara", birthday="01.06")
    with shop.store.transaction():
        add_entry(
            shop.store,
            TODAY,
            cem.id,
            ContactKind.CALL,
            "Sipariş için ara",
            None,
            "",
            date(2026, 3, 8),
        )
    yield shop
    shop.close()


@pytest.fixture
def counter(qtbot: QtBot, dated_shop: Shop) -> CounterPage:
    page = CounterPage(dated_shop)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    show_active(qtbot, page)
    page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)
    return page


def test_the_app_opens_with_the_coming_days_beside_the_counter_and_the_search_focused(
    qtbot: QtBot, dated_shop: Shop
) -> None:
    window = MainWindow(dated_shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    counter = window.counter
    assert isinstance(counter, CounterPage)
    qtbot.waitUntil(counter.search.hasFocus)
    assert counter.upcoming.isVisible()
    assert counter.upcoming.rows() == [
        "Today (Mar 9, 2026)",
        "Ayşe Yılmaz: Wedding anniversary: 10 years (çiçek gönder)",
        "In 3 days (Mar 12, 2026)",
        "Ayşe Yılmaz: Birthday: turns 35",
        "Follow-ups due",
        "Cem Kara: Sipariş için ara (1 day late)",
    ]
    assert counter.search.hasFocus()


def test_the_upcoming_panel_never_takes_the_focus(qtbot: QtBot, counter: CounterPage) -> None:
    panel = counter.upcoming
    type_text(counter.search, "ay")
    viewport = panel.list.viewport()
    first = panel.list.visualItemRect(panel.list.item(1)).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):
        click(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
        click(panel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
        assert counter.search.hasFocus()
    panel.refresh()
    assert counter.search.hasFocus() and counter.search.text() == "ay"
    type_text(counter.search, "ş")
    assert counter.search.text() == "ayş"
    assert all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in (panel, panel.list, panel.title))
    # a double click on an occasion serves its customer
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    assert counter.customer is not None and counter.customer.name == "Ayşe Yılmaz"
    assert not panel.isVisible() and counter.amount.hasFocus()


def test_a_served_customer_shows_their_occasions_near(qtbot: QtBot, counter: CounterPage) -> None:
    type_text(counter.search, "ayşe")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert counter.panel.occasions.isVisible()
    assert counter.panel.occasions.text() == (
        "Wedding anniversary: 10 years — today (çiçek gönder)\nBirthday: turns 35 — in 3 days"
    )
    assert not counter.upcoming.isVisible()  # the sale has the room
    qtbot.keyClick(counter.amount, Qt.Key.Key_Escape)
    assert counter.upcoming.isVisible() and counter.search.hasFocus()
    counter.search.selectAll()
    type_text(counter.search, "cem")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert counter.customer is not None and counter.customer.name == "Cem Kara"
    assert not counter.panel.occasions.isVisible()


def test_the_occasions_shown_in_turkish(qtbot: QtBot, dated_shop: Shop) -> None:
    set_language("tr")
    try:
        page = CounterPage(dated_shop)
        qtbot.addWidget(page)
        show_active(qtbot, page)
        page.pick(dated_shop.customers.search("ayşe")[0])
        assert page.panel.occasions.text() == (
            "10. evlilik yıl dönümü bugün (çiçek gönder)\n35. yaş günü 3 gün sonra"
        )
        assert page.panel.occasions_button.text() == "Özel günler…"
    finally:
        set_language("en")


def test_one_small_query_per_customer_served_none_per_keystroke(
    qtbot: QtBot, counter: CounterPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    near = OccasionService.near

    def counted(self: OccasionService, customer_id: int, today: date | None = None) -> object:
        asked.append(customer_id)
        return near(self, customer_id, today)

    monkeypatch.setattr(OccasionService, "near", counted)
    type_text(counter.search, "ayşe yılmaz")
    qtbot.keyClick(counter.search, Qt.Key.Key_Down)
    assert asked == []
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert len(asked) == 1
    calls: list[str] = []
    counter.shop.store.conn.set_trace_callback(calls.append)
    try:
        counter.shop.occasions.near(asked[0])
    finally:
        counter.shop.store.conn.set_trace_callback(None)
    assert len([c for c in calls if c.lstrip().upper().startswith("SELECT")]) == 1


def test_the_customers_occasions_open_from_the_counter_and_what_is_near_follows(
    qtbot: QtBot, counter: CounterPage
) -> None:
    type_text(counter.search, "cem")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    qtbot.mouseClick(counter.panel.occasions_button, Qt.MouseButton.LeftButton)
    dialog = counter.errands.occasions_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1  # the birthday
    dialog.add_occasion()
    form = dialog.form
    assert form is not None
    form.kind.setCurrentIndex(form.kind.findData("child_birthday"))
    type_text(form.whose, "kızı Elif")
    type_text(form.on, "10.03.2008")
    type_text(form.note, "pasta")
    qtbot.keyClick(form.on, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert dialog.model.rowCount() == 2
    dialog.reject()
    assert counter.panel.occasions.text() == "kızı Elif: turns 18 — tomorrow (pasta)"
    assert counter.amount.hasFocus()
    rows = counter.upcoming.rows()
    assert "Cem Kara: kızı Elif: turns 18 (pasta)" in rows
