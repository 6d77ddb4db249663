"""Customers: who they are, found fast by a few letters of the name or phone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from shopcrm.common.cleaning import as_text, clean, quote
from shopcrm.common.clock import Clock, iso
from shopcrm.common.errors import InvalidInput, NotFound, ShopError
from shopcrm.common.i18n import _
from shopcrm.common.text import fold, name_sort_key, sort_key_text
from shopcrm.common.whole import known_id
from shopcrm.people import consent, merging, search
from shopcrm.people.address_forms import checked_address_form
from shopcrm.people.birthdays import read_birthday
from shopcrm.people.occasions import set_birthday
from shopcrm.people.phone import national_digits, normalize_phone
from shopcrm.people.recent import RECENT_LIMIT, RecentCustomers, recent_customers
from shopcrm.people.records import (
    CUSTOMER_COLUMNS,
    CUSTOMER_LINE_COLUMNS,
    Customer,
    CustomerLine,
    customer_from_row,
)
from shopcrm.storage.store import Store

MAX_NAME = 200
MAX_EMAIL = 254
MAX_ADDRESS = 500
MAX_NOTES = 2000
MAX_TAG = 50
MAX_TAGS = 30
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


class DuplicatePhone(ShopError):
    """Another customer already has this phone number; ``existing`` is that customer."""

    def __init__(self, message: str, existing: Customer) -> None:
        super().__init__(message)
        self.existing = existing


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
        consent_method: str = "verbal",
        consents: Mapping[str, object] | None = None,
        address_form: str = "",
    ) -> Customer:
        """Add a customer. Only the name is required.

        ``address_form`` is how cards and letters address them ('' not chosen, 'bey', 'hanim',
        'first_name', 'none': ``shopcrm.people.address_forms``).

        ``marketing_consent`` records consent on every channel, given ``consent_method``
        (verbal unless told); ``consents`` says it per channel ({"call": True, "sms": (True,
        "written")}, see ``shopcrm.people.consent``). Raises ``InvalidInput`` for an empty or too
        long name, a wrong phone or e-mail, and ``DuplicatePhone`` (carrying the existing
        customer) when the phone is already someone's, unless ``allow_duplicate_phone``.
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
            address_form=address_form,
        )
        wishes = consent.checked_wishes(marketing_consent, consents, consent_method)
        if values["phone"] and not allow_duplicate_phone:
            self._refuse_duplicate_phone(values["phone"], None)
        typed_birthday = values.pop("birthday")
        moment = self._clock()
        now = iso(moment)
        values.update(created_at=now, updated_at=now)
        with self._store.transaction():
            columns = ", ".join(values)
            marks = ", ".join(f":{k}" for k in values)
            cursor = self._store.execute(
                f"INSERT INTO customers ({columns}) VALUES ({marks})", values
            )
            customer_id = int(cursor.lastrowid or 0)
            search.index_words(self._store, customer_id, values["name_folded"])
            consent.write_wishes(self._store, moment, customer_id, wishes)
            if typed_birthday is not None:
                set_birthday(self._store, now, customer_id, typed_birthday)
        return self.get(customer_id)

    def update(
        self, customer_id: int, allow_duplicate_phone: bool = False, **changes: Any
    ) -> Customer:
        """Change some of a customer's details, with the same checks as ``add``.

        ``marketing_consent`` gives or withdraws consent on every channel, ``consents`` on the
        channels it names (as ``add``); only what changes is added to the consent history."""
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
            "consent_method",
            "consents",
            "birthday",
            "address_form",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise TypeError(f"unknown customer fields: {sorted(unknown)}")
        wishes = consent.checked_wishes(
            changes.pop("marketing_consent", None),
            changes.pop("consents", None),
            changes.pop("consent_method", consent.ConsentMethod.VERBAL),
        )
        values = self._validated(**changes, customer_id=customer_id)
        if values.get("phone") and values["phone"] != current.phone and not allow_duplicate_phone:
            self._refuse_duplicate_phone(values["phone"], customer_id)
        birthday_given = "birthday" in values
        typed_birthday = values.pop("birthday", None)
        moment = self._clock()
        now = iso(moment)
        values["updated_at"] = now
        values["id"] = customer_id
        with self._store.transaction():
            assignments = ", ".join(f"{k} = :{k}" for k in values if k != "id")
            self._store.execute(f"UPDATE customers SET {assignments} WHERE id = :id", values)
            if "name_folded" in values:
                search.index_words(self._store, customer_id, values["name_folded"])
            consent.write_wishes(self._store, moment, customer_id, wishes)
            if birthday_given:
                set_birthday(self._store, now, customer_id, typed_birthday)
        return self.get(customer_id)

    def archive(self, customer_id: int) -> Customer:
        """Hide a customer from the counter and lists; their history stays."""
        return self._set_archived(customer_id, iso(self._clock()))

    def unarchive(self, customer_id: int) -> Customer:
        """Bring an archived customer back (not one merged into another: undo the merge)."""
        into = merging.merged_into(self._store, customer_id)
        if into is not None:
            raise InvalidInput(
                _(
                    "This customer was merged into {name}: undo the merge to bring them back."
                ).format(name=into["name"])
            )
        return self._set_archived(customer_id, None)

    def get(self, customer_id: int) -> Customer:
        """The customer with this id; ``NotFound`` if there is none (or it cannot be an id)."""
        row = None
        if known_id(customer_id) is not None:
            row = self._store.one(
                f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE id = ?", (customer_id,)
            )
        if row is None:
            raise NotFound(_("There is no customer number {id}.").format(id=quote(customer_id)))
        return customer_from_row(row)

    def find_by_phone(self, phone: str) -> Customer | None:
        """The (first, oldest) customer with this phone number, typed in any form."""
        e164 = normalize_phone(phone)
        row = self._store.one(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE phone = ? ORDER BY id LIMIT 1",
            (e164,),
        )
        return customer_from_row(row) if row else None

    def namesakes(self, name: str, exclude_id: int | None = None) -> list[Customer]:
        """Customers (not archived) whose name is this one however typed ("AYŞE  YILMAZ" is
        "Ayşe Yılmaz"), oldest first: before adding a customer, is this the same person?"""
        try:
            folded = _name(name, self._clock().date())["name_folded"]
        except InvalidInput:
            return []
        rows = self._store.query(
            f"SELECT {CUSTOMER_COLUMNS} FROM customers WHERE name_folded = ? AND id IS NOT ? "
            "AND archived_at IS NULL ORDER BY id LIMIT 20",
            (folded, exclude_id),
        )
        return [customer_from_row(r) for r in rows]

    def search(self, query: str, limit: int = 50, include_archived: bool = False) -> list[Customer]:
        """Customers matching what was typed, best first (see ``shopcrm.people.search``). Never
        raises for what was typed."""
        return search.find(self._store, query, limit, include_archived)

    def search_hint(self, text: str) -> str | None:
        """A translated hint when what was typed cannot find anyone because of its shape
        ("53": "Type at least three digits of the phone number."; a loyalty card nobody holds),
        else None."""
        return search.hint(self._store, text)

    def recent(self, limit: int = RECENT_LIMIT) -> RecentCustomers:
        """The customers served today, then the most recently seen (the counter's list before
        anyone types); see ``shopcrm.people.recent``."""
        return recent_customers(self._store, self._clock().date(), limit)

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
        cursor = self._store.execute(f"SELECT {CUSTOMER_LINE_COLUMNS} FROM customers {where}")
        lines = list(map(CustomerLine._make, cursor))
        lines.sort(key=lambda line: sort_key_text(line.name))
        return lines

    def _set_archived(self, customer_id: int, when: str | None) -> Customer:
        self.get(customer_id)
        if when is None and self._store.one(
            "SELECT 1 AS x FROM privacy_requests WHERE customer_id = ? AND action = 'erasure'",
            (customer_id,),
        ):
            raise InvalidInput(
                _("This customer's personal data was erased at their request: they stay archived.")
            )
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
        """The fields given, cleaned and checked; ``InvalidInput`` carrying every refused field
        (in the form's order) when any is refused."""
        out: dict[str, Any] = {}
        refused: dict[str, str] = {}
        for key, check in _CHECKS.items():
            if key not in fields:
                continue
            try:
                out.update(check(fields[key], self._clock().date()))
            except InvalidInput as error:
                refused[key] = str(error)
        if "referred_by" in fields:
            referrer = fields["referred_by"]
            if referrer is not None and referrer == customer_id:
                refused["referred_by"] = _("A customer cannot refer themselves.")
            out["referred_by"] = referrer
        if refused:
            raise InvalidInput("\n".join(refused.values()), fields=refused)
        if out.get("referred_by") is not None:
            self._check_referrer(out["referred_by"])
        return out

    def _check_referrer(self, referrer: object) -> None:
        referrer_id = known_id(referrer)
        if referrer_id is None:
            raise NotFound(_("There is no customer number {id}.").format(id=quote(referrer)))
        self.get(referrer_id)


