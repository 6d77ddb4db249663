"""The records the core hands out: plain, frozen values built from database rows."""

from __future__ import annotations

from dataclasses import dataclass

from shopcrm.phone import display_phone
from shopcrm.store import Row


@dataclass(frozen=True)
class Customer:
    """A customer as the shop knows them. Money is in kuruş; dates are ISO text."""

    id: int
    name: str
    phone: str
    email: str
    address: str
    notes: str
    tags: tuple[str, ...]
    referred_by: int | None
    marketing_consent: bool
    consent_date: str | None
    visit_count: int
    total_spent: int
    last_visit: str | None
    created_at: str
    updated_at: str
    archived: bool

    @property
    def phone_display(self) -> str:
        """The phone number the way people read it ("0532 123 45 67")."""
        return display_phone(self.phone)


CUSTOMER_COLUMNS = (
    "id, name, phone, email, address, notes, tags, referred_by, marketing_consent, consent_date, "
    "visit_count, total_spent, last_visit, created_at, updated_at, archived_at"
)


def customer_from_row(row: Row) -> Customer:
    """Build a ``Customer`` from a row selected with ``CUSTOMER_COLUMNS``."""
    return Customer(
        id=row["id"],
        name=row["name"],
        phone=row["phone"],
        email=row["email"],
        address=row["address"],
        notes=row["notes"],
        tags=tuple(t for t in row["tags"].split(",") if t),
        referred_by=row["referred_by"],
        marketing_consent=bool(row["marketing_consent"]),
        consent_date=row["consent_date"],
        visit_count=row["visit_count"],
        total_spent=row["total_spent"],
        last_visit=row["last_visit"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        archived=row["archived_at"] is not None,
    )


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

    @property
    def voided(self) -> bool:
        """Whether the purchase was voided (it still exists, but no longer counts)."""
        return self.voided_at is not None


PURCHASE_COLUMNS = "id, customer_id, amount, note, purchased_at, created_at, voided_at, void_reason"


def purchase_from_row(row: Row) -> Purchase:
    """Build a ``Purchase`` from a row selected with ``PURCHASE_COLUMNS``."""
    return Purchase(**{k: row[k] for k in PURCHASE_COLUMNS.split(", ")})
