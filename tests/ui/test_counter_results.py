"""The counter's results show each customer's texts as the shop writes them, in columns that
stay still while the shopkeeper types and never cut a phone or a date short."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.formatting import day, number
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage
from ui.counter.results import CustomerResultsModel

PHONES = ["0532 123 45 67", "0212 555 67 89", "+49 30 1234567", "+44 20 7946 0123", ""]


def counter(qtbot: QtBot, shop: Shop) -> CounterPage:
    for n, phone in enumerate(PHONES):
        shop.customers.add(name=f"Gülşen Yıldırım {n}", phone=phone)
    busy = shop.customers.search("Gülşen Yıldırım 1")[0]
    for d in range(1, 13):
        shop.purchases.log(busy.id, "100", purchased_at=f"2026-0{d % 9 + 1}-{d + 10}T12:00:00")
    page = CounterPage(shop)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.focus_search()
    return page


def shown(
    page: CounterPage, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return page.results_model.index(row, column).data(role)


def test_each_row_shows_the_customer_as_the_shop_writes_it(
    qtbot: QtBot, shop: Shop, language: str
) -> None:
    page = counter(qtbot, shop)
    type_text(page.search, "gülşen")
    model = page.results_model
    assert model.rowCount() == len(PHONES)
    for row in range(model.rowCount()):
        customer = model.record_at(row)
        assert customer is not None
        assert shown(page, row, model.NAME) == customer.name
        assert shown(page, row, model.PHONE) == customer.phone_display
        assert shown(page, row, model.VISITS) == number(customer.visit_count)
        assert shown(page, row, model.LAST_VISIT) == day(customer.last_visit)
        assert shown(page, row, model.NAME, Qt.ItemDataRole.UserRole) == customer.id
    first = model.record_at(0)
    assert first is not None and first.visit_count == 12  # the frequent customer first
    assert shown(page, 0, model.VISITS) == "12"
    assert shown(page, 0, model.LAST_VISIT) == day("2026-09-18T12:00:00")


def test_the_columns_stay_still_while_typing_and_fit_what_they_show(
    qtbot: QtBot, shop: Shop, language: str
) -> None:
    page = counter(qtbot, shop)
    header = page.results.horizontalHeader()
    model = page.results_model
    fixed = (model.PHONE, model.VISITS, model.LAST_VISIT)
    before = [header.sectionSize(c) for c in fixed]
    metrics = page.results.fontMetrics()
    for text in ("g", "gü", "gül", "gülşen", "gülşen yıldırım 3"):
        page.search.clear()
        type_text(page.search, text)
        assert model.rowCount() > 0
        assert [header.sectionSize(c) for c in fixed] == before
        for row in range(model.rowCount()):
            for column in fixed:
                needed = metrics.horizontalAdvance(str(shown(page, row, column)))
                assert needed + 8 <= header.sectionSize(column), (text, row, column)
    for column in fixed:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.fontMetrics().horizontalAdvance(title) + 8 <= header.sectionSize(column)


def test_a_text_longer_than_usual_widens_its_column_and_never_narrows_it(
    qtbot: QtBot, shop: Shop
) -> None:
    page = counter(qtbot, shop)
    header = page.results.horizontalHeader()
    model = page.results_model
    type_text(page.search, "gülşen")
    wide = model.record_at(0)
    assert wide is not None
    usual = header.sectionSize(CustomerResultsModel.VISITS)
    page.finder.show_results([replace(wide, visit_count=12_345_678_901)])
    widened = header.sectionSize(CustomerResultsModel.VISITS)
    needed = page.results.fontMetrics().horizontalAdvance(number(12_345_678_901))
    assert widened > usual and widened >= needed
    type_text(page.search, " ")
    assert header.sectionSize(CustomerResultsModel.VISITS) == widened
