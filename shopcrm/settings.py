"""The shop's settings: its name and address, language, currency, what counts as a visit, and
how careful the counter is (the amount it asks about, what a voucher's rest becomes).

A change that rewrites the meaning of what is already recorded (another currency relabels every
past amount; another visit rule recounts every customer and their rewards) is never made
silently: ``update`` raises ``NeedsConfirmation`` saying exactly what would happen, and is called
again with ``confirmed=True`` once the owner agrees.

The values themselves live in ``shopcrm.common.preferences`` (every wing reads them); this
module stores, checks and changes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

from shopcrm.common.cleaning import as_text, clean, quote
from shopcrm.common.errors import InvalidInput, NeedsConfirmation
from shopcrm.common.formatting import money, number
from shopcrm.common.i18n import LANGUAGES, _, ngettext
from shopcrm.common.money import parse_amount
from shopcrm.common.preferences import (
    CURRENCIES,
    DAY_COUNTS,
    DEFAULT_LARGE_AMOUNT,
    WHOLE_COUNTS,
    Settings,
    VisitRule,
    VoucherRest,
)
from shopcrm.common.whole import parse_whole
from shopcrm.loyalty import visits
from shopcrm.loyalty.visits import Recount
from shopcrm.storage.store import Store

MAX_TEXT = 300
MAX_PHONE = 40

VisitRecounter = Callable[[VisitRule, bool], Recount]
"""Counts visits again under a rule and settles the rewards (inside the caller's transaction);
with True it is a trial whose changes are rolled back. Supplied by ``Shop``."""
SettingsSaved = Callable[[Settings, Settings], None]
"""Told the settings before and after each saved change, inside its transaction (``Shop``
hands the print queue's, which notes when a print rule is switched on)."""


class SettingsService:
    """Read and change the shop's settings."""

    def __init__(
        self,
        store: Store,
        recount: VisitRecounter | None = None,
        saved: SettingsSaved | None = None,
    ) -> None:
        self._store = store
        self._recount = recount
        self._saved = saved

    def get(self) -> Settings:
        """The current settings, with defaults for anything never set."""
        stored = {
            r["key"]: r["value"] for r in self._store.query("SELECT key, value FROM settings")
        }
        values: dict[str, Any] = {
            f.name: stored[f.name] for f in fields(Settings) if f.name in stored
        }
        if "visit_rule" in values:
            values["visit_rule"] = VisitRule(values["visit_rule"])
        whole = ("large_amount", "print_thank_you_over", "print_occasion_days", "segment_vip_spent")
        for name in (*whole, *DAY_COUNTS, *WHOLE_COUNTS):
            if name in values:
                values[name] = int(values[name])
        for name in ("print_welcome", "print_we_miss_you"):
            if name in values:
                values[name] = values[name] == "True"
        if "voucher_rest" in values:
            values["voucher_rest"] = VoucherRest(values["voucher_rest"])
        return Settings(**values)

    def update(self, confirmed: bool = False, **changes: Any) -> Settings:
        """Change some settings.

        Another currency relabels every amount already recorded, and another visit rule
        recounts every customer's visits and rewards: unless ``confirmed``, such a change raises
        ``NeedsConfirmation`` saying what it would do, and changes nothing.
        """
        current = self.get()
        known = {f.name for f in fields(Settings)}
        unknown = set(changes) - known
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        new = replace(current, **_validated(changes, current.currency))
        _check_together(new)
        recount = new.visit_rule != current.visit_rule
        if not confirmed:
            warnings = []
            if new.currency != current.currency:
                warnings += self._currency_warning(current.currency, new.currency)
            if recount:
                warnings += self._recount_warning(new.visit_rule)
            if warnings:
                raise NeedsConfirmation("\n\n".join(warnings))
        with self._store.transaction():
            for name in changes:
                self._store.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (name, str(getattr(new, name))),
                )
            if recount:
                if self._recount is not None:
                    self._recount(new.visit_rule, False)
                else:
                    visits.refresh(self._store, new.visit_rule)
            if self._saved is not None:
                self._saved(current, new)
        return new

    def _currency_warning(self, old: str, new: str) -> list[str]:
        """What another currency does to the amounts already recorded (nothing if none)."""
        row = self._store.one("SELECT count(*) AS n FROM purchases")
        purchases = int(row["n"]) if row else 0
        vouchers = self._store.one("SELECT 1 AS x FROM rewards WHERE reward = 'amount' LIMIT 1")
        if not purchases and vouchers is None:
            return []
        return [
            ngettext(
                "{n} purchase is already recorded.",
                "{n} purchases are already recorded.",
                purchases,
            ).format(n=purchases),
            _(
                "The currency only changes the sign: amounts are not converted. Every amount "
                "already recorded (purchases, vouchers, rules) will read in the new currency: "
                "{before} becomes {after}."
            ).format(before=money(100_000, old), after=money(100_000, new)),
        ]

    def _recount_warning(self, rule: VisitRule) -> list[str]:
        """What counting visits another way would change (nothing if nothing changes)."""
        if self._recount is None:
            return []
        impact = self._recount(rule, True)
        if not impact.changes_anything:
            return []
        lines = [
            ngettext(
                "Counting visits this way changes the visit count of {n} customer.",
                "Counting visits this way changes the visit count of {n} customers.",
                impact.customers,
            ).format(n=impact.customers)
        ]
        if impact.issued:
            lines.append(
                ngettext(
                    "{n} reward will be issued.", "{n} rewards will be issued.", impact.issued
                ).format(n=impact.issued)
            )
        if impact.taken_back:
            lines.append(
                ngettext(
                    "{n} unused reward will be taken back.",
                    "{n} unused rewards will be taken back.",
                    impact.taken_back,
                ).format(n=impact.taken_back)
            )
        return [" ".join(lines)]


def _validated(changes: dict[str, Any], currency: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("large_amount", "print_thank_you_over"):
            value = 0 if value in (0, "0", "") else parse_amount(value, currency)
        elif name == "segment_vip_spent":
            if value in (0, "0", ""):
                raise InvalidInput(_("The spending that makes a VIP must be more than zero."))
            value = parse_amount(value, currency)
        elif name in WHOLE_COUNTS:
            value = _whole_count(name, value)
        elif name in ("print_welcome", "print_we_miss_you"):
            if not isinstance(value, bool):
                raise InvalidInput(_("Unknown choice: {value}").format(value=quote(value)))
        elif name == "print_occasion_days":
            value = parse_whole(value)
            if not 0 <= value <= 90:
                raise InvalidInput(_("Cards for occasions are printed 0 to 90 days ahead."))
        elif name in DAY_COUNTS:
            value = _day_count(name, value)
        elif name == "voucher_rest":
            try:
                value = VoucherRest(value)
            except ValueError:
                raise InvalidInput(
                    _("Unknown choice: {value}").format(value=quote(value))
                ) from None
        elif name == "language":
            if not isinstance(value, str) or value not in ("", *LANGUAGES):
                raise InvalidInput(_("Unknown language: {value}").format(value=quote(value)))
        elif name == "currency":
            value = as_text(value).strip().upper()
            if value not in CURRENCIES:
                raise InvalidInput(_("Unknown currency: {value}").format(value=quote(value)))
        elif name == "visit_rule":
            try:
                value = VisitRule(value)
            except ValueError:
                raise InvalidInput(
                    _("Unknown visit rule: {value}").format(value=quote(value))
                ) from None
        else:
            longest = MAX_PHONE if name == "phone" else MAX_TEXT
            value = clean(value, _field_label(name), longest, multiline=name == "address")
        out[name] = value
    return out


def _day_count(name: str, value: object) -> int:
    """A number of days for the setting ``name``, within its bounds."""
    low, high = DAY_COUNTS[name]
    days = parse_whole(value)
    if not low <= days <= high:
        raise InvalidInput(
            _("{field} must be between {low} and {high} days.").format(
                field=_field_label(name), low=number(low), high=number(high)
            )
        )
    return days


def _whole_count(name: str, value: object) -> int:
    """A number of visits or years for the setting ``name``, within its bounds."""
    low, high = WHOLE_COUNTS[name]
    count = parse_whole(value)
    if not low <= count <= high:
        raise InvalidInput(
            _("{field} must be between {low} and {high}.").format(
                field=_field_label(name), low=number(low), high=number(high)
            )
        )
    return count


def _check_together(settings: Settings) -> None:
    """Refuse limits that contradict each other: a customer is at risk before they are lapsed."""
    if settings.segment_at_risk_days >= settings.lapsed_first_days:
        raise InvalidInput(
            _(
                "A customer is at risk before they are lapsed: the days for “at risk” "
                "({at_risk}) must be fewer than the days of the first win-back call ({lapsed})."
            ).format(
                at_risk=number(settings.segment_at_risk_days),
                lapsed=number(settings.lapsed_first_days),
            )
        )


def _field_label(name: str) -> str:
    labels = {
        "shop_name": _("Shop name"),
        "address": _("Address"),
        "phone": _("Phone"),
        "upcoming_days": _("Upcoming occasions"),
        "notice_birthday": _("Notice before a birthday"),
        "notice_wedding": _("Notice before a wedding anniversary"),
        "notice_engagement": _("Notice before an engagement anniversary"),
        "notice_child_birthday": _("Notice before a child's birthday"),
        "notice_child_graduation": _("Notice before a child's graduation"),
        "notice_name_day": _("Notice before a name day"),
        "notice_other": _("Notice before another occasion"),
        "lapsed_first_days": _("First win-back call"),
        "lapsed_second_days": _("Second win-back call"),
        "lapsed_third_days": _("Third win-back call"),
        "expiring_reward_days": _("Rewards about to expire"),
        "segment_new_days": _("Days a customer counts as new"),
        "segment_at_risk_days": _("Days away before a customer is at risk"),
        "segment_vip_visits": _("Visits that make a VIP"),
        "repeat_window_days": _("Repeat window"),
        "clv_years": _("Years of lifetime value"),
        "complaint_target_days": _("Complaint answer target"),
        "backup_budget": _("Room for backups"),
    }
    return labels.get(name, name)


__all__ = [
    "CURRENCIES",
    "DEFAULT_LARGE_AMOUNT",
    "Settings",
    "SettingsSaved",
    "SettingsService",
    "VisitRecounter",
    "VisitRule",
    "VoucherRest",
]
