"""A customer's purchases, newest first, with Void… and Correct… for any of them.

Used by the Counter (the customer served) and the Customers page (the customer selected). Voided
purchases stay listed, struck through, with why; a correction says so. The dialogs call the core;
``changed`` tells the page to show the new counts.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Purchase, Shop
from shopcrm.common.i18n import _
from ui.keys import on_keys
from ui.purchase_dialogs import CorrectPurchaseDialog, VoidPurchaseDialog
from ui.purchase_list import PurchaseListModel
from ui.style import bold


class PurchaseHistory(QWidget):
    """The purchases of one customer, and the means to void or correct one."""

    changed = Signal()
    """A purchase was voided or corrected."""

    def __init__(self, shop: Shop, limit: int = 20, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.limit = limit
        self.customer_id: int | None = None
        self.dialog: VoidPurchaseDialog | CorrectPurchaseDialog | None = None
        self.model = PurchaseListModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)  # a long note or a void's reason wraps, never scrolls away
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.title = bold(QLabel(_("Recent &purchases")))
        self.title.setBuddy(self.list)
        self.void_button = QPushButton(_("&Void…"))
        self.void_button.setToolTip(_("Void the selected purchase, with a reason (Delete)"))
        self.correct_button = QPushButton(_("C&orrect…"))
        self.correct_button.setToolTip(
            _("Correct the amount or the customer of the selected purchase")
        )
        self.void_button.clicked.connect(self.void_current)
        self.correct_button.clicked.connect(self.correct_current)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        on_keys(self.list, [Qt.Key.Key_Delete], self.void_current)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.void_button)
        top.addWidget(self.correct_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self._update_buttons()

    def show_customer(self, customer_id: int | None) -> None:
        """Show this customer's purchases (none for None)."""
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        """Read the purchases afresh, keeping the one selected."""
        current = self.current()
        currency = self.shop.settings.get().currency
        purchases = (
            self.shop.purchases.of_customer(self.customer_id, self.limit)
            if self.customer_id is not None
            else []
        )
        self.model.set_purchases(purchases, currency)
        if current is not None:
            for row, purchase in enumerate(purchases):
                if purchase.id == current.id:
                    self.list.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def current(self) -> Purchase | None:
        """The selected purchase, if any."""
        return self.model.purchase_at(self.list.currentIndex().row())

    def void_current(self) -> None:
        """Void the selected purchase, after asking why."""
        purchase = self.current()
        if purchase is None or purchase.voided:
            return
        self._open(VoidPurchaseDialog(self.shop, purchase, self))

    def correct_current(self) -> None:
        """Correct the selected purchase's amount or customer."""
        purchase = self.current()
        if purchase is None or purchase.voided:
            return
        self._open(CorrectPurchaseDialog(self.shop, purchase, self))

    def _open(self, dialog: VoidPurchaseDialog | CorrectPurchaseDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self._done)
        dialog.open()

    def _done(self) -> None:
        self.dialog = None
        self.reload()
        self.changed.emit()

    def _update_buttons(self, *_args: QModelIndex) -> None:
        purchase = self.current()
        live = purchase is not None and not purchase.voided
        self.void_button.setEnabled(live)
        self.correct_button.setEnabled(live)
