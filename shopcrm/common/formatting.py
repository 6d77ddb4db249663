"""Money, numbers and dates written for the shop's language, with Babel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent

from shopcrm.common.i18n import babel_locale

MINOR_PER_MAJOR = 100
"""Kuruş in a lira (cents in a dollar...): money is kept as an integer of minor units."""
_HOME_LOCALE = {"TRY": "tr_TR", "EUR": "de_DE", "USD": "en_US", "GBP": "en_GB"}


def money(minor: int, currency: str = "TRY", language: str | None = None) -> str:
    """Kuruş as the shop writes them: "₺1.250,50" in Turkish, "₺1,250.50" in English.

    The sign is the currency's own (₺), even where the language would spell out its code.
    """
    loc = Locale.parse(babel_locale(language))
    value = Decimal(minor) / MINOR_PER_MAJOR
    symbol = _symbol(loc, currency)
    pattern = loc.currency_formats["standard"].pattern.replace("¤", "'" + symbol + "'")
    return str(format_decimal(value, pattern, locale=loc))


def currency_sign(currency: str = "TRY", language: str | None = None) -> tuple[str, bool]:
    """The currency's sign and whether the language writes it before the amount: ("₺", True).

    Forms show it beside an amount box on the same side as ``money`` puts it.
    """
    loc = Locale.parse(babel_locale(language))
    return _symbol(loc, currency), _sign_first(loc.currency_formats["standard"].pattern, "¤")


def percent_sign(language: str | None = None) -> tuple[str, bool]:
    """The percent sign and whether the language writes it first: ("%", True) in Turkish (%10),
    ("%", False) in English (10%)."""
    loc = Locale.parse(babel_locale(language))
    pattern = loc.percent_formats[None].pattern
    return loc.number_symbols["latn"]["percentSign"], _sign_first(pattern, "%")


def _symbol(loc: Locale, currency: str) -> str:
    symbol = str(loc.currency_symbols.get(currency, currency))
    if symbol == currency and currency in _HOME_LOCALE:
        symbol = Locale.parse(_HOME_LOCALE[currency]).currency_symbols.get(currency, currency)
    return symbol


def _sign_first(pattern: str, sign: str) -> bool:
    positive = pattern.split(";")[0]
    digits = min(i for i in (positive.find("#"), positive.find("0")) if i >= 0)
    return positive.find(sign) < digits


def number(value: int, language: str | None = None) -> str:
    """A whole number grouped the way the language writes it: "100.000" in Turkish.

    Both languages group by thousands, so only the group mark is Babel's: read once per
    language, it keeps a list of thousands of numbers fast to show.
    """
    return f"{value:,}".replace(",", _group_mark(babel_locale(language)))


@lru_cache(maxsize=8)
def _group_mark(locale: str) -> str:
    return str(Locale.parse(locale).number_symbols["latn"]["group"])


def percent(value: int, language: str | None = None) -> str:
    """A whole percent the way the language writes it: "%10" in Turkish, "10%" in English."""
    return str(format_percent(value / 100, locale=babel_locale(language)))


def amount_input(minor: int, language: str | None = None) -> str:
    """Kuruş as an editable number without the currency sign, the way ``parse_amount`` reads
    it back in the same language: "1.250,50" in Turkish, "1,250.50" in English."""
    return str(
        format_decimal(Decimal(minor) / MINOR_PER_MAJOR, "#,##0.00", locale=babel_locale(language))
    )


def day(
    value: str | date | datetime | None, language: str | None = None, style: str = "medium"
) -> str:
    """A date ("23 Kas 2026"); "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    return _day(value, babel_locale(language), style)


@lru_cache(maxsize=2048)
def _day(value: date, locale: str, style: str) -> str:
    """Babel's date, remembered: a list shows the same few hundred days over and over."""
    return str(format_date(value, style, locale=locale))


def moment(value: str | datetime | None, language: str | None = None) -> str:
    """A date and time ("23 Kas 2026 16:05"); "" for none."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    loc = babel_locale(language)
    when = format_time(value, "short", locale=loc)
    return f"{format_date(value.date(), 'medium', locale=loc)} {when}"


def file_size(size: int, language: str | None = None) -> str:
    """Bytes as people read them: "12,3 MB" in Turkish, "12.3 MB" in English (1 MB is 10⁶)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            shown = format_decimal(size / scale, "#,##0.0", locale=babel_locale(language))
            return f"{shown} {unit}"
    return f"{number(size, language)} B"
