"""Segments where the shop sees them: beside the name at the counter, as a filter (with counts)
and a column on the Customers page, and their limits in the Settings page's Numbers section.

The shop's day is Monday 9 March 2026. Its customers, under the default limits (lapsed from
182 days away, at risk from 60, new when joined 60 days ago or less, VIP from 20 visits or
10.000 ₺):
- Şükrü Öztürk joined 1 April 2025 and spent 12.000 ₺ on 1 March 2026: VIP;
- Ayşe Yılmaz joined 1 April 2025, spent 100 ₺ on 1 December 2025 (98 days ago): at risk;
- Cem Kaya joined 1 April 2025 and never bought (342 days): lapsed;
- Oya Demir joined 1 March 2026, spent 100 ₺ the same day: new;
- Gül Şahin joined 1 April 2025, spent 100 ₺ on 20 February 2026 (17 days ago): regular.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

import main
from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.numbers.segments import Segment
from tests.core.conftest import FakeClock
from tests.ui.conftest import show_active, type_text
from tests.ui.test_mnemonics import check_alt_keys
from ui.counter.page import CounterPage
from ui.customers.model import NAME, SEGMENT
from ui.customers.page import CustomersPage
from ui.settings.page import SettingsPage

TODAY = datetime(2026, 3, 9, 10, 30)


def customer(shop: Shop, clock: FakeClock, name: str, joined: str, bought: str, amount: int) -> int:
    clock.now = datetime.fromisoformat(joined)
    added = shop.customers.add(name=name)
    if bought:
        clock.now = datetime.fromisoformat(bought)
        shop.purchases.log(added.id, amount)
    clock.now = TODAY
    return added.id


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(TODAY)


@pytest.fixture
def shop(tmp_path: Path, clock: FakeClock) -> Iterator[Shop]:
    shop = Shop.open(tmp_path / "shop.sqlite3", clock=clock)
    customer(shop, clock, "Şükrü Öztürk", "2025-04-01T10:00", "2026-03-01T12:00", 1_200_000)
    customer(shop, clock, "Ayşe Yılmaz", "2025-04-01T10:00", "2025-12-01T12:00", 10_000)
    customer(shop, clock, "Cem Kaya", "2025-04-01T10:00", "", 0)
    customer(shop, clock, "Oya Demir", "2026-03-01T09:00", "2026-03-01T09:30", 10_000)
    customer(shop, clock, "Gül Şahin", "2025-04-01T10:00", "2026-02-20T12:00", 10_000)
    yield shop
    shop.close()


@pytest.fixture
def turkish() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    set_language("tr")
    translator = main.install_qt_translation(app, "tr")
    yield
    if translator is not None:
        app.removeTranslator(translator)
    set_language("en")


def serve(qtbot: QtBot, shop: Shop, name: str) -> CounterPage:
    page = CounterPage(shop)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    show_active(qtbot, page)
    page.pick(shop.customers.search(name)[0])
    return page


def test_the_counter_shows_a_vip_in_gold_beside_the_name(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    page = serve(qtbot, shop, "Şükrü")
    badge = page.panel.segment
    assert badge.isVisible() and badge.text() == "VIP"
    assert "#f9c846" in badge.styleSheet()  # gold
    name = page.panel.name.geometry()
    assert badge.geometry().top() < name.bottom()  # on the name's line
    page.grab().save("/tmp/seg-counter-vip-tr.png")


@pytest.mark.parametrize(
    ("name", "title", "colour"),
    [
        ("Ayşe", "At risk", "#ef6c00"),
        ("Cem", "Lapsed", "#8a8a8a"),
        ("Oya", "New", "#2e7d32"),
        ("Gül", "Regular", ""),
    ],
)
def test_each_segment_has_its_own_colour_and_regular_none(
    qtbot: QtBot, shop: Shop, name: str, title: str, colour: str
) -> None:
    badge = serve(qtbot, shop, name).panel.segment
    assert badge.text() == title
    if colour:
        assert f"background: {colour}" in badge.styleSheet()
    else:
        assert "background" not in badge.styleSheet()


def test_a_customer_at_risk_who_buys_again_is_regular_at_once(qtbot: QtBot, shop: Shop) -> None:
    page = CounterPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.focus_search()
    type_text(page.search, "ayşe")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.segment.text() == "At risk"
    assert page.amount.hasFocus()
    qtbot.keyClicks(page.amount, "75")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.panel.segment.text() == "Regular")
    assert shop.customers.get(page.customer.id if page.customer else 0).visit_count == 2


@pytest.fixture
def customers_page(qtbot: QtBot, shop: Shop) -> CustomersPage:
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    show_active(qtbot, page)
    return page


def shown_names(page: CustomersPage) -> list[str]:
    return [page.proxy.index(r, NAME).data() for r in range(page.proxy.rowCount())]


def test_the_segment_filter_names_each_segment_with_its_count(
    qtbot: QtBot,
    customers_page: CustomersPage,
) -> None:
    box = customers_page.segment
    assert [box.itemText(i) for i in range(box.count())][1:3] == ["New", "Regular"]  # not yet
    box.showPopup()  # looked at: counted
    box.hidePopup()
    assert [box.itemText(i) for i in range(box.count())] == [
        "All segments",
        "New (1)",
        "Regular (1)",
        "VIP (1)",
        "At risk (1)",
        "Lapsed (1)",
    ]


def test_choosing_a_segment_keeps_its_customers_with_the_text_filter_too(
    qtbot: QtBot, shop: Shop, customers_page: CustomersPage
) -> None:
    page = customers_page
    box = page.segment
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # the keyboard: All segments -> New
    assert shown_names(page) == ["Oya Demir"]
    assert page.count.text() == "1 of 5 customers"
    page.top.choose_segment(Segment.AT_RISK)
    assert shown_names(page) == ["Ayşe Yılmaz"]
    page.top.choose_segment(None)
    qtbot.keyClicks(page.filter, "yi")  # Ayşe Yılmaz only
    assert shown_names(page) == ["Ayşe Yılmaz"]
    page.top.choose_segment(Segment.VIP)
    assert shown_names(page) == []  # Ayşe is at risk, not a VIP
    page.filter.clear()
    assert shown_names(page) == ["Şükrü Öztürk"]
    assert page.count.text() == "1 of 5 customers"


def test_the_segment_column_sorts_in_the_order_of_the_segments(
    qtbot: QtBot, customers_page: CustomersPage
) -> None:
    page = customers_page
    assert page.model.headerData(SEGMENT, Qt.Orientation.Horizontal) == "Segment"
    page.table.sortByColumn(SEGMENT, Qt.SortOrder.AscendingOrder)
    rows = [
        (page.proxy.index(r, NAME).data(), page.proxy.index(r, SEGMENT).data())
        for r in range(page.proxy.rowCount())
    ]
    assert rows == [
        ("Oya Demir", "New"),
        ("Gül Şahin", "Regular"),
        ("Şükrü Öztürk", "VIP"),
        ("Ayşe Yılmaz", "At risk"),
        ("Cem Kaya", "Lapsed"),
    ]


def test_the_counts_follow_an_archived_customer(
    qtbot: QtBot, shop: Shop, customers_page: CustomersPage
) -> None:
    page = customers_page
    page.top.choose_segment(Segment.LAPSED)
    assert shown_names(page) == ["Cem Kaya"]
    shop.customers.archive(shop.customers.search("Cem")[0].id)
    page.reload()  # as the window does when another page changed a customer
    page.segment.setFocus()  # the keyboard on the box: counted again
    assert page.segment.itemText(5) == "Lapsed (0)"
    assert shown_names(page) == []


def test_the_customers_page_in_turkish(qtbot: QtBot, shop: Shop, turkish: None) -> None:
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    show_active(qtbot, page)
    page.top.choose_segment(Segment.VIP)
    assert page.segment.currentText() == "VIP (1)"
    assert page.segment.itemText(0) == "Tüm gruplar"
    assert page.segment.itemText(4) == "Risk altında (1)"
    check_alt_keys(page, "customers, a segment chosen")
    page.grab().save("/tmp/seg-customers-vip-tr.png")


# the Settings page's Numbers section ---------------------------------------------------------


@pytest.fixture
def settings_page(qtbot: QtBot, shop: Shop) -> SettingsPage:
    page = SettingsPage(shop)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    show_active(qtbot, page)
    return page


def test_the_numbers_section_shows_the_defaults(settings_page: SettingsPage) -> None:
    numbers = settings_page.numbers
    values = {name: box.value() for name, box in numbers.boxes.items()}
    assert values == {
        "segment_at_risk_days": 60,
        "segment_new_days": 60,
        "segment_vip_visits": 20,
        "repeat_window_days": 90,
        "clv_years": 3,
        "complaint_target_days": 2,
    }
    assert numbers.vip_spent.text() == "10,000.00"
    assert numbers.lapsed.text() == (
        "Lapsed: away at least 182 days (the first win-back call, above)"
    )


def test_the_limits_are_saved_and_move_the_customers(
    qtbot: QtBot, shop: Shop, settings_page: SettingsPage
) -> None:
    numbers = settings_page.numbers
    numbers.boxes["segment_at_risk_days"].setValue(100)  # Ayşe's 98 days are no longer at risk
    numbers.boxes["segment_vip_visits"].setValue(1)  # one visit: Şükrü, Ayşe and Gül are VIPs
    numbers.boxes["clv_years"].setValue(5)
    numbers.vip_spent.setText("20,000")  # Şükrü's 12.000 ₺ is not enough; his one visit is
    settings_page.days.boxes["lapsed_first_days"].setValue(300)
    assert "300 days" in numbers.lapsed.text()
    settings_page.save_button.click()
    assert settings_page.message.text() == "Settings saved."
    settings = shop.settings.get()
    assert (settings.segment_at_risk_days, settings.segment_vip_visits, settings.clv_years) == (
        100,
        1,
        5,
    )
    assert settings.segment_vip_spent == 2_000_000
    # Oya joined 8 days ago: new before VIP; Cem: 342 days away, lapsed from 300
    assert shop.segments.counts() == {
        Segment.NEW: 1,
        Segment.REGULAR: 0,
        Segment.VIP: 3,
        Segment.AT_RISK: 0,
        Segment.LAPSED: 1,
    }


def test_at_risk_after_lapsed_is_refused_in_red_and_nothing_is_saved(
    qtbot: QtBot, shop: Shop, settings_page: SettingsPage
) -> None:
    settings_page.numbers.boxes["segment_at_risk_days"].setValue(200)
    settings_page.numbers.boxes["clv_years"].setValue(7)
    settings_page.save_button.click()
    error = settings_page.error
    assert error.isVisible()
    assert "#c62828" in error.styleSheet()  # red
    assert error.text() == (
        "A customer is at risk before they are lapsed: the days for “at risk” (200) must be "
        "fewer than the days of the first win-back call (182)."
    )
    assert not settings_page.message.isVisible()
    assert (shop.settings.get().segment_at_risk_days, shop.settings.get().clv_years) == (60, 3)


def test_a_vip_amount_of_nothing_is_refused_in_red(
    qtbot: QtBot, shop: Shop, settings_page: SettingsPage
) -> None:
    settings_page.numbers.vip_spent.setText("0")
    settings_page.save_button.click()
    assert settings_page.error.text() == "The spending that makes a VIP must be more than zero."
    assert shop.settings.get().segment_vip_spent == 1_000_000


def test_the_section_is_reached_by_tab_and_its_alt_keys_are_unique(
    qtbot: QtBot, shop: Shop, turkish: None
) -> None:
    page = SettingsPage(shop)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    show_active(qtbot, page)
    check_alt_keys(page, "settings with numbers (tr)")
    numbers = page.numbers
    assert numbers.title() == "Sayılar"
    assert numbers.boxes["segment_vip_visits"].suffix() == " ziyaret"
    # from the last day box above, Tab walks through every box of the section in order
    page.days.boxes["expiring_reward_days"].setFocus()
    order = [
        numbers.boxes["segment_at_risk_days"],
        numbers.boxes["segment_new_days"],
        numbers.boxes["segment_vip_visits"],
        numbers.vip_spent,
        numbers.boxes["repeat_window_days"],
        numbers.boxes["clv_years"],
        numbers.boxes["complaint_target_days"],
    ]
    for box in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is box or QApplication.focusWidget().parent() is box
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    scroll.ensureWidgetVisible(numbers.boxes["complaint_target_days"])
    page.grab().save("/tmp/seg-settings-numbers-tr.png")


def test_alt_keys_in_english_too(qtbot: QtBot, shop: Shop) -> None:
    page = SettingsPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    check_alt_keys(page, "settings with numbers (en)")
