"""The customer form: one short dialog that refuses bad input inline and spots duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from tests.ui.conftest import type_text
from ui.customer_form import CustomerFormDialog


def open_form(qtbot: QtBot, shop: Shop, **kwargs: object) -> CustomerFormDialog:
    dialog = CustomerFormDialog(shop, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_adds_a_customer_with_every_field(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Şükrü Öztürk")
    assert dialog.name.text() == "Şükrü Öztürk"
    qtbot.keyClicks(dialog.phone, "0532 123 45 67")
    qtbot.keyClicks(dialog.email, "sukru@example.com")
    type_text(dialog.address, "Bağdat Cad. 12, İstanbul")
    type_text(dialog.notes, "Çay sever")
    qtbot.keyClicks(dialog.tags, "regular, wholesale")
    dialog.consent.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.customer
    assert saved is not None
    assert saved == shop.customers.get(saved.id)
    assert saved.phone_display == "0532 123 45 67"
    assert saved.address == "Bağdat Cad. 12, İstanbul"
    assert saved.notes == "Çay sever"
    assert saved.tags == ("regular", "wholesale")
    assert saved.marketing_consent


def test_empty_name_is_refused_inline(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop)
    qtbot.keyClicks(dialog.phone, "0532 123 45 67")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.field_error("name").isVisible()
    assert dialog.field_error("name").text() == "Please type the customer's name."
    assert dialog.focusWidget() is dialog.name
    assert shop.customers.count() == 0


def test_a_bad_email_is_refused_inline(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe")
    qtbot.keyClicks(dialog.email, "ayse@")
    dialog.save()
    assert dialog.isVisible() and dialog.field_error("email").isVisible()
    assert "ayse@" in dialog.field_error("email").text()
    assert shop.customers.count() == 0


def test_the_name_typed_at_the_counter_is_not_selected(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name)
    qtbot.wait(10)
    assert not dialog.name.hasSelectedText()
    assert dialog.name.cursorPosition() == len("Ayşe")
    type_text(dialog.name, " Yılmaz")
    assert dialog.name.text() == "Ayşe Yılmaz"


def test_a_phone_typed_at_the_counter_goes_in_the_phone_field(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe", initial_phone="0532 123 45 67")
    assert (dialog.name.text(), dialog.phone.text()) == ("Ayşe", "0532 123 45 67")


def test_every_refused_field_shows_its_message_beside_it(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe")
    qtbot.keyClicks(dialog.phone, "0532 ABC DE FG")
    qtbot.keyClicks(dialog.email, "ayse@")
    qtbot.keyClicks(dialog.birthday, "31.02")
    dialog.save()
    assert dialog.isVisible()
    shown = {key for key in dialog.field_keys() if dialog.field_error(key).isVisible()}
    assert shown == {"phone", "email", "birthday"}
    assert "0532 ABC DE FG" in dialog.field_error("phone").text()
    assert "31.02" in dialog.field_error("birthday").text()
    assert dialog.focusWidget() is dialog.phone
    assert shop.customers.count() == 0

    dialog.phone.clear()
    dialog.email.clear()
    dialog.birthday.clear()
    qtbot.keyClicks(dialog.birthday, "15.03")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not any(dialog.field_error(key).isVisible() for key in dialog.field_keys())


def test_cancel_reads_vazgec_in_turkish(qtbot: QtBot, shop: Shop) -> None:
    set_language("tr")
    dialog = open_form(qtbot, shop)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Vazgeç"


def test_a_namesake_is_offered_before_adding(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz", phone="0532 123 45 67")
    shop.purchases.log(ayse.id, "100", purchased_at="2026-03-02T10:00:00")
    dialog = open_form(qtbot, shop, initial_name="ayşe yılmaz")
    dialog.save()
    box = dialog.namesake_box
    assert box.isVisible()
    text = box.details()
    assert "0532 123 45 67" in text and "1 visit" in text and "Mar 2, 2026" in text
    assert {b.text() for b in box.buttons.buttons()} == {
        "Use this customer",
        "Add a new customer",
        "Cancel",
    }
    box.button("Use this customer").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.customer == shop.customers.get(ayse.id)
    assert shop.customers.count() == 1


def test_a_namesake_may_be_a_new_customer_after_all(qtbot: QtBot, shop: Shop) -> None:
    shop.customers.add(name="Ayşe Yılmaz")
    dialog = open_form(qtbot, shop, initial_name="Ayşe Yılmaz")
    dialog.save()
    dialog.namesake_box.button("Add a new customer").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert shop.customers.count() == 2


def test_cancelling_the_namesake_question_adds_no_one(qtbot: QtBot, shop: Shop) -> None:
    shop.customers.add(name="Ayşe Yılmaz")
    dialog = open_form(qtbot, shop, initial_name="Ayşe Yılmaz")
    dialog.save()
    dialog.namesake_box.button("Cancel").click()
    assert dialog.isVisible() and dialog.focusWidget() is dialog.name
    assert shop.customers.count() == 1


def test_editing_asks_about_no_namesake(qtbot: QtBot, shop: Shop) -> None:
    shop.customers.add(name="Ayşe Yılmaz")
    other = shop.customers.add(name="Ayşe Yılmaz", allow_duplicate_phone=True)
    dialog = open_form(qtbot, shop, customer=other)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_duplicate_phone_offers_the_existing_customer(qtbot: QtBot, shop: Shop) -> None:
    existing = shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
    dialog = open_form(qtbot, shop, initial_name="Şükrü Bey")
    qtbot.keyClicks(dialog.phone, "05321234567")
    dialog.save()
    box = dialog.duplicate_box
    assert box.isVisible()
    assert "Şükrü Öztürk" in box.text()
    assert "Cancel" in [b.text() for b in box.buttons()]
    use = next(b for b in box.buttons() if b.text() == "Use the existing customer")
    use.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.customer == existing
    assert shop.customers.count() == 1


def test_duplicate_phone_can_be_added_anyway(qtbot: QtBot, shop: Shop) -> None:
    shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
    dialog = open_form(qtbot, shop, initial_name="Gül Öztürk")
    qtbot.keyClicks(dialog.phone, "0532 123 45 67")
    dialog.save()
    next(b for b in dialog.duplicate_box.buttons() if b.text() == "Add anyway").click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.customer is not None and dialog.customer.name == "Gül Öztürk"
    assert shop.customers.count() == 2


def test_edits_a_customer(qtbot: QtBot, shop: Shop) -> None:
    customer = shop.customers.add(name="Ayse Yilmaz", tags=["regular"])
    dialog = open_form(qtbot, shop, customer=customer)
    assert dialog.name.text() == "Ayse Yilmaz"
    assert dialog.tags.text() == "regular"
    dialog.name.clear()
    type_text(dialog.name, "Ayşe Yılmaz")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert shop.customers.get(customer.id).name == "Ayşe Yılmaz"
    assert shop.customers.count() == 1


def test_birthday_and_referred_by(qtbot: QtBot, shop: Shop) -> None:
    ayse = shop.customers.add(name="Ayşe Yılmaz")
    shop.customers.add(name="Ayten Kara")
    dialog = open_form(qtbot, shop, initial_name="Şükrü Öztürk")
    assert dialog.birthday.placeholderText() == "e.g. 15.03 or 15.03.1980"
    qtbot.keyClicks(dialog.birthday, "31.02")
    dialog.save()
    assert dialog.isVisible() and dialog.field_error("birthday").isVisible()  # no such day
    dialog.birthday.clear()
    qtbot.keyClicks(dialog.birthday, "15.03.1980")

    type_text(dialog.referred_by, "ayşe")
    popup = dialog.referred_by.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert [c.name for c in dialog.referred_by.offered()] == ["Ayşe Yılmaz"]
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.referred_by.text() == "Ayşe Yılmaz"
    dialog.save()
    saved = dialog.customer
    assert saved is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert saved.birthday == "1980-03-15" and saved.referred_by == ayse.id

    again = open_form(qtbot, shop, customer=saved)
    assert again.birthday.text() == "15.03.1980"
    assert again.referred_by.text() == "Ayşe Yılmaz"
    assert again.referred_by.customer_id() == ayse.id


def test_a_referrer_typed_but_not_chosen_is_refused(qtbot: QtBot, shop: Shop) -> None:
    shop.customers.add(name="Ayşe Yılmaz")
    dialog = open_form(qtbot, shop, initial_name="Cem")
    type_text(dialog.referred_by, "nobody like this")
    dialog.save()
    assert dialog.isVisible()
    assert (
        dialog.field_error("referred_by").text()
        == "Choose who referred them from the list, or clear the field."
    )
    assert dialog.focusWidget() is dialog.referred_by
    dialog.referred_by.clear()
    qtbot.keyClicks(dialog.birthday, "29.02")
    dialog.save()
    assert dialog.customer is not None and dialog.customer.birthday == "02-29"
    assert dialog.customer.referred_by is None
