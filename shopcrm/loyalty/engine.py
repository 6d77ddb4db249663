"""Earning rewards: balances of visits and spending, what they have earned, and progress.

Balances are always computed from the purchases and the adjustments, never kept as running
totals. ``settle`` makes the issued rewards agree with what the balances have earned: it
issues every missing cycle (whatever order the purchases came in), and after a void or a
downward adjustment takes back what is no longer earned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopcrm.common.cleaning import clean
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day, money, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.money import MAX_AMOUNT, parse_amount
from shopcrm.common.preferences import SettingsReader
from shopcrm.common.whole import parse_whole
from shopcrm.loyalty import rewards
from shopcrm.loyalty.rewards import REWARD_COLUMNS, Reward, reward_from_row
from shopcrm.loyalty.rules import (
    RULE_COLUMNS,
    LoyaltyRule,
    RuleKind,
    describe_reward,
    rule_from_row,
)
from shopcrm.loyalty.visits import VisitRule, visits_sql
from shopcrm.people import birthdays
from shopcrm.people.records import birthday_of
from shopcrm.storage.store import Row, Store

ALMOST_SHARE = 10
"""Within this percent of a spending threshold, a customer is "almost there"."""
MAX_ADJUSTED_VISITS = 10_000
MAX_REASON = 200


@dataclass(frozen=True)
class Balance:
    """What counts toward the rules: visits and spending (kuruş), adjustments included."""

    visits: int
    spending: int
    purchases: int


@dataclass(frozen=True)
class Progress:
    """How far a customer is toward one rule's next reward."""

    rule: LoyaltyRule
    text: str
    almost: bool
    done: int
    target: int


def balance(store: Store, customer_id: int, rule: VisitRule, since: str = "") -> Balance:
    """The customer's visits and spending from non-voided purchases plus adjustments, counting
    from the date ``since`` ("" for all history)."""
    row = store.one(
        f"""
        SELECT {visits_sql(rule)} AS visits, coalesce(sum(amount - discount), 0) AS spending,
               count(*) AS purchases
        FROM purchases WHERE customer_id = ? AND voided_at IS NULL AND purchased_at >= ?
        """,
        (customer_id, since),
    )
    extra = store.one(
        "SELECT coalesce(sum(visits), 0) AS visits, coalesce(sum(spending), 0) AS spending "
        "FROM adjustments WHERE customer_id = ? AND created_at >= ?",
        (customer_id, since),
    )
    assert row is not None and extra is not None
    return Balance(
        visits=max(0, row["visits"] + extra["visits"]),
        spending=max(0, row["spending"] + extra["spending"]),
        purchases=row["purchases"],
    )


class _Balances:
    """Balances of one customer by the date rules count from: computed once per date."""

    def __init__(self, store: Store, customer_id: int, rule: VisitRule) -> None:
        self._args = (store, customer_id, rule)
        self._known: dict[str, Balance] = {}

    def since(self, start: str) -> Balance:
        if start not in self._known:
            self._known[start] = balance(*self._args, since=start)
        return self._known[start]


def cycles_earned(rule: LoyaltyRule, have: Balance) -> int:
    """How many rewards a rule has earned from a balance (from scratch)."""
    if rule.kind is RuleKind.VISITS:
        return have.visits // rule.every_visits
    if rule.kind is RuleKind.SPENDING:
        return have.spending // rule.every_spending
    if rule.kind is RuleKind.WELCOME:
        return 1 if have.purchases else 0
    return 0


def active_rules(store: Store) -> list[LoyaltyRule]:
    """The rules that issue rewards now."""
    rows = store.query(f"SELECT {RULE_COLUMNS} FROM loyalty_rules WHERE active = 1 ORDER BY id")
    return [rule_from_row(r) for r in rows]


