"""Loyalty card codes: the customer's number as a short ASCII code with a check letter,
``K0000123L``, printed on the card as text, a QR code and a Code128, and recognised when a
scanner types it into the counter's search box.

The code is "K", the customer's id in at least seven digits, and a check letter. It cannot be
taken for anything else the search box gets:

- a voucher code has exactly ten letters and digits (``shopcrm.loyalty.vouchers``); a card code
  has nine (an id of eight digits gets nine, so that it never has ten);
- a phone number has no letters; a card code starts and ends with one;
- a name has no run of seven digits.

The check letter (a weighted sum of the digits modulo 23) catches any one mistyped digit and
any two neighbouring digits swapped, so a typing slip never opens another customer's record.
"""

from __future__ import annotations

import re

PREFIX = "K"
DIGITS = 7
CHECK_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXY"
"""23 letters (no I, O or Z, which read as 1, 0 and 2): 23 is prime, so every slip shows."""
_SEPARATORS = re.compile(r"[\s\-_.]+")
_CODE = re.compile(rf"{PREFIX}([0-9]{{{DIGITS},}})([A-Z])")
_VOUCHER_LENGTH = 10


def card_code(customer_id: int) -> str:
    """The card code of a customer: ``card_code(123) == "K0000123L"``."""
    if isinstance(customer_id, bool) or not isinstance(customer_id, int) or customer_id < 1:
        raise ValueError(f"not a customer id: {customer_id!r}")
    digits = str(customer_id).zfill(DIGITS)
    if len(PREFIX) + len(digits) + 1 == _VOUCHER_LENGTH:
        digits = "0" + digits
    return f"{PREFIX}{digits}{check_letter(digits)}"


def check_letter(digits: str) -> str:
    """The check letter of the digits of a card code."""
    total = sum(weight * int(d) for weight, d in enumerate(reversed(digits), start=1))
    return CHECK_LETTERS[total % len(CHECK_LETTERS)]


def customer_of(text: str) -> int | None:
    """The customer id in what a scanner (or a person) typed, if it is a card code; else None.

    Case, spaces and dashes do not matter ("k 0000123 l", "K-0000123-L"); a wrong check letter,
    a voucher code, a phone number or a name gives None.
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    compact = _SEPARATORS.sub("", text.strip()).upper()
    match = _CODE.fullmatch(compact)
    if match is None or len(compact) == _VOUCHER_LENGTH:
        return None
    digits, check = match.groups()
    if check_letter(digits) != check:
        return None
    customer_id = int(digits)
    return customer_id if customer_id > 0 else None
