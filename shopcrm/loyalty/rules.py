"""Loyalty rules: what the shop gives back for coming again, set by the owner.

A rule earns a reward every N visits, every X of spending, before a birthday, on the first
purchase (welcome), or when someone the customer referred makes a first purchase. The reward
is a percent off, an amount off or a named gift, valid for some days.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import money, number, percent
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.money import parse_amount
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.common.whole import parse_whole
from shopcrm.storage.store import Row, Store


class RuleKind(StrEnum):
    """What earns the reward."""

    VISITS = "visits"
    SPENDING = "spending"
    BIRTHDAY = "birthday"
    WELCOME = "welcome"
    REFERRAL = "referral"


class RewardKind(StrEnum):
    """What the reward is."""

    PERCENT = "percent"
    AMOUNT = "amount"
    GIFT = "gift"


MAX_VISITS = 1000
MAX_DAYS_BEFORE = 60
MAX_VALID_DAYS = 3650
MAX_GIFT = 100
_PERCENT_SIGN = re.compile(r"^\s*%|%\s*$")


@dataclass(frozen=True)
class LoyaltyRule:
    """A rule. ``every_spending`` and an amount ``value`` are in kuruş; a percent is 1-100."""

    id: int
    kind: RuleKind
    every_visits: int
    every_spending: int
    days_before: int
    reward: RewardKind
    value: int
    gift: str
    valid_days: int
    active: bool
    created_at: str
    updated_at: str
    counts_from: str = ""
    """The date from which visits and spending count ("" for all history)."""

    def description(self, currency: str = "TRY") -> str:
        """What the rule says, for the shopkeeper: "Every 4 visits: 10% off".

        Each kind of rule has its own whole sentence with the reward in it, so that a language
        may put the reward where it belongs ("Her 4 ziyarette %10 indirim").
        """
        reward = describe_reward(self.reward, self.value, self.gift, currency)
        if self.kind is RuleKind.VISITS:
            if self.every_visits == 1:
                return _("Every visit: {reward}").format(reward=reward)
            return ngettext(
                "Every {n} visit: {reward}", "Every {n} visits: {reward}", self.every_visits
            ).format(n=number(self.every_visits), reward=reward)
        if self.kind is RuleKind.SPENDING:
            return _("Every {amount} spent: {reward}").format(
                amount=money(self.every_spending, currency), reward=reward
            )
        if self.kind is RuleKind.BIRTHDAY:
            if self.days_before == 0:
                return _("On the birthday: {reward}").format(reward=reward)
            return ngettext(
                "{n} day before the birthday: {reward}",
                "{n} days before the birthday: {reward}",
                self.days_before,
            ).format(n=number(self.days_before), reward=reward)
        if self.kind is RuleKind.WELCOME:
            return _("First purchase: {reward}").format(reward=reward)
        return _("Bringing a new customer: {reward}").format(reward=reward)

    def condition(self, currency: str = "TRY") -> str:
        """What earns the reward, without the reward: "Every 4 visits"."""
        if self.kind is RuleKind.VISITS:
            if self.every_visits == 1:
                return _("Every visit")
            return ngettext("Every {n} visit", "Every {n} visits", self.every_visits).format(
                n=number(self.every_visits)
            )
        if self.kind is RuleKind.SPENDING:
            return _("Every {amount} spent").format(amount=money(self.every_spending, currency))
        if self.kind is RuleKind.BIRTHDAY:
            if self.days_before == 0:
                return _("On the birthday")
            return ngettext(
                "{n} day before the birthday", "{n} days before the birthday", self.days_before
            ).format(n=number(self.days_before))
        if self.kind is RuleKind.WELCOME:
            return _("First purchase")
        return _("Bringing a new customer")


def describe_reward(kind: RewardKind, value: int, gift: str, currency: str = "TRY") -> str:
    """What a reward is worth, as a phrase of its own: "10% off", "₺100,00 off", "a mug as a
    gift" (in Turkish "%10 indirim", "₺100,00 indirim", "kupa hediye")."""
    if kind is RewardKind.PERCENT:
        return _("{value} off").format(value=percent(value))
    if kind is RewardKind.AMOUNT:
        return _("{value} off").format(value=money(value, currency))
    return _("{gift} as a gift").format(gift=gift)


