"""Whole numbers as people type them (visits, days, counts), and record numbers given to the core.

Only the ASCII digits 0-9 are digits here: "²" and "٣" look like numbers to ``str.isdigit`` and
``int`` but are not what a shopkeeper meant. Bounds are the caller's, checked before any
arithmetic or SQL; a number of more than ``MAX_DIGITS`` digits is refused before ``int()``.
"""

from __future__ import annotations

import re

from shopcrm.common.cleaning import as_text, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

MAX_DIGITS = 9
"""No whole number the shop types (visits, days, counts) has more digits than this."""
LARGEST_ID = 2**63 - 1
"""SQLite's largest integer: no record number is above it."""
_WHOLE = re.compile(r"([+-]?)([0-9]+)")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_whole(value: object, signed: bool = False) -> int:
    """A whole number given as an ``int`` or typed as text ("12", " 3 ", "-2" when ``signed``).

    A ``bool``, anything but ASCII digits (with one leading sign when ``signed``), and more than
    ``MAX_DIGITS`` digits raise ``InvalidInput``; "" is refused too (the caller decides whether
    an empty field means 0). An ``int`` is returned as it is: its bounds are the caller's.
    """
    if isinstance(value, bool):
        raise InvalidInput(_("“{text}” is not a whole number.").format(text=quote(value)))
    if isinstance(value, int):
        return value
    text = _SPACES.sub("", as_text(value)).replace("−", "-")
    match = _WHOLE.fullmatch(text)
    if match is None or (match[1] == "-" and not signed):
        raise InvalidInput(_("“{text}” is not a whole number.").format(text=quote(value)))
    if len(match[2].lstrip("0")) > MAX_DIGITS:
        raise InvalidInput(_("“{text}” is too large a number.").format(text=quote(value)))
    return -int(match[2]) if match[1] == "-" else int(match[2])


def known_id(value: object) -> int | None:
    """``value`` as a record number if it can be one (an ``int``, not a ``bool``, from 1 to
    ``LARGEST_ID``), else None: the caller says there is no such record."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= LARGEST_ID:
        return value
    return None
