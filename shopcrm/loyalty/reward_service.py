"""``RewardService``: the way in for the counter and the owner to look up, give, hand over and
void rewards and vouchers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from shopcrm.common.cleaning import as_text, clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day, money
from shopcrm.common.i18n import _
from shopcrm.common.money import parse_amount
from shopcrm.common.whole import known_id, parse_whole
from shopcrm.loyalty import vouchers
from shopcrm.loyalty.redemption import mark_redeemed, status_message, usable
from shopcrm.loyalty.rewards import (
    MAX_GIFT_VOUCHERS,
    MAX_NOTE,
    MAX_REASON,
    REWARD_COLUMNS,
    Reward,
    RewardStatus,
    VoucherLookup,
    birthday_due,
    issue,
    reward_from_row,
)
from shopcrm.loyalty.rules import (
    RULE_COLUMNS,
    RewardKind,
    RuleKind,
    rule_from_row,
    validated_days,
    validated_reward,
)
from shopcrm.people.records import CUSTOMER_COLUMNS, KNOWN_BIRTHDAYS, customer_from_row
from shopcrm.storage.store import Store


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
            message = status_message(self._store, reward, status, self._currency())
        return VoucherLookup(code, status.value, reward, customer, message)

    def hand_over(self, reward_id: int) -> Reward:
        """Mark a gift as handed over (without a purchase)."""
        reward = self.get(reward_id)
        if reward.reward is not RewardKind.GIFT:
            raise InvalidInput(_("A discount is used with a purchase; only a gift is handed over."))
        now = self._clock()
        with self._store.transaction():
            current = usable(
                self._store, [reward_id], reward.customer_id, now.date(), self._currency()
            )
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
            raise InvalidInput(
                status_message(self._store, reward, RewardStatus.USED, self._currency())
            )
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
        customers = self._store.query(KNOWN_BIRTHDAYS)
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
