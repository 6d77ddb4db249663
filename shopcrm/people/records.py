"""The records the core hands out: plain, frozen values built from database rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from shopcrm.common.text import fold
from shopcrm.people.address_forms import AddressForm
from shopcrm.people.phone import display_phone, national_digits
from shopcrm.storage.store import Row


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
    """Consent to commercial messages on at least one channel; what holds per channel, and its
    history, is ``shop.consent``'s (``shopcrm.people.consent``)."""
    consent_date: str | None
    """When the customer's consent last changed, on any channel."""
    visit_count: int
    total_spent: int
    last_visit: str | None
    created_at: str
    updated_at: str
    archived: bool
    birthday: str | None = None
    address_form: AddressForm = AddressForm.NOT_CHOSEN
    """How cards and letters address the customer ("Sayın Şükrü Bey"...)."""

    @property
    def phone_display(self) -> str:
        """The phone number the way people read it ("0532 123 45 67")."""
        return display_phone(self.phone)


def birthday_of(table: str = "customers") -> str:
    """SQL for the birthday of the customer on a row of ``table`` (the customers table or its
    alias), as stored ("03-15", or "1980-03-15" with the year), read from the customer's own
    birthday occasion (one place for the date); NULL when they have none."""
    return (
        "(SELECT CASE WHEN b.year IS NULL THEN printf('%02d-%02d', b.month, b.day) "
        "ELSE printf('%04d-%02d-%02d', b.year, b.month, b.day) END FROM occasions b "
        f"WHERE b.customer_id = {table}.id AND b.kind = 'birthday' AND b.whose = '' "
        "AND b.removed_at IS NULL)"
    )


_CUSTOMER_FIELDS = (
    "id",
    "name",
    "phone",
    "email",
    "address",
    "notes",
    "tags",
    "referred_by",
    "marketing_consent",
    "consent_date",
    "visit_count",
    "total_spent",
    "last_visit",
    "created_at",
    "updated_at",
    "archived_at",
    "address_form",
)


def customer_columns(table: str = "customers") -> str:
    """The columns ``customer_from_row`` reads, for a query on ``table`` (the customers table or
    its alias: "FROM customers c JOIN ..." selects ``customer_columns("c")``)."""
    own = ", ".join(f"{table}.{name} AS {name}" for name in _CUSTOMER_FIELDS)
    return f"{own}, {birthday_of(table)} AS birthday"


CUSTOMER_COLUMNS = customer_columns()
"""The columns ``customer_from_row`` reads, for a query ``FROM customers`` (not aliased)."""

KNOWN_BIRTHDAYS = (
    "SELECT o.customer_id AS id, CASE WHEN o.year IS NULL THEN printf('%02d-%02d', o.month, o.day) "
    "ELSE printf('%04d-%02d-%02d', o.year, o.month, o.day) END AS birthday "
    "FROM occasions o JOIN customers c ON c.id = o.customer_id "
    "WHERE o.kind = 'birthday' AND o.whose = '' AND o.removed_at IS NULL "
    "AND c.archived_at IS NULL ORDER BY o.customer_id"
)
"""SQL: every customer (not archived) who gave their birthday, as ``id`` and ``birthday``
(stored as "03-15" or "1980-03-15"), in the order they were added."""


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
        birthday=row["birthday"],
        address_form=AddressForm(row["address_form"]),
    )


_FIELDS_IN_ORDER = tuple(f.name for f in fields(Customer))
_NEW_CUSTOMER = object.__new__
_SET_ATTRIBUTE = object.__setattr__


def customer_from_values(values: Sequence[Any]) -> Customer:
    """Build a ``Customer`` from a plain row (a tuple) selected with ``CUSTOMER_COLUMNS``, in its
    order: quicker than ``customer_from_row`` where a search builds fifty on every keystroke.

    The record's fields are handed over in one dictionary instead of through the frozen
    dataclass's ``__init__``, which sets them one ``object.__setattr__`` at a time: half the
    time a search spends in Python. The record is the same (equal, hashed and shown alike)."""
    (
        id_,
        name,
        phone,
        email,
        address,
        notes,
        tags,
        referred_by,
        consent,
        consent_date,
        visit_count,
        total_spent,
        last_visit,
        created_at,
        updated_at,
        archived_at,
        address_form,
        birthday,
    ) = values
    customer = _NEW_CUSTOMER(Customer)
    _SET_ATTRIBUTE(
        customer,
        "__dict__",
        dict(
            zip(
                _FIELDS_IN_ORDER,
                (
                    id_,
                    name,
                    phone,
                    email,
                    address,
                    notes,
                    tuple(t for t in tags.split(",") if t) if tags else (),
                    referred_by,
                    bool(consent),
                    consent_date,
                    visit_count,
                    total_spent,
                    last_visit,
                    created_at,
                    updated_at,
                    archived_at is not None,
                    birthday,
                    _ADDRESS_FORMS[address_form],
                ),
                strict=True,
            )
        ),
    )
    return customer


_ADDRESS_FORMS = {form.value: form for form in AddressForm}


class CustomerLine(NamedTuple):
    """A customer as one line of a long list: only what the list shows, sorts and filters by.

    Much lighter than ``Customer`` to build by the 100,000. ``name_folded`` is the name folded
    for search (``shopcrm.common.text.fold``); ``phone_digits`` the national digits ("5321234567").
    """

    id: int
    name: str
    name_folded: str
    phone: str
    phone_digits: str
    email: str
    tags: str
    visit_count: int
    total_spent: int
    last_visit: str | None
    created_at: str
    archived: bool

    @property
    def phone_display(self) -> str:
        """The phone number the way people read it ("0532 123 45 67")."""
        return display_phone(self.phone)

    @property
    def tag_list(self) -> tuple[str, ...]:
        """The tags, in the order they were given."""
        return tuple(t for t in self.tags.split(",") if t)

    @classmethod
    def of(cls, customer: Customer) -> CustomerLine:
        """The line of a ``Customer`` (after a change, to update one line of a list)."""
        return cls(
            id=customer.id,
            name=customer.name,
            name_folded=fold(customer.name),
            phone=customer.phone,
            phone_digits=national_digits(customer.phone),
            email=customer.email,
            tags=",".join(customer.tags),
            visit_count=customer.visit_count,
            total_spent=customer.total_spent,
            last_visit=customer.last_visit,
            created_at=customer.created_at,
            archived=customer.archived,
        )


CUSTOMER_LINE_COLUMNS = (
    "id, name, name_folded, phone, phone_digits, email, tags, visit_count, total_spent, "
    "last_visit, created_at, archived_at IS NOT NULL"
)
