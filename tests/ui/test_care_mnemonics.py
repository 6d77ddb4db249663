"""The contact log's dialogs and widgets, the complaints list and the customer form's consent
part: every Alt key reachable and used once, Cancel reads "Vazgeç", in Turkish and English."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from shopcrm import Shop
from shopcrm.care.contacts import ContactKind
from tests.ui.test_mnemonics import check_alt_keys, shown
from ui.care.complaints import OpenComplaints
from ui.care.contact_dialog import ContactEntryDialog, ResolveComplaintDialog, VoidEntryDialog
from ui.care.contact_log import ContactLogDialog
from ui.customer_form import CustomerFormDialog
from ui.form_dialog import FormDialog


def test_the_contact_log_and_its_dialogs(qtbot: QtBot, shop: Shop, language: str) -> None:
    customer = shop.customers.add(name="Ayşe", marketing_consent=True)
    entry = shop.contacts.add(customer.id, "complaint", "Geç teslim")
    log = shown(qtbot, ContactLogDialog(shop, customer))
    check_alt_keys(log, "contact log")
    dialogs: list[FormDialog] = [
        ContactEntryDialog(shop, customer.id, kind=ContactKind.SURVEY),
        ContactEntryDialog(shop, customer.id, entry=entry),
        VoidEntryDialog(shop, entry),
        ResolveComplaintDialog(shop, entry),
    ]
    for dialog in dialogs:
        shown(qtbot, dialog)
        check_alt_keys(dialog, dialog.windowTitle())
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text() == {"tr": "Vazgeç", "en": "Cancel"}[language]
    check_alt_keys(shown(qtbot, OpenComplaints(shop)), "open complaints")


def test_the_customer_form_with_its_consents(qtbot: QtBot, shop: Shop, language: str) -> None:
    customer = shop.customers.add(name="Ayşe", marketing_consent=True)
    check_alt_keys(shown(qtbot, CustomerFormDialog(shop)), "new customer")
    check_alt_keys(shown(qtbot, CustomerFormDialog(shop, customer=customer)), "edit customer")
