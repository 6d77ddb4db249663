"""Phone numbers in one stored form (E.164), whatever way they were typed."""

from __future__ import annotations

import re
from functools import lru_cache

from shopcrm.common.cleaning import as_text, quote
from shopcrm.common.errors import InvalidInput
from shopcrm.common.i18n import _

# phonenumbers (its metadata for every country) is imported when a number is first read or
# shown, not when the app starts (about 20 ms): the counter's first screen shows no number.

DEFAULT_REGION = "TR"
MAX_PHONE = 30
"""No phone number, however spaced, is longer than this."""
PHONE_CHARACTERS = frozenset("0123456789+-()./ ")
"""What a phone number is typed with: ASCII digits, spaces and the usual punctuation."""
_TYPED_PHONE = re.compile(r"[0-9+\-()./\s]+")
_MIN_PHONE_DIGITS = 3
_TURKISH_LINE = re.compile(r"\+90([234][0-9]{2}|5[0345][0-9])([0-9]{3})([0-9]{2})([0-9]{2})")
"""A Turkish landline (2xx, 3xx, 4xx) or mobile (50x, 53x, 54x, 55x) number in E.164."""


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return the number in E.164 ("+905321234567"), or "" for an empty entry.

    "0532 123 45 67", "+90 532 1234567" and "5321234567" all give the same result. A number
    that cannot be a real phone number raises ``InvalidInput``, and so does any letter ("0532
    ABC DE FG" is not read as keypad digits) and any digit but 0-9 ("²" is not a 2).
    """
    import phonenumbers

    text = as_text(text).strip()
    if not text:
        return ""
    number = None
    if len(text) <= MAX_PHONE and _TYPED_PHONE.fullmatch(text):
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidInput(
            _("“{phone}” is not a valid phone number. Type it like {example}.").format(
                phone=quote(text), example="0532 123 45 67"
            )
        )
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@lru_cache(maxsize=4096)
def display_phone(e164: str, region: str = DEFAULT_REGION) -> str:
    """The number the way people read it: "0532 123 45 67" at home, "+49 30 123456" abroad.

    A list shows thousands of numbers: a Turkish mobile or landline is laid out directly (as
    ``phonenumbers`` lays it out, "0532 123 45 67", "(0212) 555 67 89"), and the answers are
    remembered.
    """
    if not e164:
        return ""
    line = _TURKISH_LINE.fullmatch(e164) if region == DEFAULT_REGION else None
    if line is not None:
        area, *rest = line.groups()
        return f"{'0' + area if area[0] == '5' else f'(0{area})'} {' '.join(rest)}"
    import phonenumbers

    number = phonenumbers.parse(e164, region)
    if phonenumbers.region_code_for_number(number) == region:
        fmt = phonenumbers.PhoneNumberFormat.NATIONAL
    else:
        fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, fmt))


def national_digits(e164: str) -> str:
    """The digits people type when looking a number up: "5321234567" for a Turkish number."""
    import phonenumbers

    if not e164:
        return ""
    number = phonenumbers.parse(e164, DEFAULT_REGION)
    return str(number.national_number)


def query_digits(text: str) -> str:
    """The digits of a phone search, without a leading 0 or +90 country code."""
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    stripped = text.strip()
    if stripped.startswith(("+90", "0090")) or (len(digits) >= 12 and digits.startswith("90")):
        digits = digits[4:] if stripped.startswith("0090") else digits[2:]
    return digits.lstrip("0")


def looks_like_phone(text: str) -> bool:
    """Whether typed text is made of phone characters only, with at least one digit."""
    stripped = text.strip()
    return bool(stripped) and set(stripped) <= PHONE_CHARACTERS and _has_digit(stripped)


def split_name_and_phone(text: str) -> tuple[str, str]:
    """What was typed in the search box, as a new customer's name and phone.

    "0555 444 33 22" gives ("", "0555 444 33 22"); "Ayşe 0532 123 45 67" gives ("Ayşe",
    "0532 123 45 67"); "Ayşe Yılmaz" gives ("Ayşe Yılmaz", ""). The words made of phone
    characters are the phone when they hold at least three digits; the other words are the name.
    """
    words = text.split()
    phone_words = [w for w in words if set(w) <= PHONE_CHARACTERS and _has_digit(w)]
    digits = sum(ch.isascii() and ch.isdigit() for w in phone_words for ch in w)
    if digits < _MIN_PHONE_DIGITS:
        return " ".join(words), ""
    name = [w for w in words if w not in phone_words]
    return " ".join(name), " ".join(phone_words)


def _has_digit(text: str) -> bool:
    return any("0" <= ch <= "9" for ch in text)
