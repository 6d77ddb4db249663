"""Occasions: the dates of a customer's life the shop keeps (``shop.occasions``).

Birthdays (the customer's own is ``Customer.birthday``: one place for the date), wedding and
engagement days and their anniversaries, a child's birthday or graduation, name days, and any
other date with its own label; yearly, or once. An occasion is removed, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings
from shopcrm.common.whole import known_id
from shopcrm.people import birthdays, occasion_texts
from shopcrm.people.birthdays import TypedDay
from shopcrm.people.occasion_checks import (
    AGES,
    ANNIVERSARIES,
    FIELDS,
    check_fields,
)
from shopcrm.people.occasion_checks import OccasionKind as OccasionKind
from shopcrm.storage.store import Row, Store


@dataclass(frozen=True)
class Occasion:
    """A date the shop keeps for a customer. ``whose`` is "" for the customer's own;
    ``notice_days`` None takes the kind's default from the settings; dates are ISO text."""

    id: int
    customer_id: int
    kind: OccasionKind
    label: str
    whose: str
    month: int
    day: int
    year: int | None
    yearly: bool
    note: str
    notice_days: int | None
    created_at: str
    updated_at: str
    removed_at: str | None

    @property
    def removed(self) -> bool:
        """Whether the occasion was removed (it is kept, but no longer comes)."""
        return self.removed_at is not None

    @property
    def typed(self) -> str:
        """The date the way it is typed: "15.03", or "15.03.1980" with the year."""
        return TypedDay(self.month, self.day, self.year).typed

    def next_on(self, today: date) -> date | None:
        """The day it next falls on, on or after ``today`` (29 February on 28 February in a year
        without one); None for a one-off date that has passed."""
        if self.yearly:
            return birthdays.next_on(self.month, self.day, today)
        assert self.year is not None
        once = date(self.year, self.month, self.day)
        return once if once >= today else None

    def years_on(self, day: date) -> int | None:
        """The age (a birthday) or the anniversary's number on ``day``, when the year is known;
        None otherwise, and for the very first day."""
        counted = self.kind in AGES or (self.yearly and self.kind in ANNIVERSARIES)
        if self.year is None or not counted or day.year <= self.year:
            return None
        return day.year - self.year

    def notice(self, settings: Settings) -> int:
        """How many days ahead it is told: its own notice, or its kind's from the settings."""
        if self.notice_days is not None:
            return self.notice_days
        return int(getattr(settings, f"notice_{self.kind.value}"))

    def describe(self, day: date | None = None) -> str:
        """What it is (on ``day``, with the age or anniversary number): "kızı Elif — 18. yaş
        günü", "10. evlilik yıl dönümü", "Doğum günü"."""
        return occasion_texts.describe(
            self.kind.value,
            self.whose,
            self.label,
            self.yearly,
            self.years_on(day) if day else None,
        )


@dataclass(frozen=True)
class Coming:
    """An occasion's next day: when it falls, how many days are left, the age or anniversary
    number, and the texts to show ("35. yaş günü", "35. yaş günü 3 gün sonra")."""

    occasion: Occasion
    falls_on: date
    days_left: int
    years: int | None
    what: str
    text: str

    @property
    def id(self) -> int:
        """The occasion's id."""
        return self.occasion.id


def coming(occasion: Occasion, today: date, after: date | None = None) -> Coming | None:
    """The next day of ``occasion`` seen from ``today`` (the first on or after ``after``, when
    given); None when it will not come again."""
    falls = occasion.next_on(after or today)
    if falls is None or occasion.removed:
        return None
    years = occasion.years_on(falls)
    what = occasion.describe(falls)
    left = (falls - today).days
    return Coming(occasion, falls, left, years, what, occasion_texts.coming_text(what, left))


