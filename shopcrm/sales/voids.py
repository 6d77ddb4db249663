"""Why a purchase was voided.

The shop picks the reason from a short list, stored as a code so that it reads right in either
language ("Yanlış tutar" in Turkish, "Wrong amount" in English, whoever voided it); "other"
needs a note in the shopkeeper's own words, and any reason may carry one.
"""

from __future__ import annotations

from enum import StrEnum

from shopcrm.common.cleaning import as_text, clean
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

MAX_NOTE = 200


class VoidReason(StrEnum):
    """Why a purchase no longer counts."""

    UNDONE = "undone"
    """Undone at the counter right after it was logged (Ctrl+Z)."""
    WRONG_AMOUNT = "wrong_amount"
    WRONG_CUSTOMER = "wrong_customer"
    ENTERED_TWICE = "entered_twice"
    RETURNED = "returned"
    OTHER = "other"


def reason_titles() -> dict[VoidReason, str]:
    """What each reason is called, in the current language (for lists and menus)."""
    return {
        VoidReason.UNDONE: _("Undone at the counter"),
        VoidReason.WRONG_AMOUNT: _("Wrong amount"),
        VoidReason.WRONG_CUSTOMER: _("Wrong customer"),
        VoidReason.ENTERED_TWICE: _("Entered twice"),
        VoidReason.RETURNED: _("Returned"),
        VoidReason.OTHER: _("Other reason"),
    }


def checked_reason(reason: VoidReason | str, note: str = "") -> tuple[VoidReason, str]:
    """The reason's code and its note, checked.

    ``reason`` is a ``VoidReason`` (or its value), or the shopkeeper's own words, which are kept
    as the note of an "other" reason. An "other" reason without words is refused.
    """
    try:
        code = VoidReason(reason)
    except ValueError:
        code, note = VoidReason.OTHER, f"{as_text(reason)} {as_text(note)}"
    note = clean(note, _("Reason"), MAX_NOTE)
    if code is VoidReason.OTHER and not note:
        raise InvalidInput(_("Please give a reason for voiding the purchase."))
    return code, note


def describe(code: str | None, note: str) -> str:
    """The reason as the shop reads it now: "Wrong amount", "Returned: torn wrapping"."""
    try:
        title = reason_titles()[VoidReason(code or VoidReason.OTHER)]
    except ValueError:
        title = ""
    if code in (None, "", VoidReason.OTHER):
        return note or title
    return _("{reason}: {note}").format(reason=title, note=note) if note else title
