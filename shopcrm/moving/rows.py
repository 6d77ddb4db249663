"""A row of a file made into a customer draft, or refused with the reason for each bad cell.

A draft is checked with the customer form's own limits (name, phone, e-mail, tags...), so that
what the preview accepts the import can add. A bad row is never half taken: it is listed with
its line number, the column, the value (cut short) and why, and the person fixes the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from shopcrm.common.cleaning import clean, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.moving.cells import unguarded
from shopcrm.moving.columns import Field, Mapping
from shopcrm.moving.reading import MAX_COLUMNS, Progress, ReadCancelled, Sheet
from shopcrm.moving.values import read_amount, read_count, read_date, read_yes_no
from shopcrm.people.birthdays import TypedDay
from shopcrm.people.consent import Channel
from shopcrm.people.customers import MAX_ADDRESS, MAX_EMAIL, MAX_NAME, MAX_NOTES, MAX_TAG, MAX_TAGS
from shopcrm.people.phone import normalize_phone

_T = TypeVar("_T")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
"""An e-mail address as the customer form accepts it."""
_SEVERAL = re.compile(r"\s*:::\s*")
"""How Google Contacts joins several values in one cell."""
_SYSTEM_LABEL = "* "
"""Google Contacts' own labels ("* myContacts", "* starred") are not the shop's tags."""


@dataclass(frozen=True)
class Problem:
    """Why one cell of a row was refused."""

    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class BadRow:
    """A row that was not taken: its line in the file, its cells as read, and its problems."""

    line: int
    cells: tuple[str, ...]
    problems: tuple[Problem, ...]

    def reason(self) -> str:
        """Every problem in one text: "Telefon: “0532” is not a valid phone number. ..."."""
        parts = []
        for p in self.problems:
            if not p.column:
                text = p.reason
            elif p.value and p.value not in p.reason:
                text = _("{column} “{value}”: {reason}").format(
                    column=p.column, value=p.value, reason=p.reason
                )
            else:
                text = _("{column}: {reason}").format(column=p.column, reason=p.reason)
            parts.append(text if text.endswith((".", "!", "?")) else text + ".")
        return " ".join(parts)


@dataclass
class Draft:
    """A customer as a row gives them, checked and ready to add or merge."""

    line: int
    cells: tuple[str, ...]
    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    birthday: TypedDay | None = None
    anniversary: TypedDay | None = None
    visits: int = 0
    spent: int = 0
    consents: dict[Channel, bool] = field(default_factory=dict)


def read_rows(
    sheet: Sheet, mapping: Mapping, today: date, progress: Progress | None = None
) -> tuple[list[Draft], list[BadRow]]:
    """Every row of ``sheet`` as a draft or a bad row, in the file's order. ``progress`` is told
    (done, total) now and then, and stops the reading (``ReadCancelled``) when it says False."""
    drafts: list[Draft] = []
    bad: list[BadRow] = []
    decimal_comma = sheet.separator == ";"
    columns = {f: mapping.columns_of(f) for f in Field}
    for line, count in sheet.wide_rows:
        reason = _("The row has {n} cells; at most {max} are read.").format(
            n=number(count), max=number(MAX_COLUMNS)
        )
        bad.append(BadRow(line, (), (Problem("", "", reason),)))
    total = len(sheet.rows)
    for done, (line, cells) in enumerate(sheet.rows):
        if progress is not None and done % 500 == 0 and not progress(done, total):
            raise ReadCancelled(_("The import was cancelled."))
        reader = _RowReader(sheet.headers, mapping, columns, cells, decimal_comma, today)
        draft = reader.draft(line)
        if reader.problems:
            bad.append(BadRow(line, cells, tuple(reader.problems)))
        elif draft is not None:
            drafts.append(draft)
    bad.sort(key=lambda b: b.line)
    return drafts, bad


class _RowReader:
    """Reads one row's fields, collecting a problem for each cell refused."""

    def __init__(
        self,
        headers: tuple[str, ...],
        mapping: Mapping,
        columns: dict[Field, list[int]],
        cells: tuple[str, ...],
        decimal_comma: bool,
        today: date,
    ) -> None:
        self.headers = headers
        self.mapping = mapping
        self.columns = columns
        self.cells = cells
        self.decimal_comma = decimal_comma
        self.today = today
        self.problems: list[Problem] = []

    def values(self, field: Field) -> list[tuple[int, str]]:
        """The non-empty cells feeding ``field`` (several values in one cell split apart)."""
        found: list[tuple[int, str]] = []
        for column in self.columns[field]:
            # A spreadsheet export's formula guard ("'=2+2", ours or another program's) is undone.
            cell = unguarded(self.cells[column]) if column < len(self.cells) else ""
            if not cell.strip():
                continue
            if ":::" in cell:
                found.extend((column, v) for v in _SEVERAL.split(cell) if v.strip())
            else:
                found.append((column, cell))
        return found

    def first(self, field: Field) -> tuple[int, str] | None:
        values = self.values(field)
        return values[0] if values else None

    def checked(self, field: Field, read: Callable[[str], _T], empty: _T) -> _T:
        """The first value of ``field`` read by ``read``, or ``empty``; a refusal is noted."""
        found = self.first(field)
        if found is None:
            return empty
        column, value = found
        try:
            return read(value)
        except InvalidInput as error:
            self.note(column, value, str(error))
            return empty

    def note(self, column: int, value: str, reason: str) -> None:
        header = self.headers[column] if column < len(self.headers) else str(column + 1)
        self.problems.append(Problem(quote(header), quote(value), reason))

    def draft(self, line: int) -> Draft | None:
        name = self.name()
        phone = self.phone()
        email = self.checked(Field.EMAIL, _email, "")
        if not name and not self.problems:
            if not phone and not email and not self.values(Field.NOTES):
                return None  # a row of nothing the shop keeps: passed over
            self.problems.append(Problem("", "", _("The row has no name.")))
        draft = Draft(
            line=line,
            cells=self.cells,
            name=name,
            phone=phone,
            email=email,
            address=self.checked(Field.ADDRESS, _address, ""),
            notes=self.notes(),
            tags=self.tags(),
            birthday=self.checked(Field.BIRTHDAY, self.date, None),
            anniversary=self.checked(Field.ANNIVERSARY, self.date, None),
            visits=self.checked(Field.VISITS, read_count, 0),
            spent=self.checked(Field.SPENT, self.amount, 0),
            consents=self.consents(),
        )
        return draft

    def phone(self) -> str:
        """The first phone number that is valid (Google and Outlook give several); a problem
        only when none is."""
        values = self.values(Field.PHONE)
        for _column, value in values:
            try:
                return _phone(value)
            except InvalidInput:
                continue
        if values:
            column, value = values[0]
            try:
                _phone(value)
            except InvalidInput as error:
                self.note(column, value, str(error))
        return ""

    def date(self, text: str) -> TypedDay | None:
        return read_date(text, self.mapping.month_first, self.today)

    def amount(self, text: str) -> int:
        return read_amount(text, self.decimal_comma)

    def name(self) -> str:
        whole = self.first(Field.NAME)
        if whole is not None:
            parts = [whole]
        else:
            parts = [
                found
                for f in (Field.FIRST_NAME, Field.MIDDLE_NAME, Field.LAST_NAME)
                if (found := self.first(f)) is not None
            ]
        if not parts:
            return ""
        joined = " ".join(value for _column, value in parts)
        try:
            name = clean(joined, _("Name"), MAX_NAME)
        except InvalidInput as error:
            self.note(parts[0][0], joined, str(error))
            return ""
        if not any(ch.isalpha() for ch in name):
            self.note(parts[0][0], joined, _("A name needs at least one letter."))
            return ""
        return name

    def notes(self) -> str:
        texts = []
        for column, value in self.values(Field.NOTES):
            try:
                texts.append(clean(value, _("Notes"), MAX_NOTES, multiline=True))
            except InvalidInput as error:
                self.note(column, value, str(error))
        joined = "\n".join(t for t in texts if t)
        if len(joined) > MAX_NOTES:
            self.note(self.columns[Field.NOTES][0], joined, _("The notes are too long."))
            return ""
        return joined

    def tags(self) -> tuple[str, ...]:
        tags: list[str] = []
        for column, value in self.values(Field.TAGS):
            for tag in re.split(r"[,;]", value):
                if tag.strip().startswith(_SYSTEM_LABEL):
                    continue
                try:
                    cleaned = clean(tag, _("Tag"), MAX_TAG)
                except InvalidInput as error:
                    self.note(column, tag, str(error))
                    continue
                if cleaned and cleaned not in tags:
                    tags.append(cleaned)
        if len(tags) > MAX_TAGS:
            column = self.columns[Field.TAGS][0]
            self.note(
                column,
                ", ".join(tags),
                _("Please give at most {n} tags.").format(n=MAX_TAGS),
            )
            return ()
        return tuple(tags)

    def consents(self) -> dict[Channel, bool]:
        said: dict[Channel, bool] = {}
        for which, channels in (
            (Field.CONSENT, tuple(Channel)),
            (Field.CONSENT_EMAIL, (Channel.EMAIL,)),
            (Field.CONSENT_SMS, (Channel.SMS,)),
        ):
            found = self.first(which)
            answer = read_yes_no(found[1]) if found else None
            if answer:
                said.update(dict.fromkeys(channels, True))
        return said


def _phone(text: str) -> str:
    typed = text.strip().lstrip("'").removeprefix("tel:")
    return normalize_phone(typed)


def _email(text: str) -> str:
    email = clean(text.removeprefix("mailto:"), _("E-mail"), MAX_EMAIL)
    if email and not _EMAIL.match(email):
        raise InvalidInput(_("This is not a valid e-mail address."))
    return email


def _address(text: str) -> str:
    return clean(text, _("Address"), MAX_ADDRESS, multiline=True)