OCCASION_COLUMNS = (
    "o.id AS id, o.customer_id AS customer_id, o.kind AS kind, o.label AS label, "
    "o.whose AS whose, o.month AS month, o.day AS day, o.year AS year, o.yearly AS yearly, "
    "o.note AS note, o.notice_days AS notice_days, o.created_at AS created_at, "
    "o.updated_at AS updated_at, o.removed_at AS removed_at"
)
"""The columns ``occasion_from_row`` reads, from ``occasions o``."""
NOTICE_SQL = (
    "coalesce(o.notice_days, (SELECT CAST(value AS INTEGER) FROM settings "
    "WHERE key = 'notice_' || o.kind))"
)
"""SQL: the days of notice of the occasion ``o`` (NULL when neither it nor the settings say:
the default of ``Settings`` then holds; see ``notice_of``)."""


def occasion_from_row(row: Row) -> Occasion:
    """Build an ``Occasion`` from a row selected with ``OCCASION_COLUMNS``."""
    values = {f.name: row[f.name] for f in fields(Occasion)}
    values["kind"] = OccasionKind(values["kind"])
    values["yearly"] = bool(values["yearly"])
    return Occasion(**values)


def notice_of(occasion: Occasion, stored: int | None) -> int:
    """The days of notice of ``occasion``, given what ``NOTICE_SQL`` read (None: the default)."""
    return stored if stored is not None else occasion.notice(Settings())


class OccasionService:
    """Add, change, remove and list a customer's occasions; what comes soon for one customer."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def add(
        self,
        customer_id: int,
        kind: OccasionKind | str,
        on: str,
        whose: str = "",
        label: str = "",
        yearly: bool = True,
        note: str = "",
        notice_days: int | str | None = None,
    ) -> Occasion:
        """Keep a new occasion for a customer. ``on`` is the date as typed ("15.03",
        "15.03.1980", "1980-03-15"); a one-off date (``yearly`` False) needs its year.

        Refused with ``InvalidInput`` naming each field: an impossible date, a year still to
        come for a yearly date, an "other" occasion without a label, a too long text, notice
        outside 0-90 days, a second birthday of the customer's own. Nothing is saved then.
        """
        self._customer(customer_id)
        given = {
            "kind": kind,
            "whose": whose,
            "label": label,
            "on": on,
            "yearly": yearly,
            "note": note,
            "notice_days": notice_days,
        }
        values = self._checked(given, customer_id, None)
        now = iso(self._clock())
        values.update(customer_id=customer_id, created_at=now, updated_at=now)
        with self._store.transaction():
            columns = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            cursor = self._store.execute(
                f"INSERT INTO occasions ({columns}) VALUES ({marks})", values
            )
        return self.get(int(cursor.lastrowid or 0))

    def update(self, occasion_id: int, **changes: Any) -> Occasion:
        """Change some of an occasion's details (the names of ``add``), with the same checks."""
        current = self.get(occasion_id)
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise TypeError(f"unknown occasion fields: {sorted(unknown)}")
        if current.removed:
            raise InvalidInput(_("This occasion was removed: add it again instead."))
        given = {
            "kind": current.kind,
            "whose": current.whose,
            "label": current.label,
            "on": current.typed,
            "yearly": current.yearly,
            "note": current.note,
            "notice_days": current.notice_days,
            **changes,
        }
        values = self._checked(given, current.customer_id, current.id)
        values["updated_at"] = iso(self._clock())
        values["id"] = occasion_id
        with self._store.transaction():
            assignments = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            self._store.execute(f"UPDATE occasions SET {assignments} WHERE id = :id", values)
        return self.get(occasion_id)

    def remove(self, occasion_id: int) -> Occasion:
        """Remove an occasion: it no longer comes, and is kept on record."""
        current = self.get(occasion_id)
        if current.removed:
            return current
        now = iso(self._clock())
        with self._store.transaction():
            self._store.execute(
                "UPDATE occasions SET removed_at = ?, updated_at = ? WHERE id = ?",
                (now, now, occasion_id),
            )
        return self.get(occasion_id)

    def get(self, occasion_id: int) -> Occasion:
        """The occasion with this id; ``NotFound`` if there is none."""
        row = None
        if known_id(occasion_id) is not None:
            row = self._store.one(
                f"SELECT {OCCASION_COLUMNS} FROM occasions o WHERE o.id = ?", (occasion_id,)
            )
        if row is None:
            raise NotFound(_("There is no occasion number {id}.").format(id=quote(occasion_id)))
        return occasion_from_row(row)

    def of_customer(
        self, customer_id: int, include_removed: bool = False, today: date | None = None
    ) -> list[Occasion]:
        """A customer's occasions, the next to come first; one-off dates that have passed (and,
        with ``include_removed``, the removed ones) after them."""
        self._customer(customer_id)
        today = today or self._clock().date()
        removed = "" if include_removed else "AND o.removed_at IS NULL"
        rows = self._store.query(
            f"SELECT {OCCASION_COLUMNS} FROM occasions o WHERE o.customer_id = ? {removed}",
            (customer_id,),
        )
        found = [occasion_from_row(r) for r in rows]

        def order(o: Occasion) -> tuple[bool, bool, int, int, int, int]:
            falls = None if o.removed else o.next_on(today)
            when = falls.toordinal() if falls else 0
            return (falls is None, o.removed, when, o.month, o.day, o.id)

        return sorted(found, key=order)

    def near(self, customer_id: int, today: date | None = None) -> list[Coming]:
        """The customer's occasions that come within their notice, soonest first ("Doğum günü
        3 gün sonra"): what the counter tells when it serves them. One small query."""
        today = today or self._clock().date()
        rows = self._store.query(
            f"SELECT {OCCASION_COLUMNS}, {NOTICE_SQL} AS notice FROM occasions o "
            "WHERE o.customer_id = ? AND o.removed_at IS NULL",
            (customer_id,),
        )
        out = []
        for row in rows:
            occasion = occasion_from_row(row)
            next_one = coming(occasion, today)
            if next_one is not None and next_one.days_left <= notice_of(occasion, row["notice"]):
                out.append(next_one)
        return sorted(out, key=lambda c: (c.days_left, c.id))

    def _customer(self, customer_id: int) -> None:
        found = known_id(customer_id) is not None and self._store.one(
            "SELECT 1 FROM customers WHERE id = ?", (customer_id,)
        )
        if not found:
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))

    def _checked(
        self, given: dict[str, Any], customer_id: int, occasion_id: int | None
    ) -> dict[str, Any]:
        """The fields cleaned and checked, as columns; ``InvalidInput`` naming every field
        refused (in the form's order)."""
        values, refused = check_fields(given, self._clock().date())
        if (
            not refused
            and values["kind"] == OccasionKind.BIRTHDAY.value
            and not values["whose"]
            and self._store.one(
                "SELECT 1 FROM occasions WHERE customer_id = ? AND kind = 'birthday' "
                "AND whose = '' AND removed_at IS NULL AND id IS NOT ?",
                (customer_id, occasion_id),
            )
        ):
            refused["kind"] = _(
                "The customer's own birthday is already kept: change that one instead."
            )
        if refused:
            raise InvalidInput("\n".join(refused.values()), fields=refused)
        return values


