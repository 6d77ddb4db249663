"""Segments: every customer falls in exactly one of new, regular, VIP, at risk and lapsed.

The segment comes from the customer's cached columns alone (last visit, joining day, visits and
total spent), with limits the owner sets (``Settings``; defaults and meaning in
docs/segments.md). The first rule that holds decides:

1. lapsed: away ``lapsed_first_days`` (182) days or more;
2. at risk: away ``segment_at_risk_days`` (60) days or more;
3. new: joined ``segment_new_days`` (60) days ago or less;
4. VIP: ``segment_vip_visits`` (20) visits or more, or ``segment_vip_spent`` (10.000 ₺) or more;
5. regular: everyone else.

"Away" counts the days since the last visit, or since the customer joined when they never
bought. The same rules run in Python for one customer (``segment_of``, no query: the counter
shows it) and in SQL for all of them (one pass over the customers table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from shopcrm.common.cleaning import quote
from shopcrm.common.clock import Clock
from shopcrm.common.errors import InvalidInput, NotFound
from shopcrm.common.i18n import _
from shopcrm.common.preferences import Settings, SettingsReader
from shopcrm.people.records import Customer
from shopcrm.storage.store import Store


class Segment(StrEnum):
    """A customer's segment, in the order the owner reads them."""

    NEW = "new"
    REGULAR = "regular"
    VIP = "vip"
    AT_RISK = "at_risk"
    LAPSED = "lapsed"


def segment_titles() -> dict[Segment, str]:
    """What each segment is called, translated, in the order of ``Segment``."""
    return {
        Segment.NEW: _("New"),
        Segment.REGULAR: _("Regular"),
        Segment.VIP: _("VIP"),
        Segment.AT_RISK: _("At risk"),
        Segment.LAPSED: _("Lapsed"),
    }


@dataclass(frozen=True)
class SegmentLimits:
    """The limits of the settings as they fall on one day, ready to compare with the stored
    ISO texts: away since before ``lapsed_before`` is lapsed, since before ``at_risk_before``
    at risk; joined on or after ``new_from`` is new."""

    lapsed_before: str
    at_risk_before: str
    new_from: str
    vip_visits: int
    vip_spent: int

    @classmethod
    def on(cls, settings: Settings, today: date) -> SegmentLimits:
        """The limits of ``settings`` on ``today``."""

        def after(days: int) -> str:  # the first day that is fewer than ``days`` days ago
            return (today - timedelta(days=days - 1)).isoformat()

        lapsed_before = after(settings.lapsed_first_days)
        return cls(
            lapsed_before=lapsed_before,
            # settings older than the rule "at risk before lapsed" may say otherwise: lapsed wins
            at_risk_before=max(after(settings.segment_at_risk_days), lapsed_before),
            new_from=(today - timedelta(days=settings.segment_new_days)).isoformat(),
            vip_visits=settings.segment_vip_visits,
            vip_spent=settings.segment_vip_spent,
        )

    def segment(
        self, visit_count: int, total_spent: int, last_visit: str | None, created_at: str
    ) -> Segment:
        """The segment of a customer with these cached figures."""
        seen = last_visit or created_at
        if seen < self.lapsed_before:
            return Segment.LAPSED
        if seen < self.at_risk_before:
            return Segment.AT_RISK
        if created_at >= self.new_from:
            return Segment.NEW
        if visit_count >= self.vip_visits or total_spent >= self.vip_spent:
            return Segment.VIP
        return Segment.REGULAR

    def params(self) -> dict[str, object]:
        """The limits as named parameters of ``RANGES``' SQL."""
        return {
            "lapsed_before": self.lapsed_before,
            "at_risk_before": self.at_risk_before,
            "new_from": self.new_from,
            "vip_visits": self.vip_visits,
            "vip_spent": self.vip_spent,
        }


_VIP = "(visit_count >= :vip_visits OR total_spent >= :vip_spent)"
_NOT_VIP = "visit_count < :vip_visits AND total_spent < :vip_spent"
_RECENT = {
    Segment.NEW: "created_at >= :new_from",
    Segment.VIP: f"created_at < :new_from AND {_VIP}",
    Segment.REGULAR: f"created_at < :new_from AND {_NOT_VIP}",
}
RANGES: list[tuple[str, dict[Segment, str]]] = [
    ("last_visit < :lapsed_before", {Segment.LAPSED: ""}),
    (
        "last_visit >= :lapsed_before AND last_visit < :at_risk_before",
        {Segment.AT_RISK: ""},
    ),
    ("last_visit >= :at_risk_before", _RECENT),
    (
        "last_visit IS NULL",
        {
            Segment.LAPSED: "created_at < :lapsed_before",
            Segment.AT_RISK: "created_at >= :lapsed_before AND created_at < :at_risk_before",
            **{
                segment: f"created_at >= :at_risk_before AND {condition}"
                for segment, condition in _RECENT.items()
            },
        },
    ),
]
"""``SegmentLimits.segment`` in SQL, for the active customers: ranges of the last visit that do
not overlap, each read from the index ``customers_by_segment`` alone, with what puts a customer
of the range in each segment ("": all of them). Spelt out rather than one CASE per row, which
reads the same rows three times slower; tests/core/test_segments.py checks both agree."""


