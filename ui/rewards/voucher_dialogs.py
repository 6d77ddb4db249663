"""The owner's vouchers: a goodwill voucher for one customer, anonymous gift vouchers, voiding.

Each dialog only collects what the owner types; the core issues or voids the vouchers and
refuses what makes no sense, with a message shown in red under the fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from shopcrm import InvalidInput, Shop
from shopcrm.common.i18n import _
from shopcrm.loyalty.rewards import MAX_GIFT_VOUCHERS
from ui.customer_picker import CustomerPicker
from ui.dialog_buttons import name_cancel
from ui.form_dialog import FormDialog
from ui.rewards.rule_form import RewardFields, amount_examples, count_box, valid_days_box
from ui.signed_box import SignedBox

if TYPE_CHECKING:
    from shopcrm.loyalty.rewards import Reward


class GoodwillDialog(FormDialog):
    """Give one customer a voucher (after a complaint, say): whom, what, how long, why."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(_("Goodwill voucher"), parent)
        name_cancel(self.buttons)
        self.shop = shop
        self.created: Reward | None = None
        self.customer = CustomerPicker(shop)
        self.form.addRow(_("C&ustomer:"), self.customer)
        self.reward = RewardFields(self.form, shop.settings.get().currency)
        self.reward.kind.setCurrentIndex(self.reward.kind.findData("amount"))
        self.valid_days = valid_days_box(90)
        self.form.addRow(_("Valid &for:"), self.valid_days)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("e.g. sorry for the late delivery"))
        self.form.addRow(_("&Note:"), self.note)
        self.customer.setFocus()

    def submit(self) -> None:
        """Give the voucher through the core."""
        customer_id = self.customer.customer_id()
        if customer_id is None:
            self.customer.setFocus()
            raise InvalidInput(_("Choose the customer from the list."))
        self.created = self.shop.rewards.give_goodwill(
            customer_id,
            valid_days=self.valid_days.value(),
            note=self.note.text(),
            **self.reward.values(),  # type: ignore[arg-type]
        )


class GiftVouchersDialog(FormDialog):
    """Make anonymous gift vouchers of an amount, to sell or give away; anyone may use one."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(_("Gift vouchers"), parent)
        name_cancel(self.buttons)
        self.shop = shop
        self.created: list[Reward] = []
        intro = QLabel(_("Anonymous vouchers worth an amount: whoever brings one may use it."))
        intro.setWordWrap(True)
        self.count = count_box(1, MAX_GIFT_VOUCHERS, 1)
        self.value = QLineEdit()
        self.value.setPlaceholderText(amount_examples())
        value_row = SignedBox(self.value)
        value_row.show_money(shop.settings.get().currency)
        self.sign = value_row.sign
        self.valid_days = valid_days_box(365)
        self.note = QLineEdit()
        self.note.setPlaceholderText(_("e.g. sold at the Mother's Day stand"))
        self.form.addRow(intro)
        self.form.addRow(_("&How many:"), self.count)
        self.form.addRow(_("&Amount each:"), value_row)
        self.form.addRow(_("Valid &for:"), self.valid_days)
        self.form.addRow(_("&Note:"), self.note)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Make vouchers"))
        self.value.setFocus()

    def submit(self) -> None:
        """Issue the vouchers through the core."""
        self.created = self.shop.rewards.issue_gift_vouchers(
            self.count.value(),
            self.value.text().strip(),
            valid_days=self.valid_days.value(),
            note=self.note.text(),
        )


class VoidVoucherDialog(FormDialog):
    """Void a voucher that must no longer be used, with a reason; it stays on record."""

    def __init__(
        self, shop: Shop, reward: Reward, description: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Void voucher {code}").format(code=reward.code), parent)
        name_cancel(self.buttons)
        self.shop = shop
        self.reward = reward
        what = QLabel(_("Voucher {code}: {what}").format(code=reward.code, what=description))
        what.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. given by mistake"))
        self.form.addRow(what)
        self.form.addRow(_("&Reason:"), self.reason)
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("&Void voucher"))
        self.reason.setFocus()

    def submit(self) -> None:
        """Void the voucher through the core."""
        self.reward = self.shop.rewards.void(self.reward.id, self.reason.text())