def settle(
    store: Store,
    now: datetime,
    customer_id: int,
    visit_rule: VisitRule,
    earned_by: int | None = None,
    take_back_reason: str | None = None,
) -> None:
    """Issue what the customer has earned and not received; with ``take_back_reason`` (after
    a void or a downward adjustment) also take back what is no longer earned.

    Runs inside the transaction of the change that called it. A referral reward goes to the
    referrer when the referred customer has a first purchase.
    """
    rules = active_rules(store)
    if not rules:
        return
    balances = _Balances(store, customer_id, visit_rule)
    held = _held(store, customer_id)
    customer = store.one(
        f"SELECT {birthday_of()} AS birthday, referred_by FROM customers WHERE id = ?",
        (customer_id,),
    )
    assert customer is not None
    referrer = customer["referred_by"]
    referrer_held = _held(store, referrer) if referrer is not None else {}
    settled = settled_cycles(store, customer_id)
    for rule in rules:
        have = balances.since(rule.counts_from)
        if rule.kind in ROUND_KINDS:
            earned = cycles_earned(rule, have)
            for cycle in range(settled.get(rule.id, 0) + 1, earned + 1):
                if (rule.id, cycle) not in held:
                    rewards.issue_for_rule(store, now, rule, customer_id, cycle, earned_by)
            if take_back_reason:
                for (rule_id, cycle), reward in held.items():
                    if rule_id == rule.id and cycle > earned:
                        rewards.take_back(store, now, reward, take_back_reason)
        elif rule.kind is RuleKind.BIRTHDAY and customer["birthday"]:
            rewards.birthday_due(store, now, rule, customer_id, customer["birthday"], now.date())
        elif rule.kind is RuleKind.REFERRAL:
            # The referrer is rewarded once per customer they brought: the cycle is that customer.
            given = referrer_held.get((rule.id, customer_id)) if referrer is not None else None
            if referrer is not None and have.purchases and given is None:
                rewards.issue_for_rule(store, now, rule, referrer, customer_id, earned_by)
            elif given is not None and not have.purchases and take_back_reason:
                rewards.take_back(store, now, given, take_back_reason)
            if take_back_reason:
                # A referral reward of this customer's, given back by a void, may no longer be
                # earned: the customer it was for has no purchase left.
                for (rule_id, brought), reward in held.items():
                    unused = rule_id == rule.id and reward.redeemed_at is None
                    if unused and not _has_purchases(store, brought):
                        rewards.take_back(store, now, reward, take_back_reason)


def _has_purchases(store: Store, customer_id: int) -> bool:
    return (
        store.one(
            "SELECT 1 FROM purchases WHERE customer_id = ? AND voided_at IS NULL LIMIT 1",
            (customer_id,),
        )
        is not None
    )


ROUND_KINDS = (RuleKind.VISITS, RuleKind.SPENDING, RuleKind.WELCOME)
"""The rules that reward rounds of a balance (cycle 1, 2, ...)."""


def settled_cycles(store: Store, customer_id: int) -> dict[int, int]:
    """Per rule, the rounds the customer completed before the shop kept them here: no reward is
    issued for them (``LoyaltyService.adjust(..., already_rewarded=True)``)."""
    rows = store.query(
        "SELECT rule_id, cycles FROM settled_cycles WHERE customer_id = ?", (customer_id,)
    )
    return {int(r["rule_id"]): int(r["cycles"]) for r in rows}


def settle_past_rounds(store: Store, customer_id: int, visit_rule: VisitRule) -> None:
    """Mark every round the customer's balance completes now as settled (rewarded elsewhere,
    before): the next reward is the next round's."""
    balances = _Balances(store, customer_id, visit_rule)
    for rule in active_rules(store):
        if rule.kind in ROUND_KINDS:
            store.execute(
                "INSERT INTO settled_cycles (customer_id, rule_id, cycles) VALUES (?, ?, ?) "
                "ON CONFLICT (customer_id, rule_id) DO UPDATE "
                "SET cycles = max(cycles, excluded.cycles)",
                (customer_id, rule.id, cycles_earned(rule, balances.since(rule.counts_from))),
            )


def _held(store: Store, customer_id: int) -> dict[tuple[int, int], Reward]:
    """The customer's non-voided rule rewards, by rule and cycle."""
    rows = store.query(
        f"SELECT {REWARD_COLUMNS} FROM rewards WHERE customer_id = ? "
        "AND rule_id IS NOT NULL AND voided_at IS NULL",
        (customer_id,),
    )
    held = {}
    for row in rows:
        reward = reward_from_row(row)
        held[(int(reward.rule_id or 0), int(reward.cycle or 0))] = reward
    return held


