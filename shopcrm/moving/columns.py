"""Which column of a file holds what: the headers of the common sources recognised without
asking, and a guess from Turkish and English header names for any other file.

Recognised: Square's and Shopify's customer exports, Open Source Point of Sale, Google Contacts,
Outlook, and ShopCRM's own (English and Turkish). ``Mapping`` says which field each column
feeds (or none); the person may change it in the preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from shopcrm.common.i18n import _
from shopcrm.common.text import fold


class Field(StrEnum):
    """What a column may hold."""

    NAME = "name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    NOTES = "notes"
    TAGS = "tags"
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    VISITS = "visits"
    SPENT = "spent"
    CONSENT = "consent"
    CONSENT_EMAIL = "consent_email"
    CONSENT_SMS = "consent_sms"


def field_titles() -> dict[Field, str]:
    """What each field is called, in the current language (for the preview's column choice)."""
    return {
        Field.NAME: _("Full name"),
        Field.FIRST_NAME: _("First name"),
        Field.MIDDLE_NAME: _("Middle name"),
        Field.LAST_NAME: _("Last name"),
        Field.PHONE: _("Phone"),
        Field.EMAIL: _("E-mail"),
        Field.ADDRESS: _("Address"),
        Field.NOTES: _("Notes"),
        Field.TAGS: _("Tags"),
        Field.BIRTHDAY: _("Birthday"),
        Field.ANNIVERSARY: _("Wedding anniversary"),
        Field.VISITS: _("Visits (opening balance)"),
        Field.SPENT: _("Total spent (opening balance)"),
        Field.CONSENT: _("Consent to messages"),
        Field.CONSENT_EMAIL: _("Consent to e-mails"),
        Field.CONSENT_SMS: _("Consent to SMS"),
    }


class Source(StrEnum):
    """Whose export a file is, recognised by its headers."""

    SQUARE = "square"
    SHOPIFY = "shopify"
    OSPOS = "ospos"
    GOOGLE = "google"
    OUTLOOK = "outlook"
    VCARD = "vcard"
    SHOPCRM = "shopcrm"
    OTHER = "other"


def source_titles() -> dict[Source, str]:
    """What each source is called in the preview ("Recognised: Shopify")."""
    return {
        Source.SQUARE: "Square",
        Source.SHOPIFY: "Shopify",
        Source.OSPOS: "Open Source Point of Sale",
        Source.GOOGLE: "Google Contacts",
        Source.OUTLOOK: "Outlook",
        Source.VCARD: "vCard",
        Source.SHOPCRM: "ShopCRM",
        Source.OTHER: _("another program"),
    }


MONTH_FIRST = frozenset({Source.SQUARE, Source.SHOPIFY, Source.GOOGLE, Source.OUTLOOK})
"""Sources that write a date with the month first (04/15/1985, 04-15)."""

# Headers as the sources write them, folded (see ``_key``).
_SOURCE_HEADERS: dict[Source, set[str]] = {
    Source.SQUARE: {"email address", "phone number", "memo", "transaction count", "lifetime spend"},
    Source.SHOPIFY: {"accepts email marketing", "total spent", "total orders", "tax exempt"},
    Source.OSPOS: {"address 1", "comments", "account number", "discount type", "taxable"},
    Source.GOOGLE: {"phone 1 - value", "e-mail 1 - value", "labels"},
    Source.OUTLOOK: {"mobile phone", "e-mail address", "categories", "home phone"},
}

_KNOWN: dict[str, Field] = {
    # English, the sources' own
    "name": Field.NAME,
    "full name": Field.NAME,
    "display name": Field.NAME,
    "customer": Field.NAME,
    "customer name": Field.NAME,
    "first name": Field.FIRST_NAME,
    "given name": Field.FIRST_NAME,
    "middle name": Field.MIDDLE_NAME,
    "additional name": Field.MIDDLE_NAME,
    "last name": Field.LAST_NAME,
    "family name": Field.LAST_NAME,
    "surname": Field.LAST_NAME,
    "phone": Field.PHONE,
    "phone number": Field.PHONE,
    "phone 1 - value": Field.PHONE,
    "mobile phone": Field.PHONE,
    "mobile": Field.PHONE,
    "home phone": Field.PHONE,
    "business phone": Field.PHONE,
    "telephone": Field.PHONE,
    "default address phone": Field.PHONE,
    "email": Field.EMAIL,
    "e-mail": Field.EMAIL,
    "email address": Field.EMAIL,
    "e-mail address": Field.EMAIL,
    "e-mail 1 - value": Field.EMAIL,
    "address": Field.ADDRESS,
    "address 1": Field.ADDRESS,
    "address1": Field.ADDRESS,
    "street address 1": Field.ADDRESS,
    "default address address1": Field.ADDRESS,
    "home street": Field.ADDRESS,
    "address 1 - formatted": Field.ADDRESS,
    "notes": Field.NOTES,
    "note": Field.NOTES,
    "memo": Field.NOTES,
    "comments": Field.NOTES,
    "comment": Field.NOTES,
    "tags": Field.TAGS,
    "labels": Field.TAGS,
    "categories": Field.TAGS,
    "birthday": Field.BIRTHDAY,
    "date of birth": Field.BIRTHDAY,
    "anniversary": Field.ANNIVERSARY,
    "wedding anniversary": Field.ANNIVERSARY,
    "visits": Field.VISITS,
    "transaction count": Field.VISITS,
    "total orders": Field.VISITS,
    "total spent": Field.SPENT,
    "lifetime spend": Field.SPENT,
    "consent": Field.CONSENT,
    "marketing consent": Field.CONSENT,
    "accepts email marketing": Field.CONSENT_EMAIL,
    "email subscription status": Field.CONSENT_EMAIL,
    "accepts sms marketing": Field.CONSENT_SMS,
    # Turkish, as people and ShopCRM write them
    "ad": Field.FIRST_NAME,
    "adi": Field.FIRST_NAME,
    "isim": Field.NAME,
    "ad soyad": Field.NAME,
    "adi soyadi": Field.NAME,
    "ad soyadi": Field.NAME,
    "ad-soyad": Field.NAME,
    "musteri": Field.NAME,
    "musteri adi": Field.NAME,
    "soyad": Field.LAST_NAME,
    "soyadi": Field.LAST_NAME,
    "soyisim": Field.LAST_NAME,
    "telefon": Field.PHONE,
    "tel": Field.PHONE,
    "cep": Field.PHONE,
    "cep telefonu": Field.PHONE,
    "cep tel": Field.PHONE,
    "gsm": Field.PHONE,
    "telefon no": Field.PHONE,
    "telefon numarasi": Field.PHONE,
    "e-posta": Field.EMAIL,
    "eposta": Field.EMAIL,
    "e-posta adresi": Field.EMAIL,
    "mail": Field.EMAIL,
    "adres": Field.ADDRESS,
    "not": Field.NOTES,
    "notlar": Field.NOTES,
    "aciklama": Field.NOTES,
    "etiket": Field.TAGS,
    "etiketler": Field.TAGS,
    "dogum tarihi": Field.BIRTHDAY,
    "dogum gunu": Field.BIRTHDAY,
    "evlilik yildonumu": Field.ANNIVERSARY,
    "evlilik yil donumu": Field.ANNIVERSARY,
    "yildonumu": Field.ANNIVERSARY,
    "yil donumu": Field.ANNIVERSARY,
    "ziyaret": Field.VISITS,
    "ziyaret sayisi": Field.VISITS,
    "toplam harcama": Field.SPENT,
    "izin": Field.CONSENT,
    "ileti izni": Field.CONSENT,
    "pazarlama izni": Field.CONSENT,
}

_SHOPCRM_HEADERS = {
    "name",
    "phone",
    "e-mail",
    "birthday",
    "tags",
    "notes",
    "visits",
    "total spent",
    "ad soyad",
    "telefon",
    "e-posta",
    "dogum gunu",
    "etiketler",
    "notlar",
    "ziyaret",
    "toplam harcama",
}


@dataclass(frozen=True)
class Mapping:
    """Which field each column feeds (None: not imported), and whose export the file is."""

    fields: tuple[Field | None, ...]
    source: Source

    @property
    def recognised(self) -> bool:
        """Whether the file is a known source's, so the columns need no asking."""
        return self.source is not Source.OTHER

    @property
    def month_first(self) -> bool:
        """Whether its dates put the month first (04/15/1985)."""
        return self.source in MONTH_FIRST

    def with_field(self, column: int, value: Field | None) -> Mapping:
        """The same mapping with ``column`` feeding ``value`` (None: not imported)."""
        fields = list(self.fields)
        fields[column] = value
        return Mapping(tuple(fields), self.source)

    def columns_of(self, field: Field) -> list[int]:
        """The columns feeding ``field``, left to right."""
        return [i for i, f in enumerate(self.fields) if f is field]

    def problem(self) -> str | None:
        """Why nothing could be imported with this mapping, translated; None when it can."""
        names = {Field.NAME, Field.FIRST_NAME, Field.LAST_NAME}
        if not names.intersection(f for f in self.fields if f is not None):
            return _("Please choose the column that holds the names.")
        return None


def _key(header: str) -> str:
    """A header folded for comparing: no case or accents, "_" and runs of spaces as one space,
    a bracketed hint dropped ("Birthday (M/D/YYYY)")."""
    text = re.sub(r"\(.*?\)", " ", header.replace("_", " "))
    return fold(text).strip(" :*")


def recognise(headers: tuple[str, ...], kind: str = "csv") -> Mapping:
    """The mapping of a file's headers: each known header's field (the first column of a field
    wins; "Phone 2 - Value" and other extras feed nothing), and the source recognised."""
    keys = [_key(h) for h in headers]
    source = Source.VCARD if kind == "vcard" else _source(set(keys))
    fields: list[Field | None] = []
    taken: set[Field] = set()
    for key in keys:
        field = _KNOWN.get(key)
        if field is not None and field in taken and field is not Field.PHONE:
            field = None
        if field is not None:
            taken.add(field)
        fields.append(field)
    if Field.NAME in taken:  # a full name beats its halves
        fields = [
            None if f in (Field.FIRST_NAME, Field.MIDDLE_NAME, Field.LAST_NAME) else f
            for f in fields
        ]
    return Mapping(tuple(fields), source)


def _source(keys: set[str]) -> Source:
    best, hits = Source.OTHER, 1
    for source, marks in _SOURCE_HEADERS.items():
        found = len(marks & keys)
        if found > hits:
            best, hits = source, found
    if best is Source.OTHER and keys and keys <= _SHOPCRM_HEADERS | {"anniversary"}:
        return Source.SHOPCRM
    return best
