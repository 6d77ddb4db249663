"""What an occasion may be: its kinds, and the checks of what a person gives for one (an
impossible date, a year still to come for a yearly date, an "other" without a name, too long
texts, days of notice out of bounds), each refusal naming its field."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from shopcrm.common.cleaning import as_text, clean, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.common.whole import parse_whole
from shopcrm.people import birthdays
from shopcrm.people.birthdays import EARLIEST_YEAR, LATEST_YEAR, TypedDay

MAX_WHOSE = 100
MAX_LABEL = 100
MAX_NOTE = 300
MAX_NOTICE = 90
"""Days of notice an occasion may ask for (the database holds no more)."""


class OccasionKind(StrEnum):
    """What an occasion is."""

    BIRTHDAY = "birthday"
    WEDDING = "wedding"
    ENGAGEMENT = "engagement"
    CHILD_BIRTHDAY = "child_birthday"
    CHILD_GRADUATION = "child_graduation"
    NAME_DAY = "name_day"
    OTHER = "other"


EVERY_YEAR = frozenset({OccasionKind.BIRTHDAY, OccasionKind.CHILD_BIRTHDAY, OccasionKind.NAME_DAY})
"""Kinds that come every year, never once."""
AGES = frozenset({OccasionKind.BIRTHDAY, OccasionKind.CHILD_BIRTHDAY})
"""Kinds whose year is a birth year: the number is an age."""
ANNIVERSARIES = frozenset({OccasionKind.WEDDING, OccasionKind.ENGAGEMENT, OccasionKind.OTHER})
"""Kinds whose yearly return is counted ("10. evlilik yıl dönümü")."""


FIELDS = ("kind", "whose", "label", "on", "yearly", "note", "notice_days")
"""What a person gives for an occasion, in the order of the occasion form."""


def check_fields(given: dict[str, Any], today: date) -> tuple[dict[str, Any], dict[str, str]]:
    """An occasion's fields as columns, and the message of each field refused."""
    values: dict[str, Any] = {}
    refused: dict[str, str] = {}
    try:
        kind = OccasionKind(as_text(given["kind"]))
    except ValueError:
        kind = None
        refused["kind"] = _("“{kind}” is not a kind of occasion.").format(kind=quote(given["kind"]))
    yearly = bool(given["yearly"])
    for key, check in (
        ("whose", lambda: clean(given["whose"], _("Whose"), MAX_WHOSE)),
        ("label", lambda: clean(given["label"], _("Occasion"), MAX_LABEL)),
        ("on", lambda: _typed_day(given["on"], kind, yearly, today)),
        ("note", lambda: clean(given["note"], _("Note"), MAX_NOTE)),
        ("notice_days", lambda: _notice_days(given["notice_days"])),
    ):
        try:
            values[key] = check()
        except InvalidInput as error:
            refused[key] = str(error)
    if kind is not None:
        values["kind"] = kind.value
        if kind is OccasionKind.OTHER and "label" in values and not values["label"]:
            refused["label"] = _("Please name the occasion, e.g. “Shop opening”.")
        if kind is not OccasionKind.OTHER:
            values["label"] = ""
        if kind in EVERY_YEAR and not yearly:
            refused["yearly"] = _("A birthday or a name day comes every year.")
    values["yearly"] = int(yearly)
    typed = values.pop("on", None)
    if typed is not None:
        values.update(month=typed.month, day=typed.day, year=typed.year)
    ordered = {key: refused[key] for key in ("kind", *FIELDS) if key in refused}
    return values, ordered


def _typed_day(value: object, kind: OccasionKind | None, yearly: bool, today: date) -> TypedDay:
    text = as_text(value) if not isinstance(value, date) else value.strftime("%d.%m.%Y")
    typed = birthdays.read_day(text)
    if typed is None:
        raise InvalidInput(_("Please give the date, like 15.03 or 15.03.1980."))
    shown = quote(text.strip())
    if typed.year is not None and not EARLIEST_YEAR <= typed.year <= LATEST_YEAR:
        raise InvalidInput(_("Please check the year: {text}").format(text=shown))
    if not yearly and typed.year is None:
        raise InvalidInput(_("A date that comes once needs its year, like 15.03.2026."))
    if yearly and typed.year is not None and typed.year > today.year:
        if kind in AGES:
            message = _("Please check the year of the birthday: {text}")
            raise InvalidInput(message.format(text=shown))
        raise InvalidInput(
            _(
                "Please check the year: {text} is still to come. For a date still to come, "
                "choose “Once”."
            ).format(text=shown)
        )
    return typed


def _notice_days(value: object) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    days = parse_whole(value)
    if not 0 <= days <= MAX_NOTICE:
        raise InvalidInput(_("The days of notice must be between 0 and {n}.").format(n=MAX_NOTICE))
    return days
