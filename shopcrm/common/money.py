"""Money as integer minor units (kuruş), and reading amounts the way the language writes them.

In Turkish the comma marks the decimals and the dot groups thousands ("1.250,50"); in English
the reverse ("1,250.50"). An amount typed in the other language's way is refused with an example,
never guessed: "0,001" or "0.500" must not silently become a thousand times more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol

from shopcrm.common.cleaning import as_text, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import MINOR_PER_MAJOR, amount_input, money
from shopcrm.common.i18n import _, babel_locale

MAX_AMOUNT = 1_000_000 * MINOR_PER_MAJOR
"""The largest single amount accepted: anything above is a typing mistake at a small shop."""
_MAX_WHOLE_DIGITS = len(str(MAX_AMOUNT // MINOR_PER_MAJOR)) + 2
"""More digits than this before the decimals is over the limit: refused before ``int()``."""

_CURRENCY_WORDS = ("TRY", "TL", "USD", "EUR", "GBP")
_MINUS = ("-", "−")


def parse_amount(value: str | int, currency: str = "TRY") -> int:
    """Read an amount typed the way the current language writes numbers; return it in kuruş.

    In Turkish "1.250,50", "1250,5", "₺1.250" and "250 TL" are understood, in English
    "1,250.50" and "$1,250.50": digits (0-9 only), optionally grouped by three with the
    language's group mark, optionally followed by its decimal mark and one or two digits.
    Currency signs and spaces around or inside the number do not matter. An ``int`` is taken to
    be kuruş already. Anything else, zero, negative and absurd amounts (over ``MAX_AMOUNT``,
    written in ``currency`` in the message) raise ``InvalidInput`` that shows how to write it.
    """
    if isinstance(value, bool):
        raise InvalidInput(_("The amount is not a number."))
    if isinstance(value, int):
        return _checked(value, currency)
    typed = as_text(value)
    text = typed.strip()
    if text.startswith(_MINUS):
        raise InvalidInput(_("The amount must be more than zero."))
    text = re.sub(r"\s+", "", _edges(currency).sub("", text))
    if not text:
        raise InvalidInput(_("Please type an amount."))
    if text.startswith(_MINUS):
        raise InvalidInput(_("The amount must be more than zero."))
    match = _grammar(babel_locale()).fullmatch(text)
    if match is None:
        raise _unreadable(typed)
    whole = re.sub(r"[^0-9]", "", match["whole"])
    if len(whole.lstrip("0")) > _MAX_WHOLE_DIGITS:
        raise _over_limit(currency)
    fraction = (match["fraction"] or "").ljust(2, "0")
    return _checked(int(whole) * MINOR_PER_MAJOR + int(fraction), currency)


@lru_cache(maxsize=8)
def _edges(currency: str) -> re.Pattern[str]:
    """Currency signs, codes and spaces at either end of a typed amount."""
    words = {*_CURRENCY_WORDS, currency.upper()} if currency.isalpha() else set(_CURRENCY_WORDS)
    mark = r"(?:[₺$€£]|(?<![A-Za-z])(?:" + "|".join(sorted(words)) + r")(?![A-Za-z]))"
    return re.compile(rf"^(?:\s|{mark})+|(?:\s|{mark})+$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _grammar(locale: str) -> re.Pattern[str]:
    """An amount as ``locale`` writes it: ungrouped digits, or groups of three after a first
    group of one to three that does not start with 0; then at most two decimals."""
    group = re.escape(get_group_symbol(locale))
    decimal = re.escape(get_decimal_symbol(locale))
    return re.compile(
        rf"(?P<whole>[0-9]+|[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})+)"
        rf"(?:{decimal}(?P<fraction>[0-9]{{1,2}}))?"
    )


def _unreadable(text: str) -> InvalidInput:

    return InvalidInput(
        _("“{text}” is not a valid amount: write it like {example}.").format(
            text=quote(text), example=amount_input(125050)
        )
    )


def _over_limit(currency: str) -> InvalidInput:

    return InvalidInput(
        _("The amount can be at most {max}.").format(max=money(MAX_AMOUNT, currency))
    )


def _checked(minor: int, currency: str) -> int:
    if minor <= 0:
        raise InvalidInput(_("The amount must be more than zero."))
    if minor > MAX_AMOUNT:
        raise _over_limit(currency)
    return minor
