"""Birthdays as people give them: day and month, with or without the year."""

from __future__ import annotations

import re
from datetime import date

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

_DAY_FIRST = re.compile(r"([0-9]{1,2})[./\-\s]([0-9]{1,2})(?:[./\-\s]([0-9]{4}))?")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
EARLIEST_YEAR = 1900


def parse_birthday(text: str, today: date | None = None) -> str | None:
    """ "15.03", "15/03/1980" or "1980-03-15" as stored ("03-15", "1980-03-15"); "" gives None.

    An impossible date (31.02, 29.02.1981) or a year in the future raises ``InvalidInput``.
    """
    typed = text
    text = text.strip()
    if not text:
        return None
    iso = _ISO.fullmatch(text)
    day_first = _DAY_FIRST.fullmatch(text)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif day_first:
        day, month = int(day_first[1]), int(day_first[2])
        year = int(day_first[3]) if day_first[3] else 0
    else:
        raise InvalidInput(
            _("“{text}” is not a valid date. Type it like 15.03 or 15.03.1980").format(
                text=quote(typed)
            )
        )
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February is a real birthday
    except ValueError:
        raise InvalidInput(_("There is no such day: {text}").format(text=text)) from None
    if year and not EARLIEST_YEAR <= year <= (today or date.today()).year:
        raise InvalidInput(_("Please check the year of the birthday: {text}").format(text=text))
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def month_day(birthday: str) -> tuple[int, int]:
    """The month and day of a stored birthday."""
    month, day = birthday[-5:].split("-")
    return int(month), int(day)


def in_year(birthday: str, year: int) -> date:
    """The day the birthday is kept in ``year``: 29 February falls on 28 February in other years."""
    month, day = month_day(birthday)
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, 2, 28)


def next_birthday(birthday: str, today: date) -> date:
    """The first birthday on or after ``today``."""
    this_year = in_year(birthday, today.year)
    return this_year if this_year >= today else in_year(birthday, today.year + 1)
