"""The counter logs what the shopkeeper sees, to whom they see: the customer served is always
the one highlighted and named; Undo always names what it voids; big amounts are asked about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from tests.ui.conftest import show_active, type_text
from ui.counter.page import CounterPage


@pytest.fixture
def page(three_customers_counter: CounterPage) -> CounterPage:
    return three_customers_counter


def pick(qtbot: QtBot, page: CounterPage, typed: str) -> None:
    page.search.setFocus()
    page.search.selectAll()
    type_text(page.search, typed)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.amount.hasFocus()


def sell(qtbot: QtBot, page: CounterPage, amount: str) -> None:
    qtbot.keyClicks(page.amount, amount)
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)


def ayse_served_in(qtbot: QtBot, shop: Shop, language: str) -> CounterPage:
    """A Counter in ``language`` serving Ayşe Yılmaz, the amount box ready."""
    set_language(language)
    shop.customers.add(name="Ayşe Yılmaz")
    page = CounterPage(shop)
    qtbot.addWidget(page)
    show_active(qtbot, page)
    pick(qtbot, page, "ayşe")
    return page


def purchases_of(shop: Shop, name: str) -> list[int]:
    [customer] = shop.customers.search(name)
    return [p.amount for p in shop.purchases.of_customer(customer.id) if not p.voided]


def test_typing_another_name_lets_the_customer_served_go(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "şükrü")
    assert page.panel.name.text() == "Şükrü Öztürk"
    page.search.setFocus()
    page.search.selectAll()
    type_text(page.search, "mehmet")
    assert page.results_model.record_at(0).name == "Mehmet Şahin"  # type: ignore[union-attr]
    assert page.customer is None
    assert not page.panel.isVisible() and not page.amount.isEnabled()
    qtbot.mouseClick(page.amount, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.amount, "500")
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    page.log_purchase()
    assert purchases_of(shop, "şükrü") == [] and purchases_of(shop, "mehmet") == []


def test_esc_lets_the_customer_go_and_enter_picks_them_again(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    qtbot.keyClicks(page.amount, "40")
    qtbot.keyClick(page.amount, Qt.Key.Key_Escape)
    assert page.customer is None and not page.panel.isVisible()
    assert page.search.hasFocus() and page.search.selectedText() == "ayşe"
    page.amount.setFocus()
    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    assert purchases_of(shop, "ayşe") == []
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.name == "Ayşe Yılmaz"
    assert page.amount.text() == ""  # what was typed for the released customer is gone


def test_moving_the_highlight_off_the_customer_served_lets_them_go(
    qtbot: QtBot, page: CounterPage
) -> None:
    pick(qtbot, page, "ş")
    served = page.customer
    assert served is not None
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    highlighted = page.results_model.record_at(page.results.currentIndex().row())
    assert highlighted is not None and highlighted.id != served.id
    assert page.customer is None
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.customer is not None and page.customer.id == highlighted.id
    assert page.panel.name.text() == highlighted.name


def test_undo_goes_with_the_customer_and_never_voids_another_customers_purchase(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    sell(qtbot, page, "75")
    assert page.undo_button.isVisible()
    pick(qtbot, page, "mehmet")
    assert not page.confirmation.isVisible()
    qtbot.keyClick(page.amount, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    page.undo_last()
    assert purchases_of(shop, "ayşe") == [7500]


def test_after_esc_ctrl_z_in_the_search_box_voids_nothing(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    sell(qtbot, page, "75")
    qtbot.keyClick(page.amount, Qt.Key.Key_Escape)
    assert not page.confirmation.isVisible()
    qtbot.keyClick(page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert purchases_of(shop, "ayşe") == [7500]


def test_a_very_large_amount_is_asked_about_once(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    sell(qtbot, page, "60000")
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert box.text() == (
        "₺60,000.00 is more than ₺50,000.00: an unusually large amount for one purchase. "
        "Is it right?"
    )
    assert box.no_button.text() == "Cancel"
    assert purchases_of(shop, "ayşe") == []
    box.no_button.click()
    assert purchases_of(shop, "ayşe") == [] and page.amount.text() == "60000"

    qtbot.keyClick(page.amount, Qt.Key.Key_Return)
    box = page.confirm_box
    assert box is not None
    box.yes_button.click()
    assert purchases_of(shop, "ayşe") == [6_000_000]
    assert page.confirmation_text.text() == "Logged ₺60,000.00 for Ayşe Yılmaz — visit 1"


@pytest.mark.parametrize(("language", "typed"), [("tr", "12,5"), ("en", "12.5")])
def test_the_number_pads_decimal_key_types_the_languages_mark(
    qtbot: QtBot, shop: Shop, language: str, typed: str
) -> None:
    page = ayse_served_in(qtbot, shop, language)
    qtbot.keyClicks(page.amount, "12")
    for key, text in ((Qt.Key.Key_Period, "."), (Qt.Key.Key_Comma, ",")):
        page.amount.setText("12")
        press = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.KeypadModifier, text)
        QApplication.sendEvent(page.amount, press)
        qtbot.keyClicks(page.amount, "5")
        assert page.amount.text() == typed


def test_any_purchase_in_the_history_is_voided_with_a_reason(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    sell(qtbot, page, "120")
    sell(qtbot, page, "80")
    history = page.history
    history.list.setCurrentIndex(history.model.index(1))  # the older one, ₺120
    history.void_button.click()
    dialog = history.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setCurrentIndex(dialog.reason.findData("returned"))
    with qtbot.waitSignal(page.changed):
        dialog.save()
    voided = history.model.purchase_at(1)
    assert voided is not None and voided.voided and voided.void_code == "returned"
    assert "(voided: Returned)" in history.model.text_of(voided)
    assert page.panel.total.text() == "₺80.00"
    assert not history.void_button.isEnabled()  # a voided purchase is voided once


def test_a_purchase_is_corrected_to_the_right_amount(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    sell(qtbot, page, "1200")
    history = page.history
    history.list.setCurrentIndex(history.model.index(0))
    history.correct_button.click()
    dialog = history.dialog
    assert dialog is not None
    assert dialog.amount.text() == "1,200.00"
    dialog.amount.setText("120")
    with qtbot.waitSignal(page.changed):
        dialog.save()
    assert purchases_of(shop, "ayşe") == [12000]
    assert page.panel.total.text() == "₺120.00"
    newest = history.model.purchase_at(0)
    assert newest is not None and "(correction)" in history.model.text_of(newest)


def test_a_long_name_cut_short_in_the_results_reads_whole_in_its_tool_tip(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    long_name = "Ayşegül Nur Karaosmanoğlu Büyükçekmeceli Öztürkmenoğlu"
    shop.customers.add(name=long_name)
    type_text(page.search, "karaosman")
    index = page.results_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == long_name


def test_a_gift_voucher_ticked_says_its_amount_once(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    [voucher] = shop.rewards.issue_gift_vouchers(1, "100")
    qtbot.keyClicks(page.search, voucher.code)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.voucher_note.text() == (
        f"Gift voucher {voucher.code} (₺100.00) is ticked for the next purchase."
    )


@pytest.mark.parametrize("typed", ["5", "53", "0 5"])
def test_one_or_two_phone_digits_ask_for_a_third(
    qtbot: QtBot, page: CounterPage, typed: str
) -> None:
    qtbot.keyClicks(page.search, typed)
    assert page.hint.text() == "Type at least three digits of the phone number."


@pytest.mark.parametrize(
    ("typed", "name", "phone"),
    [
        ("0555 444 33 22", "", "0555 444 33 22"),
        ("+90 555 444 33 22", "", "+90 555 444 33 22"),
        ("Gülşen 0555 444 33 22", "Gülşen", "0555 444 33 22"),
    ],
)
def test_ctrl_n_puts_a_typed_phone_in_the_phone_box_never_in_the_name(
    qtbot: QtBot, page: CounterPage, typed: str, name: str, phone: str
) -> None:
    type_text(page.search, typed)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.errands.customer_dialog
    assert dialog is not None
    assert (dialog.name.text(), dialog.phone.text()) == (name, phone)
    dialog.reject()


@pytest.mark.parametrize(
    ("language", "typed", "message"),
    [
        ("tr", "12,345", "“12,345” geçerli bir tutar değil: 1.250,50 gibi yazın."),
        ("tr", "0.500", "“0.500” geçerli bir tutar değil: 1.250,50 gibi yazın."),
        ("en", "0,001", "“0,001” is not a valid amount: write it like 1,250.50."),
    ],
)
def test_an_amount_not_written_the_languages_way_is_refused_at_the_counter(
    qtbot: QtBot, shop: Shop, language: str, typed: str, message: str
) -> None:
    page = ayse_served_in(qtbot, shop, language)
    sell(qtbot, page, typed)
    assert page.error.text() == message
    assert purchases_of(shop, "ayşe") == []


def test_the_panel_says_when_and_how_the_customer_was_last_contacted(
    qtbot: QtBot, page: CounterPage, shop: Shop
) -> None:
    pick(qtbot, page, "ayşe")
    assert page.panel.last_contact.text() == "Last contact: none yet"
    [ayse] = shop.customers.search("ayşe")
    shop.contacts.add(ayse.id, "call", "Doğum günü için arandı")
    pick(qtbot, page, "mehmet")
    pick(qtbot, page, "ayşe")
    assert page.panel.last_contact.text() == "Last contact: today, call"
