"""Rewards and vouchers: issued by the rules or by the owner, redeemed once at the counter.

Every reward carries a voucher code. A reward is never deleted: it is redeemed (with the
purchase it was used in), voided (with a reason), or it expires; all three stay on record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from shopcrm import birthdays, vouchers
from shopcrm.cleaning import as_text, clean, quote
from shopcrm.clock import Clock, iso
from shopcrm.errors import InvalidInput, NotFound
from shopcrm.formatting import day, money
from shopcrm.i18n import _
from shopcrm.money import parse_amount
from shopcrm.records import CUSTOMER_COLUMNS, Customer, customer_from_row
from shopcrm.rules import (
    RULE_COLUMNS,
    LoyaltyRule,
    RewardKind,
    RuleKind,
    describe_reward,
    rule_from_row,
    validated_days,
    validated_reward,
)
from shopcrm.settings import SettingsService
from shopcrm.store import Row, Store
from shopcrm.whole import known_id, parse_whole

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


def usable(
    store: Store, reward_ids: Sequence[int], customer_id: int | None, on: date
) -> list[Reward]:
    """The rewards to redeem with a purchase, or a translated error saying why one cannot be."""
    found = []
    for reward_id in dict.fromkeys(reward_ids):
        row = store.one(f"SELECT {REWARD_COLUMNS} FROM rewards WHERE id = ?", (reward_id,))
        if row is None:
            raise NotFound(_("There is no reward number {id}.").format(id=reward_id))
        reward = reward_from_row(row)
        status = reward.status(on)
        if status is not RewardStatus.VALID:
            raise InvalidInput(_status_message(store, reward, status))
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


def redeemed_with(store: Store, purchase_id: int) -> list[Reward]:
    """The vouchers used with a purchase."""
    rows = store.query(
        f"SELECT {REWARD_COLUMNS} FROM rewards WHERE redeemed_purchase_id = ? ORDER BY id",
        (purchase_id,),
    )
    return [reward_from_row(r) for r in rows]


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


def _status_message(store: Store, reward: Reward, status: RewardStatus) -> str:
    """Why a voucher cannot be used, or until when it can: whose it was (or that it was a gift
    voucher), when it was used and with which purchase, or when it expired."""
    name = _owner_name(store, reward)
    if status is RewardStatus.USED:
        when = day(reward.redeemed_at)
        purchase = None
        if reward.redeemed_purchase_id is not None:
            purchase = store.one(
                "SELECT amount FROM purchases WHERE id = ?", (reward.redeemed_purchase_id,)
            )
        if purchase is not None:
            amount = money(purchase["amount"], SettingsService(store).get().currency)
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


def _owner_name(store: Store, reward: Reward) -> str | None:
    """The name of the customer a voucher was given to; None for an anonymous gift voucher."""
    if reward.customer_id is None:
        return None
    row = store.one("SELECT name FROM customers WHERE id = ?", (reward.customer_id,))
    return str(row["name"]) if row is not None else "?"


class RewardService:
    """Look up, give, hand over and void rewards and vouchers."""

    def __init__(self, store: Store, clock: Clock, currency: Callable[[], str]) -> None:
        self._store = store
        self._clock = clock
        self._currency = currency

    def get(self, reward_id: int) -> Reward:
        """The reward with this id; ``NotFound`` if there is none."""
        row = None
        if known_id(reward_id) is not None:
            row = self._store.one(
                f"SELECT {REWARD_COLUMNS} FROM rewards WHERE id = ?", (reward_id,)
            )
        if row is None:
            raise NotFound(_("There is no reward number {id}.").format(id=quote(reward_id)))
        return reward_from_row(row)

    def of_customer(self, customer_id: int, open_only: bool = True) -> list[Reward]:
        """A customer's rewards: the valid ones (soonest to expire first), or all, newest first."""
        if open_only:
            rows = self._store.query(
                f"SELECT {REWARD_COLUMNS} FROM rewards WHERE customer_id = ? "
                "AND redeemed_at IS NULL AND voided_at IS NULL AND expires_on >= ? "
                "ORDER BY expires_on, id",
                (customer_id, self._clock().date().isoformat()),
            )
        else:
            rows = self._store.query(
                f"SELECT {REWARD_COLUMNS} FROM rewards WHERE customer_id = ? ORDER BY id DESC",
                (customer_id,),
            )
        return [reward_from_row(r) for r in rows]

    def earned_by(self, purchase_id: int) -> list[Reward]:
        """The rewards a purchase has just earned."""
        rows = self._store.query(
            f"SELECT {REWARD_COLUMNS} FROM rewards WHERE earned_by_purchase_id = ? "
            "AND voided_at IS NULL ORDER BY id",
            (purchase_id,),
        )
        return [reward_from_row(r) for r in rows]

    def all(self, state: str | None = None, limit: int = 1000) -> list[Reward]:
        """Rewards, newest first; ``state`` ("valid", "used", "expired", "voided") filters."""
        today = self._clock().date().isoformat()
        unused = "redeemed_at IS NULL AND voided_at IS NULL"
        where = {
            None: "1",
            RewardStatus.VALID: f"{unused} AND expires_on >= :today",
            RewardStatus.USED: "redeemed_at IS NOT NULL AND voided_at IS NULL",
            RewardStatus.EXPIRED: f"{unused} AND expires_on < :today",
            RewardStatus.VOIDED: "voided_at IS NOT NULL",
        }[RewardStatus(state) if state else None]
        rows = self._store.query(
            f"SELECT {REWARD_COLUMNS} FROM rewards WHERE {where} ORDER BY id DESC LIMIT :limit",
            {"today": today, "limit": limit},
        )
        return [reward_from_row(r) for r in rows]

    def looks_like_code(self, text: str) -> bool:
        """Whether text typed or scanned at the counter is a voucher code, not a name."""
        return vouchers.looks_like_code(text)

    def look_up(self, text: str, today: date | None = None) -> VoucherLookup:
        """What a typed or scanned code is, with a message saying so (or why it is not valid)."""
        today = today or self._clock().date()
        code = vouchers.canonical(text)
        shown = quote(as_text(text).strip().upper())
        if code is None:
            message = _(
                "“{code}” is not a valid voucher code: please check it for typing mistakes."
            ).format(code=shown)
            return VoucherLookup(shown, "mistyped", None, None, message)
        row = self._store.one(f"SELECT {REWARD_COLUMNS} FROM rewards WHERE code = ?", (code,))
        if row is None:
            return VoucherLookup(
                code, "unknown", None, None, _("There is no voucher {code}.").format(code=code)
            )
        reward = reward_from_row(row)
        customer = None
        if reward.customer_id is not None:
            crow = self._store.one(
                f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?", (reward.customer_id,)
            )
            customer = customer_from_row(crow) if crow else None
        status = reward.status(today)
        if status is RewardStatus.VALID:
            what = reward.description(self._currency())
            until = day(reward.expires_on)
            if customer is None:
                message = _("Gift voucher {code}: {amount}, valid until {date}.").format(
                    code=code, amount=money(reward.value, self._currency()), date=until
                )
            else:
                message = _("Voucher {code}: {reward} for {name}, valid until {date}.").format(
                    code=code, reward=what, name=customer.name, date=until
                )
        else:
            message = _status_message(self._store, reward, status)
        return VoucherLookup(code, status.value, reward, customer, message)

    def hand_over(self, reward_id: int) -> Reward:
        """Mark a gift as handed over (without a purchase)."""
        reward = self.get(reward_id)
        if reward.reward is not RewardKind.GIFT:
            raise InvalidInput(_("A discount is used with a purchase; only a gift is handed over."))
        now = self._clock()
        with self._store.transaction():
            current = usable(self._store, [reward_id], reward.customer_id, now.date())
            mark_redeemed(self._store, now, current, None)
        return self.get(reward_id)

    def void(self, reward_id: int, reason: str) -> Reward:
        """Void an unused reward, with a reason; it stays on record."""
        reward = self.get(reward_id)
        reason = clean(reason, _("Reason"), MAX_REASON)
        if not reason:
            raise InvalidInput(_("Please give a reason for voiding the voucher."))
        if reward.voided_at is not None:
            raise InvalidInput(_("This voucher was already voided."))
        if reward.redeemed_at is not None:
            raise InvalidInput(_status_message(self._store, reward, RewardStatus.USED))
        with self._store.transaction():
            self._store.execute(
                "UPDATE rewards SET voided_at = ?, void_reason = ? WHERE id = ? "
                "AND voided_at IS NULL AND redeemed_at IS NULL",
                (iso(self._clock()), reason, reward_id),
            )
        return self.get(reward_id)

    def give_goodwill(
        self,
        customer_id: int,
        reward: RewardKind | str,
        value: int | str = 0,
        gift: str = "",
        valid_days: int = 90,
        note: str = "",
    ) -> Reward:
        """A voucher the owner gives a customer (after a complaint, say)."""
        kind, amount, gift = validated_reward(reward, value, gift, self._currency())
        valid_days = validated_days(valid_days)
        note = clean(note, _("Note"), MAX_NOTE)
        self._customer_exists(customer_id)
        with self._store.transaction():
            reward_id = issue(
                self._store,
                self._clock(),
                customer_id=customer_id,
                origin="goodwill",
                reward=kind,
                value=amount,
                gift=gift,
                valid_days=valid_days,
                note=note,
            )
        return self.get(reward_id)

    def issue_gift_vouchers(
        self, count: int, value: int | str, valid_days: int = 365, note: str = ""
    ) -> list[Reward]:
        """Anonymous gift vouchers of an amount, to sell or give away; anyone may redeem one."""
        how_many = parse_whole(count)
        if not 1 <= how_many <= MAX_GIFT_VOUCHERS:
            raise InvalidInput(
                _("Make between 1 and {n} gift vouchers at a time.").format(n=MAX_GIFT_VOUCHERS)
            )
        amount = parse_amount(value, self._currency())
        valid_days = validated_days(valid_days)
        note = clean(note, _("Note"), MAX_NOTE)
        now = self._clock()
        with self._store.transaction():
            ids = [
                issue(
                    self._store,
                    now,
                    customer_id=None,
                    origin="gift",
                    reward=RewardKind.AMOUNT,
                    value=amount,
                    gift="",
                    valid_days=valid_days,
                    note=note,
                )
                for _n in range(how_many)
            ]
        return [self.get(i) for i in ids]

    def issue_birthdays(self, today: date | None = None) -> list[Reward]:
        """Issue the birthday rewards due by ``today`` (once a year per customer and rule)."""
        today = today or self._clock().date()
        rules = [
            rule_from_row(r)
            for r in self._store.query(
                f"SELECT {RULE_COLUMNS} FROM loyalty_rules WHERE active = 1 AND kind = ?",
                (RuleKind.BIRTHDAY.value,),
            )
        ]
        if not rules:
            return []
        issued: list[int] = []
        customers = self._store.query(
            "SELECT id, birthday FROM customers WHERE birthday IS NOT NULL AND archived_at IS NULL"
        )
        with self._store.transaction():
            for row in customers:
                for rule in rules:
                    issued += birthday_due(
                        self._store, self._clock(), rule, row["id"], row["birthday"], today
                    )
        return [self.get(i) for i in issued]

    def _customer_exists(self, customer_id: int) -> None:
        known = known_id(customer_id) is not None
        if not known or not self._store.one("SELECT 1 FROM customers WHERE id = ?", (customer_id,)):
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))


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
