"""Dates and moments given to the core, as values or typed as text, checked one way everywhere.

A moment something happened (a call, a consent given) is never in the future (a few minutes of
clock difference between two computers aside) and never absurdly long ago; a day something is
to be done (a follow-up) is never in the past. Text is read as ISO ("2026-03-09T10:30",
"2026-03-09") or the way Turkish shops write a day ("09.03.2026"), in ASCII digits only.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from shopcrm.common.cleaning import as_text, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

EARLIEST = datetime(2000, 1, 1)
"""No shop's record goes back further: an earlier date is a typing mistake."""
CLOCK_SKEW = timedelta(minutes=5)
"""How far ahead of this computer's clock a moment may be (another till's clock, a slow one)."""
LATEST_DAY = date(2200, 12, 31)
_ISO_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?")
_DOTTED_DAY = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})")


def parse_moment(value: object) -> datetime:
    """A moment given as a ``datetime``, a ``date`` (its start) or ISO text, to the second and
    without a time zone; ``InvalidInput`` for anything else."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    text = as_text(value).strip()
    if isinstance(value, str) and _ISO_MOMENT.fullmatch(text):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidInput(_("“{text}” is not a date and time.").format(text=quote(value)))


def parse_day(value: object) -> date:
    """A day given as a ``date`` (a ``datetime``'s day), ISO text ("2026-03-15") or as Turkish
    shops write it ("15.03.2026"); ``InvalidInput`` for anything else or a day that does not
    exist (31.04.2026)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = as_text(value).strip()
    if isinstance(value, str):
        dotted = _DOTTED_DAY.fullmatch(text)
        try:
            if dotted:
                return date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
            if _ISO_MOMENT.fullmatch(text) and len(text) == len("2026-03-15"):
                return date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(_("There is no such day: {text}").format(text=quote(text))) from None
    raise InvalidInput(
        _("“{text}” is not a date. Type it like 15.03.2026.").format(text=quote(value))
    )


def happened_at(value: object, now: datetime, future: str) -> datetime:
    """When something happened: ``now`` for None, else the moment given, which may not be in
    the future (``future`` is the refusal to give) nor before the year 2000."""
    if value is None:
        return now.replace(microsecond=0)
    moment = parse_moment(value)
    if moment > now + CLOCK_SKEW:
        raise InvalidInput(future)
    if moment < EARLIEST:
        raise InvalidInput(_("That date is too long ago. Please check it."))
    return moment


def day_ahead(value: object, today: date, past: str) -> date:
    """A day something is to be done: today or later (``past`` is the refusal of an earlier
    day), and not absurdly far ahead."""
    day = parse_day(value)
    if day < today:
        raise InvalidInput(past)
    if day > LATEST_DAY:
        raise InvalidInput(_("That date is too far ahead. Please check it."))
    return day
