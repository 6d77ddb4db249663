"""A customer's occasions kept from the Customers page, the occasion form's refusals and help,
and the upcoming list's marks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.core.conftest import FakeClock
from tests.ui.conftest import show_active, type_text
from tests.ui.test_mnemonics import check_alt_keys
from ui.care.customer_occasions import CustomerOccasionsDialog
from ui.care.occasion_dialog import OccasionDialog
from ui.care.upcoming_list import UpcomingList
from ui.customers.page import CustomersPage

TODAY = datetime(2026, 3, 9, 10, 30)


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    """A shop on 9 March 2026 with Ayşe (birthday in 3 days) and Cem (wedding tomorrow)."""
    shop = Shop.open(tmp_path / "shop.sqlite3", clock=FakeClock(TODAY))
    shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67", birthday="12.03.1991")
    cem = shop.customers.add(name="Cem Kara")
    shop.occasions.add(cem.id, "wedding", "10.03.2016", note="çiçek gönder")
    yield shop
    shop.close()


def test_the_customers_page_opens_a_customers_occasions_from_the_keyboard(
    qtbot: QtBot, shop: Shop
) -> None:
    page = CustomersPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.table.setFocus()
    page.table.selectRow(0)  # Ayşe Yılmaz
    button = page.occasions_button
    assert button.text() == "O&ccasions…"  # Alt+C
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached with Tab
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = page.occasions_dialog
    assert isinstance(dialog, CustomerOccasionsDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Birthday: turns 35"
    assert dialog.model.index(0, 3).data() == "Mar 12, 2026 (in 3 days)"
    # Enter changes the selected occasion
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    form = dialog.form
    assert isinstance(form, OccasionDialog) and form.on.text() == "12.03.1991"
    type_text(form.note, "lale sever")
    form.save()
    assert dialog.model.index(0, 4).data() == "lale sever"
    # Delete removes it after asking; the customer's birthday goes with it
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.question is not None
    dialog.question.yes_button.click()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert shop.customers.search("ayşe")[0].birthday is None


def test_the_form_asks_what_the_kind_needs_and_shows_refusals_inline(
    qtbot: QtBot, shop: Shop
) -> None:
    ayse = shop.customers.search("ayşe")[0]
    form = OccasionDialog(shop, ayse)
    qtbot.addWidget(form)
    form.show()
    assert "29 February is kept on 28 February" in form.date_help.text()
    assert form.date_help.isVisible()
    assert not form.label.isVisible()  # only "Other" is named
    assert form.notice.text() == "as set: 7 days before"
    form.kind.setCurrentIndex(form.kind.findData("other"))
    assert form.label.isVisible() and form.once.isEnabled()
    form.kind.setCurrentIndex(form.kind.findData("name_day"))
    assert not form.label.isVisible() and not form.once.isEnabled()
    assert form.notice.text() == "as set: 3 days before"
    form.kind.setCurrentIndex(form.kind.findData("wedding"))
    form.once.setChecked(True)
    type_text(form.on, "31.04")
    type_text(form.whose, "k" * 101)
    form.save()
    assert form.isVisible()
    assert form.field_error("on").text() == "There is no such day: 31.04"
    assert "at most 100" in form.field_error("whose").text()
    assert shop.occasions.of_customer(ayse.id) == shop.occasions.of_customer(ayse.id)[:1]
    form.on.clear()
    type_text(form.on, "20.06.2026")
    form.whose.clear()
    form.notice.setValue(30)
    form.save()
    assert not form.isVisible() and form.occasion is not None
    assert (form.occasion.yearly, form.occasion.notice_days) == (False, 30)


def test_the_upcoming_list_marks_a_row_and_it_leaves_for_the_year(qtbot: QtBot, shop: Shop) -> None:
    upcoming = UpcomingList(shop)
    qtbot.addWidget(upcoming)
    show_active(qtbot, upcoming)
    model = upcoming.model
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == [
        "Cem Kara",
        "Ayşe Yılmaz",
    ]
    assert [model.index(0, c).data() for c in range(6)] == [
        "Mar 10, 2026",
        "tomorrow",
        "Cem Kara",
        "",
        "Wedding anniversary: 10 years",
        "çiçek gönder",
    ]
    marked: list[int] = []
    upcoming.marked.connect(marked.append)
    upcoming.table.selectRow(0)
    upcoming.buttons["card_sent"].click()  # type: ignore[index]
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["Ayşe Yılmaz"]
    assert "Card sent to Cem Kara" in upcoming.message.text()
    assert len(marked) == 1
    contacts = shop.store.query("SELECT kind, customer_id FROM contacts")
    assert [r["kind"] for r in contacts] == ["card"]
    # Delete dismisses the selected row for this year, noted in the contact log
    upcoming.table.setFocus()
    qtbot.keyClick(upcoming.table, Qt.Key.Key_Delete)
    assert model.rowCount() == 0
    assert [r["kind"] for r in shop.store.query("SELECT kind FROM contacts")] == [
        "card",
        "visit_note",
    ]
    # looking a year ahead shows Cem's next wedding anniversary again
    upcoming.days.setValue(366)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Mar 10, 2027"]


def test_the_upcoming_lists_context_menu_marks_too(qtbot: QtBot, shop: Shop) -> None:
    upcoming = UpcomingList(shop)
    qtbot.addWidget(upcoming)
    show_active(qtbot, upcoming)
    row = upcoming.table.visualRect(upcoming.model.index(1, 2)).center()
    upcoming._context_menu(row)
    menu = upcoming.menu
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == [
        "&Called",
        "Ca&rd sent",
        "&Gift sent",
        "D&ismiss this year",
    ]
    menu.actions()[0].trigger()
    assert [upcoming.model.index(r, 2).data() for r in range(upcoming.model.rowCount())] == [
        "Cem Kara"
    ]
    assert shop.store.query("SELECT kind FROM contacts") == [{"kind": "call"}]
    assert upcoming.table.viewport().rect().contains(QPoint(1, 1))


def test_every_alt_key_is_reachable_and_used_once(qtbot: QtBot, shop: Shop, language: str) -> None:
    ayse = shop.customers.search("ayşe")[0]
    form = OccasionDialog(shop, ayse)
    dialog = CustomerOccasionsDialog(shop, ayse)
    upcoming = UpcomingList(shop)
    for widget in (form, dialog, upcoming):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    for kind in ("birthday", "other"):
        form.kind.setCurrentIndex(form.kind.findData(kind))
        check_alt_keys(form, f"occasion form, {kind}")
    check_alt_keys(dialog, "occasions")
    check_alt_keys(upcoming, "upcoming")
    cancel = form.buttons.button(form.buttons.StandardButton.Cancel)
    assert cancel.text() == {"tr": "Vazgeç", "en": "Cancel"}[language]
