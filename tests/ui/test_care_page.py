"""The Occasions & calls page: today's calls, the outcome of a call in one step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.care.upcoming import MarkAction
from shopcrm.loyalty.rules import RewardKind
from tests.ui.conftest import show_active
from ui.care.call_list import CallListView, CallRowsModel
from ui.care.page import CarePage
from ui.main_window import MainWindow


@pytest.fixture
def calls(qtbot: QtBot, shop: Shop) -> CallListView:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    mehmet = shop.customers.add(name="Mehmet Şahin", phone="0533 765 43 21")
    with shop.store.transaction():
        now = shop.clock()
        add_entry(shop.store, now, ayse.id, ContactKind.COMPLAINT, "Çiçekler solmuş geldi")
        add_entry(
            shop.store, now, mehmet.id, ContactKind.CALL, "Fiyat sordu", follow_up_on=now.date()
        )
    view = CallListView(shop)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    show_active(qtbot, view)
    return view


def names(view: CallListView) -> list[str]:
    model = view.model
    return [model.record_at(row).row.name for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_no_answer_takes_the_row_off_and_logs_the_call(
    qtbot: QtBot, calls: CallListView, shop: Shop
) -> None:
    assert names(calls) == ["Ayşe Yılmaz", "Mehmet Şahin"]
    assert calls.count.text() == "2 customers"
    calls.table.selectRow(0)
    with qtbot.waitSignal(calls.changed):
        calls.no_answer_button.click()
    assert names(calls) == ["Mehmet Şahin"]
    assert calls.status.text() == "Ayşe Yılmaz: no answer. On the list again tomorrow."
    [logged] = shop.store.query("SELECT summary FROM contacts WHERE kind = 'call' AND id > 2")
    assert logged["summary"].startswith("Call: No answer — Open complaint since")


def test_a_click_on_the_phone_copies_it(qtbot: QtBot, calls: CallListView) -> None:
    index = calls.model.index(1, CallRowsModel.PHONE)
    rect = calls.table.visualRect(index)
    qtbot.mouseClick(calls.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.clipboard().text() == "0533 765 43 21"
    assert calls.status.text() == "0533 765 43 21 copied."


def test_call_back_asks_the_day_and_the_row_comes_back_then(
    qtbot: QtBot, calls: CallListView, shop: Shop
) -> None:
    calls.table.selectRow(1)
    calls.call_back_button.click()
    dialog = calls.dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(calls.changed):
        dialog.save()
    assert names(calls) == ["Ayşe Yılmaz"]
    tomorrow = shop.calls.today(shop.clock().date() + timedelta(days=1))
    assert [row.name for row in tomorrow.rows] == ["Ayşe Yılmaz", "Mehmet Şahin"]


def test_customers_left_out_for_want_of_consent_are_counted(qtbot: QtBot, shop: Shop) -> None:
    gul = shop.customers.add(name="Gül")
    shop.rewards.give_goodwill(gul.id, RewardKind.AMOUNT, value="50", valid_days=5)
    view = CallListView(shop)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    assert names(view) == []
    assert view.skipped.isVisible()
    assert view.skipped.text() == "1 customer was left out: no consent to marketing calls."


def test_ctrl_5_opens_the_occasions_and_calls_page(qtbot: QtBot, shop: Shop) -> None:
    window = MainWindow(shop)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    qtbot.keyClick(
        QApplication.focusWidget() or window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier
    )
    page = window.stack.currentWidget()
    assert isinstance(page, CarePage)
    assert window.side_bar.item(MainWindow.CARE).text() == "Occasions & calls"


def test_marking_an_occasion_called_takes_it_off_both_lists(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    shop.consent.record(ayse.id, "call", True)
    today = shop.clock().date()
    soon = today + timedelta(days=2)
    shop.occasions.add(ayse.id, "wedding", f"{soon.day:02d}.{soon.month:02d}.2012")
    page = CarePage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    assert [row.name for row in shop.calls.today().rows] == ["Ayşe Yılmaz"]
    reasons = shop.calls.today().rows[0].reasons
    assert reasons[0].text.startswith("Wedding anniversary: ")
    page.tabs.setCurrentWidget(page.upcoming)
    page.upcoming.table.selectRow(0)
    with qtbot.waitSignal(page.changed):
        page.upcoming.buttons[MarkAction.CALLED].click()
    assert shop.calls.today().rows == ()
    assert shop.upcoming.occasions() == []
    assert page.calls.model.rowCount() == 0
