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

    @property
    def keeps_rest(self) -> bool:
        """Whether an amount voucher's unused rest becomes a new voucher."""
        return self.voucher_rest is VoucherRest.KEEP


SettingsReader = Callable[[], Settings]
"""Reads the shop's settings as they are now (``Shop`` hands out ``shop.settings.get``)."""
