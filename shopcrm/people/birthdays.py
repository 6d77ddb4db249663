"""Yearly dates as people give them: day and month, with or without the year.

The date arithmetic every yearly date shares (birthdays, anniversaries, name days): reading
"15.03", "15.03.1980" or "1980-03-15", and finding the day a date is kept on in a given year.
29 February is kept on 28 February in a year that has none.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

_DAY_FIRST = re.compile(r"([0-9]{1,2})[./\-\s]([0-9]{1,2})(?:[./\-\s]([0-9]{4}))?")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
"""The years a date may have (the database holds no other)."""


class TypedDay(NamedTuple):
    """A day and a month as typed, with the year when it was given."""

    month: int
    day: int
    year: int | None

    @property
    def stored(self) -> str:
        """As a birthday is stored: "03-15", or "1980-03-15" with the year."""
        if self.year is None:
            return f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def typed(self) -> str:
        """The way it is typed: "15.03", or "15.03.1980" with the year."""
        short = f"{self.day:02d}.{self.month:02d}"
        return short if self.year is None else f"{short}.{self.year:04d}"


def read_day(text: str) -> TypedDay | None:
    """ "15.03", "15/03/1980" or "1980-03-15" as a ``TypedDay``; "" gives None.

    A shape that is not a date, or a day that does not exist (31.04, 29.02.1981; 29.02 alone
    is a real day), raises ``InvalidInput``. The year's bounds are the caller's to check.
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
    return TypedDay(month, day, year or None)


def read_birthday(text: str, today: date | None = None) -> TypedDay | None:
    """A birthday as typed ("15.03", "15/03/1980", "1980-03-15"); "" gives None.

    An impossible date (31.02, 29.02.1981) or a year in the future raises ``InvalidInput``.
    """
    typed = read_day(text)
    if typed is None:
        return None
    if typed.year is not None and not EARLIEST_YEAR <= typed.year <= (today or date.today()).year:
        raise InvalidInput(
            _("Please check the year of the birthday: {text}").format(text=quote(text.strip()))
        )
    return typed


def parse_birthday(text: str, today: date | None = None) -> str | None:
    """ "15.03", "15/03/1980" or "1980-03-15" as stored ("03-15", "1980-03-15"); "" gives None.

    An impossible date (31.02, 29.02.1981) or a year in the future raises ``InvalidInput``.
    """
    typed = read_birthday(text, today)
    return typed.stored if typed else None


def kept_on(month: int, day: int, year: int) -> date:
    """The day a yearly date of ``month`` and ``day`` is kept in ``year``: 29 February falls on
    28 February in a year without one."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_on(month: int, day: int, today: date) -> date:
    """The first day on or after ``today`` that a yearly date of ``month`` and ``day`` is kept."""
    this_year = kept_on(month, day, today.year)
    return this_year if this_year >= today else kept_on(month, day, today.year + 1)


def month_day(birthday: str) -> tuple[int, int]:
    """The month and day of a stored birthday."""
    month, day = birthday[-5:].split("-")
    return int(month), int(day)


def in_year(birthday: str, year: int) -> date:
    """The day the birthday is kept in ``year``: 29 February falls on 28 February in other years."""
    return kept_on(*month_day(birthday), year)


def next_birthday(birthday: str, today: date) -> date:
    """The first birthday on or after ``today``."""
    return next_on(*month_day(birthday), today)
