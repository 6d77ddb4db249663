"""Phone numbers in one stored form (E.164), whatever way they were typed."""

from __future__ import annotations

import phonenumbers

from shopcrm.errors import InvalidInput
from shopcrm.i18n import _

DEFAULT_REGION = "TR"


def normalize_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """Return the number in E.164 ("+905321234567"), or "" for an empty entry.

    "0532 123 45 67", "+90 532 1234567" and "5321234567" all give the same result; a number that
    cannot be a real phone number raises ``InvalidInput``.
    """
    text = text.strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise InvalidInput(_("“{phone}” is not a valid phone number.").format(phone=text))
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def display_phone(e164: str, region: str = DEFAULT_REGION) -> str:
    """The number the way people read it: "0532 123 45 67" at home, "+49 30 123456" abroad."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, region)
    if phonenumbers.region_code_for_number(number) == region:
        fmt = phonenumbers.PhoneNumberFormat.NATIONAL
    else:
        fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, fmt))


def national_digits(e164: str) -> str:
    """The digits people type when looking a number up: "5321234567" for a Turkish number."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, DEFAULT_REGION)
    return str(number.national_number)


def query_digits(text: str) -> str:
    """The digits of a phone search, without a leading 0 or +90 country code."""
    digits = "".join(ch for ch in text if ch.isdigit())
    stripped = text.strip()
    if stripped.startswith(("+90", "0090")) or (len(digits) >= 12 and digits.startswith("90")):
        digits = digits[4:] if stripped.startswith("0090") else digits[2:]
    return digits.lstrip("0")
