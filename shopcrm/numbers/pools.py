"""Who takes part in a draw: a ``Pool`` of customers the owner chooses, checked, found in the
database and put in words.

A pool is the customers (never the archived ones) who visited between two days (a purchase not
voided, on either day or between them), and/or those with at least ``min_visits`` visits (the
visits counted as the settings say, as the customer's record shows them). Both given: both must
hold. Neither: every customer. A ``segment`` (new, regular, VIP, at risk, lapsed: as the
segments' limits place them on the day of the draw) is one more condition.

With ``consent_only`` the customers without consent to be told they won are left out: a draw is
announced in the shop, but a winner is then called or sent a letter, which is a message from the
shop (Law 6563). So a customer takes part only with consent, as it holds at the draw, to phone
calls or to letters (either is a way to reach them); SMS and e-mail alone do not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import day, number
from shopcrm.common.i18n import _, ngettext
from shopcrm.common.moments import EARLIEST, parse_day
from shopcrm.common.whole import parse_whole
from shopcrm.numbers.segments import Segment, SegmentLimits, segment_ids_sql, segment_titles
from shopcrm.people.consent import Channel, consent_condition
from shopcrm.storage.store import Store

MAX_MIN_VISITS = 100_000
REACHABLE_BY = (Channel.CALL, Channel.LETTER)
"""The channels a winner is told by: consent on one of them lets a customer take part when the
draw is for customers with consent only."""


@dataclass(frozen=True)
class Pool:
    """The list a draw picks from. ``visited_from`` and ``visited_to`` (both or neither) bound
    the days of a visit; ``min_visits`` (0: no limit) the visits counted so far."""

    visited_from: date | None = None
    visited_to: date | None = None
    min_visits: int = 0
    segment: str = ""
    """Only the customers of this segment of the numbers (``Segment`` value; "" = any)."""


def checked_pool(pool: Pool, today: date) -> Pool:
    """``pool`` with its days and count checked (days may be given as text: "2026-03-01",
    "01.03.2026"); a translated ``InvalidInput`` naming the field otherwise."""
    if not isinstance(pool, Pool):
        raise InvalidInput(_("Choose who takes part in the draw."))
    start = _checked_day(pool.visited_from, "visited_from", today)
    end = _checked_day(pool.visited_to, "visited_to", today)
    if (start is None) != (end is None):
        field = "visited_to" if end is None else "visited_from"
        raise InvalidInput(
            _("Give both days of the visits, or neither."),
            {field: _("Give both days of the visits, or neither.")},
        )
    if start is not None and end is not None and start > end:
        message = _("The first day of the visits comes after the last one.")
        raise InvalidInput(message, {"visited_to": message})
    visits = parse_whole(pool.min_visits, signed=True)
    if not 0 <= visits <= MAX_MIN_VISITS:
        message = _("The number of visits must be between 0 and {n}.").format(
            n=number(MAX_MIN_VISITS)
        )
        raise InvalidInput(message, {"min_visits": message})
    segment = ""
    if pool.segment:
        try:
            segment = Segment(pool.segment).value
        except ValueError:
            message = _("Unknown segment: {value}").format(value=quote(pool.segment))
            raise InvalidInput(message, {"segment": message}) from None
    return Pool(start, end, visits, segment)


def _checked_day(value: object, field: str, today: date) -> date | None:
    if value is None or value == "":
        return None
    try:
        found = parse_day(value)
    except InvalidInput as error:
        raise InvalidInput(str(error), {field: str(error)}) from None
    if found < EARLIEST.date():
        message = _("That date is too long ago. Please check it.")
        raise InvalidInput(message, {field: message})
    if found > today:
        message = _("The visits of a draw cannot be in the future.")
        raise InvalidInput(message, {field: message})
    return found


def candidates(store: Store, pool: Pool, consent_only: bool, limits: SegmentLimits) -> list[int]:
    """The ids of the customers in a checked ``pool``, smallest first (``limits``: the
    segments' limits today, for a pool of one segment)."""
    where = ["c.archived_at IS NULL"]
    params: dict[str, object] = {}
    if pool.segment:
        where.append(f"c.id IN ({segment_ids_sql(Segment(pool.segment))})")
        params.update(limits.params())
    if pool.visited_from is not None and pool.visited_to is not None:
        where.append(
            "EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = c.id "
            "AND p.voided_at IS NULL AND p.purchased_at >= :start AND p.purchased_at < :stop)"
        )
        params["start"] = pool.visited_from.isoformat()
        params["stop"] = (pool.visited_to + timedelta(days=1)).isoformat()
    if pool.min_visits > 0:
        where.append("c.visit_count >= :visits")
        params["visits"] = pool.min_visits
    if consent_only:
        reachable = " OR ".join(f"({consent_condition(ch, 'c.id')})" for ch in REACHABLE_BY)
        where.append(f"({reachable})")
    rows = store.query(
        f"SELECT c.id FROM customers c WHERE {' AND '.join(where)} ORDER BY c.id", params
    )
    return [int(row["id"]) for row in rows]


def describe(pool: Pool, consent_only: bool) -> str:
    """Who takes part, in words of the current language: "Customers who visited between 1 Mar
    2026 and 31 Mar 2026 and have at least 5 visits, with consent to calls or letters"."""
    visits = pool.min_visits
    if pool.visited_from is not None and pool.visited_to is not None:
        start, end = day(pool.visited_from, style="long"), day(pool.visited_to, style="long")
        if visits > 0:
            words = ngettext(
                "Customers who visited between {start} and {end} and have at least {n} visit",
                "Customers who visited between {start} and {end} and have at least {n} visits",
                visits,
            ).format(start=start, end=end, n=number(visits))
        else:
            words = _("Customers who visited between {start} and {end}").format(
                start=start, end=end
            )
    elif visits > 0:
        words = ngettext(
            "Customers with at least {n} visit", "Customers with at least {n} visits", visits
        ).format(n=number(visits))
    elif pool.segment:
        words = ""
    else:
        words = _("All customers")
    if pool.segment:
        title = segment_titles()[Segment(pool.segment)]
        if words:
            words = _("{customers}, in the segment “{segment}”").format(
                customers=words, segment=title
            )
        else:
            words = _("Customers in the segment “{segment}”").format(segment=title)
    if consent_only:
        return _("{customers}, with consent to calls or letters").format(customers=words)
    return words
