"""The loyalty rule form: what earns a reward, what the reward is, and how long it stays valid.

The fields shown follow the choices: "every N visits" asks for N, "every amount spent" for the
amount, "birthday" for the days before; a percent or an amount asks for the value, a gift for its
name. The core checks everything; a refusal is shown in red under the fields.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from shopcrm import Shop
from shopcrm.common.formatting import amount_input, currency_sign, number
from shopcrm.common.i18n import _, babel_locale
from shopcrm.loyalty.rules import (
    MAX_DAYS_BEFORE,
    MAX_VALID_DAYS,
    MAX_VISITS,
    LoyaltyRule,
    RewardKind,
    RuleKind,
)
from ui.dialog_buttons import name_cancel
from ui.form_dialog import FormDialog
from ui.signed_box import SignedBox


def rule_kind_titles() -> dict[RuleKind, str]:
    """What each kind of rule is called in the form, translated."""
    return {
        RuleKind.VISITS: _("Number of visits"),
        RuleKind.SPENDING: _("Amount spent"),
        RuleKind.BIRTHDAY: _("Birthday"),
        RuleKind.WELCOME: _("Welcome: the first purchase"),
        RuleKind.REFERRAL: _("Referral: a new customer they brought buys"),
    }


def reward_kind_titles() -> dict[RewardKind, str]:
    """What each kind of reward is called in the forms, translated."""
    return {
        RewardKind.PERCENT: _("A percent off"),
        RewardKind.AMOUNT: _("An amount off"),
        RewardKind.GIFT: _("A gift"),
    }


def amount_examples() -> str:
    """A placeholder showing how to type an amount in the language: "e.g. 100 or 250,50"."""
    return _("e.g. {whole} or {decimal}").format(whole=number(100), decimal=amount_input(25050))


def count_box(minimum: int, maximum: int, value: int, suffix: str = "") -> QSpinBox:
    """A box for a count, grouped the way the language writes it ("3.650 gün", "3,650 days")."""
    box = QSpinBox()
    box.setLocale(QLocale(babel_locale()))
    box.setGroupSeparatorShown(True)
    box.setRange(minimum, maximum)
    box.setValue(value)
    if suffix:
        box.setSuffix(" " + suffix)
    return box


def valid_days_box(days: int) -> QSpinBox:
    """A box for the number of days a reward stays valid."""
    return count_box(1, MAX_VALID_DAYS, days, _("days"))


class RewardFields:
    """The reward part of a form: its kind, and the percent, amount or gift it is worth.

    Each kind keeps what was typed for it: switching from a percent to an amount never turns
    "10" percent into 10 lira. The percent or currency sign stands beside the value.
    """

    def __init__(self, form: QFormLayout, currency: str = "TRY") -> None:
        self.form = form
        self.currency = currency
        self.kind = QComboBox()
        for kind, title in reward_kind_titles().items():
            self.kind.addItem(title, kind.value)
        self.value = QLineEdit()
        self.value_row = SignedBox(self.value)
        self.sign = self.value_row.sign
        self.gift = QLineEdit()
        self.gift.setPlaceholderText(_("e.g. a coffee mug"))
        self._typed: dict[RewardKind, str] = {}
        self._shown = self.reward_kind()
        form.addRow(_("Re&ward:"), self.kind)
        form.addRow(_("&Value:"), self.value_row)
        form.addRow(_("&Gift:"), self.gift)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.update_rows()

    def reward_kind(self) -> RewardKind:
        """The kind of reward chosen."""
        return RewardKind(self.kind.currentData())

    def set_reward(self, kind: RewardKind, value: int, gift: str) -> None:
        """Show a reward's kind and worth (an amount in kuruş, as it is typed)."""
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        if kind is RewardKind.PERCENT:
            self.value.setText(str(value))
        elif kind is RewardKind.AMOUNT:
            self.value.setText(amount_input(value))
        self.gift.setText(gift)
        self.update_rows()

    def _kind_changed(self) -> None:
        """Keep what was typed for the kind left; show what was typed for the kind chosen."""
        kind = self.reward_kind()
        if kind is not self._shown:
            if self._shown is not RewardKind.GIFT:
                self._typed[self._shown] = self.value.text()
            if kind is not RewardKind.GIFT:
                self.value.setText(self._typed.get(kind, ""))
            self._shown = kind
        self.update_rows()

    def update_rows(self) -> None:
        """Show the value for a percent or an amount, the name for a gift."""
        kind = self.reward_kind()
        self.form.setRowVisible(self.value_row, kind is not RewardKind.GIFT)
        self.form.setRowVisible(self.gift, kind is RewardKind.GIFT)
        label = self.form.labelForField(self.value_row)
        if kind is RewardKind.PERCENT:
            self.value.setPlaceholderText(_("e.g. {amount}").format(amount=number(10)))
            self.value_row.show_percent()
            if label is not None:
                label.setText(_("Per&cent:"))  # type: ignore[attr-defined]
        else:
            self.value.setPlaceholderText(amount_examples())
            self.value_row.show_money(self.currency)
            if label is not None:
                label.setText(_("A&mount:"))  # type: ignore[attr-defined]

    def values(self) -> dict[str, object]:
        """The reward's fields, as keyword arguments for the core."""
        kind = self.reward_kind()
        return {
            "reward": kind.value,
            "value": self.value.text().strip() if kind is not RewardKind.GIFT else 0,
            "gift": self.gift.text() if kind is RewardKind.GIFT else "",
        }


