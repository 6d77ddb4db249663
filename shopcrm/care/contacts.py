"""The contact log: calls, letters, cards, gifts, visit notes, survey answers and complaints.

``add_entry`` writes one entry inside the caller's transaction (what marking an occasion or
recording a call's outcome uses); the rest of the log (checks, corrections, complaints) builds
on it.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from shopcrm.common.clock import iso
from shopcrm.storage.store import Store


class ContactKind(StrEnum):
    """What kind of contact an entry records."""

    CALL = "call"
    LETTER = "letter"
    CARD = "card"
    GIFT = "gift"
    VISIT_NOTE = "visit_note"
    SURVEY = "survey"
    COMPLAINT = "complaint"


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