def set_birthday(store: Store, now: str, customer_id: int, typed: TypedDay | None) -> None:
    """Keep ``typed`` as the customer's own birthday occasion (inside the caller's transaction):
    change the one kept, add one, or with None remove it. ``customers.add(birthday=...)`` and
    ``update(birthday=...)`` write the date here, its one place."""
    row = store.one(
        "SELECT id, month, day, year FROM occasions WHERE customer_id = ? AND kind = 'birthday' "
        "AND whose = '' AND removed_at IS NULL",
        (customer_id,),
    )
    if typed is None:
        if row is not None:
            store.execute(
                "UPDATE occasions SET removed_at = ?, updated_at = ? WHERE id = ?",
                (now, now, row["id"]),
            )
        return
    if row is None:
        store.execute(
            "INSERT INTO occasions (customer_id, kind, month, day, year, yearly, created_at, "
            "updated_at) VALUES (?, 'birthday', ?, ?, ?, 1, ?, ?)",
            (customer_id, typed.month, typed.day, typed.year, now, now),
        )
    elif (row["month"], row["day"], row["year"]) != tuple(typed):
        store.execute(
            "UPDATE occasions SET month = ?, day = ?, year = ?, updated_at = ? WHERE id = ?",
            (typed.month, typed.day, typed.year, now, row["id"]),
        )
