"""The Rewards page: the loyalty rules the owner sets, and every voucher issued.

Rules: Add… (Alt+A), Edit… (Alt+E, Enter or a double click on a rule), Pause and Resume (Alt+P,
Alt+U). Vouchers: filter by state (Alt+H) or by typing a code or a name (Ctrl+F); give a goodwill
voucher to a customer (Alt+G), make anonymous gift vouchers (Alt+C), void one that must not be
used (Alt+O or Delete). Nothing is ever deleted: used, expired and voided vouchers stay listed.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from shopcrm import NotFound, Shop, ShopError
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _, ngettext
from shopcrm.loyalty.rules import LoyaltyRule
from ui.column_widths import ColumnWidths
from ui.keys import ENTER, on_keys
from ui.lazy_page import ReloadWhenShown
from ui.rewards.model import RulesModel, VouchersModel, VouchersProxy, state_titles
from ui.rewards.rule_form import RuleFormDialog
from ui.rewards.voucher_dialogs import GiftVouchersDialog, GoodwillDialog, VoidVoucherDialog
from ui.style import DONE_STYLE, ERROR_STYLE
from ui.tables import list_table

if TYPE_CHECKING:
    from shopcrm.loyalty.rewards import Reward

VOUCHER_LIMIT = 1000
_CODES_SHOWN = 5


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSize(font.pointSize() + 2)
    label.setFont(font)
    return label


class RewardsPage(ReloadWhenShown):
    """Set the loyalty rules and look after the vouchers."""

    changed = Signal()
    """Emitted after the page changed rules or vouchers (the Counter then shows them afresh)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.dialog: QWidget | None = None
        self._build_rules()
        self._build_vouchers()

        self.status = QLabel()
        self.status.setObjectName("rewardsStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(self._rules_header)
        layout.addWidget(self.rules, 2)
        layout.addSpacing(8)
        layout.addLayout(self._vouchers_header)
        layout.addWidget(self.vouchers, 5)
        layout.addWidget(self.status)
        layout.addLayout(self._vouchers_footer)
        chain = [
            self.rules,
            self.add_rule_button,
            self.edit_rule_button,
            self.pause_button,
            self.state_filter,
            self.find_box,
            self.vouchers,
            self.goodwill_button,
            self.gift_button,
            self.void_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.reload()

    # building ----------------------------------------------------------------------------

    def _build_rules(self) -> None:
        self.rules_model = RulesModel(self)
        self.rules = list_table(self.rules_model)
        header = self.rules.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RulesModel.RULE, QHeaderView.ResizeMode.Stretch)
        self.add_rule_button = QPushButton(_("&Add rule…"))
        self.edit_rule_button = QPushButton(_("&Edit rule…"))
        self.pause_button = QPushButton(_("&Pause"))
        self.add_rule_button.clicked.connect(self.add_rule)
        self.edit_rule_button.clicked.connect(self.edit_rule)
        self.pause_button.clicked.connect(self.pause_or_resume)
        self.rules.doubleClicked.connect(lambda _index: self.edit_rule())
        self.rules.selectionModel().currentRowChanged.connect(self._update_buttons)
        on_keys(self.rules, ENTER, self.edit_rule)

        title = _title(_("Loyalty &rules"))
        title.setBuddy(self.rules)
        header_row = QHBoxLayout()
        header_row.addWidget(title)
        header_row.addStretch(1)
        header_row.addWidget(self.add_rule_button)
        header_row.addWidget(self.edit_rule_button)
        header_row.addWidget(self.pause_button)
        self._rules_header = header_row

    def _build_vouchers(self) -> None:
        self.vouchers_model = VouchersModel(self)
        self.vouchers_proxy = VouchersProxy(self)
        self.vouchers_proxy.setSourceModel(self.vouchers_model)
        self.vouchers = list_table(self.vouchers_proxy)
        header = self.vouchers.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.vouchers.setSortingEnabled(True)
        header.setSortIndicator(VouchersModel.ISSUED, Qt.SortOrder.DescendingOrder)
        # whose and what share the width left by the code, the dates and the state
        self.voucher_widths = ColumnWidths(
            self.vouchers,
            {VouchersModel.CUSTOMER: 18, VouchersModel.WHAT: 28},
            sharing=(VouchersModel.CUSTOMER, VouchersModel.WHAT),
        )
        self.vouchers.selectionModel().currentRowChanged.connect(self._update_buttons)
        on_keys(self.vouchers, [Qt.Key.Key_Delete], self.void_current)

        self.state_filter = QComboBox()
        for state, state_title in state_titles().items():
            self.state_filter.addItem(state_title, state)
        self.state_filter.currentIndexChanged.connect(lambda _i: self._reload_vouchers())
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText(_("Find a code or a name (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.textChanged.connect(self._find_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_find)

        title = _title(_("&Vouchers"))
        title.setBuddy(self.vouchers)
        show_label = QLabel(_("S&how:"))
        show_label.setBuddy(self.state_filter)
        header_row = QHBoxLayout()
        header_row.addWidget(title)
        header_row.addStretch(1)
        header_row.addWidget(show_label)
        header_row.addWidget(self.state_filter)
        header_row.addWidget(self.find_box, 1)
        self._vouchers_header = header_row

        self.count = QLabel()
        self.goodwill_button = QPushButton(_("&Goodwill voucher…"))
        self.gift_button = QPushButton(_("Gift vou&chers…"))
        self.void_button = QPushButton(_("V&oid…"))
        self.goodwill_button.clicked.connect(self.give_goodwill)
        self.gift_button.clicked.connect(self.make_gift_vouchers)
        self.void_button.clicked.connect(self.void_current)
        footer = QHBoxLayout()
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(self.goodwill_button)
        footer.addWidget(self.gift_button)
        footer.addWidget(self.void_button)
        self._vouchers_footer = footer

    # loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read what the page shows from the shop, keeping the selection."""
        self._reload_rules()
        self._reload_vouchers()

    def _reload_rules(self, select_id: int | None = None) -> None:
        current = self.current_rule()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.rules_model.set_rules(self.shop.rules.all(), self.shop.settings.get().currency)
        row = self.rules_model.row_of(keep) if keep is not None else -1
        self._select(self.rules, self.rules_model.index(max(row, 0), 0))
        self._update_buttons()

    def _reload_vouchers(self, select_id: int | None = None) -> None:
        current = self.current_voucher()
        keep = select_id if select_id is not None else (current.id if current else None)
        state = self.state_filter.currentData() or None
        rewards = self.shop.rewards.all(state=state, limit=VOUCHER_LIMIT)
        names: dict[int, str] = {}
        for reward in rewards:
            if reward.customer_id is not None and reward.customer_id not in names:
                try:
                    names[reward.customer_id] = self.shop.customers.get(reward.customer_id).name
                except NotFound:
                    names[reward.customer_id] = "?"
        self.vouchers_model.set_rewards(
            rewards, names, self.shop.settings.get().currency, self.shop.clock().date()
        )
        if keep is not None and self.vouchers_model.row_of(keep) >= 0:
            source = self.vouchers_model.index(self.vouchers_model.row_of(keep), 0)
            self._select(self.vouchers, self.vouchers_proxy.mapFromSource(source))
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        shown = self.vouchers_proxy.rowCount()
        text = ngettext("{n} voucher", "{n} vouchers", shown).format(n=number(shown))
        if self.vouchers_model.rowCount() >= VOUCHER_LIMIT:
            text = _("{count} (the newest {limit} only)").format(
                count=text, limit=number(VOUCHER_LIMIT)
            )
        self.count.setText(text)

    @staticmethod
    def _select(table: QTableView, index: QModelIndex) -> None:
        if not index.isValid():
            return
        table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(index)

    def current_rule(self) -> LoyaltyRule | None:
        """The selected rule, if any."""
        return self.rules_model.record_at(self.rules.currentIndex().row())

    def current_voucher(self) -> Reward | None:
        """The selected voucher, if any."""
        index = self.vouchers.currentIndex()
        if not index.isValid():
            return None
        return self.vouchers_model.record_at(self.vouchers_proxy.mapToSource(index).row())

    def _update_buttons(self, *_args: object) -> None:
        rule = self.current_rule()
        self.edit_rule_button.setEnabled(rule is not None)
        self.pause_button.setEnabled(rule is not None)
        self.pause_button.setText(
            _("Res&ume") if rule is not None and not rule.active else _("&Pause")
        )
        voucher = self.current_voucher()
        can_void = voucher is not None and voucher.voided_at is None and voucher.redeemed_at is None
        self.void_button.setEnabled(can_void)

    def _find_changed(self, text: str) -> None:
        self.vouchers_proxy.set_query(text)
        self._update_count()

    def _focus_find(self) -> None:
        self.find_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_box.selectAll()

    # acting ------------------------------------------------------------------------------

    def add_rule(self) -> None:
        """Open the rule form for a new rule."""
        self._open_rule_form(None)

    def edit_rule(self) -> None:
        """Open the selected rule in the rule form."""
        rule = self.current_rule()
        if rule is not None:
            self._open_rule_form(rule)

    def _open_rule_form(self, rule: LoyaltyRule | None) -> None:
        dialog = RuleFormDialog(self.shop, self, rule)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            if result and dialog.rule is not None:
                self._reload_rules(select_id=dialog.rule.id)
                message = _("Rule saved: {rule}") if rule else _("Rule added: {rule}")
                self._say(message.format(rule=dialog.rule.description(self._currency())))
                self.changed.emit()
            self.rules.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def pause_or_resume(self) -> None:
        """Pause the selected rule, or resume it when it is paused."""
        rule = self.current_rule()
        if rule is None:
            return
        try:
            if rule.active:
                changed = self.shop.rules.pause(rule.id)
            else:
                changed = self.shop.rules.resume(rule.id)
        except ShopError as error:
            self._say(str(error), error=True)
            return
        self._reload_rules(select_id=changed.id)
        description = changed.description(self._currency())
        if changed.active:
            self._say(_("Rule resumed: {rule}").format(rule=description))
        else:
            self._say(
                _("Rule paused: {rule}. Vouchers already issued stay valid.").format(
                    rule=description
                )
            )
        self.changed.emit()

    def give_goodwill(self) -> None:
        """Open the goodwill voucher dialog."""
        dialog = GoodwillDialog(self.shop, self)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            created = dialog.created
            if result and created is not None:
                self._show_new_vouchers([created.id])
                self._say(
                    _("Goodwill voucher {code} for {name}: {what}").format(
                        code=created.code,
                        name=dialog.customer.text(),
                        what=created.description(self._currency()),
                    )
                )
                self.changed.emit()

        dialog.finished.connect(done)
        dialog.open()

    def make_gift_vouchers(self) -> None:
        """Open the gift vouchers dialog."""
        dialog = GiftVouchersDialog(self.shop, self)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            created = dialog.created
            if result and created:
                self._show_new_vouchers([r.id for r in created])
                codes = ", ".join(r.code for r in created[:_CODES_SHOWN])
                if len(created) > _CODES_SHOWN:
                    codes += ", …"
                self._say(
                    ngettext(
                        "{n} gift voucher made: {codes}",
                        "{n} gift vouchers made: {codes}",
                        len(created),
                    ).format(n=number(len(created)), codes=codes)
                )
                self.changed.emit()

        dialog.finished.connect(done)
        dialog.open()

    def void_current(self) -> None:
        """Void the selected voucher, after asking for the reason."""
        voucher = self.current_voucher()
        if voucher is None or not self.void_button.isEnabled():
            return
        description = self.vouchers_model.description(voucher)
        dialog = VoidVoucherDialog(self.shop, voucher, description, self)
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            if result:
                self._reload_vouchers(select_id=voucher.id)
                self._say(_("Voucher {code} voided.").format(code=voucher.code))
                self.changed.emit()
            self.vouchers.setFocus()

        dialog.finished.connect(done)
        dialog.open()

    def _show_new_vouchers(self, ids: list[int]) -> None:
        """Show new vouchers: the filter and search widen if they would hide them."""
        if self.state_filter.currentData() not in ("", "valid"):
            self.state_filter.setCurrentIndex(0)
        self.find_box.clear()
        self._reload_vouchers(select_id=ids[0] if ids else None)
        self.vouchers.setFocus()

    def _currency(self) -> str:
        return self.shop.settings.get().currency

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page clears its message: it told about what was just done."""
        if not event.spontaneous():
            self.status.clear()
            self.status.hide()
        super().hideEvent(event)

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.status.setText(message)
        self.status.show()
