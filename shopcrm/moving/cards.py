"""Reading vCards (.vcf, versions 3 and 4) as rows under the app's own header names.

Each card is one row: its name (FN, or N put together), first phone, first e-mail, birthday
(BDAY, "--0415" when the year is unknown), anniversary (ANNIVERSARY in version 4, X-ANNIVERSARY
as phones write it in version 3), note, categories as tags, and first address.
"""

from __future__ import annotations

from typing import Any

from shopcrm.common.cleaning import quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

HEADERS = ("Name", "Phone", "E-mail", "Birthday", "Anniversary", "Notes", "Tags", "Address")
"""The columns a vCard is read into: the app's own English header names."""


def read_vcards(name: str, text: str) -> tuple[tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    """The cards in ``text`` as (headers, rows); a row's number is the card's (the header is 1,
    so the first card is 2, as in a CSV). ``InvalidInput`` when the text cannot be read."""
    import vobject

    rows: list[tuple[int, tuple[str, ...]]] = []
    try:
        for number, card in enumerate(vobject.readComponents(text, ignoreUnreadable=True), 2):
            rows.append((number, _row(card)))
    except Exception as error:  # vobject raises its own ParseError and plain ValueErrors
        raise InvalidInput(
            _("“{file}” could not be read as vCard: {reason}").format(
                file=quote(name), reason=quote(str(error), 80)
            )
        ) from None
    return HEADERS, rows


def _row(card: Any) -> tuple[str, ...]:
    contents = card.contents
    return (
        _name(contents),
        _first(contents, "tel"),
        _first(contents, "email"),
        _first(contents, "bday"),
        _first(contents, "anniversary") or _first(contents, "x-anniversary"),
        _first(contents, "note"),
        ",".join(_all(contents, "categories")),
        _address(contents),
    )


def _name(contents: dict[str, list[Any]]) -> str:
    full = _first(contents, "fn")
    if full:
        return full
    for line in contents.get("n", []):
        parts = [line.value.prefix, line.value.given, line.value.additional, line.value.family]
        return " ".join(_text(p) for p in parts if _text(p))
    return ""


def _first(contents: dict[str, list[Any]], key: str) -> str:
    for line in contents.get(key, []):
        value = _text(line.value)
        if value:
            return value
    return ""


def _all(contents: dict[str, list[Any]], key: str) -> list[str]:
    found: list[str] = []
    for line in contents.get(key, []):
        values = line.value if isinstance(line.value, list) else [line.value]
        found.extend(_text(v) for v in values if _text(v))
    return found


def _address(contents: dict[str, list[Any]]) -> str:
    for line in contents.get("adr", []):
        value = line.value
        parts = [value.street, value.city, value.region, value.code, value.country]
        text = ", ".join(_text(p) for p in parts if _text(p))
        if text:
            return text
    return ""


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return str(value).strip() if value is not None else ""
