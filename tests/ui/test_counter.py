"""The Counter page, used the way a shopkeeper does: with the keyboard only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from tests.ui.conftest import type_text
from ui.counter.page import CounterPage


@pytest.fixture
def page(three_customers_counter: CounterPage) -> CounterPage:
    return three_customers_counter


def listed_names(page: CounterPage) -> list[str]:
    model = page.results_model
    return [model.record_at(row).name for row in range(model.rowCount())]  # type: ignore[union-attr]


def test_pick_log_undo_and_back_with_the_keyboard(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(page.search, "yil")
    assert listed_names(page) == ["Ayşe Yılmaz"]
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.search, "oz")
    assert "Şükrü Öztürk" in listed_names(page)

    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Up)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.name.text() == "Şükrü Öztürk"
    assert page.amount.hasFocus()

    qtbot.keyClicks(page.amount, "1,250.50")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert page.panel.visits.text() == "1"
    assert page.panel.total.text() == "₺1,250.50"
    assert page.confirmation.isVisible()
    assert page.confirmation_text.text() == "Logged ₺1,250.50 for Şükrü Öztürk — visit 1"
    assert page.purchases_model.rowCount() == 1
    assert page.amount.text() == ""

    qtbot.keyClick(page.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.panel.visits.text() == "0"
    assert page.panel.total.text() == "₺0.00"
    purchase = page.purchases_model.purchase_at(0)
    assert purchase is not None and purchase.voided
    assert "voided" in page.purchases_model.text_of(purchase)
    assert not page.undo_button.isVisible()

    qtbot.keyClick(page.amount, Qt.Key.Key_Escape)
    assert page.search.hasFocus()
    assert page.search.selectedText() == page.search.text() == "oz"


def test_enter_picks_the_first_result(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(page.search, "mehmet")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.name == "Mehmet Şahin"
    assert page.amount.hasFocus()


def test_a_bad_amount_is_refused_inline(qtbot: QtBot, page: CounterPage, shop: Shop) -> None:
    qtbot.keyClicks(page.search, "ayse")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    for typed in ("abc", "0"):
        page.amount.clear()
        qtbot.keyClicks(page.amount, typed)
        qtbot.keyClick(page.amount, Qt.Key.Key_Return)
        assert page.error.isVisible()
        assert "amount" in page.error.text()
        assert page.amount.hasFocus()
    customer = shop.customers.search("ayse")[0]
    assert shop.purchases.of_customer(customer.id) == []
    assert customer.visit_count == 0
    assert not page.confirmation.isVisible()


def test_turkish_letters_find_the_customer(qtbot: QtBot, page: CounterPage) -> None:
    type_text(page.search, "şük")
    assert page.search.text() == "şük"
    assert listed_names(page)[0] == "Şükrü Öztürk"


def test_nobody_found_offers_ctrl_n_which_adds_and_picks(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    type_text(page.search, "Gülşen Çelik")
    assert listed_names(page) == []
    assert page.hint.text() == "No customer found. Press Ctrl+N to add “Gülşen Çelik”."

    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.errands.customer_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "Gülşen Çelik"
    qtbot.keyClicks(dialog.phone, "0544 111 22 33")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)

    assert page.customer is not None and page.customer.name == "Gülşen Çelik"
    assert shop.customers.find_by_phone("05441112233") is not None
    assert page.panel.name.text() == "Gülşen Çelik"
    assert page.results_model.record_at(page.results.currentIndex().row()) == page.customer
    qtbot.waitUntil(page.amount.hasFocus)


def test_money_follows_the_shop_currency(qtbot: QtBot, page: CounterPage, shop: Shop) -> None:
    shop.settings.update(currency="EUR")
    page.refresh()
    qtbot.keyClicks(page.search, "ayse")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.amount, "12.5")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert page.panel.total.text() == "€12.50"


def test_down_chooses_the_next_result(qtbot: QtBot, page: CounterPage) -> None:
    type_text(page.search, "ş")
    names = listed_names(page)
    assert sorted(names) == ["Mehmet Şahin", "Şükrü Öztürk"]
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # stays on the last one
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Enter)
    assert page.customer is not None and page.customer.name == names[1]


def test_ctrl_z_from_the_search_box_undoes_the_purchase_the_banner_names(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    qtbot.keyClicks(page.search, "ayse")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.keyClicks(page.amount, "75")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    page.search.setFocus()  # a click in the search box: Ayşe is still served, the banner shows
    assert page.confirmation.isVisible()
    assert page.confirmation_text.text() == "Logged ₺75.00 for Ayşe Yılmaz — visit 1"
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.search.text() == "ayse"
    [purchase] = shop.purchases.of_customer(page.customer.id)  # type: ignore[union-attr]
    assert purchase.voided and purchase.void_code == "undone"
    assert page.confirmation_text.text() == "The purchase of ₺75.00 for Ayşe Yılmaz was voided."
    assert page.panel.visits.text() == "0"


def test_ctrl_n_with_a_phone_number_fills_the_phone(qtbot: QtBot, page: CounterPage) -> None:
    qtbot.keyClicks(page.search, "0555 444 33 22")
    assert "No customer found" in page.hint.text()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.errands.customer_dialog
    assert dialog is not None
    assert dialog.name.text() == "" and dialog.phone.text() == "0555 444 33 22"
    dialog.reject()
    assert page.customer is None


def test_a_scanned_loyalty_card_serves_its_holder(qtbot: QtBot, page: CounterPage) -> None:
    from shopcrm.people.card_codes import card_code

    ayse = page.shop.customers.search("Ayşe Yılmaz")[0]
    qtbot.keyClicks(page.search, card_code(ayse.id))
    assert listed_names(page) == ["Ayşe Yılmaz"]
    assert page.finder.hint.text() == ("Loyalty card of Ayşe Yılmaz. Press Enter to pick.")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.name.text() == "Ayşe Yılmaz"
    assert page.amount.hasFocus()


def test_a_loyalty_card_nobody_holds_serves_no_one(qtbot: QtBot, page: CounterPage) -> None:
    from shopcrm.people.card_codes import card_code

    qtbot.keyClicks(page.search, card_code(77))
    assert listed_names(page) == []
    assert page.finder.hint.text() == f"No customer has this loyalty card ({card_code(77)})."
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.name.text() != "Ayşe Yılmaz"
    assert page.search.hasFocus()
