"""Money as integer minor units (kuruş), and reading amounts the way a shopkeeper types them."""

from __future__ import annotations

import re

from shopcrm.errors import InvalidInput
from shopcrm.i18n import _

MINOR_PER_MAJOR = 100
MAX_AMOUNT = 1_000_000 * MINOR_PER_MAJOR
"""The largest single amount accepted: anything above is a typing mistake at a small shop."""

_CURRENCY_MARKS = re.compile(r"(₺|\bTRY\b|\bTL\b|\$|€|\s|\u00a0|\u202f)", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


def parse_amount(value: str | int) -> int:
    """Read an amount typed the Turkish or the plain way and return it in kuruş.

    "1.250,50", "1250,5", "1250.50", "₺1.250" and "250" are all understood; an ``int`` is taken
    to be kuruş already. Zero, negative, unreadable and absurd (over 1,000,000) amounts raise
    ``InvalidInput`` with a message for the shopkeeper.
    """
    if isinstance(value, bool):
        raise InvalidInput(_("The amount is not a number."))
    if isinstance(value, int):
        return _checked(value)
    text = _CURRENCY_MARKS.sub("", str(value))
    if not text:
        raise InvalidInput(_("Please type an amount."))
    if text.startswith("-"):
        raise InvalidInput(_("The amount must be more than zero."))
    if not re.fullmatch(r"[\d.,]+", text) or not text[0].isdigit():
        raise _unreadable(str(value))
    return _checked(_to_minor(text, str(value)))


def _to_minor(text: str, original: str) -> int:
    unreadable = _unreadable(original)
    last_dot, last_comma = text.rfind("."), text.rfind(",")
    decimal_at = -1
    if last_dot >= 0 and last_comma >= 0:
        decimal_at = max(last_dot, last_comma)
    elif last_dot >= 0 or last_comma >= 0:
        sep = "." if last_dot >= 0 else ","
        at = max(last_dot, last_comma)
        # One separator followed by exactly three digits groups thousands ("1.250", "1,250");
        # otherwise it marks the decimals ("12,5", "1250.50").
        decimal_at = -1 if text.count(sep) > 1 or len(text) - at - 1 == 3 else at
    whole, fraction = (text, "") if decimal_at < 0 else (text[:decimal_at], text[decimal_at + 1 :])
    if not fraction and decimal_at >= 0:
        raise unreadable
    if len(fraction) > 2 or (fraction and not fraction.isdigit()):
        raise InvalidInput(_("An amount has at most two digits after the comma."))
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise unreadable
    digits = "".join(groups)
    if not _DIGITS.fullmatch(digits):
        raise unreadable
    return int(digits) * MINOR_PER_MAJOR + int((fraction or "0").ljust(2, "0"))


def _unreadable(text: str) -> InvalidInput:
    from shopcrm.formatting import amount_input  # formatting builds on this module

    example = amount_input(125050)
    return InvalidInput(
        _("“{text}” is not an amount. Type it like {example}").format(text=text, example=example)
    )


def _checked(minor: int) -> int:
    if minor <= 0:
        raise InvalidInput(_("The amount must be more than zero."))
    if minor > MAX_AMOUNT:
        raise InvalidInput(_("That is more than 1.000.000 ₺: please check the amount."))
    return minor
