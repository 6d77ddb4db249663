"""The Settings page: what is saved is kept, what is refused is said in red and changes nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.loyalty.visits import VisitRule
from shopcrm.settings import Settings
from tests.ui.conftest import show_active, type_text
from ui.customers.model import NAME, SPENT, VISITS
from ui.customers.page import CustomersPage
from ui.settings.page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, shop: Shop) -> SettingsPage:
    """The Settings page of a fresh shop."""
    page = SettingsPage(shop)
    qtbot.addWidget(page)
    return page


def choose(box: object, text: str) -> None:
    """Pick the entry of a drop-down list that reads ``text``."""
    index = box.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    box.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_shows_the_defaults_of_a_new_shop(page: SettingsPage) -> None:
    assert page.shop_name.text() == ""
    assert page.language.currentText() == "System default"
    assert [page.language.itemText(i) for i in range(page.language.count())] == [
        "System default",
        "Türkçe",
        "English",
    ]
    assert [page.currency.itemText(i) for i in range(page.currency.count())] == [
        "TRY",
        "EUR",
        "USD",
        "GBP",
    ]
    assert page.currency.currentText() == "TRY"
    assert page.visit_rule.currentText() == "Each day with a purchase"
    assert not page.error.isVisible() and not page.message.isVisible()


def test_saved_settings_are_kept_and_shown_again(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    show_active(qtbot, page)
    type_text(page.shop_name, "Çiçekçi Gül")
    type_text(page.address, "Bağdat Cad. 12")
    qtbot.keyClick(page.address, Qt.Key.Key_Return)
    type_text(page.address, "Kadıköy, İstanbul")
    qtbot.keyClicks(page.phone, "0216 123 45 67")
    choose(page.currency, "EUR")
    with qtbot.waitSignal(page.changed):
        page.save_button.click()
    assert page.message.isVisible()
    assert page.message.text() == "Settings saved."
    assert not page.error.isVisible()
    assert shop.settings.get() == Settings(
        shop_name="Çiçekçi Gül",
        address="Bağdat Cad. 12\nKadıköy, İstanbul",
        phone="0216 123 45 67",
        language="",
        currency="EUR",
        visit_rule=VisitRule.EACH_DAY,
    )

    again = SettingsPage(shop)
    qtbot.addWidget(again)
    assert again.shop_name.text() == "Çiçekçi Gül"
    assert again.address.toPlainText() == "Bağdat Cad. 12\nKadıköy, İstanbul"
    assert again.phone.text() == "0216 123 45 67"
    assert again.currency.currentText() == "EUR"


def test_ctrl_s_saves(qtbot: QtBot, shop: Shop, page: SettingsPage) -> None:
    show_active(qtbot, page)
    page.shop_name.setFocus()
    type_text(page.shop_name, "Öztürk Kırtasiye")
    qtbot.keyClick(page.shop_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert shop.settings.get().shop_name == "Öztürk Kırtasiye"
    assert page.message.text() == "Settings saved."


def test_a_too_long_name_is_refused_in_red_and_nothing_changes(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    show_active(qtbot, page)
    shop.settings.update(shop_name="Gül Çiçekçilik")
    page.refresh()
    page.shop_name.setText("Ş" * 400)
    choose(page.currency, "USD")
    with qtbot.assertNotEmitted(page.changed):
        page.save_button.click()
    assert page.error.isVisible()
    assert page.error.text() == "“Shop name” can be at most 300 characters long; this one has 400."
    assert "c62828" in page.error.styleSheet()
    assert not page.message.isVisible()
    assert shop.settings.get() == Settings(shop_name="Gül Çiçekçilik")
    assert page.shop_name.text() == "Ş" * 400

    page.shop_name.setText("Gül Çiçekçilik")
    page.save_button.click()
    assert not page.error.isVisible()
    assert shop.settings.get().currency == "USD"


def test_a_new_language_is_saved_with_a_note_about_the_next_start(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    choose(page.language, "Türkçe")
    page.save_button.click()
    assert shop.settings.get().language == "tr"
    assert page.message.text() == (
        "Settings saved.\nThe new language is used the next time ShopCRM starts."
    )
    page.save_button.click()
    assert page.message.text() == "Settings saved."


def test_the_language_names_are_not_translated(qtbot: QtBot, shop: Shop) -> None:
    from shopcrm.common.i18n import set_language

    set_language("tr")
    page = SettingsPage(shop)
    qtbot.addWidget(page)
    assert page.language.itemText(1) == "Türkçe"
    assert page.language.itemText(2) == "English"


def test_counting_each_purchase_as_a_visit_updates_the_customers_table(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    for hour in (10, 12, 17):
        shop.purchases.log(ayse.id, amount="100", purchased_at=datetime(2025, 3, 9, hour))
    customers = CustomersPage(shop)
    qtbot.addWidget(customers)
    model = customers.table.model()
    assert model.index(0, NAME).data() == "Ayşe Yılmaz"
    assert model.index(0, VISITS).data() == "1"

    choose(page.visit_rule, "Each purchase")
    page.changed.connect(customers.refresh)
    page.save_button.click()
    question = page.question
    assert question is not None and question.isVisible()
    assert "changes the visit count of 1 customer" in question.text()
    assert shop.customers.get(ayse.id).visit_count == 1  # nothing before the answer
    with qtbot.waitSignal(page.changed):
        question.yes_button.click()
    assert shop.customers.get(ayse.id).visit_count == 3
    assert model.index(0, VISITS).data() == "3"

    choose(page.currency, "EUR")
    page.save_button.click()
    question = page.question
    assert question is not None and "₺1,000.00 becomes €1,000.00" in question.text()
    question.yes_button.click()
    assert model.index(0, SPENT).data() == "€300.00"


def test_a_currency_change_answered_cancel_changes_nothing(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    shop.purchases.log(ayse.id, amount="100")
    choose(page.currency, "USD")
    page.save_button.click()
    question = page.question
    assert question is not None
    assert "amounts are not converted" in question.text()
    assert question.no_button.text() == "Cancel"
    question.no_button.click()
    assert shop.settings.get().currency == "TRY"


def test_the_large_amount_and_the_vouchers_rest_are_set_here(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    show_active(qtbot, page)
    assert page.large_amount.text() == "50,000.00"
    page.large_amount.setText("20000")
    page.voucher_rest.setCurrentIndex(page.voucher_rest.findData("refuse"))
    page.save_button.click()
    settings = shop.settings.get()
    assert settings.large_amount == 2_000_000 and not settings.keeps_rest
    page.large_amount.setText("lots")
    page.save_button.click()
    assert page.error.isVisible()
    assert shop.settings.get().large_amount == 2_000_000


def test_the_days_for_occasions_and_calls_are_set_here(
    qtbot: QtBot, shop: Shop, page: SettingsPage
) -> None:
    show_active(qtbot, page)
    boxes = page.days.boxes
    assert boxes["upcoming_days"].value() == 7 and boxes["notice_name_day"].value() == 3
    boxes["upcoming_days"].setValue(10)
    boxes["lapsed_first_days"].setValue(120)
    page.save_button.click()
    settings = shop.settings.get()
    assert (settings.upcoming_days, settings.lapsed_first_days) == (10, 120)
    assert boxes["notice_wedding"].maximum() == 90  # the core's own bounds
