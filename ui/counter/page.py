"""The Counter page: find the customer, log the purchase, undo a mistake. Keyboard first.

Type a few letters of the name or phone; Up/Down choose, Enter picks. Type the amount and press
Enter to log it. Ctrl+Z undoes the purchase the green banner names, Esc goes back to the search
box and lets the customer go, Ctrl+N adds the customer that was not found.

What is logged is always what is shown: the customer served is the one highlighted in the
results and named in the panel. When the search changes and the highlight moves to someone else
(or nobody), the panel, the sale and the Undo banner let the customer go at once.

Loyalty: the customer's panel shows the progress toward each rule and their open rewards.
Alt+1 … Alt+9 tick reward 1 to 9 for this purchase (Space on a focused box too); the discount
and what is left to pay show as soon as an amount is typed. A voucher code typed or scanned into
the search box tells what the voucher is; Enter on a valid one picks its customer with the
voucher ticked (an anonymous gift voucher is ticked for the purchase of the customer served).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, NeedsConfirmation, NotFound, Purchase, Shop, ShopError
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _
from shopcrm.numbers.segments import segment_of
from shopcrm.sales.voids import VoidReason
from ui.care.upcoming_panel import UpcomingPanel
from ui.confirm import Question, ask
from ui.counter.customer_panel import CustomerPanel
from ui.counter.errands import CounterErrands
from ui.counter.gift_voucher_note import GiftVoucherNote
from ui.counter.messages import logged_message, sale_preview
from ui.counter.reward_list import MAX_SHORTCUT_ROWS, LoyaltyBox
from ui.counter.sale import SaleForm
from ui.counter.search import CounterSearch
from ui.counter.undo_banner import UndoBanner
from ui.purchase_history import PurchaseHistory

if TYPE_CHECKING:
    from shopcrm.loyalty.rewards import Reward, VoucherLookup


class CounterPage(QWidget):
    """Serve the customer at the counter: search, pick, log the purchase, undo."""

    changed = Signal()
    print_requested = Signal(object)
    """A ``PrintJob`` for the Print page (a thank-you card, the voucher just earned)."""
    queue_changed = Signal()
    """The print rules queued or withdrew cards after a purchase or its undo."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer: Customer | None = None
        """The customer served: highlighted in the results and named in the panel."""
        self.errands = CounterErrands(self)
        """The side dialogs: a new customer, the opening balance, the occasions."""
        self.confirm_box: Question | None = None
        self.voucher: Reward | None = None
        """An anonymous gift voucher scanned for the purchase of the customer served."""
        self._settings = shop.settings.get()
        self._currency = self._settings.currency

        self.finder = CounterSearch(shop)
        self.search = self.finder.box
        self.hint = self.finder.hint
        self.results = self.finder.results
        self.results_model = self.finder.model
        self.finder.highlighted.connect(self._follow_highlight)
        self.finder.activated.connect(self.pick_current)
        self.voucher_banner = GiftVoucherNote()
        self.voucher_note = self.voucher_banner.text
        self.drop_voucher_button = self.voucher_banner.drop_button
        self.voucher_banner.dropped.connect(self.drop_voucher)
        self.finder.extras.addWidget(self.voucher_banner)

        self.panel = CustomerPanel()
        self.panel.occasions_requested.connect(self.errands.open_occasions)
        self.panel.print_requested.connect(self.errands.print_for_customer)
        self.upcoming = UpcomingPanel(shop)
        self.upcoming.customer_chosen.connect(self.serve_from_upcoming)
        self.empty = QLabel(
            _("Find the customer on the left and press Enter.\nCtrl+N adds a new customer.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.setMinimumHeight(120)
        self.loyalty = LoyaltyBox()
        self.loyalty.selection_changed.connect(self._ticks_changed)
        self.loyalty.hand_over.connect(self.hand_over)
        self.loyalty.opening_balance.connect(self.errands.opening_balance)
        self.sale = SaleForm()
        self.amount = self.sale.amount
        self.note = self.sale.note
        self.log_button = self.sale.log_button
        self.error = self.sale.error
        self.preview = self.sale.preview
        self.sale.log_requested.connect(self.log_purchase)
        self.amount.textChanged.connect(lambda _text: self._update_preview())
        self.banner = UndoBanner()
        self.confirmation = self.banner
        self.confirmation_text = self.banner.text
        self.undo_button = self.banner.undo_button
        self.banner.undo_requested.connect(self.undo_last)
        self.banner.print_requested.connect(self.errands.print_now)
        self.history = PurchaseHistory(shop)
        self.purchases_model = self.history.model
        self.history.changed.connect(self._history_changed)

        sale_column = QVBoxLayout()
        sale_column.addWidget(self.panel)
        sale_column.addWidget(self.loyalty)
        sale_column.addWidget(self.empty)
        sale_column.addWidget(self.sale)
        sale_column.addWidget(self.banner)
        sale_column.addWidget(self.history, 1)
        sale_column.addWidget(self.upcoming, 1)  # while nobody is served
        sale_column.addStretch()  # takes the room of the purchases while nobody is served
        layout = QHBoxLayout(self)
        layout.addWidget(self.finder, 5)
        layout.addLayout(sale_column, 6)
        self.setFocusProxy(self.search)
        for box in (self.search, self.amount, self.note):
            box.installEventFilter(self)
        self._build_shortcuts()
        self.upcoming.refresh()
        self._serve(None)

    @property
    def lookup(self) -> VoucherLookup | None:
        """What the search box's voucher code is, when it holds one."""
        return self.finder.lookup

    @property
    def last_logged(self) -> Purchase | None:
        """The purchase Undo would void now (the one the banner names), if any."""
        return self.banner.purchase

    # building ----------------------------------------------------------------------------

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in [
            (QKeySequence(Qt.Key.Key_Escape), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.New), self.errands.new_customer),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_last),
            (QKeySequence(QKeySequence.StandardKey.Print), self.errands.print_now),
        ]:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        for number in range(1, MAX_SHORTCUT_ROWS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda n=number: self.toggle_reward(n))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z in a box means Undo of the purchase the banner names (the amount and note
        boxes undo their own typing first)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.banner.purchase is not None
            and isinstance(watched, QLineEdit)
            and (watched is self.search or not watched.isUndoAvailable())
        ):
            event.ignore()  # let the page's Undo shortcut have it
            return True
        return super().eventFilter(watched, event)

    # choosing the customer ------------------------------------------------------------------

    def _follow_highlight(self) -> None:
        """The highlight moved: a customer no longer highlighted is no longer served."""
        highlighted = self.finder.current()
        if self.customer is not None and (
            highlighted is None or highlighted.id != self.customer.id
        ):
            self._serve(None)

    def pick_current(self) -> None:
        """Pick the highlighted customer (Enter in the search box), or use the voucher typed."""
        if self.lookup is not None:
            self.use_voucher(self.lookup)
            return
        customer = self.finder.current()
        if customer is None and self.results_model.rowCount():
            customer = self.results_model.record_at(0)
        if customer is not None:
            self.pick(customer)

    def pick_row(self, row: int) -> None:
        """Pick the customer on ``row`` of the results."""
        customer = self.results_model.record_at(row)
        if customer is not None:
            self.pick(customer)

    def pick(self, customer: Customer, tick: int | None = None) -> None:
        """Serve ``customer``: highlight them, show their panel, put the cursor in the amount.

        ``tick`` is the id of one of their rewards to tick for this purchase. Picking the
        customer already served keeps what was typed and ticked.
        """
        same = self.customer is not None and self.customer.id == customer.id
        ticked = set(self.loyalty.ticked_ids()) if same else set()
        if tick is not None:
            ticked.add(tick)
        self.finder.highlight(customer)
        self._serve(customer, ticked, keep_typing=same)
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Esc: back to the search box, its text selected so that typing replaces it; the
        customer served is let go (Enter picks them again)."""
        self._serve(None)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def use_voucher(self, lookup: VoucherLookup) -> None:
        """Enter on a voucher code: tick a valid voucher for the purchase, else keep explaining.

        A customer's voucher picks its customer; an anonymous gift voucher is ticked for the
        purchase of the customer served now, or of the one found next.
        """
        reward = lookup.reward
        if lookup.state != "valid" or reward is None:
            self.search.selectAll()  # the next scan or typing replaces the code
            return
        if lookup.customer is not None:
            self.pick(lookup.customer, tick=reward.id)
            return
        self.voucher = reward
        self.voucher_banner.show_voucher(reward, self._currency)
        served = self.customer
        if served is not None:
            # the code leaves the box; the customer served stays highlighted and served
            self.finder.set_text_quietly(served.name)
            self.finder.show_results(self.shop.customers.search(served.name), keep=served.id)
            self.finder.highlight(served)
            self._show_loyalty(set(self.loyalty.ticked_ids()))
            self.amount.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.search.clear()
            self.finder.say(_("Now find the customer, and press Enter."))
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_reward(self, number: int) -> None:
        """Tick or untick the customer's reward ``number`` (1 to 9) for this purchase."""
        if self.customer is not None:
            self.loyalty.toggle_row(number)

    def _ticks_changed(self) -> None:
        if self.voucher is not None and self.loyalty.rows:
            ticked = self.voucher.id in self.loyalty.ticked_ids()
            shown = any(row.reward.id == self.voucher.id for row in self.loyalty.rows)
            if shown and not ticked:
                self._drop_voucher()
        self._update_preview()

    def _drop_voucher(self) -> None:
        self.voucher = None
        self.voucher_banner.hide()

    def drop_voucher(self) -> None:
        """Forget the anonymous gift voucher scanned for the next purchase."""
        if self.voucher is None:
            return
        voucher_id = self.voucher.id
        self._drop_voucher()
        if self.customer is not None:
            ticked = set(self.loyalty.ticked_ids()) - {voucher_id}
            self._show_loyalty(ticked)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # selling -----------------------------------------------------------------------------

    def log_purchase(self, confirmed: bool = False) -> None:
        """Log the amount typed for the customer served; explain inline when it is refused.

        The customer must still be the one highlighted in the results; a very large amount is
        asked about once before it is logged.
        """
        customer = self.customer
        highlighted = self.finder.current()
        if customer is None or highlighted is None or highlighted.id != customer.id:
            self._serve(None)
            self.sale.show_error(_("First find and pick the customer."))
            self.search.setFocus()
            return
        used = self.loyalty.ticked_rewards()
        try:
            purchase = self.shop.purchases.log(
                customer.id,
                self.amount.text(),
                note=self.note.text(),
                redeem=[reward.id for reward in used],
                confirmed=confirmed,
            )
        except NeedsConfirmation as question:
            self.confirm_box = ask(
                self,
                _("Log purchase"),
                str(question),
                _("Log it"),
                lambda: self._log_confirmed(customer.id),
            )
            return
        except ShopError as error:
            self.sale.show_error(str(error))
            self.amount.setFocus()
            self.amount.selectAll()
            return
        if self.voucher is not None and any(r.id == self.voucher.id for r in used):
            self._drop_voucher()
        if self.lookup is not None:
            # the voucher code scanned for this sale has done its job: the name takes its place
            self.finder.set_text_quietly(customer.name)
        self.sale.clear()
        self._reload_customer()
        earned = self.shop.rewards.earned_by(purchase.id)
        self.banner.show_logged(
            purchase,
            logged_message(purchase, self.customer or customer, used, earned, self._currency),
            _("{amount} for {name}").format(
                amount=money(purchase.amount, self._currency), name=customer.name
            ),
            earned=bool(earned),
        )
        self.amount.setFocus()
        self.errands.queue_notes_soon(customer.id)
        self.changed.emit()

    def _log_confirmed(self, customer_id: int) -> None:
        self.confirm_box = None
        if self.customer is not None and self.customer.id == customer_id:
            self.log_purchase(confirmed=True)

    def hand_over(self, reward_id: int) -> None:
        """Mark a gift reward handed over without a purchase."""
        try:
            reward = self.shop.rewards.hand_over(reward_id)
        except ShopError as error:
            self.sale.show_error(str(error))
            return
        self.sale.clear_error()
        self.banner.show_message(
            _("Handed over: {what} (code {code})").format(
                what=reward.description(self._currency), code=reward.code
            )
        )
        self._reload_customer(keep_ticks=True)
        self.amount.setFocus()
        self.changed.emit()

    def after_errand(self, message: str) -> None:
        """A side dialog changed the customer served (an opening balance): say so, show them
        afresh and go back to the amount."""
        self.banner.show_message(message)
        self._reload_customer(keep_ticks=True)
        self.amount.setFocus()
        self.changed.emit()

    def undo_last(self) -> None:
        """Void the purchase the banner names (Ctrl+Z), and say what was voided."""
        purchase = self.banner.purchase
        if purchase is None or self.customer is None or purchase.customer_id != self.customer.id:
            return
        name = self.customer.name
        try:
            voided = self.shop.purchases.void(purchase.id, VoidReason.UNDONE)
        except ShopError as error:
            self.sale.show_error(str(error))
            return
        self._reload_customer()
        self.banner.show_message(
            _("The purchase of {amount} for {name} was voided.").format(
                amount=money(voided.amount, self._currency), name=name
            )
        )
        self.errands.queue_notes_soon(voided.customer_id)
        self.changed.emit()

    # showing -----------------------------------------------------------------------------

    def _serve(
        self, customer: Customer | None, ticked: set[int] | None = None, keep_typing: bool = False
    ) -> None:
        """Show ``customer`` in the panel as the one served, or nobody."""
        changed = (customer.id if customer else None) != (
            self.customer.id if self.customer else None
        )
        self.customer = customer
        chosen = customer is not None
        if changed:
            self.banner.forget()
        if not keep_typing:
            self.sale.clear()
        self.panel.setVisible(chosen)
        self.loyalty.setVisible(chosen)
        self.empty.setVisible(not chosen)
        self.sale.setEnabled(chosen)
        self.history.setVisible(chosen)
        self.upcoming.setVisible(not chosen)
        self.history.show_customer(customer.id if customer else None)
        if customer is None:
            self._update_preview()
            return
        today = self.shop.clock().date()
        self.panel.show_customer(
            customer, self._currency, segment_of(customer, self._settings, today)
        )
        self.panel.show_occasions(self.shop.occasions.near(customer.id))
        self.panel.show_last_contact(self.shop.contacts.last_contact_text(customer.id))
        self._show_loyalty(ticked or set())

    def _show_loyalty(self, ticked: set[int]) -> None:
        customer = self.customer
        if customer is None:
            return
        self.loyalty.show_loyalty(
            self.shop.loyalty.progress(customer.id),
            self.shop.rewards.of_customer(customer.id),
            self._currency,
            ticked,
            self.voucher,
        )

    def _update_preview(self) -> None:
        """What the ticked rewards take off the amount typed: "Discount ₺100 — to pay ₺900"."""
        customer = self.customer
        ids = self.loyalty.ticked_ids() if customer is not None else []
        said = None
        if customer is not None and ids:
            said = sale_preview(self.shop, customer.id, self.amount.text(), ids, self._currency)
        if said is None:
            self.sale.hide_preview()
        else:
            self.sale.show_preview(*said)

    def _reload_customer(self, keep_ticks: bool = False) -> None:
        """Read the customer served afresh (their counts, rewards and purchases changed)."""
        if self.customer is None:
            return
        ticked = set(self.loyalty.ticked_ids()) if keep_ticks else set()
        try:
            customer: Customer | None = self.shop.customers.get(self.customer.id)
        except NotFound:
            customer = None
        if customer is None or customer.archived:
            self._serve(None)
            self.finder.search_again()
            return
        self.finder.search_again()  # the results show the new visits and last visit too
        if self.customer is None:  # the search no longer finds them: let them go
            return
        self.finder.highlight(customer)
        self._serve(customer, ticked, keep_typing=True)

    def _history_changed(self) -> None:
        """A purchase of the customer served was voided or corrected from the history."""
        self.banner.forget()
        self._reload_customer()
        self.changed.emit()

    def serve_from_upcoming(self, customer_id: int) -> None:
        """Serve the customer of a row of the upcoming panel (double-clicked)."""
        try:
            customer = self.shop.customers.get(customer_id)
        except NotFound:
            return
        self.serve_found(customer)

    def serve_found(self, customer: Customer) -> None:
        """Serve ``customer`` found elsewhere (added, chosen in a list): their name in the search
        box, them highlighted in its results."""
        self.finder.set_text_quietly(customer.name)
        self.finder.show_results(self.shop.customers.search(customer.name), keep=customer.id)
        self.pick(customer)

    def refresh(self) -> None:
        """Show the data afresh after another page changed it."""
        self.upcoming.refresh()
        self._settings = self.shop.settings.get()
        self._currency = self._settings.currency
        if self.customer is not None:
            self._reload_customer(keep_ticks=True)
        else:
            self.finder.search_again()
