"""What the shop has set, as plain values every wing may read: currency, what counts as a
visit, the amount the counter asks about, what a voucher's rest becomes.

They are stored and changed by ``shopcrm.settings`` at the top; the services below it are handed
a way to read them (``SettingsReader``) instead of reaching up for the settings service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

CURRENCIES = ("TRY", "EUR", "USD", "GBP")
DEFAULT_LARGE_AMOUNT = 5_000_000
"""50.000 ₺: a purchase above this asks "is it right?" before it is logged."""


class VisitRule(StrEnum):
    """Each day with a purchase is one visit (the default), or every purchase is one."""

    EACH_DAY = "day"
    EACH_PURCHASE = "purchase"


class VoucherRest(StrEnum):
    """What happens when an amount voucher is worth more than what is left to pay."""

    KEEP = "keep"
    """The rest becomes a new voucher of the same owner, valid as long."""
    REFUSE = "refuse"
    """The voucher is refused for that purchase: use it with a larger one."""


@dataclass(frozen=True)
class Settings:
    """The shop's settings. ``language`` is "" to follow the system; ``large_amount`` is in
    kuruş (0: never ask)."""

    shop_name: str = ""
    address: str = ""
    phone: str = ""
    language: str = ""
    currency: str = "TRY"
    visit_rule: VisitRule = VisitRule.EACH_DAY
    large_amount: int = DEFAULT_LARGE_AMOUNT
    voucher_rest: VoucherRest = VoucherRest.KEEP
    upcoming_days: int = 7
    """How many days ahead the upcoming occasions are listed."""
    notice_birthday: int = 7
    """Days of notice before an occasion of each kind (an occasion may set its own)."""
    notice_wedding: int = 7
    notice_engagement: int = 7
    notice_child_birthday: int = 7
    notice_child_graduation: int = 7
    notice_name_day: int = 3
    notice_other: int = 7
    lapsed_first_days: int = 182
    """A customer away this long (6 months) is called to win them back; again at the second
    (1 year) and third (2 years) limits."""
    lapsed_second_days: int = 365
    lapsed_third_days: int = 730
    expiring_reward_days: int = 14
    """A reward that expires unredeemed within this many days is a reason to call."""
    repeat_window_days: int = 90
    """A customer repeats when their second visit comes within this many days of their first."""
    clv_years: int = 3
    """The years a customer is expected to stay, for the lifetime value's estimate."""
    complaint_target_days: int = 2
    """A complaint should be answered within this many days."""
    print_welcome: bool = False
    """Print rule: a welcome card after a customer's first purchase."""
    print_thank_you_over: int = 0
    """Print rule: a thank-you card after a purchase over this amount (kuruş; 0: off)."""
    print_occasion_days: int = 0
    """Print rule: a card for each occasion this many days ahead (0: off)."""
    print_we_miss_you: bool = False
    """Print rule: a "we miss you" letter when a customer passes the first win-back limit."""
    segment_new_days: int = 60
    """A customer who joined fewer days ago than this is new (``shopcrm.numbers.segments``)."""
    segment_at_risk_days: int = 60
    """A customer away this many days or more is at risk (lapsed from ``lapsed_first_days``)."""
    segment_vip_visits: int = 20
    """A customer with this many visits or more is a VIP..."""
    segment_vip_spent: int = 1_000_000
    """...and so is one who spent this much or more (kuruş: 10.000 ₺)."""
    backup_budget: int = 3
    """All the backups together take at most this many times the database's size (the newest
    backup, and the last good one before a problem, are kept whatever their size)."""

    @property
    def keeps_rest(self) -> bool:
        """Whether an amount voucher's unused rest becomes a new voucher."""
        return self.voucher_rest is VoucherRest.KEEP


DAY_COUNTS: dict[str, tuple[int, int]] = {
    "upcoming_days": (1, 366),
    "notice_birthday": (0, 90),
    "notice_wedding": (0, 90),
    "notice_engagement": (0, 90),
    "notice_child_birthday": (0, 90),
    "notice_child_graduation": (0, 90),
    "notice_name_day": (0, 90),
    "notice_other": (0, 90),
    "lapsed_first_days": (30, 3650),
    "lapsed_second_days": (30, 3650),
    "lapsed_third_days": (30, 3650),
    "expiring_reward_days": (0, 365),
    "segment_new_days": (1, 3650),
    "segment_at_risk_days": (7, 3650),
    "repeat_window_days": (1, 3650),
    "complaint_target_days": (1, 90),
}
"""The settings that count days, with the smallest and largest number each takes."""

WHOLE_COUNTS: dict[str, tuple[int, int]] = {
    "segment_vip_visits": (1, 100_000),
    "clv_years": (1, 20),
    "backup_budget": (1, 50),
}
"""The settings that count something else than days (visits, years), with their bounds."""

SettingsReader = Callable[[], Settings]
"""Reads the shop's settings as they are now (``Shop`` hands out ``shop.settings.get``)."""
