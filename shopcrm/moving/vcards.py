"""Customers as vCards 3.0 (vobject), one file for a phone's contacts: the name, the phone in
+90 form, the e-mail, the birthday (BDAY; "--04-15" when the year is not known), the notes
and the tags (CATEGORIES)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import vobject

from shopcrm.common.i18n import _
from shopcrm.moving.table_files import ExportFailed, Written
from shopcrm.people.records import Customer


def vcard_text(c: Customer) -> str:
    """One customer's vCard 3.0."""
    card = vobject.vCard()
    card.add("version").value = "3.0"
    card.add("fn").value = c.name
    words = c.name.split()
    family = words[-1] if len(words) > 1 else ""
    given = " ".join(words[:-1]) if len(words) > 1 else c.name
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if c.phone:
        tel = card.add("tel")
        tel.value = c.phone
        tel.type_param = "CELL"
    if c.email:
        mail = card.add("email")
        mail.value = c.email
        mail.type_param = "INTERNET"
    if c.birthday:
        card.add("bday").value = c.birthday if len(c.birthday) > 5 else "--" + c.birthday
    if c.notes:
        card.add("note").value = c.notes
    if c.tags:
        card.add("categories").value = list(c.tags)
    text: str = card.serialize()
    return text


def write_vcards(path: Path, customers: Sequence[Customer]) -> Written:
    """Write ``customers`` as one .vcf file (UTF-8)."""
    part = path.with_name(path.name + ".part")
    try:
        with part.open("w", encoding="utf-8", newline="") as f:
            for customer in customers:
                f.write(vcard_text(customer))
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ExportFailed(
            _("The file {path} could not be written: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from error
    return Written(path, len(customers))
