"""The contact log as the shop keeps it (``shop.contacts``): add, correct and void entries,
follow-ups due, and when and how each customer was last contacted.

Everything typed is checked before a transaction opens (``shopcrm.care.contact_input``), so a
refusal changes nothing; a correction voids the old entry and writes its replacement together.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

from shopcrm.care import contact_input as check
from shopcrm.care.contacts import (
    COLUMNS,
    ComplaintStatus,
    ContactEntry,
    ContactKind,
    LastContact,
    add_entry,
    checked_kind,
    days_ago,
    entry_from_row,
    get_entry,
    kind_words,
    live_entry,
)
from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import _
from shopcrm.common.whole import known_id
from shopcrm.storage.store import Store


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
        """When and how the customer was last contacted (entries that count: not the note of
        an occasion let pass for a year), or None."""
        row = self._store.one(
            "SELECT id, kind, happened_at FROM contacts WHERE customer_id = ? "
            "AND voided_at IS NULL AND id NOT IN (SELECT contact_id FROM occasion_marks "
            "WHERE action = 'dismissed' AND contact_id IS NOT NULL) "
            "ORDER BY happened_at DESC, id DESC LIMIT 1",
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