class LoyaltyService:
    """Balances, progress toward the rules, and opening balances from paper stamp cards."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings

    def balance(self, customer_id: int) -> Balance:
        """The customer's visits and spending as the rules count them."""
        self._customer(customer_id)
        return balance(self._store, customer_id, self._settings().visit_rule)

    def progress(self, customer_id: int) -> list[Progress]:
        """How far the customer is toward each active rule ("2 more visits to 10% off")."""
        customer = self._customer(customer_id)
        settings = self._settings()
        balances = _Balances(self._store, customer_id, settings.visit_rule)
        out = []
        for rule in active_rules(self._store):
            have = balances.since(rule.counts_from)
            reward = describe_reward(rule.reward, rule.value, rule.gift, settings.currency)
            if rule.kind is RuleKind.VISITS:
                done = have.visits % rule.every_visits
                left = rule.every_visits - done
                text = ngettext(
                    "{n} more visit to {reward}", "{n} more visits to {reward}", left
                ).format(n=number(left), reward=reward)
                out.append(Progress(rule, text, left == 1, done, rule.every_visits))
            elif rule.kind is RuleKind.SPENDING:
                done = have.spending % rule.every_spending
                left = rule.every_spending - done
                text = _("{amount} more to {reward}").format(
                    amount=money(left, settings.currency), reward=reward
                )
                almost = left * 100 <= rule.every_spending * ALMOST_SHARE
                out.append(Progress(rule, text, almost, done, rule.every_spending))
            elif rule.kind is RuleKind.WELCOME and not have.purchases:
                text = _("First purchase: {reward}").format(reward=reward)
                out.append(Progress(rule, text, True, 0, 1))
            elif rule.kind is RuleKind.BIRTHDAY and customer["birthday"]:
                today = self._clock().date()
                coming = birthdays.next_birthday(str(customer["birthday"]), today)
                if coming == today:
                    text = _("Birthday today: {reward}").format(reward=reward)
                else:
                    text = _("Birthday on {date}: {reward}").format(date=day(coming), reward=reward)
                out.append(Progress(rule, text, False, 0, 1))
        return out

    def adjust(
        self,
        customer_id: int,
        visits: int | str = 0,
        spending: int | str = 0,
        reason: str = "",
        already_rewarded: bool = False,
    ) -> None:
        """Add visits and/or spending that count toward the rules (an opening balance from a
        paper stamp card, or a correction: negative numbers take away). Rewards follow at once.

        ``already_rewarded``: the balance is history whose rewards were given elsewhere (a till's
        lifetime counts, imported): it counts toward the next reward, and the rounds it completes
        issue nothing.
        """
        self._customer(customer_id)
        settings = self._settings()
        reason = clean(reason, _("Reason"), MAX_REASON)
        if not reason:
            raise InvalidInput(_("Please give a reason for the adjustment."))
        add_visits = _signed_whole(visits)
        if abs(add_visits) > MAX_ADJUSTED_VISITS:
            raise InvalidInput(_("That is too many visits: please check the number."))
        add_spending = _signed_amount(spending, settings.currency)
        if not add_visits and not add_spending:
            raise InvalidInput(_("Please give the visits or the spending to add."))
        now = self._clock()
        with self._store.transaction():
            self._store.execute(
                "INSERT INTO adjustments (customer_id, visits, spending, reason, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (customer_id, add_visits, add_spending, reason, iso(now)),
            )
            if already_rewarded:
                settle_past_rounds(self._store, customer_id, settings.visit_rule)
            decreased = add_visits < 0 or add_spending < 0
            settle(
                self._store,
                now,
                customer_id,
                settings.visit_rule,
                take_back_reason=_("Taken back: an adjustment lowered the balance.")
                if decreased
                else None,
            )

    def _customer(self, customer_id: int) -> Row:
        row = self._store.one(
            f"SELECT id, {birthday_of()} AS birthday FROM customers WHERE id = ?", (customer_id,)
        )
        if row is None:
            raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
        return row


def _signed_whole(value: int | str) -> int:
    """Visits to add or (with a minus) take away; "" is none."""
    if isinstance(value, str) and not value.strip():
        return 0
    return parse_whole(value, signed=True)


def _signed_amount(value: int | str, currency: str) -> int:
    """Spending to add or (with a minus) take away, typed or in kuruş; "", "0" and "-0" are
    none."""
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_AMOUNT:
            raise InvalidInput(
                _("The amount can be at most {max}.").format(max=money(MAX_AMOUNT, currency))
            )
        return value
    text = str(value).strip()
    if not text or text in ("0", "-0"):
        return 0
    if text.startswith(("-", "−")):
        return -parse_amount(text[1:], currency)
    return parse_amount(text, currency)
