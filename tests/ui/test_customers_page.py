"""The Customers page: Turkish order, the filter box, editing and archiving, as a user sees them."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from shopcrm import Customer, Shop
from shopcrm.people.records import CustomerLine
from tests.core.test_customer_list import NAMES_IN_TURKISH_ORDER
from tests.ui.conftest import show_active, type_text
from ui.customer_form import CustomerFormDialog
from ui.customers.model import (
    ARCHIVED_COLOUR,
    NAME,
    PAGE_ROWS,
    PHONE,
    SPENT,
    TAGS,
    VISITS,
)
from ui.customers.page import CustomersPage


@pytest.fixture
def customers(shop: Shop) -> dict[str, Customer]:
    """The customers of a small Turkish shop, added in no particular order."""
    added = {}
    for number, name in enumerate(reversed(NAMES_IN_TURKISH_ORDER)):
        added[name] = shop.customers.add(
            name=name,
            phone=f"0532 111 22 {number:02d}",
            email=f"customer{number}@example.com",
        )
    return added


@pytest.fixture
def page(qtbot: QtBot, shop: Shop, customers: dict[str, Customer]) -> CustomersPage:
    """The Customers page over ``customers``."""
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    return page


def column(page: CustomersPage, number: int = NAME) -> list[str]:
    """The texts of one column, top to bottom, as the table shows them."""
    model = page.table.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def select(page: CustomersPage, name: str) -> None:
    """Make the row of ``name`` the current one, as a click would."""
    model = page.table.model()
    for row in range(model.rowCount()):
        if model.index(row, NAME).data() == name:
            page.table.setCurrentIndex(model.index(row, NAME))
            return
    raise AssertionError(f"{name} is not listed")


def test_lists_every_customer_in_turkish_alphabetical_order(page: CustomersPage) -> None:
    assert column(page) == NAMES_IN_TURKISH_ORDER
    assert page.count.text() == "11 customers"
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder


def test_clicking_the_name_heading_reverses_the_turkish_order(
    qtbot: QtBot, page: CustomersPage
) -> None:
    header = page.table.horizontalHeader()
    show_active(qtbot, page)
    name_heading = QPoint(header.sectionViewportPosition(NAME) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=name_heading)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert column(page) == list(reversed(NAMES_IN_TURKISH_ORDER))


def test_visits_and_money_sort_by_value_not_by_text(
    shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    for day in range(1, 11):
        shop.purchases.log(customers["Oya Can"].id, amount=500, purchased_at=datetime(2025, 3, day))
    for day in (1, 2):
        shop.purchases.log(
            customers["Cem Ak"].id, amount="1,250.50", purchased_at=datetime(2025, 3, day, 12)
        )
    page.refresh()
    select(page, "Cem Ak")
    page.table.sortByColumn(VISITS, Qt.SortOrder.DescendingOrder)
    assert column(page, VISITS)[:3] == ["10", "2", "0"]
    assert column(page)[:2] == ["Oya Can", "Cem Ak"]
    assert page.current_customer() == shop.customers.get(customers["Cem Ak"].id)
    assert page.table.currentIndex().row() == 1
    page.table.sortByColumn(SPENT, Qt.SortOrder.DescendingOrder)
    assert column(page, SPENT)[:2] == ["₺2,501.00", "₺50.00"]
    page.table.sortByColumn(SPENT, Qt.SortOrder.AscendingOrder)
    assert column(page, SPENT)[-2:] == ["₺50.00", "₺2,501.00"]


def test_the_filter_ignores_case_accents_and_the_dotless_i(
    qtbot: QtBot, page: CustomersPage
) -> None:
    qtbot.keyClicks(page.filter, "sukru")
    assert column(page) == ["Şükrü Öztürk"]
    assert page.count.text() == "1 of 11 customers"

    page.filter.clear()
    type_text(page.filter, "ısık")
    assert column(page) == ["Işık Demir"]

    page.filter.clear()
    type_text(page.filter, "İLKER")
    assert column(page) == ["İlker Kaya"]

    page.filter.clear()
    assert column(page) == NAMES_IN_TURKISH_ORDER
    assert page.count.text() == "11 customers"


def test_the_filter_finds_phone_numbers_and_e_mail(
    qtbot: QtBot, page: CustomersPage, customers: dict[str, Customer]
) -> None:
    assert customers["Işık Demir"].phone_display == "0532 111 22 05"
    qtbot.keyClicks(page.filter, "0532 111 22 05")
    assert column(page) == ["Işık Demir"]
    page.filter.clear()
    qtbot.keyClicks(page.filter, "5321112205")
    assert column(page) == ["Işık Demir"]
    page.filter.clear()
    qtbot.keyClicks(page.filter, "CUSTOMER10@")
    assert column(page) == ["Cem Ak"]
    assert column(page, PHONE) == [customers["Cem Ak"].phone_display]


def test_ctrl_f_puts_the_cursor_in_the_filter(qtbot: QtBot, page: CustomersPage) -> None:
    show_active(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filter.hasFocus()


def test_the_filter_stays_after_a_refresh(qtbot: QtBot, shop: Shop, page: CustomersPage) -> None:
    qtbot.keyClicks(page.filter, "oz")
    assert column(page) == ["Ömer Öz", "Şükrü Öztürk"]
    shop.customers.add(name="Özge Öz")
    page.refresh()
    assert column(page) == ["Ömer Öz", "Özge Öz", "Şükrü Öztürk"]
    assert page.count.text() == "3 of 12 customers"


def test_a_hidden_page_reloads_when_it_is_shown_again(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer]
) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page = CustomersPage(shop)
    stack.addWidget(page)
    stack.addWidget(QWidget())
    stack.setCurrentIndex(1)
    stack.show()
    shop.customers.add(name="Zerrin Ak")
    page.refresh()
    assert "Zerrin Ak" not in column(page)
    stack.setCurrentIndex(0)
    assert column(page)[-1] == "Zerrin Ak"
    assert page.count.text() == "12 customers"


def confirm_archive(qtbot: QtBot, page: CustomersPage, answer: QMessageBox.StandardButton) -> str:
    """Answer the archive question; return the question asked."""
    box = page.confirm_box
    assert box is not None
    qtbot.waitExposed(box)
    question = box.text()
    box.button(answer).click()
    return question


def test_archiving_takes_the_customer_off_and_show_archived_brings_them_back_grey(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    show_active(qtbot, page)
    select(page, "Işık Demir")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    with qtbot.waitSignal(page.changed):
        question = confirm_archive(qtbot, page, QMessageBox.StandardButton.Yes)
    assert question == (
        "Archive Işık Demir? Their history is kept; they no longer appear at the counter."
    )
    assert "Işık Demir" not in column(page)
    assert page.count.text() == "10 customers"
    assert shop.customers.get(customers["Işık Demir"].id).archived

    page.show_archived.setChecked(True)
    assert column(page) == NAMES_IN_TURKISH_ORDER
    model = page.table.model()
    row = column(page).index("Işık Demir")
    assert model.index(row, NAME).data(Qt.ItemDataRole.ForegroundRole) == ARCHIVED_COLOUR
    assert model.index(0, NAME).data(Qt.ItemDataRole.ForegroundRole) is None

    select(page, "Işık Demir")
    assert page.archive_button.text().replace("&", "") == "Unarchive"
    with qtbot.waitSignal(page.changed):
        page.archive_button.click()
    assert not shop.customers.get(customers["Işık Demir"].id).archived
    assert model.index(row, NAME).data(Qt.ItemDataRole.ForegroundRole) is None


def test_saying_no_to_the_archive_question_keeps_the_customer(
    qtbot: QtBot, shop: Shop, page: CustomersPage
) -> None:
    select(page, "Cem Ak")
    page.archive_button.click()
    with qtbot.assertNotEmitted(page.changed):
        confirm_archive(qtbot, page, QMessageBox.StandardButton.No)
    assert "Cem Ak" in column(page)
    assert shop.customers.count() == 11


def test_enter_opens_the_customer_and_the_row_shows_what_was_saved(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    show_active(qtbot, page)
    select(page, "Gül Tan")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = page.form
    assert isinstance(form, CustomerFormDialog)
    qtbot.waitExposed(form)
    assert form.name.text() == "Gül Tan"
    form.name.clear()
    type_text(form.name, "Gülşen Tan")
    form.tags.setText("düzenli")
    with qtbot.waitSignal(page.changed):
        form.save()
    row = column(page).index("Gülşen Tan")
    assert column(page, 3)[row] == "düzenli"
    assert shop.customers.get(customers["Gül Tan"].id).name == "Gülşen Tan"


def test_double_click_opens_the_customer(qtbot: QtBot, page: CustomersPage) -> None:
    show_active(qtbot, page)
    select(page, "Oya Can")
    rect = page.table.visualRect(page.table.currentIndex())
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(page.form, CustomerFormDialog)
    assert page.form.name.text() == "Oya Can"
    page.form.reject()


def test_a_cancelled_edit_changes_nothing(qtbot: QtBot, page: CustomersPage) -> None:
    select(page, "Oya Can")
    page.edit_button.click()
    assert page.form is not None
    page.form.name.setText("Someone Else")
    with qtbot.assertNotEmitted(page.changed):
        page.form.reject()
    assert "Oya Can" in column(page)


def test_a_renamed_customer_takes_their_place_in_turkish_order(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    select(page, "Cem Ak")
    page.edit_button.click()
    assert page.form is not None
    page.form.name.clear()
    type_text(page.form.name, "İpek Ak")
    page.form.save()
    names = column(page)  # at once, and still the selected row
    assert names[names.index("inci Oral") + 1] == "İpek Ak"
    assert names[names.index("İpek Ak") + 1] == "Oya Can"
    assert page.current_customer() == shop.customers.get(customers["Cem Ak"].id)
    assert page.selected_customer_ids() == [customers["Cem Ak"].id]
    page.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert column(page) == list(reversed(names))
    page.refresh()
    assert column(page) == list(reversed(names))


def test_the_core_lists_lines_in_the_order_and_with_the_folded_names_of_all(
    shop: Shop, customers: dict[str, Customer]
) -> None:
    lines = shop.customers.lines()
    assert [line.id for line in lines] == [c.id for c in shop.customers.all()]
    by_name = {line.name: line for line in lines}
    assert by_name["Şükrü Öztürk"].name_folded == "sukru ozturk"
    assert by_name["Işık Demir"].name_folded == "isik demir"
    assert by_name["Işık Demir"] == CustomerLine.of(shop.customers.get(by_name["Işık Demir"].id))
    shop.customers.archive(customers["Cem Ak"].id)
    assert "Cem Ak" not in [line.name for line in shop.customers.lines()]
    archived = [line for line in shop.customers.lines(include_archived=True) if line.archived]
    assert [line.name for line in archived] == ["Cem Ak"]


def test_ctrl_n_adds_a_customer_who_is_then_selected(
    qtbot: QtBot, shop: Shop, page: CustomersPage
) -> None:
    show_active(qtbot, page)
    qtbot.keyClicks(page.filter, "oya")
    assert column(page) == ["Oya Can"]
    qtbot.keyClick(page.filter, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = page.form
    assert isinstance(form, CustomerFormDialog)
    qtbot.waitExposed(form)
    assert form.windowTitle() == "New customer"
    type_text(form.name, "Zerrin Ağaoğlu")
    with qtbot.waitSignal(page.changed):
        form.save()
    added = page.current_customer()
    assert added is not None and added.name == "Zerrin Ağaoğlu"
    assert shop.customers.get(added.id) == added
    assert page.filter.text() == ""  # the filter would have hidden them
    assert "Zerrin Ağaoğlu" in column(page)
    assert page.count.text() == "12 customers"


def test_the_new_customer_button_opens_the_form_and_cancel_adds_nobody(
    qtbot: QtBot, shop: Shop, page: CustomersPage
) -> None:
    assert page.new_button.text() == "&New customer…"
    assert "Ctrl+N" in page.new_button.toolTip()
    page.new_button.click()
    assert isinstance(page.form, CustomerFormDialog)
    page.form.name.setText("Vazgeçilen")
    with qtbot.assertNotEmitted(page.changed):
        page.form.reject()
    assert shop.customers.count() == 11


def test_the_selected_customers_purchases_show_and_one_is_voided_from_here(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    oya = customers["Oya Can"]
    shop.purchases.log(oya.id, "120", note="Gelin buketi")
    shop.purchases.log(oya.id, "80")
    show_active(qtbot, page)
    page.reload()
    select(page, "Oya Can")
    history = page.history
    assert history.isVisible() and history.customer_id == oya.id
    assert [history.model.purchase_at(r).amount for r in range(2)] == [8000, 12000]  # type: ignore[union-attr]
    select(page, "Cem Ak")
    assert history.model.rowCount() == 0
    select(page, "Oya Can")
    history.list.setFocus()
    history.list.setCurrentIndex(history.model.index(0))
    qtbot.keyClick(history.list, Qt.Key.Key_Delete)  # Delete in the list voids, not archives
    dialog = history.dialog
    assert dialog is not None and page.confirm_box is None
    with qtbot.waitSignal(page.changed):
        dialog.save()
    assert shop.purchases.of_customer(oya.id)[0].void_code == "returned"
    row = [column(page, NAME).index("Oya Can")][0]
    assert column(page, SPENT)[row] == "₺120.00"
    assert column(page, VISITS)[row] == "1"


def test_enter_in_the_filter_box_does_not_open_the_customer(
    qtbot: QtBot, page: CustomersPage
) -> None:
    show_active(qtbot, page)
    select(page, "Oya Can")
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert page.form is None


def test_every_column_sorts_both_ways(qtbot: QtBot, shop: Shop, page: CustomersPage) -> None:
    for number, name in enumerate(("Oya Can", "Cem Ak", "Gül Tan")):
        customer = shop.customers.search(name)[0]
        shop.customers.update(customer.id, tags=[f"etiket{number}"])
        for day in range(1, number + 2):
            shop.purchases.log(customer.id, 100 * (3 - number), purchased_at=datetime(2025, 3, day))
    page.refresh()
    for number in range(page.model.columnCount()):
        page.table.sortByColumn(number, Qt.SortOrder.AscendingOrder)
        ascending = column(page)
        assert sorted(ascending) == sorted(NAMES_IN_TURKISH_ORDER)
        page.table.sortByColumn(number, Qt.SortOrder.DescendingOrder)
        assert column(page) == ascending[::-1], number  # ties by number, turned round too
    page.table.sortByColumn(VISITS, Qt.SortOrder.DescendingOrder)
    assert column(page)[:3] == ["Gül Tan", "Cem Ak", "Oya Can"]
    assert [int(v) for v in column(page, VISITS)] == sorted(
        (int(v) for v in column(page, VISITS)), reverse=True
    )
    page.table.sortByColumn(SPENT, Qt.SortOrder.DescendingOrder)
    assert column(page, SPENT)[:4] == ["₺4.00", "₺3.00", "₺3.00", "₺0.00"]
    page.table.sortByColumn(TAGS, Qt.SortOrder.AscendingOrder)
    assert column(page, TAGS)[-3:] == ["etiket0", "etiket1", "etiket2"]
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert column(page) == NAMES_IN_TURKISH_ORDER


def test_rows_are_read_as_the_list_scrolls(qtbot: QtBot, shop: Shop, page: CustomersPage) -> None:
    for number in range(3 * PAGE_ROWS):
        shop.customers.add(name=f"Zeki {number:03d}")
    show_active(qtbot, page)
    page.reload()
    assert page.model.rowCount() == 11 + 3 * PAGE_ROWS
    assert page.count.text() == "311 customers"
    qtbot.waitUntil(lambda: page.model.rows_read() > 0)  # painted
    assert page.model.rows_read() == PAGE_ROWS  # only what is shown was read
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rows_read() > PAGE_ROWS)
    shown = page.table.rowAt(page.table.viewport().height() - 5)
    assert page.model.index(shown, NAME).data() == "Zeki 299"
    assert page.model.rows_read() < 3 * PAGE_ROWS  # the top and the end, not the middle
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.current_customer() == shop.customers.search("Zeki 299")[0]


def test_the_filter_finds_tags_and_phone_digits(
    qtbot: QtBot, shop: Shop, customers: dict[str, Customer], page: CustomersPage
) -> None:
    shop.customers.update(customers["Gül Tan"].id, tags=["düğün", "VIP"])
    shop.customers.update(customers["Oya Can"].id, tags=["Düğün"])
    page.refresh()
    qtbot.keyClicks(page.filter, "dugun")
    assert column(page) == ["Gül Tan", "Oya Can"]
    assert page.count.text() == "2 of 11 customers"
    page.filter.clear()
    qtbot.keyClicks(page.filter, "1 22 0")  # the digits typed as they are written
    assert len(column(page)) == 10
    page.filter.clear()
    qtbot.keyClicks(page.filter, "2205")
    assert column(page) == ["Işık Demir"]


def test_down_and_enter_in_the_filter_move_into_the_list(
    qtbot: QtBot, shop: Shop, page: CustomersPage
) -> None:
    show_active(qtbot, page)
    page.filter.setFocus()
    type_text(page.filter, "öz")
    assert column(page) == ["Ömer Öz", "Şükrü Öztürk"]
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.current_customer() is not None
    assert page.current_customer().name == "Ömer Öz"  # type: ignore[union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row opens it, as a double click
    form = page.form
    assert isinstance(form, CustomerFormDialog)
    assert form.name.text() == "Şükrü Öztürk"
    form.reject()
    page.filter.setFocus()
    qtbot.keyClick(page.filter, Qt.Key.Key_Return)  # Enter moves into the list too
    assert page.table.hasFocus()
    assert page.form is form and not form.isVisible()  # nothing opened
