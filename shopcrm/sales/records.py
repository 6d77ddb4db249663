"""A purchase as the core hands it out: a plain, frozen value built from its row."""

from __future__ import annotations

from dataclasses import dataclass

from shopcrm.sales import voids
from shopcrm.storage.store import Row


@dataclass(frozen=True)
class Purchase:
    """One sale to a customer. ``amount`` is in kuruş; ``purchased_at`` is local ISO time."""

    id: int
    customer_id: int
    amount: int
    note: str
    purchased_at: str
    created_at: str
    voided_at: str | None
    void_reason: str
    discount: int = 0
    void_code: str | None = None
    """Why it was voided (a ``shopcrm.sales.voids.VoidReason`` value); ``void_reason`` holds the
    words."""
    replaces_id: int | None = None
    """The voided purchase this one corrects, if it is a correction."""

    @property
    def paid(self) -> int:
        """What the customer paid: the amount less the discount of the rewards redeemed."""
        return self.amount - self.discount

    @property
    def voided(self) -> bool:
        """Whether the purchase was voided (it still exists, but no longer counts)."""
        return self.voided_at is not None

    @property
    def why_voided(self) -> str:
        """Why it was voided, in the current language ("" when it counts)."""
        return voids.describe(self.void_code, self.void_reason) if self.voided else ""


PURCHASE_COLUMNS = (
    "id, customer_id, amount, note, purchased_at, created_at, voided_at, void_reason, discount, "
    "void_code, replaces_id"
)


def purchase_from_row(row: Row) -> Purchase:
    """Build a ``Purchase`` from a row selected with ``PURCHASE_COLUMNS``."""
    return Purchase(**{k: row[k] for k in PURCHASE_COLUMNS.split(", ")})
