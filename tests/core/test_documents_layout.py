"""Fitting text to a box: as large as fits, wrapped at spaces, a word wider than the box broken,
cut with "…" only at the smallest size, in NFC; an address and a phone broken between parts."""

from __future__ import annotations

import unicodedata

from shopcrm.documents import fonts
from shopcrm.documents.fonts import ABOVE, BELOW, unit_width
from shopcrm.documents.layout import ELLIPSIS, fit, fit_parts

MM = 72 / 25.4


def test_a_short_text_gets_the_largest_size_and_a_long_one_shrinks_and_wraps() -> None:
    short = fit("Teşekkür ederiz", fonts.SERIF, 80 * MM, 20 * MM, 20, 8)
    assert short.size == 20 and short.lines == ("Teşekkür ederiz",)
    message = "Sizinle iş yapmaktan mutluyuz. " * 12
    long = fit(message, fonts.SERIF, 80 * MM, 40 * MM, 12, 5)
    assert 5 <= long.size < 12 and len(long.lines) > 3 and not long.shortened
    assert " ".join(long.lines) == message.strip()
    assert long.height <= 40 * MM
    assert all(width <= 80 * MM + 0.01 for width in long.widths)


def test_a_word_wider_than_the_box_is_broken_and_nothing_is_wider_than_the_box() -> None:
    block = fit("Ş" * 200, fonts.SANS_BOLD, 50 * MM, 30 * MM, 12, 6)
    assert "".join(block.lines) == "Ş" * 200
    assert all(unit_width(line, fonts.SANS_BOLD) * block.size <= 50 * MM for line in block.lines)


def test_text_that_cannot_fit_even_small_is_cut_with_an_ellipsis_inside_the_box() -> None:
    block = fit("Çok uzun bir mesaj. " * 200, fonts.SERIF, 40 * MM, 20 * MM, 10, 6, max_lines=5)
    assert block.shortened and block.size == 6 and len(block.lines) <= 5
    assert block.lines[-1].endswith(ELLIPSIS)
    assert block.height <= 20 * MM
    assert all(width <= 40 * MM + 0.01 for width in block.widths)


def test_the_height_counts_the_marks_above_capitals_and_the_cedillas_below() -> None:
    block = fit("İĞÖÜ şç", fonts.SANS, 100 * MM, 100 * MM, 10)
    assert block.height == 10 * (ABOVE + BELOW)
    two = fit("İĞÖÜ\nşç", fonts.SANS, 100 * MM, 100 * MM, 10, leading=1.25)
    assert two.height == 10 * (ABOVE + BELOW) + 12.5


def test_text_is_fitted_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Şükrü Işık İğdır")
    block = fit(decomposed, fonts.SANS, 100 * MM, 20 * MM, 10)
    assert block.lines == ("Şükrü Işık İğdır",)


def test_an_address_and_a_phone_break_between_their_parts() -> None:
    parts = ["Bağdat Cad. No: 112/4", "Şaşkınbakkal, Kadıköy", "34744 İstanbul", "0216 555 12 34"]
    block = fit_parts(parts, " · ", fonts.SANS, 80 * MM, 8 * MM, 6.5, 5.0, 2)
    assert len(block.lines) == 2
    assert block.lines[-1].endswith("0216 555 12 34")
    assert all(not line.startswith("·") and not line.endswith("·") for line in block.lines)
    assert " · ".join(block.lines).split(" · ") == parts
