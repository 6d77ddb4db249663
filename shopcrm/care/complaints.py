"""Complaints: a complaint entry of the contact log is open until the shop resolves it.

Resolving says what was done, and when; the open ones are listed oldest first, so that the
longest-waiting customer is served first. The response time (from the complaint to its
resolution) is kept in the log itself and handed out by ``times`` for the numbers. A resolved
complaint is not re-opened: a new complaint is recorded instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shopcrm.care import contact_input as check
from shopcrm.care.contacts import (
    COLUMNS,
    ComplaintStatus,
    ContactEntry,
    ContactKind,
    entry_from_row,
    get_entry,
    live_entry,
)
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _
from shopcrm.common.moments import happened_at
from shopcrm.people.phone import display_phone
from shopcrm.storage.store import Store


@dataclass(frozen=True)
class OpenComplaint:
    """An open complaint, with whose it is, for the list of open ones."""

    entry: ContactEntry
    customer_name: str
    phone: str
    """The customer's phone the way people read it ("0532 123 45 67"), or ""."""


@dataclass(frozen=True)
class ComplaintTime:
    """When a complaint was made and resolved: its response time."""

    entry_id: int
    customer_id: int
    opened_at: str
    resolved_at: str | None
    """None while it is open."""

    @property
    def duration(self) -> timedelta | None:
        """From the complaint to its resolution; None while it is open."""
        if self.resolved_at is None:
            return None
        return datetime.fromisoformat(self.resolved_at) - datetime.fromisoformat(self.opened_at)


class ComplaintService:
    """The open complaints, resolving them, and their response times."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def open_ones(self) -> list[OpenComplaint]:
        """Every open complaint that counts, the oldest first."""
        rows = self._store.query(
            f"SELECT {COLUMNS}, (SELECT name FROM customers c WHERE c.id = customer_id) "
            "AS customer_name, (SELECT phone FROM customers c WHERE c.id = customer_id) "
            "AS customer_phone FROM contacts WHERE kind = 'complaint' AND status = 'open' "
            "AND voided_at IS NULL ORDER BY happened_at, id"
        )
        out = []
        for row in rows:
            name, phone = row.pop("customer_name"), row.pop("customer_phone")
            out.append(OpenComplaint(entry_from_row(row), name, display_phone(phone)))
        return out

    def resolve(
        self, entry_id: int, resolution: str, resolved_at: datetime | str | None = None
    ) -> ContactEntry:
        """Resolve an open complaint: what was done (required) and when (now by default; not
        in the future, nor before the complaint). The complaint as stored."""
        entry = live_entry(self._store, entry_id)
        if entry.kind is not ContactKind.COMPLAINT:
            raise InvalidInput(_("Only a complaint is resolved."))
        if entry.status is ComplaintStatus.RESOLVED:
            raise InvalidInput(
                _("This complaint was already resolved; record a new one if it came back.")
            )
        done = check.checked_resolution(resolution)
        now = self._clock()
        when = happened_at(resolved_at, now, _("A complaint cannot be resolved in the future."))
        if iso(when) < entry.happened_at:
            raise InvalidInput(_("A complaint cannot be resolved before it was made."))
        with self._store.transaction():
            self._store.execute(
                "UPDATE contacts SET status = 'resolved', resolution = ?, resolved_at = ? "
                "WHERE id = ? AND status = 'open' AND voided_at IS NULL",
                (done, iso(when), entry.id),
            )
        return live_entry(self._store, entry.id)

    def times(
        self, since: date | None = None, until: date | None = None, include_open: bool = False
    ) -> list[ComplaintTime]:
        """The response times of the complaints (that count) made from ``since`` to ``until``
        (both days included; all by default), oldest first; open ones too if asked."""
        rows = self._store.query(
            "SELECT id, customer_id, happened_at, resolved_at FROM contacts "
            "WHERE kind = 'complaint' AND voided_at IS NULL AND happened_at >= ? "
            "AND happened_at < ? AND (? OR status = 'resolved') ORDER BY happened_at, id",
            (
                since.isoformat() if since else "",
                (until + timedelta(days=1)).isoformat() if until else "9999",
                int(include_open),
            ),
        )
        return [
            ComplaintTime(r["id"], r["customer_id"], r["happened_at"], r["resolved_at"])
            for r in rows
        ]

    def response_time(self, entry_id: int) -> timedelta | None:
        """How long this complaint took to resolve; None while it is open."""
        entry = get_entry(self._store, entry_id)
        if entry.kind is not ContactKind.COMPLAINT:
            raise InvalidInput(_("Only a complaint is resolved."))
        return ComplaintTime(
            entry.id, entry.customer_id, entry.happened_at, entry.resolved_at
        ).duration
