"""The loyalty rule form: what earns a reward, what the reward is, and how long it stays valid.

The fields shown follow the choices: "every N visits" asks for N, "every amount spent" for the
amount, "birthday" for the days before; a percent or an amount asks for the value, a gift for its
name. The core checks everything; a refusal is shown in red under the fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from shopcrm import Shop
from shopcrm.formatting import amount_input, money, number
from shopcrm.i18n import _
from shopcrm.rules import (
    MAX_DAYS_BEFORE,
    MAX_VALID_DAYS,
    MAX_VISITS,
    LoyaltyRule,
    RewardKind,
    RuleKind,
)
from ui.form_dialog import FormDialog


def rule_kind_titles() -> dict[RuleKind, str]:
    """What each kind of rule is called in the form, translated."""
    return {
        RuleKind.VISITS: _("Every few visits"),
        RuleKind.SPENDING: _("Every amount spent"),
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


def valid_days_box(days: int) -> QSpinBox:
    """A box for the number of days a reward stays valid."""
    box = QSpinBox()
    box.setRange(1, MAX_VALID_DAYS)
    box.setValue(days)
    box.setSuffix(" " + _("days"))
    return box


class RewardFields:
    """The reward part of a form: its kind, and the percent, amount or gift it is worth."""

    def __init__(self, form: QFormLayout) -> None:
        self.form = form
        self.kind = QComboBox()
        for kind, title in reward_kind_titles().items():
            self.kind.addItem(title, kind.value)
        self.value = QLineEdit()
        self.gift = QLineEdit()
        self.gift.setPlaceholderText(_("e.g. a coffee mug"))
        form.addRow(_("Re&ward:"), self.kind)
        form.addRow(_("&Value:"), self.value)
        form.addRow(_("&Gift:"), self.gift)
        self.kind.currentIndexChanged.connect(lambda _i: self.update_rows())
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

    def update_rows(self) -> None:
        """Show the value for a percent or an amount, the name for a gift."""
        kind = self.reward_kind()
        self.form.setRowVisible(self.value, kind is not RewardKind.GIFT)
        self.form.setRowVisible(self.gift, kind is RewardKind.GIFT)
        label = self.form.labelForField(self.value)
        if kind is RewardKind.PERCENT:
            self.value.setPlaceholderText(_("percent, e.g. 10"))
            if label is not None:
                label.setText(_("Per&cent:"))  # type: ignore[attr-defined]
        else:
            self.value.setPlaceholderText(amount_examples())
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


class RuleFormDialog(FormDialog):
    """Add a loyalty rule, or change ``rule`` when given (its kind then stays)."""

    def __init__(
        self, shop: Shop, parent: QWidget | None = None, rule: LoyaltyRule | None = None
    ) -> None:
        super().__init__(_("Edit rule") if rule else _("New rule"), parent)
        self.shop = shop
        self.rule = rule
        currency = shop.settings.get().currency

        self.kind = QComboBox()
        for kind, title in rule_kind_titles().items():
            self.kind.addItem(title, kind.value)
        self.every_visits = QSpinBox()
        self.every_visits.setRange(1, MAX_VISITS)
        self.every_visits.setValue(10)
        self.every_spending = QLineEdit()
        self.every_spending.setPlaceholderText(
            _("e.g. {amount}").format(amount=money(200_000, currency))
        )
        self.days_before = QSpinBox()
        self.days_before.setRange(0, MAX_DAYS_BEFORE)
        self.days_before.setValue(7)
        self.days_before.setSuffix(" " + _("days"))

        self.form.addRow(_("&Earned by:"), self.kind)
        self.form.addRow(_("Every N &visits:"), self.every_visits)
        self.form.addRow(_("Every &amount spent:"), self.every_spending)
        self.form.addRow(_("&Days before the birthday:"), self.days_before)
        self.reward = RewardFields(self.form)
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
        self.form.setRowVisible(self.every_spending, kind is RuleKind.SPENDING)
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
