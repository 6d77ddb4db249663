"""The green banner under the sale: what was just done, and Undo for the purchase it names.

Undo belongs to the purchase the banner was shown for: the banner keeps that purchase, says what
it is ("Logged ₺75,00 for Ayşe Yılmaz — visit 3"), and forgets it the moment the customer served
changes. Without a purchase (a gift handed over, an opening balance) it only tells. When the
purchase earned a voucher, "Print the voucher" sends it to the Print page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Purchase
from shopcrm.common.i18n import _


class UndoBanner(QFrame):
    """What was just done at the counter, with Undo for a purchase just logged."""

    undo_requested = Signal()
    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterConfirmation")
        self.setStyleSheet(
            "#counterConfirmation { background: #e8f5e9; border: 1px solid #81c784;"
            " border-radius: 4px; } QLabel { color: #1b5e20; }"
        )
        self.purchase: Purchase | None = None
        """The purchase Undo would void, or None."""
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton(_("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_requested)
        self.print_button = QPushButton(_("Print the voucher (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_requested)
        bar = QHBoxLayout(self)
        bar.addWidget(self.text, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.print_button)
        bar.addLayout(buttons)
        self.hide()

    def show_logged(
        self, purchase: Purchase, message: str, what: str, earned: bool = False
    ) -> None:
        """A purchase was logged: say so, and offer to undo it (``what`` names it), and to
        print the voucher it ``earned``."""
        self.purchase = purchase
        self.text.setText(message)
        self.undo_button.setToolTip(_("Void this purchase: {what}").format(what=what))
        self.undo_button.show()
        self.print_button.setVisible(earned)
        self.show()

    def show_message(self, message: str) -> None:
        """Something was done that Undo does not take back: just say it."""
        self.purchase = None
        self.text.setText(message)
        self.undo_button.hide()
        self.print_button.hide()
        self.show()

    def forget(self) -> None:
        """The customer changed: the banner and its Undo go."""
        self.purchase = None
        self.text.clear()
        self.hide()
