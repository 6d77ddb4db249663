"""The Counter page: find the customer, log the purchase, undo a mistake. Keyboard first.

Type a few letters of the name or phone; Up/Down choose, Enter picks. Type the amount and press
Enter to log it. Ctrl+Z undoes the last purchase logged here, Esc goes back to the search box,
Ctrl+N adds the customer that was not found.

Loyalty: the customer's panel shows the progress toward each rule and their open rewards.
Alt+1 … Alt+9 tick reward 1 to 9 for this purchase (Space on a focused box too); the discount
and what is left to pay show as soon as an amount is typed. A voucher code typed or scanned into
the search box tells what the voucher is; Enter on a valid one picks its customer with the
voucher ticked (an anonymous gift voucher is ticked for the purchase of the customer served).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import Customer, NotFound, Purchase, Shop, ShopError
from shopcrm.formatting import amount_input, money
from shopcrm.i18n import _, ngettext
from shopcrm.money import parse_amount
from shopcrm.rules import RewardKind
from ui.counter_results import CustomerResultsModel
from ui.customer_form import CustomerFormDialog
from ui.customer_panel import CustomerPanel
from ui.opening_balance import OpeningBalanceDialog
from ui.purchase_list import PurchaseListModel
from ui.reward_list import MAX_SHORTCUT_ROWS, LoyaltyBox
from ui.style import ERROR_STYLE, HINT_STYLE, bold

if TYPE_CHECKING:
    from shopcrm.rewards import Reward, VoucherLookup

VOUCHER_OK_STYLE = (
    "color: #1b5e20; background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px;"
    " padding: 6px; font-weight: bold;"
)
VOUCHER_BAD_STYLE = (
    "color: #b71c1c; background: #ffebee; border: 1px solid #e57373; border-radius: 4px;"
    " padding: 6px; font-weight: bold;"
)
PREVIEW_STYLE = "color: #1b5e20; font-weight: bold;"
_MOVE_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class CounterPage(QWidget):
    """Serve the customer at the counter: search, pick, log the purchase, undo."""

    changed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.customer: Customer | None = None
        self.last_logged: Purchase | None = None
        self.customer_dialog: CustomerFormDialog | None = None
        self.balance_dialog: OpeningBalanceDialog | None = None
        self.lookup: VoucherLookup | None = None
        """What the search box's voucher code is, when it holds one."""
        self.voucher: Reward | None = None
        """An anonymous gift voucher scanned for the purchase of the customer served."""
        self._currency = shop.settings.get().currency

        self._build_search()
        self._build_sale()
        layout = QHBoxLayout(self)
        layout.addLayout(self._search_column, 5)
        layout.addLayout(self._sale_column, 6)
        self.setFocusProxy(self.search)
        self._build_shortcuts()
        self._show_customer(None)
        self._update_hint()

    # building ----------------------------------------------------------------------------

    def _build_search(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("counterSearch")
        self.search.setPlaceholderText(_("Name or phone of the customer…"))
        self.search.setClearButtonEnabled(True)
        font = self.search.font()
        font.setPointSize(font.pointSize() + 3)
        self.search.setFont(font)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self.pick_current)
        self.search.installEventFilter(self)

        self.hint = QLabel()
        self.hint.setObjectName("counterHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.voucher_note = QLabel()
        self.voucher_note.setWordWrap(True)
        self.voucher_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.drop_voucher_button = QPushButton(_("Do&n't use it"))
        self.drop_voucher_button.clicked.connect(self.drop_voucher)
        self.voucher_banner = QFrame()
        self.voucher_banner.setObjectName("counterVoucherNote")
        self.voucher_banner.setStyleSheet(
            "#counterVoucherNote { background: #e8f5e9; border: 1px solid #81c784;"
            " border-radius: 4px; } QLabel { color: #1b5e20; font-weight: bold; }"
        )
        banner = QHBoxLayout(self.voucher_banner)
        banner.addWidget(self.voucher_note, 1)
        banner.addWidget(self.drop_voucher_button)
        self.voucher_banner.hide()

        self.results_model = CustomerResultsModel()
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().hide()
        self.results.setShowGrid(False)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CustomerResultsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.results.activated.connect(lambda index: self.pick_row(index.row()))

        find_label = bold(QLabel(_("&Find a customer")))
        find_label.setBuddy(self.search)
        column = QVBoxLayout()
        column.addWidget(find_label)
        column.addWidget(self.search)
        column.addWidget(self.hint)
        column.addWidget(self.voucher_banner)
        column.addWidget(self.results, 1)
        self._search_column = column

    def _build_sale(self) -> None:
        self.panel = CustomerPanel()
        self.empty = QLabel(
            _("Find the customer on the left and press Enter.\nCtrl+N adds a new customer.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.setMinimumHeight(120)

        self.amount = QLineEdit()
        self.amount.setObjectName("counterAmount")
        self.amount.setPlaceholderText(_("e.g. {amount}").format(amount=amount_input(125050)))
        font = self.amount.font()
        font.setPointSize(font.pointSize() + 3)
        self.amount.setFont(font)
        self.amount.returnPressed.connect(self.log_purchase)
        self.amount.installEventFilter(self)
        self.amount.textEdited.connect(lambda _text: self._clear_error())
        self.amount.textChanged.connect(lambda _text: self._update_preview())
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("optional"))
        self.note.returnPressed.connect(self.log_purchase)
        self.note.installEventFilter(self)
        self.log_button = QPushButton(_("&Log purchase"))
        self.log_button.clicked.connect(self.log_purchase)

        self.error = QLabel()
        self.error.setObjectName("counterError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        self.preview = QLabel()
        self.preview.setObjectName("counterPreview")
        self.preview.setStyleSheet(PREVIEW_STYLE)
        self.preview.setWordWrap(True)
        self.preview.hide()

        self.loyalty = LoyaltyBox()
        self.loyalty.selection_changed.connect(self._ticks_changed)
        self.loyalty.hand_over.connect(self.hand_over)
        self.loyalty.opening_balance.connect(self.opening_balance)

        amount_label = QLabel(_("&Amount:"))
        amount_label.setBuddy(self.amount)
        note_label = QLabel(_("No&te:"))
        note_label.setBuddy(self.note)
        sale = QGridLayout()
        sale.addWidget(amount_label, 0, 0)
        sale.addWidget(self.amount, 0, 1)
        sale.addWidget(self.log_button, 0, 2)
        sale.addWidget(self.preview, 1, 1, 1, 2)
        sale.addWidget(self.error, 2, 1, 1, 2)
        sale.addWidget(note_label, 3, 0)
        sale.addWidget(self.note, 3, 1, 1, 2)
        sale.setColumnStretch(1, 1)
        self._sale_form = QWidget()
        self._sale_form.setLayout(sale)
        sale.setContentsMargins(0, 0, 0, 0)

        self.confirmation = QFrame()
        self.confirmation.setObjectName("counterConfirmation")
        self.confirmation.setStyleSheet(
            "#counterConfirmation { background: #e8f5e9; border: 1px solid #81c784;"
            " border-radius: 4px; } QLabel { color: #1b5e20; }"
        )
        self.confirmation_text = QLabel()
        self.confirmation_text.setWordWrap(True)
        self.confirmation_text.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.undo_button = QPushButton(_("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_last)
        bar = QHBoxLayout(self.confirmation)
        bar.addWidget(self.confirmation_text, 1)
        bar.addWidget(self.undo_button)
        self.confirmation.hide()

        self.purchases_model = PurchaseListModel()
        self.purchases = QListView()
        self.purchases.setModel(self.purchases_model)
        self.purchases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.purchases.setSpacing(2)
        self.purchases_label = bold(QLabel(_("Recent &purchases")))
        self.purchases_label.setBuddy(self.purchases)

        column = QVBoxLayout()
        column.addWidget(self.panel)
        column.addWidget(self.loyalty)
        column.addWidget(self.empty)
        column.addWidget(self._sale_form)
        column.addWidget(self.confirmation)
        column.addWidget(self.purchases_label)
        column.addWidget(self.purchases, 1)
        column.addStretch()  # takes the room of the purchases while nobody is chosen
        self._sale_column = column

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in [
            (QKeySequence(Qt.Key.Key_Escape), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.New), self.new_customer),
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_last),
        ]:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        for number in range(1, MAX_SHORTCUT_ROWS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda n=number: self.toggle_reward(n))

    # searching and picking ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move through the results; Ctrl+Z in a box means Undo."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self._can_undo()
            and isinstance(watched, QLineEdit)
            and (watched is self.search or not watched.isUndoAvailable())
        ):
            # the purchase just logged comes before undoing typing (except in the amount and
            # note boxes while something is being typed there): let the page's Undo have it
            event.ignore()
            return True
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVE_KEYS
            and self.results_model.rowCount() > 0
        ):
            self._move_selection(event.key())
            return True
        return super().eventFilter(watched, event)

    def _move_selection(self, key: int) -> None:
        rows = self.results_model.rowCount()
        current = self.results.currentIndex().row()
        page = max(1, self.results.viewport().height() // max(1, self.results.rowHeight(0)) - 1)
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }[Qt.Key(key)]
        self._select_row(min(rows - 1, max(0, (current if current >= 0 else 0) + step)))

    def _select_row(self, row: int) -> None:
        index = self.results_model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.results.selectionModel().setCurrentIndex(index, flags)
        self.results.scrollTo(index)

    def _search_changed(self, text: str) -> None:
        self.lookup = None
        if self.shop.rewards.looks_like_code(text):
            # a voucher code, typed or scanned: say what it is, offer its customer if valid
            self.lookup = self.shop.rewards.look_up(text)
            customer = self.lookup.customer
            valid = self.lookup.state == "valid"
            self.results_model.set_records([customer] if valid and customer else [])
        else:
            self.results_model.set_records(self.shop.customers.search(text))
        if self.results_model.rowCount():
            self._select_row(0)
        self._update_hint()

    def _update_hint(self) -> None:
        text = self.search.text().strip()
        if self.lookup is not None:
            valid = self.lookup.state == "valid"
            message = self.lookup.message
            if valid:
                message += "\n" + _("Press Enter to use it with this purchase.")
            self.hint.setText(message)
            self.hint.setStyleSheet(VOUCHER_OK_STYLE if valid else VOUCHER_BAD_STYLE)
            return
        self.hint.setStyleSheet(HINT_STYLE)
        if not text:
            self.hint.setText(_("Type a few letters of the name, or the phone number."))
        elif self.results_model.rowCount() == 0:
            self.hint.setText(
                _("No customer found. Press Ctrl+N to add “{text}”.").format(text=text)
            )
        else:
            self.hint.setText(_("Up/Down to choose, Enter to pick."))

    def pick_current(self) -> None:
        """Pick the selected customer in the results, or the first one (Enter in the search box).

        When the search box holds a valid voucher code, use the voucher instead.
        """
        if self.lookup is not None:
            self.use_voucher(self.lookup)
            return
        row = self.results.currentIndex().row()
        self.pick_row(row if row >= 0 else 0)

    def pick_row(self, row: int) -> None:
        """Pick the customer on ``row`` of the results."""
        customer = self.results_model.record_at(row)
        if customer is not None:
            self.pick(customer)

    def pick(self, customer: Customer, tick: int | None = None) -> None:
        """Serve ``customer``: show their panel and put the cursor in the amount box.

        ``tick`` is the id of one of their rewards to tick for this purchase. Picking the
        customer already served keeps what was typed and ticked.
        """
        same = self.customer is not None and self.customer.id == customer.id
        ticked = set(self.loyalty.ticked_ids()) if same else set()
        if tick is not None:
            ticked.add(tick)
        self._show_customer(customer, ticked)
        self._clear_error()
        if not same:
            self.amount.clear()
            self.note.clear()
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self.voucher_note.setText(
            _("Gift voucher {code} ({what}) is ticked for the next purchase.").format(
                code=reward.code, what=reward.description(self._currency)
            )
        )
        self.voucher_banner.show()
        self.search.clear()
        if self.customer is not None:
            self._show_loyalty(set(self.loyalty.ticked_ids()))
            self.amount.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.hint.setText(_("Now find the customer, and press Enter."))
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
        self.focus_search()

    def focus_search(self) -> None:
        """Back to the search box, its text selected so that typing replaces it."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_customer(self) -> None:
        """Add a customer named as typed in the search box, then serve them."""
        typed = self.search.text().strip()
        looks_like_phone = any(ch.isdigit() for ch in typed) and not any(
            ch.isalpha() for ch in typed
        )
        dialog = CustomerFormDialog(self.shop, self, initial_name="" if looks_like_phone else typed)
        if looks_like_phone:
            dialog.phone.setText(typed)
        self.customer_dialog = dialog

        def done(result: int) -> None:
            if result and dialog.customer is not None:
                self.changed.emit()
                self.search.blockSignals(True)
                self.search.setText(dialog.customer.name)
                self.search.blockSignals(False)
                self._search_changed(self.search.text())
                row = self.results_model.row_of(dialog.customer.id)
                if row >= 0:
                    self._select_row(row)
                self.pick(dialog.customer)
            self.customer_dialog = None

        dialog.finished.connect(done)
        dialog.open()

    # selling -----------------------------------------------------------------------------

    def log_purchase(self) -> None:
        """Log the amount typed for the chosen customer; explain inline when it is refused."""
        if self.customer is None:
            self._show_error(_("First find and pick the customer."))
            self.search.setFocus()
            return
        used = self.loyalty.ticked_rewards()
        try:
            purchase = self.shop.purchases.log(
                self.customer.id,
                self.amount.text(),
                note=self.note.text(),
                redeem=[reward.id for reward in used],
            )
        except ShopError as error:
            self._show_error(str(error))
            self.amount.setFocus()
            self.amount.selectAll()
            return
        self.last_logged = purchase
        if self.voucher is not None and any(r.id == self.voucher.id for r in used):
            self._drop_voucher()
        if self.lookup is not None:
            # the voucher code scanned for this sale has done its job: ready for the next one
            self.search.clear()
        self._clear_error()
        self.amount.setText("")
        self.note.setText("")
        self._reload_customer()
        self.confirmation_text.setText(self._logged_message(purchase, used))
        self.undo_button.show()
        self.confirmation.show()
        self.amount.setFocus()
        self.changed.emit()

    def _logged_message(self, purchase: Purchase, used: list[Reward]) -> str:
        customer = self.customer
        name = customer.name if customer else ""
        visit = customer.visit_count if customer else ""
        if purchase.discount:
            lines = [
                _(
                    "Logged {amount} for {name}: discount {discount}, paid {paid} — visit {visit}"
                ).format(
                    amount=money(purchase.amount, self._currency),
                    name=name,
                    discount=money(purchase.discount, self._currency),
                    paid=money(purchase.paid, self._currency),
                    visit=visit,
                )
            ]
        else:
            lines = [
                _("Logged {amount} for {name} — visit {visit}").format(
                    amount=money(purchase.amount, self._currency), name=name, visit=visit
                )
            ]
        for reward in used:
            if reward.reward == RewardKind.GIFT:
                lines.append(_("Hand over the gift: {what}").format(what=reward.gift))
        earned = self.shop.rewards.earned_by(purchase.id)
        if len(earned) == 1:
            lines.append(
                _("★ New reward: {what} (code {code})").format(
                    what=earned[0].description(self._currency), code=earned[0].code
                )
            )
        elif earned:
            counts: dict[str, int] = {}
            for reward in earned:
                what = reward.description(self._currency)
                counts[what] = counts.get(what, 0) + 1
            listed = ", ".join(
                what if n == 1 else _("{n} × {what}").format(n=n, what=what)
                for what, n in counts.items()
            )
            lines.append(_("★ New rewards: {rewards}").format(rewards=listed))
        return "\n".join(lines)

    def hand_over(self, reward_id: int) -> None:
        """Mark a gift reward handed over without a purchase."""
        try:
            reward = self.shop.rewards.hand_over(reward_id)
        except ShopError as error:
            self._show_error(str(error))
            return
        self._clear_error()
        self.confirmation_text.setText(
            _("Handed over: {what} (code {code})").format(
                what=reward.description(self._currency), code=reward.code
            )
        )
        self.undo_button.hide()
        self.confirmation.show()
        self._reload_customer(keep_ticks=True)
        self.amount.setFocus()
        self.changed.emit()

    def opening_balance(self) -> None:
        """Enter the served customer's opening balance from a paper stamp card."""
        customer = self.customer
        if customer is None:
            return
        dialog = OpeningBalanceDialog(self.shop, customer, self)
        self.balance_dialog = dialog

        def done(result: int) -> None:
            self.balance_dialog = None
            if not result:
                return
            self.confirmation_text.setText(
                _("Opening balance saved for {name}.").format(name=customer.name)
            )
            self.undo_button.hide()
            self.confirmation.show()
            self._reload_customer(keep_ticks=True)
            self.amount.setFocus()
            self.changed.emit()

        dialog.finished.connect(done)
        dialog.open()

    def _can_undo(self) -> bool:
        return self.last_logged is not None

    def undo_last(self) -> None:
        """Void the purchase just logged here (Ctrl+Z)."""
        purchase = self.last_logged
        if purchase is None:
            return
        self.last_logged = None
        try:
            voided = self.shop.purchases.void(purchase.id, reason=_("Undone at the counter"))
            who = self.shop.customers.get(purchase.customer_id).name
        except ShopError as error:
            self._show_error(str(error))
            return
        self.confirmation_text.setText(
            _("Undone: {amount} for {name} no longer counts.").format(
                amount=money(voided.amount, self._currency), name=who
            )
        )
        self.undo_button.hide()
        self._reload_customer()
        self.changed.emit()

    # showing -----------------------------------------------------------------------------

    def _show_customer(self, customer: Customer | None, ticked: set[int] | None = None) -> None:
        self.customer = customer
        chosen = customer is not None
        self.panel.setVisible(chosen)
        self.loyalty.setVisible(chosen)
        self.empty.setVisible(not chosen)
        self._sale_form.setEnabled(chosen)
        self.purchases_label.setVisible(chosen)
        self.purchases.setVisible(chosen)
        if customer is None:
            self.purchases_model.set_purchases([], self._currency)
            self._update_preview()
            return
        self.panel.show_customer(customer, self._currency)
        self._show_loyalty(ticked or set())
        self.purchases_model.set_purchases(
            self.shop.purchases.of_customer(customer.id), self._currency
        )

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
        if customer is None or not ids:
            self.preview.hide()
            return
        self.preview.setStyleSheet(PREVIEW_STYLE)
        typed = self.amount.text().strip()
        if not typed:
            self.preview.setText(
                ngettext(
                    "{n} reward ticked for this purchase: type the amount.",
                    "{n} rewards ticked for this purchase: type the amount.",
                    len(ids),
                ).format(n=len(ids))
            )
            self.preview.show()
            return
        try:
            gross = parse_amount(typed)
        except ShopError:
            self.preview.hide()  # still typing: Enter will say what is wrong
            return
        try:
            discount = self.shop.purchases.preview_discount(customer.id, gross, ids)
        except ShopError as error:
            self.preview.setStyleSheet(ERROR_STYLE)
            self.preview.setText(str(error))
            self.preview.show()
            return
        to_pay = money(gross - discount, self._currency)
        if discount:
            text = _("Discount {discount} — to pay {to_pay}").format(
                discount=money(discount, self._currency), to_pay=to_pay
            )
        else:
            text = _("To pay {to_pay}").format(to_pay=to_pay)
        self.preview.setText(text)
        self.preview.show()

    def _reload_customer(self, keep_ticks: bool = False) -> None:
        if self.customer is None:
            return
        ticked = set(self.loyalty.ticked_ids()) if keep_ticks else set()
        try:
            customer: Customer | None = self.shop.customers.get(self.customer.id)
        except NotFound:
            customer = None
        if customer is not None and customer.archived:
            customer = None
        self._show_customer(customer, ticked)
        row = self.results_model.row_of(customer.id) if customer else -1
        if row >= 0:
            # keep the visits and last visit in the results in step too
            self._search_changed(self.search.text())
            row = self.results_model.row_of(customer.id)  # type: ignore[union-attr]
            if row >= 0:
                self._select_row(row)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.hide()
        self.error.clear()

    def refresh(self) -> None:
        """Show the data afresh after another page changed it."""
        self._currency = self.shop.settings.get().currency
        current = self.results.currentIndex().row()
        chosen = self.results_model.record_at(current)
        self._search_changed(self.search.text())
        if chosen is not None:
            row = self.results_model.row_of(chosen.id)
            if row >= 0:
                self._select_row(row)
        self._reload_customer(keep_ticks=True)
