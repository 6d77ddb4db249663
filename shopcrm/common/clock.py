"""The time as the shop sees it: local date and time, stored as ISO 8601 text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The local date and time, to the second, without a time zone (as a shop's till shows)."""
    return datetime.now().replace(microsecond=0)


def iso(moment: datetime) -> str:
    """A moment as stored in the database: "2026-11-23T16:05:00"."""
    return moment.replace(tzinfo=None).isoformat(timespec="seconds")