def spending_label(currency: str) -> str:
    """The label of the spending that earns a reward: Turkish asks "Kaç liralık harcamada bir:"
    for lira, and names the currency's sign for another currency ("Kaç € harcamada bir:")."""
    if currency == "TRY":
        return _("&Spending for each reward:")
    sign, _before = currency_sign(currency)
    return _("&Spending for each reward, in {currency}:").format(currency=sign)


class RuleFormDialog(FormDialog):
    """Add a loyalty rule, or change ``rule`` when given (its kind then stays)."""

    def __init__(
        self, shop: Shop, parent: QWidget | None = None, rule: LoyaltyRule | None = None
    ) -> None:
        super().__init__(_("Edit rule") if rule else _("New rule"), parent)
        name_cancel(self.buttons)
        self.shop = shop
        self.rule = rule
        currency = shop.settings.get().currency

        self.kind = QComboBox()
        for kind, title in rule_kind_titles().items():
            self.kind.addItem(title, kind.value)
        self.every_visits = count_box(1, MAX_VISITS, 10)
        self.every_spending = QLineEdit()
        self.every_spending.setPlaceholderText(
            _("e.g. {amount}").format(amount=amount_input(200_000))
        )
        self.spending_row = SignedBox(self.every_spending)
        self.spending_row.show_money(currency)
        self.spending_sign = self.spending_row.sign
        self.days_before = count_box(0, MAX_DAYS_BEFORE, 7, _("days"))

        self.form.addRow(_("&Earned by:"), self.kind)
        self.form.addRow(_("&Visits for each reward:"), self.every_visits)
        self.form.addRow(spending_label(currency), self.spending_row)
        self.form.addRow(_("&Days before the birthday:"), self.days_before)
        self.reward = RewardFields(self.form, currency)
        self.valid_days = valid_days_box(90)
        self.form.addRow(_("Valid &for:"), self.valid_days)
        self.count_past = QCheckBox(_("Count &past visits and spending too"))
        self.count_past.setToolTip(
            _(
                "Off: the rule counts from today. On: loyal customers get every reward "
                "their past visits earned, at their next purchase."
            )
        )
        if rule is None:
            self.form.addRow("", self.count_past)
        else:
            self.count_past.hide()
        self.kind.currentIndexChanged.connect(lambda _i: self.update_rows())

        if rule is not None:
            self._fill(rule)
        else:
            self.reward.set_reward(RewardKind.PERCENT, 10, "")
        self.update_rows()
        (self.kind if rule is None else self.reward.kind).setFocus()

    def _fill(self, rule: LoyaltyRule) -> None:
        self.kind.setCurrentIndex(self.kind.findData(rule.kind.value))
        self.kind.setEnabled(False)  # a rule's kind never changes: add another rule instead
        self.kind.setToolTip(_("The kind of a rule cannot change; add a new rule instead."))
        if rule.every_visits:
            self.every_visits.setValue(rule.every_visits)
        if rule.every_spending:
            self.every_spending.setText(amount_input(rule.every_spending))
        self.days_before.setValue(rule.days_before)
        self.reward.set_reward(rule.reward, rule.value, rule.gift)
        self.valid_days.setValue(rule.valid_days)

    def rule_kind(self) -> RuleKind:
        """The kind of rule chosen."""
        return RuleKind(self.kind.currentData())

    def update_rows(self) -> None:
        """Ask only for what the chosen kind of rule needs."""
        kind = self.rule_kind()
        self.form.setRowVisible(self.every_visits, kind is RuleKind.VISITS)
        self.form.setRowVisible(self.spending_row, kind is RuleKind.SPENDING)
        self.form.setRowVisible(self.days_before, kind is RuleKind.BIRTHDAY)
        self.clear_error()
        self.adjustSize()

    def values(self) -> dict[str, object]:
        """What the form holds, as keyword arguments for the core."""
        kind = self.rule_kind()
        spending = self.every_spending.text().strip()
        values: dict[str, object] = {
            **self.reward.values(),
            "valid_days": self.valid_days.value(),
            "every_visits": self.every_visits.value() if kind is RuleKind.VISITS else 0,
            "every_spending": spending if kind is RuleKind.SPENDING else 0,
            "days_before": self.days_before.value() if kind is RuleKind.BIRTHDAY else 0,
        }
        return values

    def submit(self) -> None:
        """Add or change the rule through the core."""
        if self.rule is None:
            self.rule = self.shop.rules.add(
                self.rule_kind().value,
                **self.values(),  # type: ignore[arg-type]
                count_past=self.count_past.isChecked(),
            )
        else:
            self.rule = self.shop.rules.update(self.rule.id, **self.values())