def segment_of(customer: Customer, settings: Settings, today: date) -> Segment:
    """The segment of ``customer`` on ``today`` under ``settings``; reads nothing."""
    return SegmentLimits.on(settings, today).segment(
        customer.visit_count, customer.total_spent, customer.last_visit, customer.created_at
    )


class SegmentService:
    """The segments of the shop's customers: one customer's, how many in each, who is in one."""

    def __init__(self, store: Store, clock: Clock, settings: SettingsReader) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings

    def limits(self) -> SegmentLimits:
        """The limits as they fall today."""
        return SegmentLimits.on(self._settings(), self._clock().date())

    def of_customer(self, customer_id: int) -> Segment:
        """The segment of one customer (archived or not); ``NotFound`` if there is none."""
        row = None
        if isinstance(customer_id, int) and not isinstance(customer_id, bool):
            row = self._store.one(
                "SELECT visit_count, total_spent, last_visit, created_at FROM customers "
                "WHERE id = ?",
                (customer_id,),
            )
        if row is None:
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        return self.limits().segment(
            int(row["visit_count"]),
            int(row["total_spent"]),
            row["last_visit"],
            str(row["created_at"]),
        )

    def counts(self) -> dict[Segment, int]:
        """How many active (not archived) customers each segment holds, every segment named
        (0 when empty), in the order of ``Segment``.

        One statement over the index ``customers_by_segment``: the lapsed and the at-risk
        customers are counted as ranges of last visits; only those who came recently or never
        are read one by one."""
        parts = []
        for condition, segments in RANGES:
            columns = ", ".join(
                f"{_counted(segments, segment)} AS {segment.value}" for segment in Segment
            )
            parts.append(
                f"SELECT {columns} FROM customers WHERE archived_at IS NULL AND {condition}"
            )
        found = dict.fromkeys(Segment, 0)
        for row in self._store.query(" UNION ALL ".join(parts), self.limits().params()):
            for segment in Segment:
                found[segment] += int(row[segment.value] or 0)
        return found

    def condition(self, segment: Segment | str) -> tuple[str, dict[str, object]]:
        """SQL true for an active customer in ``segment`` (a row of ``customers``), and its
        parameters as of today."""
        try:
            wanted = Segment(segment)
        except ValueError:
            raise InvalidInput(_("Unknown segment: {value}").format(value=quote(segment))) from None
        return segment_condition_sql(wanted), self.limits().params()

    def place(self) -> tuple[str, dict[str, object]]:
        """SQL for a customer's place in the order of ``Segment`` (archived last), and its
        parameters as of today."""
        return SEGMENT_PLACE_SQL, self.limits().params()

    def count(self, segment: Segment | str) -> int:
        """How many active customers ``segment`` holds now."""
        try:
            wanted = Segment(segment)
        except ValueError:
            raise InvalidInput(_("Unknown segment: {value}").format(value=quote(segment))) from None
        return self.counts()[wanted]

    def customer_ids(self, segment: Segment | str) -> list[int]:
        """The active (not archived) customers in ``segment``, by id."""
        try:
            wanted = Segment(segment)
        except ValueError:
            raise InvalidInput(_("Unknown segment: {value}").format(value=quote(segment))) from None
        rows = self._store.query(segment_ids_sql(wanted) + " ORDER BY id", self.limits().params())
        return [int(r["id"]) for r in rows]


def segment_ids_sql(segment: Segment) -> str:
    """SQL selecting the ids of the active customers in ``segment``, with the named parameters
    of ``SegmentLimits.params``."""
    return " UNION ALL ".join(
        f"SELECT id FROM customers WHERE archived_at IS NULL AND {condition}"
        + (f" AND {segments[segment]}" if segments[segment] else "")
        for condition, segments in RANGES
        if segment in segments
    )


def segment_condition_sql(segment: Segment) -> str:
    """SQL true for an active customer (a row of ``customers``, not aliased) in ``segment``,
    with the named parameters of ``SegmentLimits.params``: to test row by row while walking
    another index (the Customers page's order)."""
    parts = [
        f"({condition} AND {segments[segment]})" if segments[segment] else f"({condition})"
        for condition, segments in RANGES
        if segment in segments
    ]
    return f"(archived_at IS NULL AND ({' OR '.join(parts)}))"


SEGMENT_PLACE_SQL = """CASE
    WHEN archived_at IS NOT NULL THEN 5
    WHEN coalesce(last_visit, created_at) < :lapsed_before THEN 4
    WHEN coalesce(last_visit, created_at) < :at_risk_before THEN 3
    WHEN created_at >= :new_from THEN 0
    WHEN visit_count >= :vip_visits OR total_spent >= :vip_spent THEN 2
    ELSE 1 END"""
"""SQL for a customer's place in the order of ``Segment`` (new 0 ... lapsed 4; archived, who
have none, 5), as ``SegmentLimits.segment`` decides, with the parameters of
``SegmentLimits.params``."""


def _counted(segments: dict[Segment, str], segment: Segment) -> str:
    """How a range of ``RANGES`` counts the customers of ``segment`` in it."""
    if segment not in segments:
        return "0"
    condition = segments[segment]
    return f"sum({condition})" if condition else "count(*)"


__all__ = [
    "RANGES",
    "SEGMENT_PLACE_SQL",
    "Segment",
    "SegmentLimits",
    "SegmentService",
    "segment_condition_sql",
    "segment_ids_sql",
    "segment_of",
    "segment_titles",
]
