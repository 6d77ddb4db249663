"""How long a number of days reads: "6 months", "1 year", "2 days"."""

from __future__ import annotations

from shopcrm.common.i18n import ngettext

DAYS_A_MONTH = 365.25 / 12


def span(days: int) -> str:
    """A number of days as people say it: in years when whole years, in months when close to
    whole months (182 days: "6 months"), in days otherwise."""
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return ngettext("{n} year", "{n} years", years).format(n=years)
    months = round(days / DAYS_A_MONTH)
    if days >= 28 and abs(days - months * DAYS_A_MONTH) <= 2:
        return ngettext("{n} month", "{n} months", months).format(n=months)
    return ngettext("{n} day", "{n} days", days).format(n=days)