RULE_COLUMNS = (
    "id, kind, every_visits, every_spending, days_before, reward, value, gift, valid_days, "
    "active, created_at, updated_at, counts_from"
)


def rule_from_row(row: Row) -> LoyaltyRule:
    """Build a ``LoyaltyRule`` from a row selected with ``RULE_COLUMNS``."""
    return LoyaltyRule(
        id=row["id"],
        kind=RuleKind(row["kind"]),
        every_visits=row["every_visits"],
        every_spending=row["every_spending"],
        days_before=row["days_before"],
        reward=RewardKind(row["reward"]),
        value=row["value"],
        gift=row["gift"],
        valid_days=row["valid_days"],
        active=bool(row["active"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        counts_from=row["counts_from"],
    )


CatchUp = Callable[[LoyaltyRule], object]
"""Issues what a rule has earned every customer and not given (inside the caller's
transaction). Supplied by ``Shop`` (see ``shopcrm.loyalty.recount.catch_up``)."""


class RuleService:
    """Add, change, pause and list the shop's loyalty rules."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        settings: SettingsReader = Settings,
        catch_up: CatchUp | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._catch_up = catch_up

    def all(self, include_paused: bool = True) -> list[LoyaltyRule]:
        """The rules, oldest first."""
        where = "" if include_paused else "WHERE active = 1"
        rows = self._store.query(f"SELECT {RULE_COLUMNS} FROM loyalty_rules {where} ORDER BY id")
        return [rule_from_row(r) for r in rows]

    def get(self, rule_id: int) -> LoyaltyRule:
        """The rule with this id; ``NotFound`` if there is none."""
        row = self._store.one(f"SELECT {RULE_COLUMNS} FROM loyalty_rules WHERE id = ?", (rule_id,))
        if row is None:
            raise NotFound(_("There is no rule number {id}.").format(id=rule_id))
        return rule_from_row(row)

    def add(
        self,
        kind: RuleKind | str,
        reward: RewardKind | str,
        value: int | str = 0,
        gift: str = "",
        valid_days: int = 90,
        every_visits: int = 0,
        every_spending: int | str = 0,
        days_before: int = 0,
        count_past: bool = False,
    ) -> LoyaltyRule:
        """Add a rule, active at once. Values that make no sense raise ``InvalidInput``.

        The rule counts visits and spending from today on, so that it does not pay out the
        whole past at once; ``count_past`` makes it count all history too.

        ``value`` is a percent (1-100) for a percent reward, an amount ("100" lira, or kuruş
        as an ``int``) for an amount reward; ``every_spending`` is an amount too.
        """
        fields = _validated(
            self._settings().currency,
            kind=kind,
            reward=reward,
            value=value,
            gift=gift,
            valid_days=valid_days,
            every_visits=every_visits,
            every_spending=every_spending,
            days_before=days_before,
        )
        now = self._clock()
        fields.update(
            created_at=iso(now),
            updated_at=iso(now),
            counts_from="" if count_past else now.date().isoformat(),
        )
        with self._store.transaction():
            cursor = self._store.execute(
                f"INSERT INTO loyalty_rules ({', '.join(fields)}) "
                f"VALUES ({', '.join(':' + k for k in fields)})",
                fields,
            )
        return self.get(int(cursor.lastrowid or 0))

    def update(self, rule_id: int, **changes: Any) -> LoyaltyRule:
        """Change a rule. Rewards already issued keep what they were worth."""
        current = self.get(rule_id)
        allowed = {
            "reward",
            "value",
            "gift",
            "valid_days",
            "every_visits",
            "every_spending",
            "days_before",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"unknown rule fields: {sorted(unknown)}")
        merged = {
            "kind": current.kind,
            "reward": current.reward,
            "value": current.value,
            "gift": current.gift,
            "valid_days": current.valid_days,
            "every_visits": current.every_visits,
            "every_spending": current.every_spending,
            "days_before": current.days_before,
            **changes,
        }
        fields = _validated(self._settings().currency, **merged)
        fields["updated_at"] = iso(self._clock())
        fields["id"] = rule_id
        with self._store.transaction():
            assignments = ", ".join(f"{k} = :{k}" for k in fields if k not in ("id", "kind"))
            self._store.execute(f"UPDATE loyalty_rules SET {assignments} WHERE id = :id", fields)
        return self.get(rule_id)

    def pause(self, rule_id: int) -> LoyaltyRule:
        """Stop the rule from issuing rewards; issued ones stay valid."""
        return self._set_active(rule_id, False)

    def resume(self, rule_id: int) -> LoyaltyRule:
        """Let a paused rule issue rewards again: what customers earned while it was paused is
        issued at once, in the same transaction."""
        return self._set_active(rule_id, True)

    def _set_active(self, rule_id: int, active: bool) -> LoyaltyRule:
        was = self.get(rule_id)
        with self._store.transaction():
            self._store.execute(
                "UPDATE loyalty_rules SET active = ?, updated_at = ? WHERE id = ?",
                (int(active), iso(self._clock()), rule_id),
            )
            if active and not was.active and self._catch_up is not None:
                self._catch_up(self.get(rule_id))
        return self.get(rule_id)


def _validated(currency: str = "TRY", **fields: Any) -> dict[str, Any]:
    try:
        kind = RuleKind(fields["kind"])
    except ValueError:
        raise InvalidInput(
            _("Unknown kind of rule: {value}").format(value=quote(fields["kind"]))
        ) from None
    reward, value, gift = validated_reward(
        fields["reward"], fields.get("value", 0), fields.get("gift", ""), currency
    )
    out: dict[str, Any] = {"kind": kind.value, "reward": reward.value, "value": value, "gift": gift}
    out["every_visits"] = 0
    out["every_spending"] = 0
    out["days_before"] = 0
    if kind is RuleKind.VISITS:
        out["every_visits"] = _whole(fields.get("every_visits", 0))
        if not 1 <= out["every_visits"] <= MAX_VISITS:
            raise InvalidInput(
                _("The number of visits must be between 1 and {n}.").format(n=MAX_VISITS)
            )
    if kind is RuleKind.SPENDING:
        out["every_spending"] = parse_amount(fields.get("every_spending") or 0, currency)
    if kind is RuleKind.BIRTHDAY:
        out["days_before"] = _whole(fields.get("days_before", 0))
        if not 0 <= out["days_before"] <= MAX_DAYS_BEFORE:
            raise InvalidInput(
                _("The days before the birthday must be between 0 and {n}.").format(
                    n=MAX_DAYS_BEFORE
                )
            )
    out["valid_days"] = validated_days(fields.get("valid_days", 0))
    return out


def validated_reward(
    reward: RewardKind | str, value: int | str, gift: str, currency: str = "TRY"
) -> tuple[RewardKind, int, str]:
    """What a reward is worth, checked: a percent 1-100 ("15", "%15" and "15 %" alike), an
    amount (read with ``parse_amount``; ``currency`` writes its limit), or a named gift."""
    try:
        kind = RewardKind(reward)
    except ValueError:
        raise InvalidInput(
            _("Unknown kind of reward: {value}").format(value=quote(reward))
        ) from None
    if kind is RewardKind.PERCENT:
        percent = parse_percent(value)
        if not 1 <= percent <= 100:
            raise InvalidInput(_("The discount must be between 1 and 100 percent."))
        return kind, percent, ""
    if kind is RewardKind.AMOUNT:
        return kind, parse_amount(value or 0, currency), ""
    gift = clean(gift, _("Gift"), MAX_GIFT)
    if not gift:
        raise InvalidInput(_("Please name the gift."))
    return kind, 0, gift


def parse_percent(value: int | str) -> int:
    """A whole percent as typed in either language: "15", "%15", "15%" or "15 %"."""
    if isinstance(value, str):
        value = _PERCENT_SIGN.sub("", value)
    return _whole(value)


def validated_days(valid_days: int | str) -> int:
    """How many days a reward is valid, checked."""
    days = _whole(valid_days)
    if not 1 <= days <= MAX_VALID_DAYS:
        raise InvalidInput(_("A reward must be valid for 1 to {n} days.").format(n=MAX_VALID_DAYS))
    return days


def _whole(value: Any) -> int:
    """A whole number typed or given (ASCII digits only), or ``InvalidInput``."""
    return parse_whole(value)
