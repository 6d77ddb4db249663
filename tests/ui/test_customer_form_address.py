"""The customer form's form of address: chosen from a list, saved, and shown again on edit."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.common.i18n import set_language
from shopcrm.people.address_forms import AddressForm
from ui.customer_form import CustomerFormDialog


def open_form(qtbot: QtBot, shop: Shop, **kwargs: object) -> CustomerFormDialog:
    dialog = CustomerFormDialog(shop, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_form_of_address_is_chosen_saved_and_shown_again(qtbot: QtBot, shop: Shop) -> None:
    dialog = open_form(qtbot, shop, initial_name="Şükrü Öztürk")
    choices = [dialog.address_form.itemData(i) for i in range(dialog.address_form.count())]
    assert choices == [form.value for form in AddressForm]
    assert dialog.address_form.currentData() == ""
    dialog.address_form.setCurrentIndex(dialog.address_form.findData("bey"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.customer is not None
    saved = shop.customers.get(dialog.customer.id)
    assert saved.address_form is AddressForm.BEY

    again = open_form(qtbot, shop, customer=saved)
    assert again.address_form.currentData() == "bey"
    again.address_form.setCurrentIndex(again.address_form.findData("first_name"))
    again.save()
    assert shop.customers.get(saved.id).address_form is AddressForm.FIRST_NAME


def test_the_choices_read_in_turkish(qtbot: QtBot, shop: Shop) -> None:
    set_language("tr")
    dialog = open_form(qtbot, shop)
    titles = [dialog.address_form.itemText(i) for i in range(dialog.address_form.count())]
    assert titles[1:3] == ["Bey", "Hanım"]
    assert "Yalnızca adı" in titles
