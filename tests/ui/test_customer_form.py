"""The customer form: one short dialog that refuses bad input inline and spots duplicates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from shopcrm import Shop
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
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Please type the customer's name."
    assert shop.customers.count() == 0


def test_a_bad_email_is_refused_inline(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Ayşe")
    qtbot.keyClicks(dialog.email, "ayse@")
    dialog.save()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "ayse@" in dialog.error.text()
    assert shop.customers.count() == 0


def test_duplicate_phone_offers_the_existing_customer(qtbot: QtBot, shop: Shop) -> None:
    existing = shop.customers.add(name="Şükrü Öztürk", phone="0532 123 45 67")
    dialog = open_form(qtbot, shop, initial_name="Sukru Ozturk")
    qtbot.keyClicks(dialog.phone, "05321234567")
    dialog.save()
    box = dialog.duplicate_box
    assert box.isVisible()
    assert "Şükrü Öztürk" in box.text()
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
    assert dialog.isVisible() and dialog.error.isVisible()  # no such day: refused inline
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
    assert dialog.error.text() == "Choose who referred them from the list, or clear the field."
    dialog.referred_by.clear()
    qtbot.keyClicks(dialog.birthday, "29.02")
    dialog.save()
    assert dialog.customer is not None and dialog.customer.birthday == "02-29"
    assert dialog.customer.referred_by is None
