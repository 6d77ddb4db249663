"""Qt table models of the Rewards page: the loyalty rules, and the vouchers issued."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.text import fold
from shopcrm.loyalty.rewards import Reward
from shopcrm.loyalty.rules import LoyaltyRule, RewardKind
from ui.record_model import Index, RecordTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_VALID_COLOR = QColor("#2e7d32")
_MUTED_COLOR = QColor("#757575")
_BAD_COLOR = QColor("#c62828")


class RulesModel(RecordTableModel[LoyaltyRule]):
    """The loyalty rules, oldest first: what they say, how long rewards last, active or not."""

    RULE, VALID_FOR, STATE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([_("Rule"), _("Valid for"), _("State")], parent)
        self._currency = "TRY"

    def set_rules(self, rules: list[LoyaltyRule], currency: str) -> None:
        """Show these rules, amounts in ``currency``."""
        self._currency = currency
        self.set_records(rules)

    def cell(self, rule: LoyaltyRule, column: int, role: int) -> object:
        """Qt: what one cell shows; paused rules are grey."""
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.RULE:
                return rule.description(self._currency)
            if column == self.VALID_FOR:
                return ngettext("{n} day", "{n} days", rule.valid_days).format(
                    n=number(rule.valid_days)
                )
            if column == self.STATE:
                return _("Active") if rule.active else _("Paused")
        if role == Qt.ItemDataRole.ForegroundRole:
            if not rule.active:
                return _MUTED_COLOR
            if column == self.STATE:
                return _VALID_COLOR
        return None


def state_titles() -> dict[str, str]:
    """What each voucher state is called, translated; "" is every state."""
    return {
        "": _("All vouchers"),
        "valid": _("Valid"),
        "used": _("Used"),
        "expired": _("Expired"),
        "voided": _("Voided"),
    }


class VouchersModel(RecordTableModel[Reward]):
    """Vouchers, newest first: code, whose, what, issued, valid until and where they stand."""

    CODE, CUSTOMER, WHAT, ISSUED, VALID_UNTIL, STATE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [_("Code"), _("Customer"), _("What"), _("Issued"), _("Valid until"), _("State")],
            parent,
        )
        self._names: dict[int, str] = {}
        self._currency = "TRY"
        self._today = date.today()

    def set_rewards(
        self, rewards: list[Reward], names: dict[int, str], currency: str, today: date
    ) -> None:
        """Show these rewards; ``names`` gives the customers' names by id."""
        self._names = dict(names)
        self._currency = currency
        self._today = today
        self.set_records(rewards)

    def whose(self, reward: Reward) -> str:
        """The customer's name, or "Gift voucher" for an anonymous one."""
        if reward.customer_id is None:
            return _("Gift voucher")
        return self._names.get(reward.customer_id, "")

    def description(self, reward: Reward) -> str:
        """What the reward is worth, with where it came from when not from a rule."""
        what = reward.description(self._currency)
        if reward.origin == "goodwill":
            what = _("{what} (goodwill)").format(what=what)
        return what

    def state_text(self, reward: Reward) -> str:
        """Where the voucher stands: "Valid", "Used 3 Mar 2026", "Handed over …", "Expired"…"""
        state = reward.status(self._today).value
        if state == "used":
            when = day(reward.redeemed_at)
            if reward.reward is RewardKind.GIFT and reward.redeemed_purchase_id is None:
                return _("Handed over {date}").format(date=when)
            return _("Used {date}").format(date=when)
        if state == "voided":
            return _("Voided {date}").format(date=day(reward.voided_at))
        return state_titles()[state]

    def cell(self, reward: Reward, column: int, role: int) -> object:
        """Qt: what one cell shows, how it sorts, and its colour by state."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(reward, column)
        if role == SORT_ROLE:
            if column == self.ISSUED:
                return reward.issued_at
            if column == self.VALID_UNTIL:
                return reward.expires_on
            return fold(self._display(reward, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            state = reward.status(self._today).value
            return {"valid": _VALID_COLOR, "used": _MUTED_COLOR}.get(state, _BAD_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CUSTOMER:
            return _MUTED_COLOR if reward.customer_id is None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [self._display(reward, column)] if column in (self.CUSTOMER, self.WHAT) else []
            if reward.note:
                parts.append(reward.note)
            if reward.void_reason:
                parts.append(_("Voided: {reason}").format(reason=reward.void_reason))
            return "\n".join(parts) or None
        return None

    def _display(self, reward: Reward, column: int) -> str:
        if column == self.CODE:
            return reward.code
        if column == self.CUSTOMER:
            return self.whose(reward)
        if column == self.WHAT:
            return self.description(reward)
        if column == self.ISSUED:
            return day(reward.issued_at)
        if column == self.VALID_UNTIL:
            return day(reward.expires_on)
        return self.state_text(reward)


class VouchersProxy(QSortFilterProxyModel):
    """Sorts the vouchers by their raw values and keeps those whose code or customer match."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        """Keep the vouchers whose code, customer or worth contain ``text`` (folded)."""
        self.beginFilterChange()
        self._query = fold(text.replace("-", "").strip())
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Qt: whether a voucher matches what was typed."""
        if not self._query:
            return True
        model = self.sourceModel()
        assert isinstance(model, VouchersModel)
        reward = model.record_at(source_row)
        if reward is None:
            return False
        haystack = fold(
            " ".join((reward.code.replace("-", ""), model.whose(reward), model.description(reward)))
        )
        return self._query in haystack
