"""What comes soon (``shop.upcoming``): the customers' occasions of the next days, what was done
for them this year, and the follow-ups of the contact log that are due.

An occasion is listed until something is done for it that year: a call, a card, a gift (each
written to the contact log), or a dismissal, which writes nothing to the log (nobody was
contacted) but takes it off the list all the same. Next year it comes again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from shopcrm.care.contacts import ContactKind, add_entry
from shopcrm.common.cleaning import as_text, clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _
from shopcrm.common.preferences import DAY_COUNTS, Settings, SettingsReader
from shopcrm.common.text import sort_key_text
from shopcrm.common.whole import parse_whole
from shopcrm.people.occasion_checks import OccasionKind
from shopcrm.people.occasions import (
    OCCASION_COLUMNS,
    Coming,
    Occasion,
    OccasionService,
    coming,
    occasion_from_row,
)
from shopcrm.people.phone import display_phone
from shopcrm.storage.store import Store

MAX_RECORDED_BY = 100


class MarkAction(StrEnum):
    """What was done for an occasion this year."""

    CALLED = "called"
    CARD_SENT = "card_sent"
    GIFT_SENT = "gift_sent"
    DISMISSED = "dismissed"


_CONTACT_OF = {
    MarkAction.CALLED: ContactKind.CALL,
    MarkAction.CARD_SENT: ContactKind.CARD,
    MarkAction.GIFT_SENT: ContactKind.GIFT,
    MarkAction.DISMISSED: ContactKind.VISIT_NOTE,
}
"""The entry of the contact log each action writes: a dismissal is noted (a note, not a
contact: it does not count as the customer's last contact)."""


@dataclass(frozen=True)
class UpcomingOccasion:
    """An occasion of the coming days, with its customer's name and phone."""

    coming: Coming
    customer_name: str
    phone: str

    @property
    def id(self) -> int:
        """The occasion's id."""
        return self.coming.occasion.id

    @property
    def occasion(self) -> Occasion:
        """The occasion itself (whose it is, its note...)."""
        return self.coming.occasion

    @property
    def customer_id(self) -> int:
        """The customer whose occasion it is."""
        return self.coming.occasion.customer_id

    @property
    def phone_display(self) -> str:
        """The phone number the way people read it."""
        return display_phone(self.phone)


@dataclass(frozen=True)
class Mark:
    """What was done for an occasion in the year it fell; ``contact_id`` is the entry of the
    contact log it wrote (None for a dismissal)."""

    id: int
    occasion_id: int
    year: int
    action: MarkAction
    contact_id: int | None
    created_at: str


@dataclass(frozen=True)
class FollowUp:
    """An entry of the contact log whose follow-up date has come, not yet done."""

    id: int
    customer_id: int
    customer_name: str
    phone: str
    kind: ContactKind
    summary: str
    follow_up_on: date
    days_late: int

    @property
    def phone_display(self) -> str:
        """The phone number the way people read it."""
        return display_phone(self.phone)


class UpcomingService:
    """The occasions of the coming days, marking what was done for them, and due follow-ups."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._occasions = OccasionService(store, clock)

    def occasions(
        self, days: int | str | None = None, today: date | None = None
    ) -> list[UpcomingOccasion]:
        """The occasions from ``today`` to ``days`` days later (the settings' upcoming days when
        None), soonest first, leaving out those marked for the year they fall in, removed
        occasions, one-off dates that have passed, and archived customers."""
        today = today or self._clock().date()
        ahead = self._settings().upcoming_days if days is None else _days_ahead(days)
        return [u for u in self._coming(today, ahead) if u.coming.days_left <= ahead]

    def within_notice(self, today: date | None = None) -> list[UpcomingOccasion]:
        """The occasions that are within their days of notice on ``today`` (each its own, or
        its kind's from the settings), not yet marked for that year: soonest first.

        Only the days the longest notice in use reaches are read, not the largest notice
        allowed: a shop with a week's notice reads a week of occasions.
        """
        today = today or self._clock().date()
        settings = self._settings()
        return [
            u
            for u in self._coming(today, self._longest_notice(settings))
            if u.coming.days_left <= u.occasion.notice(settings)
        ]

    def _longest_notice(self, settings: Settings) -> int:
        """The most days of notice any occasion has now (its own, or its kind's)."""
        own = self._store.one(
            "SELECT max(notice_days) AS n FROM occasions WHERE removed_at IS NULL"
        )
        kinds = [int(getattr(settings, f"notice_{kind.value}")) for kind in OccasionKind]
        return max([*kinds, int(own["n"]) if own and own["n"] is not None else 0])

    def mark(
        self,
        occasion_id: int,
        action: MarkAction | str,
        today: date | None = None,
        recorded_by: str = "",
    ) -> Mark:
        """Mark what was done for the next day of an occasion (seen from ``today``): called,
        card sent, gift sent or dismissed, each written to the contact log (a dismissal as a
        note that is not counted as a contact). The occasion leaves the upcoming list for the
        year that day falls in."""
        today = today or self._clock().date()
        try:
            done = MarkAction(as_text(action))
        except ValueError:
            raise InvalidInput(
                _("“{action}” is not something done for an occasion.").format(action=quote(action))
            ) from None
        who = clean(recorded_by, _("Recorded by"), MAX_RECORDED_BY)
        occasion = self._occasions.get(occasion_id)
        next_one = coming(occasion, today)
        if next_one is None:
            raise InvalidInput(_("This occasion will not come again: nothing to mark."))
        year = next_one.falls_on.year
        if self._store.one(
            "SELECT 1 FROM occasion_marks WHERE occasion_id = ? AND year = ?", (occasion.id, year)
        ):
            raise InvalidInput(
                _("This occasion is already marked for {year}.").format(year=str(year))
            )
        now = self._clock()
        with self._store.transaction():
            contact_id = None
            kind = _CONTACT_OF.get(done)
            if kind is not None:
                contact_id = add_entry(
                    self._store,
                    now,
                    occasion.customer_id,
                    kind,
                    _summary(done, next_one),
                    recorded_by=who,
                    occasion_id=occasion.id,
                )
            cursor = self._store.execute(
                "INSERT INTO occasion_marks (occasion_id, year, action, contact_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (occasion.id, year, done.value, contact_id, iso(now)),
            )
        return Mark(int(cursor.lastrowid or 0), occasion.id, year, done, contact_id, iso(now))

    def marks_of(self, occasion_id: int) -> list[Mark]:
        """What was done for an occasion, year by year, newest first."""
        self._occasions.get(occasion_id)
        rows = self._store.query(
            "SELECT id, occasion_id, year, action, contact_id, created_at FROM occasion_marks "
            "WHERE occasion_id = ? ORDER BY year DESC",
            (occasion_id,),
        )
        return [
            Mark(
                r["id"],
                r["occasion_id"],
                r["year"],
                MarkAction(r["action"]),
                r["contact_id"],
                r["created_at"],
            )
            for r in rows
        ]

    def follow_ups(self, today: date | None = None) -> list[FollowUp]:
        """The entries of the contact log whose follow-up date is ``today`` or earlier, not
        done and not voided, of customers not archived: the longest waiting first."""
        today = today or self._clock().date()
        rows = self._store.query(
            "SELECT k.id AS id, k.customer_id AS customer_id, c.name AS name, c.phone AS phone, "
            "k.kind AS kind, k.summary AS summary, k.follow_up_on AS follow_up_on "
            "FROM contacts k JOIN customers c ON c.id = k.customer_id "
            "WHERE k.follow_up_on IS NOT NULL AND k.follow_up_done_at IS NULL "
            "AND k.voided_at IS NULL AND k.follow_up_on <= ? AND c.archived_at IS NULL "
            "ORDER BY k.follow_up_on, k.id",
            (today.isoformat(),),
        )
        out = []
        for r in rows:
            due = date.fromisoformat(r["follow_up_on"][:10])
            out.append(
                FollowUp(
                    id=r["id"],
                    customer_id=r["customer_id"],
                    customer_name=r["name"],
                    phone=r["phone"],
                    kind=ContactKind(r["kind"]),
                    summary=r["summary"],
                    follow_up_on=due,
                    days_late=(today - due).days,
                )
            )
        return out

    def _coming(self, today: date, ahead: int) -> list[UpcomingOccasion]:
        """The next days of the occasions falling within ``ahead`` days of ``today``, not
        marked for their year, soonest first (then by name)."""
        days = [today + timedelta(days=n) for n in range(min(ahead, 366) + 1)]
        pairs = {(d.month, d.day) for d in days}
        if (2, 28) in pairs:
            pairs.add((2, 29))  # kept on 28 February in a year without a 29th
        values = ", ".join("(?, ?)" for _pair in pairs)
        rows = self._store.query(
            f"SELECT {OCCASION_COLUMNS}, c.name AS customer_name, c.phone AS customer_phone, "
            "(SELECT group_concat(m.year) FROM occasion_marks m WHERE m.occasion_id = o.id) "
            "AS marked FROM occasions o JOIN customers c ON c.id = o.customer_id "
            "WHERE o.removed_at IS NULL AND c.archived_at IS NULL "
            f"AND (o.month, o.day) IN (VALUES {values})",
            tuple(n for pair in sorted(pairs) for n in pair),
        )
        out = []
        for row in rows:
            occasion = occasion_from_row(row)
            marked = {int(y) for y in (row["marked"] or "").split(",") if y}
            next_one = coming(occasion, today)
            while next_one is not None and next_one.falls_on.year in marked:
                next_one = coming(occasion, today, next_one.falls_on + timedelta(days=1))
            if next_one is None or next_one.days_left > ahead:
                continue
            out.append(UpcomingOccasion(next_one, row["customer_name"], row["customer_phone"]))
        return sorted(out, key=lambda u: (u.coming.days_left, sort_key_text(u.customer_name), u.id))


def _days_ahead(days: int | str) -> int:
    """How many days ahead to look, as given by the caller, within the settings' bounds."""
    low, high = 0, DAY_COUNTS["upcoming_days"][1]
    ahead = parse_whole(days)
    if not low <= ahead <= high:
        raise InvalidInput(
            _("Look ahead between {low} and {high} days.").format(
                low=number(low), high=number(high)
            )
        )
    return ahead


def _summary(action: MarkAction, next_one: Coming) -> str:
    """The contact log's words for what was done for an occasion."""
    when = day(next_one.falls_on)
    if action is MarkAction.CALLED:
        return _("Called for the occasion: {occasion} ({date})").format(
            occasion=next_one.what, date=when
        )
    if action is MarkAction.CARD_SENT:
        return _("Card sent for the occasion: {occasion} ({date})").format(
            occasion=next_one.what, date=when
        )
    if action is MarkAction.DISMISSED:
        return _("Nothing this year for the occasion: {occasion} ({date})").format(
            occasion=next_one.what, date=when
        )
    return _("Gift sent for the occasion: {occasion} ({date})").format(
        occasion=next_one.what, date=when
    )
