"""What the shop types into the contact log, checked: summaries, names, scores, reasons, days.

Each check returns the value fit to store or raises a translated ``InvalidInput``; the services
check everything before they open a transaction, so a refusal changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from shopcrm.common.cleaning import as_text, clean
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.common.moments import day_ahead, happened_at
from shopcrm.common.whole import parse_whole

MAX_SUMMARY = 1000
MAX_NAME = 100
MAX_REASON = 200
MAX_RESOLUTION = 1000
LOWEST_SCORE, HIGHEST_SCORE = 1, 5


def checked_summary(value: object) -> str:
    """What the contact was about: required, at most ``MAX_SUMMARY`` characters."""
    summary = clean(value, _("Summary"), MAX_SUMMARY, multiline=True)
    if not summary:
        raise InvalidInput(_("Please write a short summary of the contact."))
    return summary


def checked_recorder(value: object) -> str:
    """Who in the shop recorded it: a free name, or nothing."""
    return clean(value, _("Recorded by"), MAX_NAME)


def checked_when(value: object, now: datetime) -> datetime:
    """When the contact happened: now for None; never in the future."""
    return happened_at(value, now, _("A contact cannot be dated in the future."))


def checked_follow_up(value: object, today: date) -> date | None:
    """The day to follow the contact up, or None for none ("" too); never in the past."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return day_ahead(value, today, _("A follow-up cannot be in the past."))


def checked_score(value: object, survey: bool) -> int | None:
    """A survey answer's score, from 1 to 5; other entries have none."""
    empty = value is None or (isinstance(value, str) and not value.strip())
    if not survey:
        if not empty:
            raise InvalidInput(_("Only a survey answer has a score."))
        return None
    if empty:
        raise InvalidInput(_("Please give the survey's score, from 1 to 5."))
    try:
        score = parse_whole(value)
    except InvalidInput:
        score = 0
    if not LOWEST_SCORE <= score <= HIGHEST_SCORE:
        raise InvalidInput(_("A survey's score is a whole number from 1 to 5."))
    return score


def checked_reason(value: object) -> str:
    """Why an entry is voided: required, at most ``MAX_REASON`` characters."""
    reason = clean(value, _("Reason"), MAX_REASON)
    if not reason:
        raise InvalidInput(_("Please give a reason for voiding the entry."))
    return reason


def checked_note(value: object) -> str:
    """An optional word on why an entry was corrected."""
    return clean(as_text(value), _("Reason"), MAX_REASON)


def checked_resolution(value: object) -> str:
    """What was done about a complaint: required to resolve it."""
    resolution = clean(value, _("What was done"), MAX_RESOLUTION, multiline=True)
    if not resolution:
        raise InvalidInput(_("Please write what was done about the complaint."))
    return resolution
