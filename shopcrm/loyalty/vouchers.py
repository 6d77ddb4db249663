"""Voucher codes: random, short, easy to read aloud and type, with a check character.

A code is nine random characters and one check character from an alphabet without look-alikes
(no 0/O, 1/I/L, nor U), written in groups: ``KX7M-4QPA-9C``. Nine characters from thirty give
44 bits from ``secrets``: impossible to guess. The check character (Luhn mod 30) tells a
mistyped code (any one wrong character, almost any two neighbours swapped) from an unknown one.
"""

from __future__ import annotations

import random
import re

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 9
_SIZE = len(ALPHABET)
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_SEPARATORS = re.compile(r"[\s\-_.]+")
_TYPED_CODE = re.compile(rf"[A-Za-z0-9](?:[\s\-_.]*[A-Za-z0-9]){{{RANDOM_LENGTH}}}")
_DASHED = re.compile(r"[A-Za-z0-9]{4}\s*-\s*[A-Za-z0-9]{4}\s*-\s*[A-Za-z0-9]{2}")


def new_code(source: random.Random | None = None) -> str:
    """A fresh random voucher code, grouped for reading: ``KX7M-4QPA-9C``.

    Drawn from ``secrets``; a ``source`` of its own is only for the demo shop, whose vouchers
    must be the same at every build.
    """
    if source is not None:
        choice = source.choice
    else:
        import secrets  # here, not at start-up: it loads the hashing libraries

        choice = secrets.choice
    body = "".join(choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return _grouped(body + check_character(body))


def check_character(body: str) -> str:
    """The Luhn mod N check character of ``body`` (characters of ``ALPHABET``)."""
    factor, total = 2, 0
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        addend = addend // _SIZE + addend % _SIZE
        total += addend
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_SIZE - total % _SIZE) % _SIZE]


def looks_like_code(text: str) -> bool:
    """Whether typed text has the shape of a voucher code (so the counter treats it as one).

    Ten letters and digits, in any case, with any spaces or dashes between them
    ("kx7m - 4qpa - 9c", "k x 7 m 4 q p a 9 c"), with at least one letter (a phone number is
    never a code). Dashed groups (``KX7M-4QPA-9C``) always are; otherwise a valid check
    character or a digit among the letters makes it a code, even mistyped, so that a name like
    "Emre Kaya Ok" is never taken for one.
    """
    text = text.strip()
    if not _TYPED_CODE.fullmatch(text):
        return False
    compact = _SEPARATORS.sub("", text)
    if not any(ch.isalpha() for ch in compact):
        return False
    if _DASHED.fullmatch(text) or canonical(text) is not None:
        return True
    return any(ch.isdigit() for ch in compact)


def canonical(text: str) -> str | None:
    """The code as stored (``KX7M-4QPA-9C``) if ``text`` is a well-formed code, else None.

    Case, spaces and dashes do not matter. None means mistyped: a wrong length, a character
    that is never in a code, or a check character that does not match.
    """
    compact = _SEPARATORS.sub("", text).upper()
    if len(compact) != RANDOM_LENGTH + 1 or any(ch not in _INDEX for ch in compact):
        return None
    body, check = compact[:-1], compact[-1]
    if check_character(body) != check:
        return None
    return _grouped(compact)


def _grouped(compact: str) -> str:
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"
