"""The loyalty and care figures of a period: rewards issued, redeemed and expired, discounts;
complaints and their response times, contacts made and whether a visit followed."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from shopcrm.numbers.periods import Period
from shopcrm.numbers.visitors import COUNTED, after
from shopcrm.storage.reading import Reading

OUTREACH = ("call", "letter", "card", "gift")
"""The contact kinds that are the shop reaching out to a customer (``contacts_made``)."""
VISIT_AFTER_CONTACT_DAYS = 30
"""A contact led to a visit when the customer bought within this many days after it."""

_REWARD = "r.voided_at IS NULL AND r.remainder_of IS NULL"
_IN = "BETWEEN :start AND :end"
_OUTREACH = "(" + ", ".join(f"'{kind}'" for kind in OUTREACH) + ")"


def _moment_in(column: str) -> str:
    return f"{column} >= :start AND {column} < :after"


def counted_rows(today: date) -> dict[str, str]:
    """For each count figure, the SQL listing one row per thing counted with its customer."""
    return {
        "rewards_issued": f"SELECT customer_id FROM rewards r WHERE {_REWARD} "
        f"AND {_moment_in('r.issued_at')}",
        "rewards_redeemed": f"SELECT customer_id FROM rewards r WHERE {_REWARD} "
        f"AND {_moment_in('r.redeemed_at')}",
        "rewards_expired": f"SELECT customer_id FROM rewards r WHERE {_REWARD} "
        f"AND r.redeemed_at IS NULL AND r.expires_on {_IN} AND r.expires_on < '{today}'",
        "discounts_given": f"SELECT customer_id FROM purchases WHERE {COUNTED} AND discount > 0 "
        f"AND {_moment_in('purchased_at')}",
        "complaints_opened": "SELECT customer_id FROM contacts WHERE kind = 'complaint' "
        f"AND voided_at IS NULL AND {_moment_in('happened_at')}",
        "complaints_resolved": "SELECT customer_id FROM contacts WHERE kind = 'complaint' "
        f"AND voided_at IS NULL AND status = 'resolved' AND {_moment_in('resolved_at')}",
        "contacts_made": f"SELECT customer_id FROM contacts WHERE kind IN {_OUTREACH} "
        f"AND voided_at IS NULL AND {_moment_in('happened_at')}",
        **{
            f"contacts_{kind}": f"SELECT customer_id FROM contacts WHERE kind = '{kind}' "
            f"AND voided_at IS NULL AND {_moment_in('happened_at')}"
            for kind in OUTREACH
        },
    }


def _params(period: Period) -> dict[str, str]:
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "after": after(period.end),
    }


@dataclass(frozen=True)
class CareTimes:
    """The complaints made in a period: their response times and the target."""

    hours: tuple[float, ...]
    """Response times (hours) of those resolved by now."""
    in_time: int
    """Resolved within the target."""
    judged: int
    """Resolved, or open for longer than the target already."""
    in_time_ids: frozenset[int]
    slow_ids: frozenset[int]


def complaint_times(store: Reading, period: Period, now: datetime, target_days: int) -> CareTimes:
    """Response times of the complaints made in the period that count (not voided)."""
    rows = store.query(
        "SELECT customer_id, happened_at, resolved_at FROM contacts WHERE kind = 'complaint' "
        f"AND voided_at IS NULL AND {_moment_in('happened_at')}",
        _params(period),
    )
    target = timedelta(days=target_days)
    hours, in_time, judged = [], 0, 0
    quick, slow = set(), set()
    for r in rows:
        opened = datetime.fromisoformat(r["happened_at"])
        if r["resolved_at"] is not None:
            took = datetime.fromisoformat(r["resolved_at"]) - opened
            hours.append(took.total_seconds() / 3600)
            judged += 1
            if took <= target:
                in_time += 1
                quick.add(r["customer_id"])
            else:
                slow.add(r["customer_id"])
        elif now - opened > target:
            judged += 1
            slow.add(r["customer_id"])
    return CareTimes(tuple(hours), in_time, judged, frozenset(quick), frozenset(slow))


def contacts_followed(store: Reading, period: Period) -> tuple[int, int, frozenset[int]]:
    """The outreach contacts of the period, how many were followed by a visit within
    ``VISIT_AFTER_CONTACT_DAYS`` (a counted purchase after the contact), and those customers."""
    rows = store.query(
        "SELECT c.customer_id, EXISTS (SELECT 1 FROM purchases p "
        f"WHERE p.customer_id = c.customer_id AND p.{COUNTED} "
        "AND p.purchased_at > c.happened_at "
        f"AND p.purchased_at < datetime(c.happened_at, '+{VISIT_AFTER_CONTACT_DAYS} days')) "
        "AS came FROM contacts c "
        f"WHERE c.kind IN {_OUTREACH} AND c.voided_at IS NULL "
        f"AND {_moment_in('c.happened_at')}",
        _params(period),
    )
    came = [r["customer_id"] for r in rows if r["came"]]
    return len(rows), len(came), frozenset(came)


def loyalty_care_values(
    store: Reading, period: Period, now: datetime, target_days: int
) -> dict[str, int | float | None]:
    """Every loyalty and care figure of the period."""
    params = _params(period)
    out: dict[str, int | float | None] = {}
    for key, sql in counted_rows(now.date()).items():
        if key == "discounts_given":
            continue  # a sum, not a count: the purchases' figures give it
        row = store.one(f"SELECT count(*) AS n FROM ({sql})", params)
        out[key] = int(row["n"]) if row else 0
    settled = _as_int(out["rewards_redeemed"]) + _as_int(out["rewards_expired"])
    out["redemption_rate"] = _as_int(out["rewards_redeemed"]) / settled if settled else None
    times = complaint_times(store, period, now, target_days)
    out["response_median_hours"] = statistics.median(times.hours) if times.hours else None
    out["response_longest_hours"] = max(times.hours) if times.hours else None
    out["answered_within_target"] = times.in_time / times.judged if times.judged else None
    made, came, _ids = contacts_followed(store, period)
    out["contacts_led_to_visit"] = came / made if made else None
    return out


def _as_int(value: int | float | None) -> int:
    return int(value or 0)


def loyalty_care_behind(
    store: Reading, key: str, period: Period, now: datetime, target_days: int
) -> set[int] | None:
    """The customers behind a loyalty or care figure; None for a key of another group."""
    params = _params(period)
    rows = counted_rows(now.date())
    if key in rows:
        return {r["customer_id"] for r in store.query(rows[key], params)}
    if key == "redemption_rate":
        return {r["customer_id"] for r in store.query(rows["rewards_redeemed"], params)}
    if key in ("response_median_hours", "response_longest_hours"):
        return {
            r["customer_id"]
            for r in store.query(rows["complaints_opened"] + " AND resolved_at IS NOT NULL", params)
        }
    if key == "answered_within_target":
        return set(complaint_times(store, period, now, target_days).in_time_ids)
    if key == "contacts_led_to_visit":
        return set(contacts_followed(store, period)[2])
    return None
