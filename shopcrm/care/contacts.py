"""The contact log: calls, letters, cards, gifts, visit notes, survey answers and complaints.

Per customer, newest first; each entry says what it was about, when it happened, who in the shop
recorded it and, if the shop means to come back to it, a follow-up day. An entry is never
deleted: a mistake is corrected (a new entry names the one it replaces, which is voided, in one
transaction) or voided with a reason.

This module says what an entry is; ``add_entry`` writes one inside the caller's transaction
(what marking an occasion or recording a call's outcome uses). ``shopcrm.care.contact_log``
(``shop.contacts``) checks what the shop typed and builds on it; complaints' status and response
times are ``shopcrm.care.complaints``'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from shopcrm.common.cleaning import quote
from shopcrm.common.clock import iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.whole import known_id
from shopcrm.storage.store import Row, Store

DAYS_SAID_AGO = 60
"""Up to this many days ago, the last contact reads "3 days ago"; further back, as a date."""


class ContactKind(StrEnum):
    """What kind of contact an entry records."""

    CALL = "call"
    LETTER = "letter"
    CARD = "card"
    GIFT = "gift"
    VISIT_NOTE = "visit_note"
    SURVEY = "survey"
    COMPLAINT = "complaint"


class ComplaintStatus(StrEnum):
    """Where a complaint stands: open until the shop resolves it."""

    OPEN = "open"
    RESOLVED = "resolved"


def kind_titles() -> dict[ContactKind, str]:
    """What each kind is called, in the current language (lists, menus)."""
    return {
        ContactKind.CALL: _("Call"),
        ContactKind.LETTER: _("Letter"),
        ContactKind.CARD: _("Card"),
        ContactKind.GIFT: _("Gift"),
        ContactKind.VISIT_NOTE: _("Visit note"),
        ContactKind.SURVEY: _("Survey answer"),
        ContactKind.COMPLAINT: _("Complaint"),
    }


def kind_words() -> dict[ContactKind, str]:
    """What each kind is called inside a sentence ("Last contact: today, call")."""
    return {
        ContactKind.CALL: _("call"),
        ContactKind.LETTER: _("letter"),
        ContactKind.CARD: _("card"),
        ContactKind.GIFT: _("gift"),
        ContactKind.VISIT_NOTE: _("visit note"),
        ContactKind.SURVEY: _("survey answer"),
        ContactKind.COMPLAINT: _("complaint"),
    }


@dataclass(frozen=True)
class ContactEntry:
    """One entry of a customer's contact log. Times are ISO local time, days ISO dates."""

    id: int
    customer_id: int
    kind: ContactKind
    summary: str
    happened_at: str
    recorded_by: str
    follow_up_on: str | None
    follow_up_done_at: str | None
    score: int | None
    """A survey answer's score, 1 to 5; None for other kinds."""
    status: ComplaintStatus | None
    """A complaint's status; None for other kinds."""
    resolution: str
    """What was done about a resolved complaint."""
    resolved_at: str | None
    occasion_id: int | None
    replaces_id: int | None
    """The voided entry this one corrects."""
    created_at: str
    voided_at: str | None
    void_reason: str
    replaced_by: int | None = None
    """The entry that corrects this one, if it was corrected."""

    @property
    def voided(self) -> bool:
        """Whether the entry was voided (or corrected): it stays on record but no longer counts."""
        return self.voided_at is not None

    @property
    def open_complaint(self) -> bool:
        """Whether this is a complaint still waiting to be resolved."""
        return self.status is ComplaintStatus.OPEN and not self.voided

    def follow_up_due(self, today: date) -> bool:
        """Whether its follow-up is due on or before ``today`` and not done yet."""
        return (
            self.follow_up_on is not None
            and self.follow_up_done_at is None
            and not self.voided
            and self.follow_up_on <= today.isoformat()
        )


@dataclass(frozen=True)
class LastContact:
    """When and how a customer was last contacted."""

    entry_id: int
    kind: ContactKind
    happened_at: str


COLUMNS = (
    "id, customer_id, kind, summary, happened_at, recorded_by, follow_up_on, follow_up_done_at, "
    "score, status, resolution, resolved_at, occasion_id, replaces_id, created_at, voided_at, "
    "void_reason, (SELECT n.id FROM contacts n WHERE n.replaces_id = contacts.id) AS replaced_by"
)
"""The columns of a ``ContactEntry``, to select from ``contacts`` (not aliased)."""


def entry_from_row(row: Row) -> ContactEntry:
    """Build a ``ContactEntry`` from a row selected with ``COLUMNS``."""
    values = dict(row)
    values["kind"] = ContactKind(values["kind"])
    values["status"] = ComplaintStatus(values["status"]) if values["status"] else None
    return ContactEntry(**values)


def add_entry(
    store: Store,
    now: datetime,
    customer_id: int,
    kind: ContactKind,
    summary: str,
    happened_at: datetime | None = None,
    recorded_by: str = "",
    follow_up_on: date | None = None,
    score: int | None = None,
    occasion_id: int | None = None,
) -> int:
    """Write one entry of the contact log, as given (already checked), inside the caller's
    transaction; its id. A complaint starts open."""
    cursor = store.execute(
        "INSERT INTO contacts (customer_id, kind, summary, happened_at, recorded_by, "
        "follow_up_on, score, status, occasion_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            customer_id,
            kind.value,
            summary,
            iso(happened_at or now),
            recorded_by,
            follow_up_on.isoformat() if follow_up_on else None,
            score,
            "open" if kind is ContactKind.COMPLAINT else None,
            occasion_id,
            iso(now),
        ),
    )
    return int(cursor.lastrowid or 0)


def get_entry(store: Store, entry_id: object) -> ContactEntry:
    """The entry with this id; ``NotFound`` if there is none (or it cannot be an id)."""
    found = known_id(entry_id)
    row = None
    if found is not None:
        row = store.one(f"SELECT {COLUMNS} FROM contacts WHERE id = ?", (found,))
    if row is None:
        raise NotFound(_("There is no contact entry number {id}.").format(id=quote(entry_id)))
    return entry_from_row(row)


def live_entry(store: Store, entry_id: object) -> ContactEntry:
    """The entry with this id, refused when it was voided or corrected."""
    entry = get_entry(store, entry_id)
    if entry.voided:
        raise InvalidInput(_("This entry was voided or corrected: change the newest one."))
    return entry


def checked_kind(value: object) -> ContactKind:
    """A kind of contact given by its value ("call", "survey"...); ``InvalidInput`` else."""
    try:
        return ContactKind(value if isinstance(value, str) else "")
    except ValueError:
        raise InvalidInput(
            _("“{text}” is not a kind of contact.").format(text=quote(value))
        ) from None


def days_ago(moment: str, today: date) -> str:
    """How long ago a moment was, in words: "today", "yesterday", "3 days ago", or its date."""
    then = datetime.fromisoformat(moment).date()
    days = (today - then).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days <= DAYS_SAID_AGO:
        return ngettext("{n} day ago", "{n} days ago", days).format(n=number(days))
    return day(then)
