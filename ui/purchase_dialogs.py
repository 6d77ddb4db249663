"""Void or correct a purchase from a customer's history, with a reason the shop picks.

A correction is the core's void plus a new purchase, linked: the dialog only collects the right
amount or customer and the reason; the core refuses what makes no sense.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from shopcrm import InvalidInput, NeedsConfirmation, Purchase, Shop, ShopError
from shopcrm.common.formatting import amount_input, moment, money
from shopcrm.common.i18n import _
from shopcrm.sales.voids import VoidReason, reason_titles
from ui.confirm import Question, ask
from ui.customer_picker import CustomerPicker
from ui.form_dialog import FormDialog


def reason_box(reasons: list[VoidReason], chosen: VoidReason) -> QComboBox:
    """A drop-down of void reasons, ``chosen`` selected."""
    box = QComboBox()
    titles = reason_titles()
    for reason in reasons:
        box.addItem(titles[reason], reason.value)
    box.setCurrentIndex(box.findData(chosen.value))
    return box


def describe(purchase: Purchase, currency: str) -> str:
    """One purchase in a sentence: "23 Kas 2026 16:05 · ₺1.250,50 · note"."""
    parts = [moment(purchase.purchased_at), money(purchase.amount, currency)]
    if purchase.note:
        parts.append(purchase.note)
    return " · ".join(parts)


class VoidPurchaseDialog(FormDialog):
    """Void one purchase with a reason; it stays on record, struck through."""

    def __init__(self, shop: Shop, purchase: Purchase, parent: QWidget | None = None) -> None:
        super().__init__(_("Void purchase"), parent)
        self.shop = shop
        self.purchase = purchase
        what = QLabel(describe(purchase, shop.settings.get().currency))
        what.setWordWrap(True)
        self.reason = reason_box(
            [
                VoidReason.RETURNED,
                VoidReason.ENTERED_TWICE,
                VoidReason.WRONG_AMOUNT,
                VoidReason.WRONG_CUSTOMER,
                VoidReason.OTHER,
            ],
            VoidReason.RETURNED,
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional; needed for another reason"))
        self.form.addRow(_("Purchase:"), what)
        self.form.addRow(_("&Reason:"), self.reason)
        self.form.addRow(_("&Note:"), self.note)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("V&oid purchase"))
        self.reason.setFocus()

    def submit(self) -> None:
        """Void the purchase through the core."""
        self.purchase = self.shop.purchases.void(
            self.purchase.id, VoidReason(self.reason.currentData()), note=self.note.text()
        )


class CorrectPurchaseDialog(FormDialog):
    """Correct a purchase's amount or customer: the old one is voided, a new one logged."""

    def __init__(self, shop: Shop, purchase: Purchase, parent: QWidget | None = None) -> None:
        super().__init__(_("Correct purchase"), parent)
        self.shop = shop
        self.purchase = purchase
        self.corrected: Purchase | None = None
        currency = shop.settings.get().currency
        what = QLabel(describe(purchase, currency))
        what.setWordWrap(True)
        self.amount = QLineEdit(amount_input(purchase.amount))
        self.customer = CustomerPicker(shop)
        self.customer.choose(shop.customers.get(purchase.customer_id))
        self.reason = reason_box(
            [VoidReason.WRONG_AMOUNT, VoidReason.WRONG_CUSTOMER, VoidReason.OTHER],
            VoidReason.WRONG_AMOUNT,
        )
        self.customer.chosen.connect(self._customer_chosen)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional; needed for another reason"))
        self.form.addRow(_("Purchase:"), what)
        self.form.addRow(_("Right &amount:"), self.amount)
        self.form.addRow(_("Right &customer:"), self.customer)
        self.form.addRow(_("&Reason:"), self.reason)
        self.form.addRow(_("&Note:"), self.note)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Correct"))
        self.amount.setFocus()
        self.amount.selectAll()
        self._confirmed = False
        self.question: Question | None = None

    def _customer_chosen(self, customer: object) -> None:
        if customer is not None and getattr(customer, "id", None) != self.purchase.customer_id:
            self.reason.setCurrentIndex(self.reason.findData(VoidReason.WRONG_CUSTOMER.value))

    def submit(self) -> None:
        """Correct the purchase through the core."""
        customer_id = self.customer.customer_id()
        if customer_id is None:
            self.customer.setFocus()
            raise InvalidInput(_("Choose the right customer from the list."))
        self.corrected = self.shop.purchases.correct(
            self.purchase.id,
            amount=self.amount.text(),
            customer_id=customer_id,
            reason=VoidReason(self.reason.currentData()),
            note=self.note.text(),
            confirmed=self._confirmed,
        )

    def refused(self, error: ShopError) -> None:
        """A very large amount is asked about once; other refusals show inline."""
        if isinstance(error, NeedsConfirmation):
            self.question = ask(self, _("Correct purchase"), str(error), _("Correct"), self._yes)
        else:
            super().refused(error)

    def _yes(self) -> None:
        self._confirmed = True
        self.save()
