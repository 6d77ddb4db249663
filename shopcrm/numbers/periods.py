"""The periods the numbers are computed for: a calendar month, a calendar year, or any range of
days, each with the period just before it to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from babel.dates import format_date, format_skeleton

from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _, babel_locale
from shopcrm.common.moments import EARLIEST, parse_day

MAX_AHEAD_DAYS = 366
"""A custom period may end at most this far after today: further is a typing mistake."""


class PeriodKind(StrEnum):
    """A calendar month, a calendar year, or a range of days the owner chose."""

    MONTH = "month"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True)
class Period:
    """The days from ``start`` to ``end``, both included."""

    kind: PeriodKind
    start: date
    end: date

    @property
    def days(self) -> int:
        """How many days the period has."""
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period to compare with: the month before, the year before, or as many days as
        this one has, ending the day before it starts."""
        if self.kind is PeriodKind.MONTH:
            return _month(self.start - timedelta(days=1))
        if self.kind is PeriodKind.YEAR:
            return _year(self.start.year - 1)
        end = self.start - timedelta(days=1)
        return Period(PeriodKind.CUSTOM, end - timedelta(days=self.days - 1), end)

    def title(self, language: str | None = None) -> str:
        """The period as the owner reads it: "Aralık 2026", "2026", "1 Kas – 15 Kas 2026"."""
        loc = babel_locale(language)
        if self.kind is PeriodKind.MONTH:
            return str(format_skeleton("yMMMM", self.start, locale=loc))
        if self.kind is PeriodKind.YEAR:
            return str(self.start.year)
        last = str(format_date(self.end, "medium", locale=loc))
        if self.start == self.end:
            return last
        if self.start.year == self.end.year:
            first = str(format_skeleton("MMMd", self.start, locale=loc))
        else:
            first = str(format_date(self.start, "medium", locale=loc))
        return f"{first} – {last}"

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end


def _month(day: date) -> Period:
    start = day.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return Period(PeriodKind.MONTH, start, following - timedelta(days=1))


def _year(year: int) -> Period:
    return Period(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))


def this_month(today: date) -> Period:
    """The calendar month of ``today``, all of it (the days still to come have no sales)."""
    return _month(today)


def last_month(today: date) -> Period:
    """The calendar month before the one of ``today``."""
    return _month(today.replace(day=1) - timedelta(days=1))


def this_year(today: date) -> Period:
    """The calendar year of ``today``, all of it."""
    return _year(today.year)


def custom(start: date | str, end: date | str, today: date | None = None) -> Period:
    """The days from ``start`` to ``end``, both included (a ``date``, or text as the shop types
    it: "01.11.2026"). ``InvalidInput`` when the end is before the start, the start before the
    year 2000, or the end more than a year after ``today`` (the computer's day by default)."""
    first, last = parse_day(start), parse_day(end)
    if last < first:
        raise InvalidInput(_("The period ends before it starts. Please check the dates."))
    if first < EARLIEST.date():
        raise InvalidInput(_("That date is too long ago. Please check it."))
    if last > (today or date.today()) + timedelta(days=MAX_AHEAD_DAYS):
        raise InvalidInput(_("That date is too far ahead. Please check it."))
    return Period(PeriodKind.CUSTOM, first, last)
