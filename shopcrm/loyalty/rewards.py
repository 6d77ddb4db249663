"""Rewards and vouchers: what a reward is, and how one is issued or taken back.

Every reward carries a voucher code. A reward is never deleted: it is redeemed (with the
purchase it was used in), voided (with a reason), or it expires; all three stay on record.
Using vouchers with a purchase is ``shopcrm.loyalty.redemption``; the owner's and the counter's
way in is ``shopcrm.loyalty.reward_service``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from shopcrm.common.clock import iso
from shopcrm.common.formatting import money
from shopcrm.common.i18n import _
from shopcrm.loyalty import vouchers
from shopcrm.loyalty.rules import (
    LoyaltyRule,
    RewardKind,
    describe_reward,
)
from shopcrm.people import birthdays
from shopcrm.people.records import Customer
from shopcrm.storage.store import Row, Store

MAX_GIFT_VOUCHERS = 500
GIFT_VOUCHER = "gift"
"""The origin of an anonymous gift voucher, sold or given away: anyone may use it."""
MAX_NOTE = 500
MAX_REASON = 200


class RewardStatus(StrEnum):
    """Where a reward stands on a given day."""

    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    VOIDED = "voided"


@dataclass(frozen=True)
class Reward:
    """A reward with its voucher code. ``value`` is a percent, or kuruş for an amount."""

    id: int
    code: str
    customer_id: int | None
    rule_id: int | None
    cycle: int | None
    origin: str
    reward: RewardKind
    value: int
    gift: str
    issued_at: str
    expires_on: str
    earned_by_purchase_id: int | None
    redeemed_at: str | None
    redeemed_purchase_id: int | None
    voided_at: str | None
    void_reason: str
    note: str
    remainder_of: int | None = None
    """The voucher this one holds the rest of (worth more than the purchase it was used in)."""

    def status(self, today: date) -> RewardStatus:
        """Valid, used, expired or voided on ``today``."""
        if self.voided_at is not None:
            return RewardStatus.VOIDED
        if self.redeemed_at is not None:
            return RewardStatus.USED
        if date.fromisoformat(self.expires_on) < today:
            return RewardStatus.EXPIRED
        return RewardStatus.VALID

    def description(self, currency: str = "TRY") -> str:
        """What it is worth: "10% off", "₺100,00 off", "a mug as a gift"; an anonymous gift
        voucher is "₺100,00 gift voucher" (a "hediye çeki", not a discount)."""
        if self.origin == GIFT_VOUCHER:
            return _("{amount} gift voucher").format(amount=money(self.value, currency))
        return describe_reward(self.reward, self.value, self.gift, currency)


REWARD_COLUMNS = (
    "id, code, customer_id, rule_id, cycle, origin, reward, value, gift, issued_at, expires_on, "
    "earned_by_purchase_id, redeemed_at, redeemed_purchase_id, voided_at, void_reason, note, "
    "remainder_of"
)


def reward_from_row(row: Row) -> Reward:
    """Build a ``Reward`` from a row selected with ``REWARD_COLUMNS``."""
    values = {k: row[k] for k in REWARD_COLUMNS.split(", ")}
    values["reward"] = RewardKind(values["reward"])
    return Reward(**values)


@dataclass(frozen=True)
class VoucherLookup:
    """What a typed or scanned code is: its reward and customer, and a message to show."""

    code: str
    state: str
    reward: Reward | None
    customer: Customer | None
    message: str


def issue(
    store: Store,
    now: datetime,
    *,
    customer_id: int | None,
    origin: str,
    reward: RewardKind,
    value: int,
    gift: str,
    valid_days: int,
    rule_id: int | None = None,
    cycle: int | None = None,
    earned_by: int | None = None,
    note: str = "",
    expires_on: str | None = None,
    remainder_of: int | None = None,
) -> int:
    """Write one new reward with a fresh code (inside the caller's transaction); it expires
    ``valid_days`` from now, or on ``expires_on``."""
    expires = expires_on or (now.date() + timedelta(days=valid_days)).isoformat()
    for _attempt in range(5):
        code = vouchers.new_code()
        if store.one("SELECT 1 FROM rewards WHERE code = ?", (code,)) is None:
            break
    cursor = store.execute(
        "INSERT INTO rewards (code, customer_id, rule_id, cycle, origin, reward, value, gift, "
        "issued_at, expires_on, earned_by_purchase_id, note, remainder_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            code,
            customer_id,
            rule_id,
            cycle,
            origin,
            reward.value,
            value,
            gift,
            iso(now),
            expires,
            earned_by,
            note,
            remainder_of,
        ),
    )
    return int(cursor.lastrowid or 0)


def issue_for_rule(
    store: Store,
    now: datetime,
    rule: LoyaltyRule,
    customer_id: int,
    cycle: int,
    earned_by: int | None,
) -> int:
    """Issue the reward of ``rule``'s ``cycle`` to a customer, as the rule says today."""
    return issue(
        store,
        now,
        customer_id=customer_id,
        origin="rule",
        reward=rule.reward,
        value=rule.value,
        gift=rule.gift,
        valid_days=rule.valid_days,
        rule_id=rule.id,
        cycle=cycle,
        earned_by=earned_by,
    )


def take_back(store: Store, now: datetime, reward: Reward, reason: str) -> None:
    """A reward no longer earned: voided if unused; if already used it stays, with a note."""
    if reward.redeemed_at is None:
        store.execute(
            "UPDATE rewards SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
            (iso(now), reason, reward.id),
        )
    else:
        note = f"{reward.note}\n{reason}".strip()
        store.execute("UPDATE rewards SET note = ? WHERE id = ?", (note, reward.id))


def redeemed_with(store: Store, purchase_id: int) -> list[Reward]:
    """The vouchers used with a purchase."""
    rows = store.query(
        f"SELECT {REWARD_COLUMNS} FROM rewards WHERE redeemed_purchase_id = ? ORDER BY id",
        (purchase_id,),
    )
    return [reward_from_row(r) for r in rows]


def birthday_due(
    store: Store, now: datetime, rule: LoyaltyRule, customer_id: int, birthday: str, today: date
) -> list[int]:
    """Issue this year's birthday reward of ``rule`` when the birthday is close enough."""
    coming = birthdays.next_birthday(birthday, today)
    if (coming - today).days > rule.days_before:
        return []
    if store.one(
        "SELECT 1 FROM rewards WHERE customer_id = ? AND rule_id = ? AND cycle = ? "
        "AND voided_at IS NULL",
        (customer_id, rule.id, coming.year),
    ):
        return []
    return [issue_for_rule(store, now, rule, customer_id, coming.year, None)]