def _name(value: Any, today: date) -> dict[str, Any]:
    name = clean(value, _("Name"), MAX_NAME)
    if not name:
        raise InvalidInput(_("Please type the customer's name."))
    folded = fold(name)
    if not any(ch.isalpha() for ch in folded):
        raise InvalidInput(_("A name needs at least one letter."))
    return {"name": name, "name_folded": folded, "name_sort": name_sort_key(name)}


def _phone(value: Any, today: date) -> dict[str, Any]:
    phone = normalize_phone(as_text(value))
    return {"phone": phone, "phone_digits": national_digits(phone)}


def _email(value: Any, today: date) -> dict[str, Any]:
    email = clean(value, _("E-mail"), MAX_EMAIL)
    if email and not _EMAIL.match(email):
        raise InvalidInput(_("“{email}” is not a valid e-mail address.").format(email=quote(email)))
    return {"email": email}


def _address(value: Any, today: date) -> dict[str, Any]:
    return {"address": clean(value, _("Address"), MAX_ADDRESS, multiline=True)}


def _notes(value: Any, today: date) -> dict[str, Any]:
    return {"notes": clean(value, _("Notes"), MAX_NOTES, multiline=True)}


def _tags(value: Any, today: date) -> dict[str, Any]:
    typed = value.split(",") if isinstance(value, str) else list(value or ())
    tags = [clean(tag, _("Tag"), MAX_TAG) for tag in typed]
    unique = list(dict.fromkeys(t for t in tags if t))
    if len(unique) > MAX_TAGS:
        raise InvalidInput(_("Please give at most {n} tags.").format(n=MAX_TAGS))
    return {"tags": ",".join(unique)}


def _birthday(value: Any, today: date) -> dict[str, Any]:
    return {"birthday": read_birthday(as_text(value), today)}


def _address_form(value: Any, today: date) -> dict[str, Any]:
    return {"address_form": checked_address_form(value).value}


_CHECKS: dict[str, Callable[[Any, date], dict[str, Any]]] = {
    "name": _name,
    "address_form": _address_form,
    "phone": _phone,
    "email": _email,
    "address": _address,
    "notes": _notes,
    "tags": _tags,
    "birthday": _birthday,
}
"""Each field a person types, in the order of the customer form, and how it is checked."""
