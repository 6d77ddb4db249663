"""The fonts of every document: DejaVu, shipped in resources/fonts with its licence and embedded
in each PDF (as a subset), so that ç ğ ı İ ö ş ü and ₺ print and extract right on any machine.
No standard PDF font (Helvetica...) is ever used: they have no ş, ğ, ı, İ nor ₺."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from shopcrm.common.app_files import resources_folder

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
MONO_BOLD = "DejaVuSansMono-Bold"
"""For codes: every character as wide as the next, 0 and O, 1 and l told apart."""

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    MONO_BOLD: "DejaVuSansMono-Bold.ttf",
}
_lock = threading.Lock()
_registered = False
_subsetting = threading.Lock()
"""reportlab cuts a font's subset out of the font file through one read position shared by the
whole process: two PDFs saved at once (the preview while a batch prints) would read each
other's glyphs. One subset is cut at a time; the rest of the drawing runs side by side."""


def fonts_dir() -> Path:
    """Where the font files are: resources/fonts beside the package or inside the stand-alone
    app's bundle (or SHOPCRM_FONTS)."""
    override = os.environ.get("SHOPCRM_FONTS")
    if override:
        return Path(override)
    return resources_folder() / "fonts"


def register() -> None:
    """Register the fonts with reportlab, once per process (from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for name, file in _FILES.items():
            font = TTFont(name, str(folder / file))
            face = font.face
            face.makeSubset = _one_at_a_time(face.makeSubset)
            pdfmetrics.registerFont(font)
        _registered = True


def _one_at_a_time(cut: Callable[..., bytes]) -> Callable[..., bytes]:
    def locked(*args: Any, **kwargs: Any) -> bytes:
        with _subsetting:
            return cut(*args, **kwargs)

    return locked


ABOVE = 0.93
"""How far a line's ink reaches above its baseline, per point of size: the marks of İ Ğ Ö Ü
reach 0.93 em in every DejaVu face (their hhea ascender), above the 0.76 em "typographic
ascent" reportlab reports."""
BELOW = 0.24
"""How far a line's ink reaches below its baseline, per point: descenders and the cedillas of
ş ç (DejaVu's hhea descender, 0.236 em)."""


@lru_cache(maxsize=16)
def _char_widths(font: str) -> tuple[dict[int, float], float]:
    register()
    face = pdfmetrics.getFont(font).face
    return {code: width / 1000.0 for code, width in face.charWidths.items()}, (
        face.defaultWidth / 1000.0
    )


@lru_cache(maxsize=65536)
def unit_width(text: str, font: str) -> float:
    """The width of ``text`` in ``font`` at a size of one point (kept per word: a batch of a
    thousand cards measures each word once)."""
    widths, default = _char_widths(font)
    return sum(widths.get(ord(ch), default) for ch in text)
