"""Customers: who they are, found fast by a few letters of the name or phone."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from shopcrm import search
from shopcrm.birthdays import parse_birthday
from shopcrm.clock import Clock, iso
from shopcrm.errors import DuplicatePhone, InvalidInput, NotFound
from shopcrm.i18n import _
from shopcrm.phone import national_digits, normalize_phone
from shopcrm.records import (
    CUSTOMER_COLUMNS,
    CUSTOMER_LINE_COLUMNS,
    Customer,
    CustomerLine,
    customer_from_row,
)
from shopcrm.store import Store
from shopcrm.text import fold, normalize, normalize_lines, sort_key_text

MAX_NAME = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


class CustomerService:
    """Add, change, archive, find and list customers."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def add(
        self,
        name: str,
        phone: str = "",
        email: str = "",
        address: str = "",
        notes: str = "",
        tags: Iterable[str] = (),
        referred_by: int | None = None,
        marketing_consent: bool = False,
        allow_duplicate_phone: bool = False,
        birthday: str = "",
    ) -> Customer:
        """Add a customer. Only the name is required.

        Raises ``InvalidInput`` for an empty or too long name, a wrong phone or e-mail, and
        ``DuplicatePhone`` (carrying the existing customer) when the phone is already someone's,
        unless ``allow_duplicate_phone``.
        """
        values = self._validated(
            name=name,
            phone=phone,
            email=email,
            address=address,
            notes=notes,
            tags=tags,
            referred_by=referred_by,
            birthday=birthday,
        )
        if values["phone"] and not allow_duplicate_phone:
            self._refuse_duplicate_phone(values["phone"], None)
        now = iso(self._clock())
        values.update(
            marketing_consent=int(marketing_consent),
            consent_date=now if marketing_consent else None,
            created_at=now,
            updated_at=now,
        )
        with self._store.transaction():
            columns = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            cursor = self._store.execute(
                f"INSERT INTO customers ({columns}) VALUES ({marks})", values
            )
            customer_id = int(cursor.lastrowid or 0)
            search.index_words(self._store, customer_id, values["name_folded"])
        return self.get(customer_id)

    def update(
        self, customer_id: int, allow_duplicate_phone: bool = False, **changes: Any
    ) -> Customer:
        """Change some of a customer's details, with the same checks as ``add``."""
        current = self.get(customer_id)
        allowed = {
            "name",
            "phone",
            "email",
            "address",
            "notes",
            "tags",
            "referred_by",
            "marketing_consent",
            "birthday",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"unknown customer fields: {sorted(unknown)}")
        consent = changes.pop("marketing_consent", None)
        values = self._validated(**changes, customer_id=customer_id)
        if values.get("phone") and values["phone"] != current.phone and not allow_duplicate_phone:
            self._refuse_duplicate_phone(values["phone"], customer_id)
        now = iso(self._clock())
        if consent is not None and bool(consent) != current.marketing_consent:
            values["marketing_consent"] = int(bool(consent))
            values["consent_date"] = now
        values["updated_at"] = now
        values["id"] = customer_id
        with self._store.transaction():
            assignments = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            self._store.execute(f"UPDATE customers SET {assignments} WHERE id = :id", values)
            if "name_folded" in values:
                search.index_words(self._store, customer_id, values["name_folded"])
        return self.get(customer_id)

    def archive(self, customer_id: int) -> Customer:
        """Hide a customer from the counter and lists; their history stays."""
        return self._set_archived(customer_id, iso(self._clock()))

    def unarchive(self, customer_id: int) -> Customer:
        """Bring an archived customer back."""
        return self._set_archived(customer_id, None)

    def get(self, customer_id: int) -> Customer:
        """The customer with this id; ``NotFound`` if there is none."""
        row = self._store.one(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?", (customer_id,)
        )
        if row is None:
            raise NotFound(_("There is no customer number {id}.").format(id=customer_id))
        return customer_from_row(row)

    def find_by_phone(self, phone: str) -> Customer | None:
        """The (first, oldest) customer with this phone number, typed in any form."""
        e164 = normalize_phone(phone)
        row = self._store.one(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE phone = ? ORDER BY id LIMIT 1",
            (e164,),
        )
        return customer_from_row(row) if row else None

    def search(self, query: str, limit: int = 50, include_archived: bool = False) -> list[Customer]:
        """Customers matching what was typed, best first (see ``shopcrm.search``)."""
        return search.find(self._store, query, limit, include_archived)

    def all(self, include_archived: bool = False) -> list[Customer]:
        """Every customer, in Turkish alphabetical order of name."""
        where = "" if include_archived else "WHERE archived_at IS NULL"
        rows = self._store.query(f"SELECT {CUSTOMER_COLUMNS} FROM customers {where}")
        return sorted((customer_from_row(r) for r in rows), key=lambda c: sort_key_text(c.name))

    def count(self, include_archived: bool = False) -> int:
        """How many customers there are."""
        where = "" if include_archived else "WHERE archived_at IS NULL"
        row = self._store.one(f"SELECT count(*) AS n FROM customers {where}")
        return int(row["n"]) if row else 0

    def lines(self, include_archived: bool = False) -> list[CustomerLine]:
        """Every customer as a ``CustomerLine``, in Turkish alphabetical order of name.

        What a long list needs, fast: no ``Customer`` is built, and names are ordered with
        ``sort_key_text``, so 100,000 customers take a fraction of ``all()``'s time.
        """
        where = "" if include_archived else "WHERE archived_at IS NULL"
        cursor = self._store.conn.execute(f"SELECT {CUSTOMER_LINE_COLUMNS} FROM customers {where}")
        lines = list(map(CustomerLine._make, cursor))
        lines.sort(key=lambda line: sort_key_text(line.name))
        return lines

    def _set_archived(self, customer_id: int, when: str | None) -> Customer:
        self.get(customer_id)
        with self._store.transaction():
            self._store.execute(
                "UPDATE customers SET archived_at = ?, updated_at = ? WHERE id = ?",
                (when, iso(self._clock()), customer_id),
            )
        return self.get(customer_id)

    def _refuse_duplicate_phone(self, e164: str, customer_id: int | None) -> None:
        row = self._store.one(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE phone = ? AND id IS NOT ? "
            "ORDER BY id LIMIT 1",
            (e164, customer_id),
        )
        if row:
            existing = customer_from_row(row)
            raise DuplicatePhone(
                _("{phone} is already the phone of {name}.").format(
                    phone=existing.phone_display, name=existing.name
                ),
                existing,
            )

    def _validated(self, customer_id: int | None = None, **fields: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "name" in fields:
            name = normalize(str(fields["name"]))
            if not name:
                raise InvalidInput(_("Please type the customer's name."))
            if len(name) > MAX_NAME:
                raise InvalidInput(
                    _("A name can be at most {n} characters long.").format(n=MAX_NAME)
                )
            out["name"] = name
            out["name_folded"] = fold(name)
        if "phone" in fields:
            out["phone"] = normalize_phone(str(fields["phone"] or ""))
            out["phone_digits"] = national_digits(out["phone"])
        if "email" in fields:
            email = normalize(str(fields["email"] or ""))
            if email and not _EMAIL.match(email):
                raise InvalidInput(
                    _("“{email}” is not a valid e-mail address.").format(email=email)
                )
            out["email"] = email
        for key in ("address", "notes"):
            if key in fields:
                out[key] = normalize_lines(str(fields[key] or ""))
        if "tags" in fields:
            tags = fields["tags"]
            if isinstance(tags, str):
                tags = tags.split(",")
            unique = dict.fromkeys(normalize(t) for t in tags if normalize(t))
            out["tags"] = ",".join(unique)
        if "birthday" in fields:
            out["birthday"] = parse_birthday(str(fields["birthday"] or ""), self._clock().date())
        if "referred_by" in fields:
            referrer = fields["referred_by"]
            if referrer is not None:
                if referrer == customer_id:
                    raise InvalidInput(_("A customer cannot refer themselves."))
                self.get(int(referrer))
            out["referred_by"] = referrer
        return out
