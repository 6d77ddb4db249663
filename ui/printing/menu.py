"""A "Print…" button with a menu of what can be printed from where it stands (a customer's
thank-you card, loyalty card, letter...): each entry asks for a print job; ``customer_job``
makes the job for one customer."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from shopcrm import Customer, InvalidInput, Shop
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind, PrintJob, kind_titles

CUSTOMER_KINDS = (
    DocumentKind.THANK_YOU,
    DocumentKind.THANK_YOU_FOLDED,
    DocumentKind.LOYALTY_CARD,
    DocumentKind.VOUCHER,
    DocumentKind.LETTER,
    DocumentKind.LABELS,
)
"""What can be printed for one customer."""


def customer_job(shop: Shop, customer: Customer, kind: DocumentKind) -> PrintJob:
    """The print of ``kind`` for ``customer``: a voucher prints their open vouchers.
    ``InvalidInput`` says why there is nothing to print."""
    if kind in (DocumentKind.VOUCHER, DocumentKind.VOUCHER_SHEET, DocumentKind.VOUCHER_RECEIPT):
        vouchers = tuple(r.id for r in shop.rewards.of_customer(customer.id))
        if not vouchers:
            raise InvalidInput(_("{name} has no open voucher to print.").format(name=customer.name))
        return PrintJob(kind, reward_ids=vouchers)
    return PrintJob(kind, customer_ids=(customer.id,))


class PrintMenuButton(QPushButton):
    """A button whose menu lists ``kinds``; ``chosen`` tells the kind picked."""

    chosen = Signal(object)
    """The ``DocumentKind`` picked from the menu."""

    def __init__(
        self, text: str, kinds: Iterable[DocumentKind], parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self.menu_ = QMenu(self)
        titles = kind_titles()
        for kind in kinds:
            action = QAction(titles[kind], self.menu_)
            action.triggered.connect(lambda _c=False, k=kind: self.chosen.emit(k))
            self.menu_.addAction(action)
        self.setMenu(self.menu_)
