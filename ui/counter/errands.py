"""The dialogs the Counter opens beside the sale, for the customer served or about to be: a new
customer (Ctrl+N), the opening balance from a paper stamp card, the customer's occasions; and
what it sends to the Print page (Ctrl+P: the voucher just earned, else a thank-you card).

Each opens with ``open()`` (never blocking the counter), is kept while open so that tests and the
main window can find it, and hands the counter back its result through the page's own methods.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from shopcrm import ShopError
from shopcrm.common.i18n import _
from shopcrm.documents.kinds import DocumentKind, PrintJob
from shopcrm.people.phone import split_name_and_phone
from ui.printing.menu import customer_job

if TYPE_CHECKING:
    from ui.care.customer_occasions import CustomerOccasionsDialog
    from ui.counter.opening_balance import OpeningBalanceDialog
    from ui.counter.page import CounterPage
    from ui.customer_form import CustomerFormDialog

log = logging.getLogger(__name__)


class CounterErrands:
    """Open the counter's side dialogs and bring their results back to the counter."""

    def __init__(self, page: CounterPage) -> None:
        self.page = page
        self.customer_dialog: CustomerFormDialog | None = None
        self.balance_dialog: OpeningBalanceDialog | None = None
        self.occasions_dialog: CustomerOccasionsDialog | None = None

    def new_customer(self) -> None:
        """Add a customer named as typed in the search box, then serve them."""
        from ui.customer_form import CustomerFormDialog  # not before it is asked for

        page = self.page
        name, phone = split_name_and_phone(page.search.text())
        dialog = CustomerFormDialog(page.shop, page, initial_name=name, initial_phone=phone)
        self.customer_dialog = dialog

        def done(result: int) -> None:
            self.customer_dialog = None
            if result and dialog.customer is not None:
                page.changed.emit()
                page.serve_found(dialog.customer)

        dialog.finished.connect(done)
        dialog.open()

    def opening_balance(self) -> None:
        """Enter the served customer's opening balance from a paper stamp card."""
        from ui.counter.opening_balance import OpeningBalanceDialog  # not before it is asked for

        page = self.page
        customer = page.customer
        if customer is None:
            return
        dialog = OpeningBalanceDialog(page.shop, customer, page)
        self.balance_dialog = dialog

        def done(result: int) -> None:
            self.balance_dialog = None
            if result:
                page.after_errand(_("Opening balance saved for {name}.").format(name=customer.name))

        dialog.finished.connect(done)
        dialog.open()

    def print_now(self) -> None:
        """Ctrl+P: print what fits the moment: the vouchers the purchase just logged earned,
        else a thank-you card for the customer served."""
        page = self.page
        purchase = page.banner.purchase
        if page.customer is not None and purchase is not None:
            earned = page.shop.rewards.earned_by(purchase.id)
            if earned:
                ids = tuple(r.id for r in earned)
                page.print_requested.emit(PrintJob(DocumentKind.VOUCHER, reward_ids=ids))
                return
        self.print_for_customer(DocumentKind.THANK_YOU)

    def print_for_customer(self, kind: DocumentKind) -> None:
        """Ask the Print page for ``kind`` for the customer served (their open vouchers, for
        a voucher)."""
        page = self.page
        customer = page.customer
        if customer is None:
            page.sale.show_error(_("First find and pick the customer."))
            return
        try:
            page.print_requested.emit(customer_job(page.shop, customer, kind))
        except ShopError as error:
            page.sale.show_error(str(error))

    def queue_notes_soon(self, customer_id: int) -> None:
        """After a purchase or its undo: let the print rules queue the cards it calls for (a
        welcome card, a thank-you card) or withdraw those it no longer does, once the
        confirmation has shown, so that the sale never waits for them."""
        QTimer.singleShot(0, self.page, lambda: self._queue_notes(customer_id))

    def _queue_notes(self, customer_id: int) -> None:
        page = self.page
        try:
            page.shop.print_queue.refresh_for_customer(customer_id)
        except ShopError:
            log.exception("the print queue could not be refreshed after a purchase")
            return
        page.queue_changed.emit()

    def open_occasions(self) -> None:
        """Open the served customer's occasions; what is near shows at once when they change."""
        from ui.care.customer_occasions import CustomerOccasionsDialog  # not before it is asked for

        page = self.page
        customer = page.customer
        if customer is None:
            return
        dialog = CustomerOccasionsDialog(page.shop, customer, page)
        self.occasions_dialog = dialog

        def done(_result: int) -> None:
            self.occasions_dialog = None
            if page.customer is not None and page.customer.id == customer.id:
                page.panel.show_occasions(page.shop.occasions.near(customer.id))
                page.amount.setFocus()
            page.upcoming.refresh()

        dialog.changed.connect(page.changed)
        dialog.finished.connect(done)
        dialog.open()
