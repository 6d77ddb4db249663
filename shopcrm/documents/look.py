"""What every document shares: the safe margin, the colours, the shop's logo, rules and marks.

Nothing is drawn nearer a page's (or a card's) edge than ``SAFE`` (5 mm): printers cannot print
at the very edge (Qt's default margins are 3.5 mm) and cards are cut a little off.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from PIL import Image, UnidentifiedImageError
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from shopcrm.documents.layout import Box
from shopcrm.documents.sheets import Sheet

T = TypeVar("T")

SAFE = 5 * mm
INK = HexColor("#1E1E1E")
ACCENT = HexColor("#1F5F5B")
"""Headings and the shop's name: a deep teal that prints well in colour and in grey."""
GOLD = HexColor("#B08D57")
"""Rules and ornaments on cards."""
MUTED = HexColor("#5A5A5A")
"""Addresses, phone numbers, small print."""
CUT = HexColor("#808080")
LOGO_PIXELS = 900
"""A logo is scaled down to at most this many pixels a side: sharp at 300 dpi on 75 mm."""


@dataclass(frozen=True)
class Logo:
    """The shop's logo, read once per PDF: its pixels and its width / height."""

    image: ImageReader
    aspect: float


@lru_cache(maxsize=4)
def read_logo(data: bytes | None) -> Logo | None:
    """The logo in ``data`` (PNG, JPEG...), or None when there is none or it cannot be read
    (a broken logo leaves the documents without one rather than stopping a batch)."""
    if not data:
        return None
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            picture = opened.convert("RGBA" if _transparent(opened) else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    picture.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
    if picture.width < 1 or picture.height < 1:
        return None
    return Logo(ImageReader(picture), picture.width / picture.height)


def _transparent(picture: Image.Image) -> bool:
    return picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info


@dataclass
class Surface:
    """A PDF being drawn: the canvas, and the logo drawn once as a form that every page reuses
    (so a thousand cards carry the logo's pixels once and never hash them again)."""

    canvas: Canvas
    _logo_forms: dict[int, tuple[str, float]] = field(default_factory=dict)

    def logo(self, logo: Logo | None, box: Box, anchor: str = "c") -> Box | None:
        """Draw ``logo`` as large as fits ``box``, keeping its shape, placed at ``anchor``
        ("c" centre, "n" top, "w" left, "nw", "sw"...); the box it took, or None without one."""
        if logo is None:
            return None
        x, y, width, height = box
        name, aspect = self._form(logo)
        drawn_w, drawn_h = (
            (width, width / aspect) if width / aspect <= height else (height * aspect, height)
        )
        left = x + (width - drawn_w) / 2
        if "w" in anchor:
            left = x
        elif "e" in anchor:
            left = x + width - drawn_w
        bottom = y + (height - drawn_h) / 2
        if "n" in anchor:
            bottom = y + height - drawn_h
        elif "s" in anchor:
            bottom = y
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(left, bottom)
        canvas.scale(drawn_w / aspect, drawn_h)
        canvas.doForm(name)
        canvas.restoreState()
        return left, bottom, drawn_w, drawn_h

    def _form(self, logo: Logo) -> tuple[str, float]:
        """The form holding ``logo`` in a box ``aspect`` wide and 1 high."""
        known = self._logo_forms.get(id(logo))
        if known is not None:
            return known
        name = f"shopLogo{len(self._logo_forms)}"
        canvas = self.canvas
        canvas.beginForm(name, 0, 0, logo.aspect, 1)
        canvas.drawImage(logo.image, 0, 0, logo.aspect, 1, mask="auto")
        canvas.endForm()
        self._logo_forms[id(logo)] = (name, logo.aspect)
        return name, logo.aspect


def rule(
    canvas: Canvas, x: float, y: float, width: float, color: Color = GOLD, weight: float = 0.6
) -> None:
    """A thin horizontal line from (``x``, ``y``), ``width`` long."""
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(weight)
    canvas.line(x, y, x + width, y)
    canvas.restoreState()


def ornament(canvas: Canvas, middle: float, y: float, width: float) -> None:
    """A short rule with a small diamond in its middle, under a card's heading."""
    canvas.saveState()
    canvas.setStrokeColor(GOLD)
    canvas.setFillColor(GOLD)
    canvas.setLineWidth(0.6)
    gap = 2.2 * mm
    canvas.line(middle - width / 2, y, middle - gap, y)
    canvas.line(middle + gap, y, middle + width / 2, y)
    size = 1.1 * mm
    path = canvas.beginPath()
    path.moveTo(middle, y + size)
    path.lineTo(middle + size, y)
    path.lineTo(middle, y - size)
    path.lineTo(middle - size, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def frame(canvas: Canvas, box: Box, color: Color = GOLD, weight: float = 0.8) -> None:
    """A thin frame along ``box``."""
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(weight)
    canvas.rect(*box, stroke=1, fill=0)
    canvas.restoreState()


def cut_marks(
    canvas: Canvas, xs: list[float], ys: list[float], grid: Box, gap: float, length: float
) -> None:
    """Cut marks for a grid of cards touching each other: short lines in the margins, in line
    with each cut (``xs`` the vertical cuts, ``ys`` the horizontal ones), starting ``gap`` away
    from the grid so that no mark shows on a card cut a little off."""
    x, y, width, height = grid
    canvas.saveState()
    canvas.setStrokeColor(CUT)
    canvas.setLineWidth(0.4)
    for at in xs:
        canvas.line(at, y - gap, at, y - gap - length)
        canvas.line(at, y + height + gap, at, y + height + gap + length)
    for at in ys:
        canvas.line(x - gap, at, x - gap - length, at)
        canvas.line(x + width + gap, at, x + width + gap + length, at)
    canvas.restoreState()


def on_sheets(
    surface: Surface,
    sheet: Sheet,
    first_label: int,
    items: Iterable[T],
    each_page: Callable[[], None] | None = None,
) -> Iterator[tuple[T, Box]]:
    """Each item with the box of its label on ``sheet``, from label ``first_label`` of the
    first page on; pages are begun (with ``each_page`` drawn on each) and ended as needed."""
    canvas = surface.canvas
    size = (sheet.page[0] * mm, sheet.page[1] * mm)
    slot, page_open = first_label, False
    for item in items:
        if not page_open:
            canvas.setPageSize(size)
            if each_page is not None:
                each_page()
            page_open = True
        yield item, sheet.box(slot)
        slot += 1
        if slot > sheet.count:
            canvas.showPage()
            page_open, slot = False, 1
    if page_open:
        canvas.showPage()


def inset(box: Box, by: float) -> Box:
    """``box`` made smaller by ``by`` on every side."""
    x, y, width, height = box
    return x + by, y + by, width - 2 * by, height - 2 * by
