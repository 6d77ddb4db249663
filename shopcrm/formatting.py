"""Money, numbers and dates written for the shop's language, with Babel."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from shopcrm.i18n import babel_locale
from shopcrm.money import MINOR_PER_MAJOR


def money(minor: int, currency: str = "TRY", language: str | None = None) -> str:
    """Kuruş as the shop writes them: "₺1.250,50" in Turkish, "₺1,250.50" in English."""
    return str(format_currency(minor / MINOR_PER_MAJOR, currency, locale=babel_locale(language)))


def amount_input(minor: int, language: str | None = None) -> str:
    """Kuruş as an editable number without the currency sign: "1.250,50"."""
    return str(format_decimal(minor / MINOR_PER_MAJOR, "#,##0.00", locale=babel_locale(language)))


def day(value: str | date | datetime | None, language: str | None = None, style: str = "medium") -> str:
    """A date ("23 Kas 2026"); "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    return str(format_date(value, style, locale=babel_locale(language)))


def moment(value: str | datetime | None, language: str | None = None) -> str:
    """A date and time ("23 Kas 2026 16:05"); "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    loc = babel_locale(language)
    return f"{format_date(value.date(), 'medium', locale=loc)} {format_time(value, 'short', locale=loc)}"
