"""The contact log: calls, letters, cards, gifts, visit notes, survey answers and complaints.

Per customer, newest first; each entry says what it was about, when it happened, who in the shop
recorded it and, if the shop means to come back to it, a follow-up day. An entry is never
deleted: a mistake is corrected (a new entry names the one it replaces, which is voided, in one
transaction) or voided with a reason. ``add_entry`` writes one entry inside the caller's
transaction (what marking an occasion or recording a call's outcome uses); ``ContactService``
(``shop.contacts``) checks what the shop typed and builds on it. Complaints' status and response
times are ``shopcrm.care.complaints``'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum

from shopcrm.care import contact_input as check
from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.formatting import day
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


class _Keep(Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""Given to ``ContactService.correct`` (the default): keep what the entry said."""


class ContactService:
    """Add, correct and void entries of the contact log; follow-ups; the last contact."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def add(
        self,
        customer_id: int,
        kind: ContactKind | str,
        summary: str,
        happened_at: datetime | str | None = None,
        recorded_by: str = "",
        follow_up_on: date | str | None = None,
        score: int | str | None = None,
        occasion_id: int | None = None,
    ) -> ContactEntry:
        """Record a contact with a customer; the entry as stored.

        ``happened_at`` defaults to now and may not be in the future; ``follow_up_on`` (a day
        to come back to it) may not be in the past; a survey answer needs a ``score`` from 1 to
        5 (the summary is its comment), other kinds none. A complaint starts open. Bad input
        raises a translated ``InvalidInput`` and records nothing.
        """
        now = self._clock()
        target = self._customer(customer_id)
        code = checked_kind(kind)
        text = check.checked_summary(summary)
        when = check.checked_when(happened_at, now)
        who = check.checked_recorder(recorded_by)
        follow_up = check.checked_follow_up(follow_up_on, now.date())
        points = check.checked_score(score, code is ContactKind.SURVEY)
        occasion = self._occasion(occasion_id, target)
        with self._store.transaction():
            entry_id = add_entry(
                self._store, now, target, code, text, when, who, follow_up, points, occasion
            )
        return self.get(entry_id)

    def get(self, entry_id: int) -> ContactEntry:
        """The entry with this id; ``NotFound`` if there is none."""
        return get_entry(self._store, entry_id)

    def of_customer(self, customer_id: int, limit: int = 500) -> list[ContactEntry]:
        """A customer's entries, voided and corrected ones included, newest first."""
        rows = self._store.query(
            f"SELECT {COLUMNS} FROM contacts WHERE customer_id = ? "
            "ORDER BY happened_at DESC, id DESC LIMIT ?",
            (self._customer(customer_id), limit),
        )
        return [entry_from_row(row) for row in rows]

    def correct(
        self,
        entry_id: int,
        kind: ContactKind | str | _Keep = KEEP,
        summary: str | _Keep = KEEP,
        happened_at: datetime | str | _Keep = KEEP,
        recorded_by: str | _Keep = KEEP,
        follow_up_on: date | str | _Keep | None = KEEP,
        score: int | str | _Keep | None = KEEP,
        reason: str = "",
    ) -> ContactEntry:
        """Correct an entry: a new entry, naming the old one, takes its place with what is given
        (what is not given is kept), and the old one is voided, in one transaction; the new
        entry. A complaint keeps its status and what was done; ``reason`` may say what was
        wrong. A correction that changes nothing, or of a voided entry, is refused.
        """
        old = live_entry(self._store, entry_id)
        now = self._clock()
        code = old.kind if kind is KEEP else checked_kind(kind)
        text = old.summary if summary is KEEP else check.checked_summary(summary)
        when = old.happened_at if happened_at is KEEP else iso(check.checked_when(happened_at, now))
        who = old.recorded_by if recorded_by is KEEP else check.checked_recorder(recorded_by)
        follow_up = old.follow_up_on
        if follow_up_on is not KEEP:
            checked = check.checked_follow_up(follow_up_on, now.date())
            follow_up = checked.isoformat() if checked else None
        survey = code is ContactKind.SURVEY
        kept_score = old.score if survey else None
        points = check.checked_score(kept_score if score is KEEP else score, survey)
        why = check.checked_note(reason)
        new = {
            "kind": code.value,
            "summary": text,
            "happened_at": when,
            "recorded_by": who,
            "follow_up_on": follow_up,
            "score": points,
        }
        if all(getattr(old, key) == value for key, value in new.items()):
            raise InvalidInput(_("Nothing to correct: change what was wrong."))
        complaint = code is ContactKind.COMPLAINT
        carried = complaint and old.kind is ContactKind.COMPLAINT
        if carried and old.resolved_at is not None and old.resolved_at < when:
            raise InvalidInput(_("A complaint cannot be dated after it was resolved."))
        new.update(
            customer_id=old.customer_id,
            follow_up_done_at=old.follow_up_done_at if follow_up == old.follow_up_on else None,
            status=(old.status or ComplaintStatus.OPEN).value if complaint else None,
            resolution=old.resolution if carried else "",
            resolved_at=old.resolved_at if carried else None,
            occasion_id=old.occasion_id,
            replaces_id=old.id,
            created_at=iso(now),
        )
        with self._store.transaction():
            self._void(old.id, now, why)
            columns = ", ".join(new)
            marks = ", ".join(f":{key}" for key in new)
            cursor = self._store.execute(f"INSERT INTO contacts ({columns}) VALUES ({marks})", new)
        return self.get(int(cursor.lastrowid or 0))

    def void(self, entry_id: int, reason: str) -> ContactEntry:
        """Void an entry, with a reason: it stays in the log, struck through, and no longer
        counts (an open complaint leaves the open ones, a follow-up is no longer due)."""
        entry = live_entry(self._store, entry_id)
        why = check.checked_reason(reason)
        with self._store.transaction():
            self._void(entry.id, self._clock(), why)
        return self.get(entry.id)

    def mark_follow_up_done(self, entry_id: int) -> ContactEntry:
        """Mark an entry's follow-up done: it is no longer due."""
        entry = live_entry(self._store, entry_id)
        if entry.follow_up_on is None:
            raise InvalidInput(_("This entry has no follow-up."))
        if entry.follow_up_done_at is not None:
            raise InvalidInput(_("This follow-up was already done."))
        with self._store.transaction():
            self._store.execute(
                "UPDATE contacts SET follow_up_done_at = ? WHERE id = ?",
                (iso(self._clock()), entry.id),
            )
        return self.get(entry.id)

    def follow_ups_due(self, until: date | None = None) -> list[ContactEntry]:
        """The follow-ups due on or before ``until`` (today by default; a later day gives this
        week's too) and not done, of entries that count; the longest due first."""
        last = (until or self._clock().date()).isoformat()
        rows = self._store.query(
            f"SELECT {COLUMNS} FROM contacts WHERE follow_up_on IS NOT NULL "
            "AND follow_up_done_at IS NULL AND voided_at IS NULL AND follow_up_on <= ? "
            "ORDER BY follow_up_on, happened_at, id",
            (last,),
        )
        return [entry_from_row(row) for row in rows]

    def last_contact(self, customer_id: int) -> LastContact | None:
        """When and how the customer was last contacted (entries that count), or None."""
        row = self._store.one(
            "SELECT id, kind, happened_at FROM contacts WHERE customer_id = ? "
            "AND voided_at IS NULL ORDER BY happened_at DESC, id DESC LIMIT 1",
            (self._customer(customer_id),),
        )
        if row is None:
            return None
        return LastContact(row["id"], ContactKind(row["kind"]), row["happened_at"])

    def last_contact_text(self, customer_id: int) -> str:
        """The last contact in words: "Last contact: 3 days ago, call" ("none yet")."""
        last = self.last_contact(customer_id)
        if last is None:
            return _("Last contact: none yet")
        return _("Last contact: {when}, {kind}").format(
            when=days_ago(last.happened_at, self._clock().date()),
            kind=kind_words()[last.kind],
        )

    def _void(self, entry_id: int, now: datetime, reason: str) -> None:
        """Void one entry (inside a transaction), refused if another change voided it first."""
        cursor = self._store.execute(
            "UPDATE contacts SET voided_at = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL",
            (iso(now), reason, entry_id),
        )
        if cursor.rowcount != 1:
            raise InvalidInput(_("This entry was voided or corrected: change the newest one."))

    def _occasion(self, occasion_id: object, customer_id: int) -> int | None:
        """The occasion an entry is for (one of the customer's), or None for none."""
        if occasion_id is None:
            return None
        found = known_id(occasion_id)
        if found is None or not self._store.one(
            "SELECT 1 AS x FROM occasions WHERE id = ? AND customer_id = ?", (found, customer_id)
        ):
            raise NotFound(_("There is no occasion number {id}.").format(id=quote(occasion_id)))
        return found

    def _customer(self, customer_id: object) -> int:
        found = known_id(customer_id)
        if found is None or not self._store.one(
            "SELECT 1 AS x FROM customers WHERE id = ?", (found,)
        ):
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        return found


def days_ago(moment: str, today: date) -> str:
    """How long ago a moment was, in words: "today", "yesterday", "3 days ago", or its date."""
    then = datetime.fromisoformat(moment).date()
    days = (today - then).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    if days <= DAYS_SAID_AGO:
        return ngettext("{n} day ago", "{n} days ago", days).format(n=days)
    return day(then)
