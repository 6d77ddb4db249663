"""Reading the values other programs write: dates in every shape the sources use, amounts with
a decimal comma or point, counts, and yes/no answers. Each reader returns the value or raises
``InvalidInput`` saying what is wrong."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import MINOR_PER_MAJOR, number
from shopcrm.common.i18n import _
from shopcrm.common.money import MAX_AMOUNT
from shopcrm.people.birthdays import EARLIEST_YEAR, TypedDay

MAX_VISITS = 10_000
"""As many visits as an opening balance may bring (the loyalty engine's own bound)."""

_NO_DATE = frozenset({"0/0/00", "0/0/0000", "00.00.0000", "0000-00-00", "--", "-"})
"""What Outlook and others write for "no date"."""
_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")
_NO_YEAR = re.compile(r"--(\d{2})-?(\d{2})")
_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}|\d{2}))?")
_SLASHES = re.compile(r"(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?")
_YES = frozenset({"yes", "y", "true", "1", "x", "evet", "e", "var", "subscribed", "opted in"})
_NO = frozenset(
    {
        "no",
        "n",
        "false",
        "0",
        "hayir",
        "hayır",
        "yok",
        "unsubscribed",
        "not subscribed",
        "not_subscribed",
        "never subscribed",
        "pending",
        "opted out",
        "opted_out",
        "invalid",
    }
)


def read_date(text: str, month_first: bool, today: date) -> TypedDay | None:
    """A date as a file writes it: "15.04.1985" (day first, with dots), "1985-04-15",
    "19850415", "--04-15" and "--0415" (no year), "04-15" or "04/15/1985" from a source that
    writes the month first, else "15/04/1985". A year 0000 or before 1900 means unknown.
    "" and the sources' "no date" marks give None; a day that does not exist raises."""
    text = text.strip()
    if not text or text in _NO_DATE:
        return None
    if found := _ISO.fullmatch(text):
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    elif found := _NO_YEAR.fullmatch(text):
        year, month, day = 0, int(found[1]), int(found[2])
    elif found := _DOTS.fullmatch(text):
        day, month, year = int(found[1]), int(found[2]), _year(found[3])
    elif found := _SLASHES.fullmatch(text):
        first, second, year = int(found[1]), int(found[2]), _year(found[3])
        month, day = (first, second) if month_first else (second, first)
    else:
        raise InvalidInput(_("“{text}” is not a date.").format(text=quote(text)))
    if year < EARLIEST_YEAR:
        year = 0
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February exists
    except ValueError:
        raise InvalidInput(_("There is no such day: {text}").format(text=quote(text))) from None
    if year > today.year:
        raise InvalidInput(_("The year is still to come: {text}").format(text=quote(text)))
    return TypedDay(month, day, year or None)


def _year(text: str | None) -> int:
    if not text:
        return 0
    year = int(text)
    if len(text) == 2:
        return 0 if year == 0 else 1900 + year if year > 30 else 2000 + year
    return year


def read_amount(text: str, decimal_comma: bool) -> int:
    """Money spent, in kuruş: "1.250,50", "1250,5", "$1,250.50", "1250.50 TL". With both marks
    the last one is the decimal mark; with one, ``decimal_comma`` (a Turkish file) decides,
    except a mark followed by three digits, which groups thousands."""
    cleaned = re.sub(r"[^\d.,\-]", "", text)
    if not cleaned:
        if re.search(r"\d", text) is None and not text.strip():
            return 0
        raise InvalidInput(_("“{text}” is not an amount.").format(text=quote(text)))
    if cleaned.startswith("-"):
        raise InvalidInput(_("The amount cannot be negative: {text}").format(text=quote(text)))
    has_comma, has_dot = "," in cleaned, "." in cleaned
    if has_comma and has_dot:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
    elif has_comma or has_dot:
        mark = "," if has_comma else "."
        after = cleaned.rsplit(mark, 1)[1]
        many = cleaned.count(mark) > 1
        if many or len(after) == 3:
            decimal = "." if mark == "," else ","  # grouping only
        else:
            decimal = mark if (mark == ",") == decimal_comma or len(after) <= 2 else ""
    else:
        decimal = "."
    group = "." if decimal == "," else ","
    plain = cleaned.replace(group, "").replace(decimal, ".") if decimal else cleaned
    try:
        value = Decimal(plain)
    except InvalidOperation:
        raise InvalidInput(_("“{text}” is not an amount.").format(text=quote(text))) from None
    minor = int((value * MINOR_PER_MAJOR).to_integral_value())
    if minor > MAX_AMOUNT:
        raise InvalidInput(
            _("The amount can be at most {max}: {text}").format(
                max=number(MAX_AMOUNT // MINOR_PER_MAJOR), text=quote(text)
            )
        )
    return minor


def read_count(text: str) -> int:
    """A count of visits: "12", "12.0", "1.234" (grouped); "" is none."""
    cleaned = text.strip()
    if not cleaned:
        return 0
    if re.fullmatch(r"\d+(?:[.,]0+)?", cleaned):
        count = int(re.split(r"[.,]", cleaned)[0])
    elif re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", cleaned):
        count = int(re.sub(r"[.,]", "", cleaned))
    else:
        raise InvalidInput(_("“{text}” is not a number of visits.").format(text=quote(text)))
    if count > MAX_VISITS:
        raise InvalidInput(
            _("At most {max} visits can be brought in: {text}").format(
                max=number(MAX_VISITS), text=quote(text)
            )
        )
    return count


def read_yes_no(text: str) -> bool | None:
    """Whether a file says yes ("yes", "evet", "subscribed", "x"...) or no; None when it says
    nothing readable (which gives no consent)."""
    word = " ".join(text.replace("_", " ").strip().casefold().split())
    if word in _YES:
        return True
    if word in _NO or not word:
        return False if word else None
    return None
