"""The opening balance of a customer who comes with a paper stamp card.

Visits and spending entered here count toward the loyalty rules like purchases do; the core
keeps them as an adjustment with its reason, and issues what becomes due.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget

from shopcrm import Customer, Shop
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from ui.form_dialog import FormDialog

MAX_VISITS = 10_000


class OpeningBalanceDialog(FormDialog):
    """Add visits and/or spending to ``customer``'s loyalty balance, with a reason."""

    def __init__(self, shop: Shop, customer: Customer, parent: QWidget | None = None) -> None:
        super().__init__(_("Opening balance for {name}").format(name=customer.name), parent)
        self.shop = shop
        self.customer = customer
        intro = QLabel(
            _(
                "Visits and spending from a paper stamp card or an earlier program. "
                "They count toward the loyalty rules."
            )
        )
        intro.setWordWrap(True)
        self.visits = QSpinBox()
        self.visits.setRange(0, MAX_VISITS)
        self.spending = QLineEdit()
        self.spending.setPlaceholderText(_("e.g. {amount}").format(amount=number(1500)))
        self.reason = QLineEdit(_("Paper stamp card"))
        self.form.addRow(intro)
        self.form.addRow(_("&Visits:"), self.visits)
        self.form.addRow(_("&Spending:"), self.spending)
        self.form.addRow(_("&Reason:"), self.reason)
        self.visits.setFocus()
        self.visits.selectAll()

    def submit(self) -> None:
        """Record the adjustment through the core."""
        self.shop.loyalty.adjust(
            self.customer.id,
            visits=self.visits.value(),
            spending=self.spending.text().strip() or 0,
            reason=self.reason.text(),
        )
