"""Using vouchers with a purchase: which may be used, what they take off, what is left of one
worth more than the purchase, marking them used, giving them back when the purchase is voided,
and saying why one cannot be used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from shopcrm.common.clock import iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day, money
from shopcrm.common.i18n import _
from shopcrm.loyalty.rewards import (
    REWARD_COLUMNS,
    Reward,
    RewardStatus,
    issue,
    redeemed_with,
    reward_from_row,
)
from shopcrm.loyalty.rules import RewardKind
from shopcrm.storage.store import Store


def usable(
    store: Store, reward_ids: Sequence[int], customer_id: int | None, on: date, currency: str
) -> list[Reward]:
    """The rewards to redeem with a purchase, or a translated error saying why one cannot be
    (amounts in it written in ``currency``)."""
    found = []
    for reward_id in dict.fromkeys(reward_ids):
        row = store.one(f"SELECT {REWARD_COLUMNS} FROM rewards WHERE id = ?", (reward_id,))
        if row is None:
            raise NotFound(_("There is no reward number {id}.").format(id=reward_id))
        reward = reward_from_row(row)
        status = reward.status(on)
        if status is not RewardStatus.VALID:
            raise InvalidInput(status_message(store, reward, status, currency))
        if reward.customer_id not in (None, customer_id):
            raise InvalidInput(
                _("Voucher {code} belongs to another customer.").format(code=reward.code)
            )
        found.append(reward)
    return found


@dataclass(frozen=True)
class VoucherUse:
    """What vouchers do to one purchase: the discount, and what is left of each amount voucher
    worth more than what was left to pay (kept as a new voucher for the rest)."""

    discount: int
    rests: tuple[tuple[Reward, int], ...] = ()


def use_vouchers(
    amount: int, rewards: Sequence[Reward], keep_rest: bool = True, currency: str = "TRY"
) -> VoucherUse:
    """The discount, in kuruş, that these rewards give on a purchase of ``amount`` kuruş.

    Percents apply to the whole amount (rounded to the nearest kuruş); then amount vouchers pay
    what is left, in order; the discount never exceeds the amount; a gift gives no discount. An
    amount voucher worth more than what is left keeps the rest as a new voucher, or, when the
    shop says so (``keep_rest`` False), is refused: its value is never lost without a word.
    """
    percent_off = sum(
        (amount * r.value + 50) // 100 for r in rewards if r.reward is RewardKind.PERCENT
    )
    discount = min(percent_off, amount)
    rests: list[tuple[Reward, int]] = []
    for reward in rewards:
        if reward.reward is not RewardKind.AMOUNT:
            continue
        used = min(reward.value, amount - discount)
        discount += used
        if used < reward.value:
            if not keep_rest:
                raise InvalidInput(
                    _(
                        "Voucher {code} is worth {value}, more than the {left} left to pay. "
                        "Use it with a larger purchase."
                    ).format(
                        code=reward.code,
                        value=money(reward.value, currency),
                        left=money(used, currency),
                    )
                )
            rests.append((reward, reward.value - used))
    return VoucherUse(discount, tuple(rests))


def keep_rests(store: Store, now: datetime, rests: Sequence[tuple[Reward, int]]) -> list[int]:
    """Issue a voucher for the rest of each voucher in ``rests``: for the same customer (or
    anyone, for a gift voucher), valid as long as the voucher it comes from."""
    return [
        issue(
            store,
            now,
            customer_id=reward.customer_id,
            origin="gift" if reward.customer_id is None else "goodwill",
            reward=RewardKind.AMOUNT,
            value=rest,
            gift="",
            valid_days=1,
            expires_on=reward.expires_on,
            remainder_of=reward.id,
        )
        for reward, rest in rests
    ]


def mark_redeemed(
    store: Store, now: datetime, rewards: Sequence[Reward], purchase_id: int | None
) -> None:
    """Mark rewards used (with their purchase). Exactly one redemption ever wins."""
    for reward in rewards:
        cursor = store.execute(
            "UPDATE rewards SET redeemed_at = ?, redeemed_purchase_id = ? "
            "WHERE id = ? AND redeemed_at IS NULL AND voided_at IS NULL",
            (iso(now), purchase_id, reward.id),
        )
        if cursor.rowcount != 1:
            raise InvalidInput(
                _("Voucher {code} was just used elsewhere.").format(code=reward.code)
            )


def release(
    store: Store, now: datetime, purchase_id: int, reason: str, quiet: Sequence[int] = ()
) -> None:
    """Give back the vouchers used in a purchase that was voided: they can be used again.

    Each gets ``reason`` in its note, except those in ``quiet`` (used again at once by the
    purchase that corrects this one). The voucher kept for the rest of one is voided with it;
    if that rest was already used, the voucher is not given back (its note says so).
    """
    for reward in redeemed_with(store, purchase_id):
        rests = [
            reward_from_row(r)
            for r in store.query(
                f"SELECT {REWARD_COLUMNS} FROM rewards "
                "WHERE remainder_of = ? AND voided_at IS NULL",
                (reward.id,),
            )
        ]
        if any(rest.redeemed_at is not None for rest in rests):
            note = f"{reward.note}\n{reason}".strip()
            store.execute("UPDATE rewards SET note = ? WHERE id = ?", (note, reward.id))
            continue
        for rest in rests:
            store.execute(
                "UPDATE rewards SET voided_at = ?, void_reason = ? WHERE id = ?",
                (iso(now), reason, rest.id),
            )
        note = reward.note if reward.id in quiet else f"{reward.note}\n{reason}".strip()
        store.execute(
            "UPDATE rewards SET redeemed_at = NULL, redeemed_purchase_id = NULL, note = ? "
            "WHERE id = ?",
            (note, reward.id),
        )


def status_message(store: Store, reward: Reward, status: RewardStatus, currency: str) -> str:
    """Why a voucher cannot be used, or until when it can: whose it was (or that it was a gift
    voucher), when it was used and with which purchase, or when it expired."""
    name = owner_name(store, reward)
    if status is RewardStatus.USED:
        when = day(reward.redeemed_at)
        purchase = None
        if reward.redeemed_purchase_id is not None:
            purchase = store.one(
                "SELECT amount FROM purchases WHERE id = ?", (reward.redeemed_purchase_id,)
            )
        if purchase is not None:
            amount = money(purchase["amount"], currency)
            if name is None:
                return _(
                    "Gift voucher {code} was used on {date}, with a purchase of {amount}."
                ).format(code=reward.code, date=when, amount=amount)
            return _(
                "Voucher {code} of {name} was used on {date}, with a purchase of {amount}."
            ).format(code=reward.code, name=name, date=when, amount=amount)
        if name is None:
            return _("Gift voucher {code} was used on {date}.").format(code=reward.code, date=when)
        if reward.reward is RewardKind.GIFT:
            return _("Voucher {code} of {name}: the gift was handed over on {date}.").format(
                code=reward.code, name=name, date=when
            )
        return _("Voucher {code} of {name} was used on {date}.").format(
            code=reward.code, name=name, date=when
        )
    if status is RewardStatus.EXPIRED:
        when = day(reward.expires_on)
        if name is None:
            return _("Gift voucher {code} expired on {date}.").format(code=reward.code, date=when)
        return _("Voucher {code} of {name} expired on {date}.").format(
            code=reward.code, name=name, date=when
        )
    if status is RewardStatus.VOIDED:
        return _("Voucher {code} was voided on {date}: {reason}").format(
            code=reward.code, date=day(reward.voided_at), reason=reward.void_reason
        )
    return _("Voucher {code} is valid until {date}.").format(
        code=reward.code, date=day(reward.expires_on)
    )


def owner_name(store: Store, reward: Reward) -> str | None:
    """The name of the customer a voucher was given to; None for an anonymous gift voucher."""
    if reward.customer_id is None:
        return None
    row = store.one("SELECT name FROM customers WHERE id = ?", (reward.customer_id,))
    return str(row["name"]) if row is not None else "?"
