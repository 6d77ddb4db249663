"""What a person typed, made fit to keep: one place that cleans text and quotes it back.

Every text a person types (names, notes, addresses, reasons, settings...) goes through ``clean``
before it is stored: trimmed, in NFC, spaces collapsed, its length limited, and refused when it
holds characters that are not what they look like (control and invisible characters, bidi
overrides, broken halves of characters). ``quote`` shortens what was typed for a message.
"""

from __future__ import annotations

import re
import unicodedata

from shopcrm.common.errors import InvalidInput
from shopcrm.common.formatting import number
from shopcrm.common.i18n import _
from shopcrm.common.text import normalize, normalize_lines

QUOTE_LENGTH = 30
"""At most this many characters of what was typed are quoted back in a message."""
_LINE_BREAKS = re.compile(r"\r\n?")
_KEPT_CONTROLS = frozenset("\t\n\r")
_INVISIBLE_LETTERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\u2800")
"""Characters that draw nothing although Unicode does not call them format characters."""
_LONGEST_STR_BITS = 14_000
"""Python's ``str()`` refuses whole numbers of more than 4,300 digits (about 14,284 bits)."""
_ZERO_WIDTH_JOINER = "\u200d"
_EMOJI_MODIFIERS = frozenset("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
"""An emoji's presentation selector and skin tones, which may stand before a joiner."""


def is_refused_character(ch: str) -> bool:
    """Whether a character may never be kept in a person's text: a control character (other than
    tab and line breaks), a format character (bidi overrides and isolates, zero-width spaces and
    joiners, the soft hyphen, the byte order mark...), an invisible filler, or a lone surrogate."""
    if ch.isprintable():
        return ch in _INVISIBLE_LETTERS
    category = unicodedata.category(ch)
    if category == "Cc":
        return ch not in _KEPT_CONTROLS
    return category in ("Cf", "Cs")


def has_refused_character(text: str) -> bool:
    """Whether ``text`` holds a character that ``is_refused_character`` refuses (a zero-width
    joiner inside an emoji, as in a family emoji, is part of the emoji and kept)."""
    if text.isprintable() and not _INVISIBLE_LETTERS.intersection(text):
        return False
    return any(
        is_refused_character(ch) and not _joins_emoji(text, at) for at, ch in enumerate(text)
    )


def _joins_emoji(text: str, at: int) -> bool:
    """Whether the character at ``at`` is a zero-width joiner between two emoji."""
    if text[at] != _ZERO_WIDTH_JOINER or not 0 < at < len(text) - 1:
        return False
    before, after = text[at - 1], text[at + 1]
    emoji_before = before in _EMOJI_MODIFIERS or unicodedata.category(before) == "So"
    return emoji_before and unicodedata.category(after) == "So"


def clean(text: object, field: str, max_length: int, multiline: bool = False) -> str:
    """A person's text made fit to store, or ``InvalidInput`` naming ``field``.

    The one place where what a person typed is cleaned: trimmed, put in NFC, tabs and runs of
    spaces collapsed to one space (line breaks kept, as ``\\n``, when ``multiline``; otherwise
    they are spaces too). Control characters, invisible and bidi format characters and lone
    surrogates are refused, not dropped: the person sees their text is not what it looks like.
    ``field`` is the field's translated name; ``max_length`` counts characters after cleaning.
    """
    raw = as_text(text)
    if len(raw) > 20 * max_length + 1000:
        raise too_long(field, max_length, len(raw))
    if has_refused_character(raw):
        raise InvalidInput(
            _(
                "“{field}” holds an invisible, control or broken character (often from copy "
                "and paste): please type it again."
            ).format(field=field)
        )
    cleaned = normalize_lines(_LINE_BREAKS.sub("\n", raw)) if multiline else normalize(raw)
    if len(cleaned) > max_length:
        raise too_long(field, max_length, len(cleaned))
    return cleaned


def as_text(value: object) -> str:
    """What was given, as text: "" for None; a whole number too long for ``str()`` (over 4,300
    digits) as its first digits, which is enough to refuse it."""
    if value is None:
        return ""
    if isinstance(value, int) and value.bit_length() > _LONGEST_STR_BITS:
        return _leading_digits(value, 1000)
    return str(value)


def too_long(field: str, max_length: int, length: int) -> InvalidInput:
    """The refusal of a text longer than its field allows, saying how long it may be."""

    return InvalidInput(
        _("“{field}” can be at most {n} characters long; this one has {length}.").format(
            field=field, n=number(max_length), length=number(length)
        )
    )


def quote(text: object, limit: int = QUOTE_LENGTH) -> str:
    """What was typed, fit to quote in a message: on one line, at most ``limit`` characters
    (cut with "…"), with characters that cannot be shown safely replaced by "�"."""
    typed = _leading_digits(text, limit) if isinstance(text, int) else as_text(text)
    shown = " ".join(typed[: limit * 4].split())
    if len(shown) > limit or len(typed) > limit * 4:
        shown = shown[: limit - 1].rstrip() + "…"
    if has_refused_character(shown):
        shown = "".join("\ufffd" if is_refused_character(ch) else ch for ch in shown)
    return shown


def _leading_digits(number: int, limit: int) -> str:
    """The first digits of a whole number, enough to quote it, without writing all of a number
    too long for ``str()`` (Python refuses more than 4,300 digits)."""
    if number.bit_length() <= 4 * limit:
        return str(number)
    magnitude = abs(number)
    dropped = max(magnitude.bit_length() * 3 // 10 - limit, 0)
    leading = str(magnitude // 10**dropped)
    return ("-" if number < 0 else "") + leading + ("0" * (limit + 1) if dropped else "")
